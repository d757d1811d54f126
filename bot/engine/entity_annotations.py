"""Rasa validates each entity annotation of the training data once per distinct text, not per use.

Our examples annotate entities in Rasa's dict form (`[IND]{"entity": "organisation", "value": "ind"}`):
about 28,600 annotations, but only a few dozen distinct annotation texts. Rasa parses and validates
every one of them against a JSON schema (`entities_parser.get_validated_dict`), and `rasa train`
reads the NLU data twice (for the domain and for the NLU steps). Profiled with py-spy, that
validation was half of the first ten minutes of `make train`, before any component trained.

The result depends only on the annotation's text, so it is memoized; each caller gets its own copy,
and an annotation that fails validation is not memoized, so it fails again with Rasa's own message.
"""

from __future__ import annotations

from functools import lru_cache

from rasa.shared.nlu.training_data import entities_parser

_validate = entities_parser.get_validated_dict


@lru_cache(maxsize=4096)
def _validated_once(json_str: str) -> dict[str, str]:
    return _validate(json_str)


def validated_dict(json_str: str) -> dict[str, str]:
    """Rasa's validated entity dict for `json_str`, validated once per distinct text."""
    return dict(_validated_once(json_str))


def validate_each_annotation_once() -> None:
    """Make Rasa's training-data reader validate entity annotations through `validated_dict`."""
    # The reader calls the module-level name, with no parameter to pass another validator.
    entities_parser.get_validated_dict = validated_dict  # type: ignore[assignment]
