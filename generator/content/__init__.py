"""Load content/ from disk, validate it and build the typed model."""
