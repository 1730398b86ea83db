"""Incidents across articles: each enriched event joins the open incident it reports or opens
one, and every change is a new version of that incident's record."""
