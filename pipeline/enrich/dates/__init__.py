"""Dates: expressions found and normalised (tense and calendar), and the role each plays."""
