"""The curators' list of examples that the rest of the data files under another intent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.disputed_examples import REVIEWED, disputed, read_reviewed, write
from bench.nlu_eval import ROOT
from bot.languages import SUPPORTED_LANGUAGES


def examples() -> dict[tuple[str, str], list[str]]:
    """Two clear intents in Dutch; one duration question is filed under the appeal by mistake."""
    durations = [f"hoe lang duurt {what} {n}" for what in ("het", "de procedure", "wachten") for n in range(12)]
    appeals = [f"beroep bij de rechter {what} {n}" for what in ("instellen", "aantekenen", "hoe") for n in range(12)]
    return {
        ("nl", "procedure_duration"): durations,
        ("nl", "phase_appeal"): appeals + ["hoe lang duurt het wachten 99"],
        ("en", "phase_appeal"): [f"appeal at the court {n}" for n in range(20)],
        ("en", "procedure_duration"): [f"how long does it take {n}" for n in range(20)],
    }


def test_the_misfiled_example_is_listed_first_with_similar_examples_of_its_language() -> None:
    items = disputed(examples(), {"nl"})
    first = items[0]
    assert (first.text, first.intent, first.predicted) == (
        "hoe lang duurt het wachten 99", "phase_appeal", "procedure_duration")
    assert first.margin > 0
    assert len(first.neighbours) == 4
    assert all(text.startswith("hoe lang duurt") for text, _ in first.neighbours)
    assert all(item.language == "nl" for item in items), "only the languages asked for are judged"
    assert all(item.text != "beroep bij de rechter instellen 3" for item in items)


def test_at_most_top_per_language_the_most_confident_first() -> None:
    data = examples()
    data[("nl", "phase_appeal")].append("hoe lang duurt de procedure 98")
    data[("en", "phase_appeal")].append("how long does it take 99")
    everything = disputed(data, {"nl", "en"})
    assert [item.margin for item in everything] == sorted((item.margin for item in everything), reverse=True)
    assert sum(item.language == "nl" for item in everything) >= 2
    top = disputed(data, {"nl", "en"}, top=1)
    assert sorted(item.language for item in top) == ["en", "nl"]
    assert all(item == next(i for i in everything if i.language == item.language) for item in top)


def test_the_list_reads_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "disputed-nl.txt"
    write(disputed(examples(), {"nl"})[:1], path)
    text = path.read_text("utf-8")
    assert text.startswith("#1  hoe lang duurt het wachten 99\n    filed as phase_appeal; the rest of the data says "
                           "procedure_duration")
    assert "      - hoe lang duurt wachten 0  ->  procedure_duration\n" in text


def test_a_kept_example_is_not_listed_again_while_it_stays_under_its_intent(tmp_path: Path) -> None:
    listed = tmp_path / "disputed-nl.txt"
    write(disputed(examples(), {"nl"})[:1], listed)
    lines = listed.read_text("utf-8").splitlines()
    copied = lines[lines.index("    kept? add to bench/reviewed/nl.tsv:") + 1]
    (tmp_path / "nl.tsv").write_text(f"# kept after review\n{copied}\n", "utf-8")
    reviewed = read_reviewed(tmp_path, ["nl", "en"])
    assert reviewed == {("nl", "phase_appeal", "hoe lang duurt het wachten 99")}
    assert all(item.text != "hoe lang duurt het wachten 99" for item in disputed(examples(), {"nl"}, reviewed=reviewed))

    moved = examples()
    moved[("nl", "phase_appeal")].remove("hoe lang duurt het wachten 99")
    moved[("nl", "phase_general_procedure")] = ["hoe lang duurt het wachten 99"] + [
        f"de algemene procedure dag {n}" for n in range(12)]
    again = disputed(moved, {"nl"}, reviewed=reviewed)
    assert any(item.text == "hoe lang duurt het wachten 99" for item in again), "kept under another intent only"


def test_a_reviewed_line_without_its_tab_is_refused_with_its_place(tmp_path: Path) -> None:
    (tmp_path / "ar.tsv").write_text("# comment\naffirm\tok\naffirm  مظبوط هيك\n", "utf-8")
    with pytest.raises(ValueError, match=r"ar\.tsv:3: a reviewed line is intent<TAB>example"):
        read_reviewed(tmp_path, ["ar"])


def test_the_committed_reviewed_lists_read_and_name_known_intents() -> None:
    reviewed = read_reviewed(REVIEWED, SUPPORTED_LANGUAGES)
    assert reviewed, "bench/reviewed holds the examples already reviewed"
    known = set(yaml.safe_load((ROOT / "domain.yml").read_text("utf-8"))["intents"])
    assert {intent for _, intent, _ in reviewed} <= known
