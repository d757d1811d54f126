"""`wegwijs inbox ...` as a curator uses it: read the open questions, file or dismiss each one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.db.database import Database
from bot.db.repositories import InboxRepository
from tests.inbox.test_training_examples import NLU


@pytest.fixture
def nlu_data(tmp_path: Path) -> Path:
    """A copy of the layout of nlu_data/: one small Dutch file, no Arabic file yet."""
    (tmp_path / "nlu" / "nl").mkdir(parents=True)
    (tmp_path / "nlu" / "nl" / "nlu.yml").write_text(NLU, "utf-8")
    return tmp_path / "nlu"


@pytest.fixture
def cli(db_url: str, nlu_data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("NLU_DATA_DIR", str(nlu_data))
    monkeypatch.setenv("TIMEZONE", "Europe/Amsterdam")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def ask(database: Database, text: str, language: str | None, minute: int = 0) -> int:
    with database.session() as session:
        received = dt.datetime(2026, 12, 1, 8, minute, tzinfo=dt.UTC)
        return InboxRepository(session).add_unanswered(text, language, now=received).id


def open_questions(database: Database) -> list[str]:
    with database.session() as session:
        return [item.text for item in InboxRepository(session).unanswered()]


def examples(nlu_data: Path, language: str) -> dict[str, list[str]]:
    data = yaml.safe_load((nlu_data / language / "nlu.yml").read_text("utf-8"))
    return {block["intent"]: [line[2:] for line in block["examples"].splitlines()] for block in data["nlu"]}


def test_list_shows_open_questions_newest_first_with_counts_per_language(cli, database: Database) -> None:
    assert "The inbox is empty" in cli("inbox", "list")[1]
    ask(database, "wanneer komt mijn beslissing", "nl", minute=1)
    ask(database, "imta ghadi y3tiwni dar", "ar", minute=2)
    ask(database, "متى القرار", "ar", minute=3)
    status, out, _ = cli("inbox", "list")
    assert status == 0
    assert out.splitlines()[0] == "3 open question(s): ar (العربية) 2, nl (Nederlands) 1"
    lines = [line for line in out.splitlines() if line.startswith("#")]
    newest_first = ["متى القرار", "imta ghadi y3tiwni dar", "wanneer komt mijn beslissing"]
    assert [line.endswith(text) for line, text in zip(lines, newest_first, strict=True)] == [True] * 3
    assert "2026-12-01 09:03" in lines[0]  # shown in the curators' time zone, not UTC
    ask(database, "hoe\x1b[2J laat\nis het", None, minute=4)
    _, out, _ = cli("inbox", "list")
    assert "language unknown 1" in out.splitlines()[0]
    assert "hoe [2J laat is het" in out and "\x1b" not in out  # nothing in a question drives the terminal
    _, out, _ = cli("inbox", "list", "--lang", "nl")
    assert [line for line in out.splitlines() if line.startswith("#")][0].endswith("wanneer komt mijn beslissing")


def test_filing_adds_the_example_and_deletes_the_question(cli, database: Database, nlu_data: Path) -> None:
    number = ask(database, "wanneer komt mijn beslissing, bel me op [number]", "nl")
    status, out, _ = cli("inbox", "file", str(number), "phase_decision")
    assert status == 0 and "filed under phase_decision" in out
    assert examples(nlu_data, "nl")["phase_decision"] == [
        "wat is een voornemen", "wanneer komt mijn beslissing, bel me op"]
    assert open_questions(database) == []
    assert cli("inbox", "file", str(number), "phase_decision")[0] == 1  # gone: nothing is filed twice


def test_a_question_in_another_language_goes_to_that_languages_file(cli, database: Database, nlu_data: Path) -> None:
    number = ask(database, "kif bsa77e7 el taqrir", None)
    status, _, err = cli("inbox", "file", str(number), "phase_general_procedure")
    assert status == 1 and "--lang" in err and open_questions(database) == ["kif bsa77e7 el taqrir"]
    status, _, _ = cli("inbox", "file", str(number), "phase_general_procedure", "--lang", "ar")
    assert status == 0
    assert examples(nlu_data, "ar") == {"phase_general_procedure": ["kif bsa77e7 el taqrir"]}


def test_report_phase_needs_the_phase_marked(cli, database: Database, nlu_data: Path) -> None:
    number = ask(database, "Ik kreeg gisteren een voornemen", "nl")
    status, _, err = cli("inbox", "file", str(number), "report_phase")
    assert status == 1 and "--phase PHASE --words" in err
    status, _, err = cli("inbox", "file", str(number), "report_phase", "--phase", "decided", "--words", "voornemen")
    assert status == 1 and "not a value of phase" in err
    status, _, _ = cli("inbox", "file", str(number), "report_phase", "--phase", "decision", "--words", "voornemen")
    assert status == 0
    assert examples(nlu_data, "nl")["report_phase"][-1] == (
        'Ik kreeg gisteren een [voornemen]{"entity": "phase", "value": "decision"}')


def test_wrong_intents_and_clashes_are_refused_with_what_to_do(cli, database: Database, nlu_data: Path) -> None:
    before = (nlu_data / "nl" / "nlu.yml").read_text("utf-8")
    number = ask(database, "Wat is een voornemen", "nl")
    status, _, err = cli("inbox", "file", str(number), "phase_decison")
    assert status == 1 and "Did you mean phase_decision" in err
    status, _, err = cli("inbox", "file", str(number), "greet")
    assert status == 1 and "already filed under phase_decision" in err and "dismiss" in err
    assert (nlu_data / "nl" / "nlu.yml").read_text("utf-8") == before
    assert open_questions(database) == ["Wat is een voornemen"]
    status, out, _ = cli("inbox", "file", str(number), "phase_decision")
    assert status == 0 and "nothing added" in out
    assert (nlu_data / "nl" / "nlu.yml").read_text("utf-8") == before
    assert open_questions(database) == []


def test_the_curators_wording_replaces_the_question(cli, database: Database, nlu_data: Path) -> None:
    number = ask(database, "hallo ik ben Ahmed en ik woon in azc Budel, wanneer krijg ik een huis", "nl")
    status, _, err = cli("inbox", "file", str(number), "housing", "--text", "wanneer krijg ik een [huis](woning)")
    assert status == 1 and "'woning' (on 'huis') is not an entity" in err
    status, _, _ = cli("inbox", "file", str(number), "housing", "--text", "wanneer krijg ik een huis")
    assert status == 0 and examples(nlu_data, "nl")["housing"] == ["wanneer krijg ik een huis"]


def test_dismiss_deletes_and_unknown_numbers_say_so(cli, database: Database) -> None:
    number = ask(database, "[number]", "nl")
    assert "empty" in cli("inbox", "file", str(number), "greet")[2]
    status, out, _ = cli("inbox", "dismiss", str(number))
    assert status == 0 and f"#{number} is deleted" in out and open_questions(database) == []
    status, _, err = cli("inbox", "dismiss", str(number))
    assert status == 1 and "no open question" in err
