"""Turn report text into quantitative facts (see ``../shared/docs/facts-schema.md``).

``extract_facts(text_or_document)`` is the one entry point; ``Fact`` is the record it returns;
``normalise_unit`` is the one home of the unit vocabulary for other layers.
"""

from planwatch.extract.facts import Fact
from planwatch.extract.pipeline import extract_facts
from planwatch.extract.units import normalise_unit

__all__ = ["Fact", "extract_facts", "normalise_unit"]
