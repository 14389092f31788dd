"""Tests of planwatch.documents: readers, outline, metadata and their commands."""
