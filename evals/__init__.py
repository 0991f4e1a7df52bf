"""Evals: gold datasets, scorers (pure functions), baselines and the harness that runs them."""
