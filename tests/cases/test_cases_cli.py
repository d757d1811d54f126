"""`wegwijs case ...` as a caseworker uses it."""

from __future__ import annotations

import re

import pytest

from bot.cases import codes
from bot.cases.service import get_case
from bot.cli import main
from bot.db.database import Database
from bot.db.models import ChatLink, OutboxMessage
from bot.db.repositories import ChatLinkRepository, LinkCodeRepository
from bot.db.types import utcnow


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("PSEUDONYM_KEY", "cli-test-key")
    monkeypatch.setenv("TELEGRAM_BOT_USERNAME", "wegwijs_test_bot")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_create_a_case_and_a_code(cli, database: Database) -> None:
    status, out, _ = cli("case", "create", "--ref", "WW-ANNA1", "--phase", "decision", "--since", "2026-11-30",
                         "--location", "AZC Budel", "--appeal-deadline", "2026-12-12", "--by", "anna")
    assert status == 0 and "case WW-ANNA1 created: decision since 2026-11-30" in out
    status, out, _ = cli("case", "code", "WW-ANNA1", "--by", "anna")
    assert status == 0
    code = re.search(r"code for case WW-ANNA1: (\S+)", out).group(1)
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}", code)
    assert f"https://t.me/wegwijs_test_bot?start={codes.normalise(code)}" in out
    with database.session() as session:
        (stored,) = LinkCodeRepository(session).for_case(get_case(session, "WW-ANNA1"))
        assert stored.code_hash == codes.code_hash(codes.normalise(code), "cli-test-key")


def test_change_phase_dates_and_show(cli, database: Database) -> None:
    cli("case", "create", "--ref", "WW-ANNA1", "--phase", "general_procedure")
    with database.session() as session:
        ChatLinkRepository(session).link("te-anna", get_case(session, "WW-ANNA1"), utcnow())
    status, out, _ = cli("case", "phase", "WW-ANNA1", "decision", "--on", "2026-12-01")
    assert status == 0 and "general_procedure -> decision (1 linked chat(s) will be told)" in out
    status, out, _ = cli("case", "dates", "WW-ANNA1", "--appeal-deadline", "2026-12-12", "--interview", "none")
    assert status == 0 and "2026-12-12" in out
    status, out, _ = cli("case", "show", "WW-ANNA1")
    assert status == 0
    assert "decision since 2026-12-01" in out and "linked chats       1" in out
    assert "te-anna" not in out  # chats are counted, never shown
    status, out, _ = cli("case", "list")
    assert "WW-ANNA1" in out
    with database.session() as session:
        assert session.query(OutboxMessage).count() == 1


def test_unlink_and_delete(cli, database: Database) -> None:
    cli("case", "create", "--ref", "WW-ANNA1", "--phase", "appeal")
    with database.session() as session:
        ChatLinkRepository(session).link("te-anna", get_case(session, "WW-ANNA1"), utcnow())
    assert cli("case", "unlink", "WW-ANNA1")[1].strip() == "case WW-ANNA1: 1 chat(s) unlinked"
    assert cli("case", "delete", "WW-ANNA1")[0] == 1  # needs --yes
    assert cli("case", "delete", "WW-ANNA1", "--yes")[0] == 0
    with database.session() as session:
        assert session.query(ChatLink).count() == 0


def test_mistakes_are_explained(cli) -> None:
    status, _, err = cli("case", "show", "WW-NOPE")
    assert status == 1 and "no case with reference 'WW-NOPE'" in err
    status, _, err = cli("case", "create", "--ref", "Amina Yusuf", "--phase", "appeal")
    assert status == 1 and "without spaces" in err
    assert cli("case", "dates", "WW-NOPE")[0] == 1
