"""Getting data in: Excel/CSV templates and imports of plans and progress."""
