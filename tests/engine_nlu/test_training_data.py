"""Properties of the training data that training itself does not enforce (engine environment)."""

from __future__ import annotations

from collections import defaultdict

from nlu_training_data import training_data
from rasa.shared.nlu.constants import ENTITIES, TEXT


def test_each_annotated_word_stands_for_one_value():
    """Rasa maps a word to its entity value with one table for the whole model, whatever the
    sentence and whatever the entity: a word annotated with two values ("negatief" as both `decision`
    and `return`, or "Ter Apel" as the organisation `coa` and the phase `registration`) would get
    whichever file Rasa happened to read last. Span the words that decide it instead
    ("[negative intention letter]")."""
    values: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for example in training_data().training_examples:
        for entity in example.get(ENTITIES) or []:
            word = example.get(TEXT)[entity["start"]:entity["end"]].casefold()
            values[word].add((str(entity["entity"]), str(entity["value"]).casefold()))
    assert {word: sorted(found) for word, found in values.items() if len({value for _, value in found}) > 1} == {}
