"""`wegwijs case ...`: what a caseworker does until the staff console exists.

    wegwijs case create --phase rest_period [--ref REF] [--since 2026-11-20] [--location "AZC Budel"]
    wegwijs case code REF            a one-time code (and a Telegram link) to give the person
    wegwijs case phase REF decision  the person gets one message explaining the new phase
    wegwijs case dates REF --appeal-deadline 2026-12-12 [--interview none]
    wegwijs case show REF | list | unlink REF | delete REF --yes
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from typing import Any
from zoneinfo import ZoneInfo

from bot.cases import linking, phases, service
from bot.cases.keydates import local_today
from bot.cases.service import CaseError
from bot.db.database import Database, command_database
from bot.db.repositories import ChatLinkRepository, LinkCodeRepository
from bot.db.types import utcnow
from bot.settings import Settings

NONE = "none"


class _Unset:
    """The default of an option that was not given (None means "clear it")."""

    def __repr__(self) -> str:
        return "unchanged"


_UNSET: Any = _Unset()


def _date(text: str) -> dt.date | None:
    if text.lower() == NONE:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD) or 'none': {text!r}") from exc


def _open(args: argparse.Namespace) -> tuple[Settings, Database]:
    settings: Settings = getattr(args, "settings", None) or Settings()
    return settings, command_database(settings.database_url, settings.database_auto_migrate)


def _actor(args: argparse.Namespace) -> str:
    return f"cli:{args.by or getpass.getuser()}"[:64]


def _fail(message: str) -> int:
    print(f"wegwijs case: {message}", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace, work: Any) -> int:
    settings, database = _open(args)
    try:
        with database.session() as session:
            return int(work(settings, session) or 0)
    except CaseError as exc:
        return _fail(str(exc))
    finally:
        database.dispose()


def cmd_create(args: argparse.Namespace) -> int:
    """Create a case and print its reference."""
    def work(settings: Settings, session: Any) -> int:
        now = utcnow()
        since = args.since or local_today(now, settings.timezone)
        case = service.create_case(
            session, phase=args.phase, since=since, actor=_actor(args), now=now, reference=args.ref,
            organisation=args.organisation, location=args.location, next_interview_on=args.interview,
            decision_expected_on=args.decision, appeal_deadline_on=args.appeal_deadline,
        )
        print(f"case {case.reference} created: {case.phase} since {case.phase_since.isoformat()}")
        print(f"next: wegwijs case code {case.reference}")
        return 0
    return _run(args, work)


def cmd_code(args: argparse.Namespace) -> int:
    """Create a one-time link code for a case and print it (it is never shown again)."""
    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        days = args.days or settings.link_code_days
        issued = linking.issue_code(
            session, case, key=settings.pseudonym_key.get_secret_value(), now=utcnow(),
            valid_for=dt.timedelta(days=days), created_by=_actor(args),
            bot_username=settings.telegram_bot_username,
        )
        expires = issued.expires_at.astimezone(ZoneInfo(settings.timezone))
        print(f"code for case {case.reference}: {issued.code}")
        print(f"valid once, until {expires:%Y-%m-%d %H:%M} ({settings.timezone})")
        if issued.deep_link:
            print(f"Telegram link: {issued.deep_link}")
        print("The person sends the code to the assistant (or opens the link). Give it to them only.")
        return 0
    return _run(args, work)


def cmd_phase(args: argparse.Namespace) -> int:
    """Change a case's phase; linked chats get one message about it."""
    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        now = utcnow()
        changed = service.change_phase(
            session, case, args.phase, changed_on=args.on or local_today(now, settings.timezone),
            actor=_actor(args), now=now, default_language=settings.default_language,
        )
        if changed.change is None:
            print(f"case {case.reference} is already in {case.phase}: nothing changed")
        else:
            print(f"case {case.reference}: {changed.change.from_phase} -> {case.phase} "
                  f"({changed.notified} linked chat(s) will be told)")
        return 0
    return _run(args, work)


def cmd_dates(args: argparse.Namespace) -> int:
    """Set or clear key dates (`none` clears one)."""
    given = {name: getattr(args, name) for name in ("interview", "decision", "appeal_deadline")
             if getattr(args, name) is not _UNSET}
    if not given:
        return _fail("give at least one of --interview, --decision, --appeal-deadline")
    columns = {"interview": "next_interview_on", "decision": "decision_expected_on",
               "appeal_deadline": "appeal_deadline_on"}

    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        service.set_key_dates(session, case, actor=_actor(args), now=utcnow(),
                              **{columns[name]: value for name, value in given.items()})
        _print_dates(case)
        return 0
    return _run(args, work)


def cmd_update(args: argparse.Namespace) -> int:
    """Change the reception location or the managing organisation."""
    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        service.set_details(session, case, actor=_actor(args), now=utcnow(), location=args.location,
                            organisation=args.organisation)
        print(f"case {case.reference}: location {case.reception_location or '-'}, "
              f"organisation {case.organisation}")
        return 0
    return _run(args, work)


