"""Enrichment: one article (text + publication date) in, structured facts out. No Kafka here."""
