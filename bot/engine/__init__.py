"""Talking to the Rasa engine over HTTP (the only way the application reaches it)."""
