"""The stream worker (faust-streaming): raw articles in, enriched articles and events out."""
