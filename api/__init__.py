"""Brief: one structured, grounded brief from several news articles."""

__version__ = "0.1.0"
