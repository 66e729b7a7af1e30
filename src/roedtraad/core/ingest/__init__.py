"""Importing contract documents: sources → text → layout → ParsedDocument."""
