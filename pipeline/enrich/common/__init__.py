"""What every extractor shares: the spaCy model, cached token columns, word scans, numbers."""
