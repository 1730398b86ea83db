"""Sinks: where enriched records leave the pipeline."""
