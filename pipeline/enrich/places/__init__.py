"""Places: mentions resolved against the offline gazetteer, datelines and the outlet's home."""