def _print_dates(case: Any) -> None:
    dates = (("next interview", case.next_interview_on), ("decision expected", case.decision_expected_on),
             ("appeal deadline", case.appeal_deadline_on))
    for label, value in dates:
        print(f"  {label:18} {value.isoformat() if value else '-'}")


def cmd_show(args: argparse.Namespace) -> int:
    """Print a case: phase, key dates, history, linked chats (counted, never shown)."""
    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        now = utcnow()
        print(f"case {case.reference} ({case.organisation}, {case.reception_location or 'no location'})")
        print(f"  phase              {case.phase} since {case.phase_since.isoformat()}")
        _print_dates(case)
        print(f"  linked chats       {len(ChatLinkRepository(session).for_case(case))}")
        codes = LinkCodeRepository(session).for_case(case)
        live = [c for c in codes if c.used_at is None and c.expires_at > now]
        print(f"  unused codes       {len(live)}")
        print("  history:")
        for change in case.history:
            print(f"    {change.changed_on.isoformat()}  {change.from_phase or '-':>18} -> "
                  f"{change.to_phase:18}  by {change.recorded_by}")
        return 0
    return _run(args, work)


def cmd_list(args: argparse.Namespace) -> int:
    """List every case with its phase."""
    def work(settings: Settings, session: Any) -> int:
        from bot.db.repositories import CaseRepository

        for case in CaseRepository(session).all():
            print(f"{case.reference:24} {case.phase:20} since {case.phase_since.isoformat()}  "
                  f"{case.organisation}")
        return 0
    return _run(args, work)


def cmd_unlink(args: argparse.Namespace) -> int:
    """Unlink every chat from a case (the caseworker's side)."""
    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        count = linking.unlink_case(session, case, actor=_actor(args), now=utcnow())
        print(f"case {case.reference}: {count} chat(s) unlinked")
        return 0
    return _run(args, work)


def cmd_delete(args: argparse.Namespace) -> int:
    """Delete a case with its history, codes and links."""
    if not args.yes:
        return _fail("deleting a case cannot be undone: add --yes")

    def work(settings: Settings, session: Any) -> int:
        case = service.get_case(session, args.ref)
        service.delete_case(session, case, actor=_actor(args), now=utcnow())
        print(f"case {args.ref} deleted")
        return 0
    return _run(args, work)



def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs case ...`."""
    parser = subparsers.add_parser("case", help="cases and link codes (caseworkers)",
                                   description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="case_command", required=True)

    def add(name: str, handler: Any, help_text: str, ref: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if ref:
            sub.add_argument("ref", help="the case reference")
        sub.add_argument("--by", help="who does this (for the audit log; default: your login name)")
        sub.set_defaults(handler=handler)
        return sub

    create = add("create", cmd_create, "create a case", ref=False)
    create.add_argument("--ref", help="a reference without personal data (default: a random WW-XXXXXX)")
    create.add_argument("--phase", required=True, choices=phases.PHASES)
    create.add_argument("--since", type=_date, help="the day the phase began (default: today)")
    create.add_argument("--organisation", default="vwn", choices=service.ORGANISATIONS,
                        help="who manages the case (default: vwn)")
    create.add_argument("--location", help="the reception location, e.g. 'AZC Budel'")
    create.add_argument("--interview", type=_date, help="the next interview date")
    create.add_argument("--decision", type=_date, help="the expected decision date")
    create.add_argument("--appeal-deadline", type=_date, help="the appeal deadline")

    code = add("code", cmd_code, "create a one-time link code for the person")
    code.add_argument("--days", type=int, help="days the code stays valid (default: LINK_CODE_DAYS, 7)")

    phase = add("phase", cmd_phase, "change the phase (linked chats are told)")
    phase.add_argument("phase", choices=phases.PHASES)
    phase.add_argument("--on", type=_date, help="the day the new phase began (default: today)")

    dates = add("dates", cmd_dates, "set or clear key dates ('none' clears)")
    dates.add_argument("--interview", type=_date, default=_UNSET)
    dates.add_argument("--decision", type=_date, default=_UNSET)
    dates.add_argument("--appeal-deadline", type=_date, default=_UNSET)

    update = add("update", cmd_update, "change the reception location or the organisation")
    update.add_argument("--location", help="the reception location ('' clears it)")
    update.add_argument("--organisation", choices=service.ORGANISATIONS)

    add("show", cmd_show, "show a case")
    add("list", cmd_list, "list the cases", ref=False)
    add("unlink", cmd_unlink, "unlink every chat from the case")
    delete = add("delete", cmd_delete, "delete the case")
    delete.add_argument("--yes", action="store_true", help="yes, delete it")
