"""Comparing texts word by word and one revision of a contract with another (no Django)."""
