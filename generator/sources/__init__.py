"""New source documents: read, check for personal data, register."""
