"""The translator workflow on a scratch copy: extract, update, compile, status, check, new language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.content.model import load_content
from bot.i18n import check, workflow
from bot.i18n.catalog import Catalogs
from bot.nlg.renderer import Renderer

ANSWERS = {
    "utter_hello": {"text": "Hello {name}!"},
    "utter_days": {"text": "in {days} day", "plural": "in {days} days", "count": "days"},
    "utter_fact": {"text": "The view is due in 1 day.", "sources": ["S21"], "checked": "2026-11-28",
                   "buttons": [{"title": "more", "payload": "/tell_me_more"}]},
}


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path]:
    content, locales = tmp_path / "content", tmp_path / "locales"
    (content / "answers").mkdir(parents=True)
    (content / "answers" / "test.yml").write_text(yaml.safe_dump(ANSWERS), "utf-8")
    (content / "buttons.yml").write_text("more: Tell me more\n", "utf-8")
    (content / "topics.yml").write_text("greet: Hello\n", "utf-8")
    workflow.extract(content, locales)
    return content, locales


def translate(locales: Path, lang: str, strings: dict[str, object], unreviewed: bool = False) -> None:
    path = workflow.po_path(locales, lang)
    catalog = workflow.read_catalog(path, lang)
    for message in catalog:
        if message.context in strings:
            message.string = strings[message.context]
            if unreviewed:
                message.user_comments = [f"{workflow.UNREVIEWED_MARK}: machine-assisted"]
    workflow.write_catalog(catalog, path)


def test_extract_carries_context_sources_and_plural(project):
    _, locales = project
    pot = workflow.read_catalog(workflow.template_path(locales))
    by_context = {m.context: m for m in pot if m.id}
    assert set(by_context) == {"utter_hello", "utter_days", "utter_fact", "button:more", "topic:greet"}
    assert by_context["utter_fact"].auto_comments == ["Sources: S21 (checked 2026-11-28)"]
    assert by_context["utter_days"].pluralizable


def test_update_marks_a_changed_source_as_needing_review(project):
    content, locales = project
    workflow.update(locales, ["nl"])
    translate(locales, "nl", {"utter_hello": "Hallo {name}!"})
    changed = {**ANSWERS, "utter_hello": {"text": "Hi there {name}!"}}
    (content / "answers" / "test.yml").write_text(yaml.safe_dump(changed), "utf-8")
    workflow.extract(content, locales)
    workflow.update(locales, ["nl"])
    catalog = workflow.read_catalog(workflow.po_path(locales, "nl"), "nl")
    message = next(m for m in catalog if m.context == "utter_hello")
    assert message.string == "Hallo {name}!" and "fuzzy" in message.flags
    assert workflow.status(locales)[0].needs_review == 1


def test_compiled_catalog_serves_translation_and_marks_unreviewed(project):
    content, locales = project
    workflow.update(locales, ["ar"])
    translate(locales, "ar", {"utter_hello": "مرحبا {name}!",
                              "utter_days": ("بعد {days} يوم",) * 6}, unreviewed=True)
    workflow.compile_catalogs(locales)
    renderer = Renderer(load_content(content), Catalogs(locales, ("en", "ar")))
    hello = renderer.translate(renderer.content.entries["utter_hello"], "ar", {"name": "Sara"})
    assert hello.text == "مرحبا Sara!" and hello.language == "ar" and not hello.reviewed
    fact = renderer.render("utter_fact", "ar")
    assert fact.fallback and fact.text.startswith("The view is due")


def test_status_counts_each_state(project):
    _, locales = project
    workflow.update(locales, ["fr"])
    translate(locales, "fr", {"utter_hello": "Bonjour {name} !"}, unreviewed=True)
    translate(locales, "fr", {"button:more": "En savoir plus"})
    row = workflow.status(locales)[0]
    assert (row.reviewed, row.unreviewed, row.missing, row.total) == (1, 1, 3, 5)
    assert row.percent == pytest.approx(40.0)


@pytest.mark.parametrize(
    ("strings", "expected"),
    [
        ({"utter_hello": "Bonjour !"}, "the placeholder {name} is missing"),
        ({"utter_hello": "Bonjour {nom} !"}, "{nom} is not in the English text"),
        ({"utter_hello": "<b>Bonjour</b> {name}"}, "markup"),
        ({"utter_days": ("dans {days} jour", "", "dans {days} jours")}, "plural forms are empty"),
        ({"button:more": "x" * 80}, "at most 64 fit here"),
    ],
)
def test_check_explains_each_problem_to_a_translator(project, strings, expected):
    _, locales = project
    workflow.update(locales, ["fr"])
    translate(locales, "fr", strings)
    problems = [str(p) for p in check.check_catalogs(locales)]
    assert problems and any(expected in p for p in problems)
    assert all(p.startswith("fr: ") for p in problems)


def test_a_correct_catalog_passes_the_check(project):
    _, locales = project
    workflow.update(locales, ["fr"])
    days = ("dans {days} jour", "dans {days} jours", "dans {days} jours")
    translate(locales, "fr", {"utter_hello": "Bonjour {name} !", "utter_days": days})
    assert check.check_catalogs(locales) == []


def test_the_shipped_catalogs_are_current_with_the_content(tmp_path, project_root):
    """The committed template equals a fresh extraction: no text is missing for translators."""
    shutil.copytree(project_root / "bot" / "content", tmp_path / "content")
    fresh = workflow.extract(tmp_path / "content", tmp_path / "locales")
    shipped = workflow.read_catalog(workflow.template_path(project_root / "locales"))
    assert {(m.context, m.id) for m in fresh if m.id} == {(m.context, m.id) for m in shipped if m.id}


def test_the_shipped_catalogs_pass_the_check(project_root):
    problems = check.check_catalogs(project_root / "locales")
    assert not problems, "\n".join(map(str, problems))


def test_the_source_catalog_mirrors_the_english(project):
    _, locales = project
    workflow.update(locales, ["en"])
    catalog = workflow.read_catalog(workflow.po_path(locales, "en"), "en")
    assert all(m.string == m.id for m in catalog if m.id)
    assert workflow.status(locales)[0].reviewed == 5
