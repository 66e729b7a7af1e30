"""Notifications by e-mail when a contract moves on and when someone must answer, with an outbox."""
