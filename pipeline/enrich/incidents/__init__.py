"""One article's incidents: figures, dates and places grouped, with weapons and the accused."""
