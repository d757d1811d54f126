"""Training without Rasa's cache hashes no step's output (engine environment)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from rasa.engine.caching import CACHE_SIZE_ENV, LocalTrainingCache
from rasa.engine.graph import ExecutionContext, GraphSchema, SchemaNode
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.training import graph_trainer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data import entities_parser

from bot.engine.entity_annotations import validated_dict
from bot.engine.uncached_training import UncachedTrainingHook, main

SCHEMA = GraphSchema({"tokenize": SchemaNode(needs={}, uses=WhitespaceTokenizer, constructor_name="create",
                                             fn="process_training_data", config={})})


class Output:
    """A step's output that counts how often it is hashed."""

    def __init__(self) -> None:
        self.hashed = 0

    def fingerprint(self) -> str:
        self.hashed += 1
        return "output"


def test_no_step_output_is_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_SIZE_ENV, "0")
    hook = UncachedTrainingHook(LocalTrainingCache(), LocalModelStorage(tmp_path), SCHEMA)
    context = ExecutionContext(SCHEMA, "test")
    output = Output()
    hook.on_after_node("tokenize", context, {}, output, hook.on_before_node("tokenize", context, {}, {}))
    assert output.hashed == 0


def test_the_entry_point_runs_rasa_with_its_cache_off_the_uncached_hook_and_each_annotation_validated_once(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Everything main changes is put back after the test.
    monkeypatch.setenv(CACHE_SIZE_ENV, "1000")
    monkeypatch.setattr(graph_trainer, "TrainingHook", graph_trainer.TrainingHook)
    monkeypatch.setattr(entities_parser, "get_validated_dict", entities_parser.get_validated_dict)
    monkeypatch.setattr(sys, "argv", sys.argv)
    main(["--version"])
    assert "Rasa Version" in capsys.readouterr().out
    assert os.environ[CACHE_SIZE_ENV] == "0"
    assert graph_trainer.TrainingHook is UncachedTrainingHook
    assert entities_parser.get_validated_dict is validated_dict
