"""Render the model to Markdown pages and build the MkDocs site (and the offline bundle)."""
