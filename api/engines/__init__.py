"""Engines write briefs; the service picks one behind the ``SummaryEngine`` protocol."""
