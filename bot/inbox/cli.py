"""`wegwijs inbox ...`: what the assistant could not answer, for curators, until the staff console exists.

    wegwijs inbox list [--lang ar] [--limit 50]     open questions, newest first
    wegwijs inbox file 12 phase_decision            file question 12 as a training example
    wegwijs inbox file 12 report_phase --phase decision --words "voornemen"
    wegwijs inbox file 12 documents --lang nl --text "waar haal ik een nieuw pasje"
    wegwijs inbox dismiss 12                        nothing to learn from it (spam, a test, personal)

A filed or dismissed question is deleted from the inbox. The example goes to the end of its
intent's block in nlu_data/<lang>/nlu.yml; run `make test`, then train, as after any data change
(docs/curators.md).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot import training_examples
from bot.db.database import command_database
from bot.db.models import UnansweredQuestion
from bot.db.repositories import InboxRepository
from bot.intent_contract import IntentContract, load_intent_contract
from bot.languages import SUPPORTED_LANGUAGES, own_name
from bot.settings import Settings
from bot.training_examples import FilingError, TrainingFile

#: The intent whose examples must mark the words that name the phase (docs/intents.md).
REPORT_PHASE = "report_phase"


def _fail(message: str) -> int:
    print(f"wegwijs inbox: {message}", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace, work: Any) -> int:
    settings: Settings = getattr(args, "settings", None) or Settings()
    database = command_database(settings.database_url, settings.database_auto_migrate)
    try:
        with database.session() as session:
            return int(work(settings, session) or 0)
    except FilingError as exc:
        return _fail(str(exc))
    finally:
        database.dispose()


def _language_label(code: str | None) -> str:
    return f"{code} ({own_name(code)})" if code in SUPPORTED_LANGUAGES else "language unknown"


def cmd_list(args: argparse.Namespace) -> int:
    """Print the open questions, newest first, with how many each language has."""
    def work(settings: Settings, session: Session) -> int:
        inbox = InboxRepository(session)
        counts = inbox.unanswered_by_language()
        total = sum(counts.values())
        if not total:
            print("The inbox is empty: every question was answered, filed or dismissed.")
            return 0
        per_language = ", ".join(f"{_language_label(code)} {count}" for code, count
                                 in sorted(counts.items(), key=lambda item: (-item[1], item[0] or "")))
        print(f"{total} open question(s): {per_language}")
        zone = ZoneInfo(settings.timezone)
        for item in inbox.unanswered(limit=args.limit, language=args.lang):
            received = item.received_at.astimezone(zone)
            text = training_examples.one_line(item.text)
            print(f"#{item.id:<6} {received:%Y-%m-%d %H:%M}  {item.language or '--':3} {text}")
        print("File one under the intent it asks (docs/intents.md): wegwijs inbox file NUMBER INTENT")
        return 0
    return _run(args, work)


def cmd_file(args: argparse.Namespace) -> int:
    """File an open question as a training example, then delete it from the inbox."""
    contract = load_intent_contract()
    problem = _intent_problem(args.intent, contract)
    if problem:
        return _fail(problem)

    def work(settings: Settings, session: Session) -> int:
        inbox = InboxRepository(session)
        item = inbox.question(args.number)
        if item is None:
            return _fail(f"there is no open question #{args.number} (see: wegwijs inbox list)")
        language = args.lang or item.language
        if language not in SUPPORTED_LANGUAGES:
            return _fail("the language of this question is not known: give the language it is written in "
                         f"with --lang ({', '.join(SUPPORTED_LANGUAGES)})")
        example = _example(args, item, contract)
        training = TrainingFile(settings.nlu_data_dir / language / "nlu.yml", language)
        already = training.intent_of(example)
        if already not in (None, args.intent):
            return _fail(f"this example is already filed under {already} in {training.path}: one kind of "
                         f"message goes under one intent. Move it by hand if {already} is wrong, or "
                         f"dismiss the question: wegwijs inbox dismiss {item.id}")
        if already is None:
            filed = training.add(args.intent, example)
            print(f"filed under {args.intent} in {filed.path}:{filed.line}")
            print(f"    - {filed.example}")
        else:
            print(f"already filed under {args.intent} in {training.path}: nothing added")
        inbox.delete_question(item)
        print(f"question #{item.id} is deleted from the inbox. Next: make test, then retrain (make train).")
        return 0
    return _run(args, work)


def cmd_dismiss(args: argparse.Namespace) -> int:
    """Delete an open question that teaches nothing (spam, a test, only personal details)."""
    def work(settings: Settings, session: Session) -> int:
        inbox = InboxRepository(session)
        item = inbox.question(args.number)
        if item is None:
            return _fail(f"there is no open question #{args.number} (see: wegwijs inbox list)")
        inbox.delete_question(item)
        print(f"question #{item.id} is deleted from the inbox")
        return 0
    return _run(args, work)


def _intent_problem(intent: str, contract: IntentContract) -> str | None:
    if intent in contract.all_intents:
        return None
    close = difflib.get_close_matches(intent, contract.all_intents, n=3)
    hint = f" Did you mean {' or '.join(close)}?" if close else " docs/intents.md lists them."
    return f"{intent!r} is not an intent.{hint}"


def _example(args: argparse.Namespace, item: UnansweredQuestion, contract: IntentContract) -> str:
    """The example to file: the question (or the curator's --text), with the phase marked if asked."""
    example = training_examples.checked(args.text) if args.text else training_examples.from_inbox(item.text)
    if args.phase or args.words:
        if not (args.phase and args.words):
            raise FilingError("--phase and --words go together: the phase, and the words that name it")
        example = training_examples.annotate(example, args.words, "phase", args.phase)
    marked = training_examples.entities(example)
    for words, entity, value in marked:
        known = contract.entities.get(entity)
        if known is None:
            raise FilingError(f"{entity!r} (on {words!r}) is not an entity: {', '.join(contract.entities)}")
        if known and value not in known:
            raise FilingError(f"{value!r} (on {words!r}) is not a value of {entity}: {', '.join(known)}")
    if args.intent == REPORT_PHASE and not any(entity == "phase" for _, entity, _ in marked):
        raise FilingError("a report_phase example marks the words that name the phase, so that the assistant "
                          "remembers it: add --phase PHASE --words \"the words\" "
                          f"({', '.join(contract.entities['phase'])})")
    return example


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs inbox ...`."""
    parser = subparsers.add_parser("inbox", help="questions the assistant could not answer (curators)",
                                   description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="inbox_command", required=True)

    listing = commands.add_parser("list", help="open questions, newest first")
    listing.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="only this language")
    listing.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    listing.set_defaults(handler=cmd_list)

    filing = commands.add_parser("file", help="file a question as a training example under an intent")
    filing.add_argument("number", type=int, help="the question's number in `wegwijs inbox list`")
    filing.add_argument("intent", help="the intent it asks (docs/intents.md)")
    filing.add_argument("--lang", choices=SUPPORTED_LANGUAGES,
                        help="the language it is written in, when that is not the one shown")
    filing.add_argument("--text", help="file this wording instead (the question shortened or corrected)")
    filing.add_argument("--phase", help="mark the phase the example names (report_phase needs it)")
    filing.add_argument("--words", help="the words of the example that name that phase")
    filing.set_defaults(handler=cmd_file)

    dismiss = commands.add_parser("dismiss", help="delete a question that teaches nothing")
    dismiss.add_argument("number", type=int, help="the question's number in `wegwijs inbox list`")
    dismiss.set_defaults(handler=cmd_dismiss)
