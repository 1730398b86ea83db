"""Casualty figures: counted quantities of people and the toll verbs that govern them."""
