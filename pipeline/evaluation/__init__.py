"""Scoring enriched records against hand-coded gold articles."""
