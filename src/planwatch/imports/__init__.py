"""Getting data in: imports of plans and progress from files in the exchange format (:mod:`planwatch.exchange`)."""
