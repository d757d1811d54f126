"""Properties of the training data that training itself does not enforce (engine environment)."""

from __future__ import annotations

from collections import defaultdict

from nlu_training_data import training_data
from rasa.shared.nlu.constants import ENTITIES, TEXT


def test_each_annotated_word_stands_for_one_value():
    """Rasa maps a word to its entity value with one table for the whole model, whatever the
    sentence: a word annotated with two values ("negatief" as both `decision` and `return`) would
    get whichever file Rasa happened to read last. Span the words that decide it instead
    ("[negative intention letter]")."""
    values: dict[tuple[str, str], set[str]] = defaultdict(set)
    for example in training_data().training_examples:
        for entity in example.get(ENTITIES) or []:
            word = example.get(TEXT)[entity["start"]:entity["end"]].casefold()
            values[(entity["entity"], word)].add(str(entity["value"]).casefold())
    assert {key: sorted(found) for key, found in values.items() if len(found) > 1} == {}
