"""The benchmark's held-out split stays put when the data is edited (engine environment).

Two benches, before and after a data edit, should compare mostly the same held-out messages; the
bench's 95 % intervals (about one point per language) are otherwise as wide as the edit's effect.
"""

from __future__ import annotations

from bench.nlu_eval import split


def examples() -> dict[tuple[str, str], list[str]]:
    """Three groups of a size where 20 % is a whole number, with annotated and plain examples."""
    return {
        ("ar", "phase_appeal"): [f"appeal question {n}" for n in range(20)],
        ("ar", "procedure_duration"): [f"how long {n}" for n in range(30)],
        ("tr", "greet"): ["[merhaba]{\"entity\": \"x\"} " + str(n) for n in range(50)],
    }


def held_out(data: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], set[str]]:
    """The held-out texts per (language, intent)."""
    result: dict[tuple[str, str], set[str]] = {}
    for lang, intent, text in split(data, 0.2, 13)[1]:
        result.setdefault((lang, intent), set()).add(text)
    return result


def test_every_group_holds_out_its_share_and_trains_on_the_rest() -> None:
    data = examples()
    train, test = split(data, 0.2, 13)
    assert {key: len(texts) for key, texts in held_out(data).items()} == {
        ("ar", "phase_appeal"): 4, ("ar", "procedure_duration"): 6, ("tr", "greet"): 10}
    assert all(len(train[key]) == len(lines) - len(held_out(data)[key]) for key, lines in data.items())
    assert all("{" not in text for _, _, text in test), "held-out messages are plain text"


def test_editing_one_intent_leaves_the_held_out_messages_of_the_others_alone() -> None:
    before = examples()
    after = examples()
    moved = after[("ar", "phase_appeal")].pop(0)
    after[("ar", "procedure_duration")] += [moved] + [f"new example {n}" for n in range(6)]
    assert held_out(after)[("tr", "greet")] == held_out(before)[("tr", "greet")]
    # The group that lost an example keeps its held-out messages, but for one that may cross the cut.
    assert len(held_out(after)[("ar", "phase_appeal")] - held_out(before)[("ar", "phase_appeal")]) <= 1


def test_another_seed_holds_out_other_examples() -> None:
    data = examples()
    assert split(data, 0.2, 13)[1] != split(data, 0.2, 14)[1]
