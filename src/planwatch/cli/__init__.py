"""Command-line faces of planwatch: thin wrappers over the library's service functions."""
