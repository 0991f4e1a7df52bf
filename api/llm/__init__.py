"""The llm engine's parts: the model client, token budgets, output schemas and map-reduce."""
