"""Renderers: pure functions from models to HTML/Markdown strings (no MkDocs, no I/O)."""
