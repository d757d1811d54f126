"""The Rasa engine: training its model, running it, and talking to it over HTTP (the only way the
application reaches it)."""
