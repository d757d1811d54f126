"""What `wegwijs inbox file` writes is read by Rasa as the curator meant it (engine environment)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot import training_examples
from bot.training_examples import TrainingFile
from tests.engine_nlu.nlu_training_data import NLU_DATA, training_data

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


def test_the_shared_reader_and_checker_accept_every_example_the_project_has() -> None:
    """`bench/nlu_eval.py` reads the data through `read_blocks` and `plain`; `wegwijs inbox file`
    checks an example with `checked`. All three must take the project's own examples as Rasa does."""
    read = training_data()
    texts = Counter(message.get("text") for message in read.intent_examples)
    ours = Counter(training_examples.plain(line) for path in sorted(NLU_DATA.glob("*/*.yml"))
                   for block in training_examples.read_blocks(path) for line in block.examples
                   if training_examples.checked(line))
    assert ours == texts
