"""A translator adds an eleventh language the way docs/translators.md says, and it works."""

from __future__ import annotations

import shutil

from bot.cli import main as wegwijs
from bot.content.model import load_content
from bot.i18n import workflow
from bot.i18n.catalog import Catalogs
from bot.nlg.renderer import Renderer


def test_adding_a_language_by_the_guide(tmp_path, project_root, monkeypatch, capsys):
    locales = tmp_path / "locales"
    shutil.copytree(project_root / "locales", locales, ignore=shutil.ignore_patterns("*.mo", "*.json"))
    monkeypatch.setenv("LOCALES_DIR", str(locales))
    monkeypatch.setenv("CONTENT_DIR", str(project_root / "bot" / "content"))

    assert wegwijs(["i18n", "update", "--init", "am"]) == 0          # step 1 of the guide
    path = workflow.po_path(locales, "am")
    catalog = workflow.read_catalog(path, "am")
    assert catalog.num_plurals == 2                                   # Amharic plural rules from Babel
    for message in catalog:                                           # step 2: translate (a dummy)
        if message.context == "utter_greet":
            message.string = "ሰላም! እኔ ወግዊጅስ ነኝ።"
    workflow.write_catalog(catalog, path)
    assert wegwijs(["i18n", "check", "am"]) == 0                      # step 3
    assert wegwijs(["i18n", "status"]) == 0
    assert "am አማርኛ" in capsys.readouterr().out

    wegwijs(["i18n", "compile"])
    renderer = Renderer(load_content(project_root / "bot" / "content"), Catalogs(locales, ("en", "am")))
    assert renderer.render("utter_greet", "am").text == "ሰላም! እኔ ወግዊጅስ ነኝ።"
    assert renderer.render("utter_goodbye", "am").fallback            # untranslated: English, marked
