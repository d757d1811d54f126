"""`wegwijs i18n ...`: the translator workflow from the command line."""

from __future__ import annotations

import argparse

from bot.i18n import check, workflow
from bot.languages import own_name
from bot.settings import Settings


def _extract(args: argparse.Namespace) -> int:
    settings = Settings()
    catalog = workflow.extract(settings.content_dir, settings.locales_dir)
    print(f"{len(catalog)} messages -> {workflow.template_path(settings.locales_dir)}")
    return 0


def _update(args: argparse.Namespace) -> int:
    settings = Settings()
    if args.init:
        print(f"new catalog: {workflow.init_language(settings.locales_dir, args.init)}")
    langs = workflow.update(settings.locales_dir, args.languages or None)
    print("updated: " + ", ".join(langs))
    return 0


def _compile(args: argparse.Namespace) -> int:
    langs = workflow.compile_catalogs(Settings().locales_dir)
    print("compiled: " + ", ".join(langs))
    return 0


def _status(args: argparse.Namespace) -> int:
    rows = workflow.status(Settings().locales_dir)
    print(f"{'language':<24}{'translated':>11}{'unreviewed':>11}{'needs review':>13}{'missing':>9}{'%':>7}")
    for r in rows:
        name = f"{r.language} {own_name(r.language)}"
        print(f"{name:<24}{r.reviewed:>11}{r.unreviewed:>11}{r.needs_review:>13}{r.missing:>9}{r.percent:>6.0f}%")
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check.check_catalogs(Settings().locales_dir, args.languages or None)
    for problem in problems:
        print(problem)
    print("all catalogs are fine" if not problems else f"{len(problems)} problem(s) to fix")
    return 1 if problems else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `wegwijs i18n extract|update|compile|status|check`."""
    i18n = subparsers.add_parser("i18n", help="translation catalogs")
    steps = i18n.add_subparsers(dest="step", required=True)
    steps.add_parser("extract", help="content -> locales/messages.pot").set_defaults(handler=_extract)
    upd = steps.add_parser("update", help="template -> every messages.po")
    upd.add_argument("languages", nargs="*")
    upd.add_argument("--init", metavar="LANG", help="start a catalog for a new language")
    upd.set_defaults(handler=_update)
    steps.add_parser("compile", help="messages.po -> messages.mo").set_defaults(handler=_compile)
    steps.add_parser("status", help="how complete each catalog is").set_defaults(handler=_status)
    chk = steps.add_parser("check", help="placeholders, markup, length, plural forms")
    chk.add_argument("languages", nargs="*")
    chk.set_defaults(handler=_check)
