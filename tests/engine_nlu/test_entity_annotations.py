"""Entity annotations are validated once per distinct text, with Rasa's own result and errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rasa.shared.exceptions import SchemaValidationError
from rasa.shared.nlu.training_data import entities_parser

from bot.engine import entity_annotations
from bot.engine.entity_annotations import validate_each_annotation_once

ANNOTATED = '[IND]{"entity": "organisation", "value": "ind"} belt me'


@pytest.fixture
def rasa_validations(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The annotations Rasa's own validator is asked to validate, with the memo empty."""
    asked: list[str] = []
    original = entity_annotations._validate

    def counting(json_str: str) -> dict[str, str]:
        asked.append(json_str)
        return original(json_str)

    monkeypatch.setattr(entity_annotations, "_validate", counting)
    # Rasa's own function is put back after the test.
    monkeypatch.setattr(entities_parser, "get_validated_dict", entities_parser.get_validated_dict)
    entity_annotations._validated_once.cache_clear()
    validate_each_annotation_once()
    yield asked
    entity_annotations._validated_once.cache_clear()


def test_the_same_annotation_is_validated_once_and_parsed_each_time(rasa_validations: list[str]) -> None:
    first = entities_parser.find_entities_in_training_example(ANNOTATED)
    second = entities_parser.find_entities_in_training_example(ANNOTATED)
    assert first == second == [{"start": 0, "end": 3, "value": "ind", "entity": "organisation"}]
    assert rasa_validations == ['"entity": "organisation", "value": "ind"']


def test_each_caller_gets_its_own_dict(rasa_validations: list[str]) -> None:
    entities_parser.get_validated_dict('"entity": "organisation"')["entity"] = "changed"
    assert entities_parser.get_validated_dict('"entity": "organisation"') == {"entity": "organisation"}


def test_an_invalid_annotation_fails_with_rasas_error_every_time(rasa_validations: list[str]) -> None:
    for _ in range(2):
        with pytest.raises(SchemaValidationError):
            entities_parser.find_entities_in_training_example('[IND]{"value": "ind"} belt me')
    assert len(rasa_validations) == 2
