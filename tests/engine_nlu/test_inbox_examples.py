"""What `wegwijs inbox file` writes is read by Rasa as the curator meant it (engine environment)."""

from __future__ import annotations

from pathlib import Path

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.inbox import training_examples
from bot.inbox.training_examples import TrainingFile

LANGUAGE_FILE = """version: "3.1"
nlu:
- intent: report_phase
  metadata:
    language: ar
  examples: |
    - وصلني [قرار]{"entity": "phase", "value": "decision"}
- intent: greet
  metadata:
    language: ar
  examples: |
    - مرحبا
"""


def test_rasa_reads_filed_examples_with_their_phase_and_language(tmp_path: Path) -> None:
    path = tmp_path / "nlu.yml"
    path.write_text(LANGUAGE_FILE, "utf-8")
    training = TrainingFile(path, "ar")
    marked = training_examples.annotate("akhadt el [number] negative", "negative", "phase", "return")
    training.add("report_phase", training_examples.from_inbox(marked))
    training.add("goodbye", "b aman allah")
    data = RasaYAMLReader().read(path)
    examples = {(m.get("intent"), m.get("text")): m for m in data.intent_examples}
    filed = examples[("report_phase", "akhadt el negative")]
    assert [(e["entity"], e["value"], e["start"], e["end"]) for e in filed.get("entities")] == [
        ("phase", "return", 10, 18)]
    assert filed.get("metadata") == {"intent": {"language": "ar"}}  # as the language identifier reads it in training
    assert examples[("goodbye", "b aman allah")].get("metadata") == {"intent": {"language": "ar"}}
    assert len(data.intent_examples) == 4
