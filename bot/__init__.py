"""Wegwijs: a multilingual information assistant for people in the Dutch asylum procedure.

Kept free of imports: the engine-side NLU components in ``bot.engine_nlu`` are imported by Rasa
from its own Python 3.10 environment, which has none of the application's libraries.
"""
