"""Filing an example into a training file: one line added where it belongs, nothing else touched."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import training_examples
from bot.training_examples import FilingError, TrainingFile

NLU = """version: "3.1"
nlu:
- intent: greet
  metadata:
    language: nl
  examples: |
    - hoi
    - goedemorgen

- intent: phase_decision
  metadata:
    language: nl
  examples: |
    - wat is een voornemen
- intent: report_phase
  metadata:
    language: nl
  examples: |
    - ik heb een [voornemen]{"entity": "phase", "value": "decision"} gekregen
"""


@pytest.fixture
def training(tmp_path: Path) -> TrainingFile:
    path = tmp_path / "nl" / "nlu.yml"
    path.parent.mkdir()
    path.write_text(NLU, "utf-8")
    return TrainingFile(path, "nl")


def examples(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return {block["intent"]: [line[2:] for line in block["examples"].splitlines()] for block in data["nlu"]}


def test_the_example_ends_its_intents_block_and_no_other_line_changes(training: TrainingFile) -> None:
    training.path.chmod(0o664)
    filed = training.add("greet", "goedenavond allemaal")
    assert training.path.stat().st_mode & 0o777 == 0o664  # others who read the data still can
    after = training.path.read_text("utf-8").splitlines()
    assert after[filed.line - 1] == "    - goedenavond allemaal"
    assert after[:filed.line - 1] + after[filed.line:] == NLU.splitlines()
    assert examples(training.path)["greet"] == ["hoi", "goedemorgen", "goedenavond allemaal"]
    assert examples(training.path)["phase_decision"] == ["wat is een voornemen"]


def test_a_block_that_ends_the_file_and_a_new_intent_get_their_example(training: TrainingFile) -> None:
    training.add("report_phase", "we zitten in [dublin]{\"entity\": \"phase\", \"value\": \"dublin\"}")
    training.add("housing", "wanneer krijg ik een huis")
    data = yaml.safe_load(training.path.read_text("utf-8"))
    housing = data["nlu"][-1]
    assert housing == {"intent": "housing", "metadata": {"language": "nl"},
                       "examples": "- wanneer krijg ik een huis\n"}
    assert examples(training.path)["report_phase"][-1].startswith("we zitten in [dublin]")


def test_an_example_already_in_the_file_is_found_under_its_intent(training: TrainingFile) -> None:
    assert training.intent_of("  Wat is een   VOORNEMEN ") == "phase_decision"
    assert training.intent_of("ik heb een voornemen gekregen") == "report_phase"
    assert training.intent_of("wat is een zienswijze") is None


def test_the_inbox_placeholders_and_line_breaks_do_not_reach_the_example() -> None:
    assert training_examples.from_inbox("mijn code [code] werkt\nniet, bel [number]") == "mijn code werkt niet, bel"
    with pytest.raises(FilingError, match="empty"):
        training_examples.from_inbox(" [number] \x00 ")


def test_markup_rasa_would_misread_is_refused_and_valid_annotations_pass() -> None:
    with pytest.raises(FilingError, match="misread"):
        training_examples.checked("zie [dit]{en dat")
    with pytest.raises(FilingError, match="not valid"):
        training_examples.checked('[IND]{"entity": organisation}')
    with pytest.raises(FilingError, match="under 500"):
        training_examples.checked("x" * 501)
    text = 'belt de [IND]{"entity": "organisation", "value": "ind"} mij, code [K7M3P-QX9RT](link_code)'
    assert training_examples.checked(text) == text
    assert training_examples.entities(text) == [("IND", "organisation", "ind"), ("K7M3P-QX9RT", "link_code", None)]
    assert training_examples.plain(text) == "belt de IND mij, code K7M3P-QX9RT"
    with pytest.raises(FilingError, match="names no entity"):
        training_examples.checked("code [K7M3P-QX9RT]()")


def test_annotate_marks_whole_words_in_any_case_at_their_place_in_the_original() -> None:
    marked = training_examples.annotate("Ik had mijn Tweede Gehoor", "tweede gehoor", "phase", "general_procedure")
    assert marked == 'Ik had mijn [Tweede Gehoor]{"entity": "phase", "value": "general_procedure"}'
    turkish = training_examples.annotate("İkinci görüşme oldu", "görüşme", "phase", "general_procedure")
    assert turkish == 'İkinci [görüşme]{"entity": "phase", "value": "general_procedure"} oldu'
    with pytest.raises(FilingError, match="not whole words"):
        training_examples.annotate("İkinci görüşmem oldu", "görüşme", "phase", "general_procedure")
    with pytest.raises(FilingError, match="not whole words"):
        training_examples.annotate("ik had mijn gehoor", "voornemen", "phase", "decision")
