"""`newsflow serve`: the incident map and its JSON API over the latest version of each incident."""
