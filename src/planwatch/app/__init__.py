"""The application layer: the use cases every face (CLI, pages, API) calls."""
