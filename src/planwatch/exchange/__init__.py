"""The exchange format both ways: its sheets and columns, cell typing, header spellings, CSV safety, templates.

Imports read this format and exports write it; neither may own it, or the layer that writes
would depend on the layer that reads (``exports`` imported from ``imports`` before this package).
"""
