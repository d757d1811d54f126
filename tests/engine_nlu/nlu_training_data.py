"""The project's NLU training data, read once per test run with Rasa's own reader.

Reading every language takes about 40 seconds (three minutes when each entity annotation is validated
anew; see `bot.engine.entity_annotations`), and Rasa's reader is the only one that parses the
annotations exactly as training does, so the tests that check the data share one read.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.engine.entity_annotations import validate_each_annotation_once

NLU_DATA = Path(__file__).resolve().parents[2] / "nlu_data"


@cache
def training_data() -> TrainingData:
    """Every example, lookup table and pattern under nlu_data/, as `rasa train` reads them."""
    validate_each_annotation_once()
    return TrainingData().merge(*(RasaYAMLReader().read(path) for path in sorted(NLU_DATA.rglob("*.yml"))))
