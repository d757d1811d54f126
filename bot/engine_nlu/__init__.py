"""Custom NLU components that run inside the Rasa engine (`.venv-rasa`, Python 3.10).

Import only rasa, spaCy and the standard library here: nothing of the application's environment.
"""
