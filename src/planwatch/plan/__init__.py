"""The plan domain model (pure data): see :mod:`planwatch.plan.model`."""
