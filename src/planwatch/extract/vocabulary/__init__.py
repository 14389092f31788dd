"""Vocabulary of the extractor, kept as data: the engine in ``planwatch.extract`` knows no words.

Each module holds one family of words (units, cue words, periods, not-a-fact patterns). A new
phrase that the extractor misses is usually a new row here, not a new ``if`` in the engine.
"""
