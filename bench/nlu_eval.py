"""NLU benchmark: intent accuracy and macro F1 per language on a held-out split, language-id accuracy.

Run with `make bench-nlu` (it runs in the engine environment, .venv-rasa). A stratified 20 % of each
(language, intent) is held out, chosen by a hash of each example's text (see `split`); a model is
trained on the rest (cached by fingerprint under var/bench/) and the held-out messages are parsed
WITHOUT metadata.language, as an outside client would send them. Prints figures; asserts nothing
(goals are checked by reading the table).
"Answered" is the share the assistant answers rather than asking back (top confidence at or above
the fallback threshold of the config); "right if answered" is the intent accuracy on that share.
Each language's accuracy and macro F1 also get a 95 % bootstrap interval over its held-out messages.
Safety: how many `emergency` messages get the emergency answer, how many get the emergency numbers
at all (the answer, or the note under another answer: `bot.safety`), and how many other messages
get the note.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import os
import random
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import yaml

from bot.training_examples import plain, read_blocks

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
GOAL_ACCURACY, GOAL_LANGUAGE_ID = 0.92, 0.98


def read_examples() -> dict[tuple[str, str], list[str]]:
    """Annotated examples by (language, intent), from nlu_data/<lang>/*.yml."""
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(ROOT.glob("nlu_data/*/*.yml")):
        for block in read_blocks(path):
            examples[(block.language or path.parent.name, block.intent)] += block.examples
    return examples


def split(examples: dict[tuple[str, str], list[str]], share: float, seed: int):
    """Stratified split: the same share of every (language, intent) is held out.

    Which examples are held out follows a seeded hash of each one's text, not a shuffle: an edit to
    the data then moves only the examples it touches between the splits, so two benches before and
    after an edit compare mostly the same messages. (With one shuffle over all the groups, moving
    413 examples in six languages re-drew 80 % of the Turkish held-out messages, whose data had not
    changed.)
    """
    def rank(line: str) -> str:
        return hashlib.sha256(f"{seed}:{plain(line).strip()}".encode()).hexdigest()

    train, test = defaultdict(list), []
    for (lang, intent), lines in sorted(examples.items()):
        ranked = sorted(lines, key=rank)
        cut = max(1, round(len(ranked) * share))
        test += [(lang, intent, plain(line)) for line in ranked[:cut]]
        train[(lang, intent)] = ranked[cut:]
    return train, test


def write_training_data(train: dict[tuple[str, str], list[str]], directory: Path) -> None:
    """The training split, plus the non-intent data (crisis words, regexes), as Rasa YAML."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.yml"):
        old.unlink()
    blocks = [{"intent": intent, "metadata": {"language": lang},
               "examples": "".join(f"- {line}\n" for line in lines)}
              for (lang, intent), lines in sorted(train.items())]
    (directory / "train.yml").write_text(yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True,
                                                        width=10_000), "utf-8")
    for path in sorted(ROOT.glob("nlu_data/*/crisis.yml")) + [ROOT / "nlu_data" / "link_code.yml"]:
        (directory / f"{path.parent.name}-{path.name}").write_text(path.read_text("utf-8"), "utf-8")


def fingerprint(directory: Path, config: Path) -> str:
    digest = hashlib.sha256(config.read_bytes())
    for path in sorted(directory.glob("*.yml")) + sorted((ROOT / "bot" / "engine_nlu").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def train_model(data: Path, config: Path) -> Path:
    """Train the NLU model on the split (skipped when one for the same inputs exists)."""
    name = f"bench-{fingerprint(data, config)}"
    model = WORK / "models" / f"{name}.tar.gz"
    if not model.exists():
        from bot.engine.allocator import with_huge_pages

        print(f"training {name} on the training split...", flush=True)
        subprocess.run([sys.executable, "-m", "bot.engine.uncached_training", "train", "nlu", "--config", str(config),
                        "--nlu", str(data), "--out", str(WORK / "models"), "--fixed-model-name", name],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=with_huge_pages(os.environ))
    return model


async def predict(model: Path, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # Unconfigured, Rasa's structured log prints a debug line per parsed message and buries the table.
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro F1 over the true labels of `pairs` (true, predicted)."""
    from sklearn.metrics import f1_score

    truth, predicted = zip(*pairs, strict=True) if pairs else ((), ())
    return float(f1_score(truth, predicted, labels=sorted(set(truth)), average="macro", zero_division=0))


def interval(pairs: list[tuple[str, str]], metric: Callable[[list[tuple[str, str]]], float],
             rounds: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95 % bootstrap interval of `metric`: how much the figure would move on another draw of messages."""
    rng = random.Random(seed)
    draws = sorted(metric(rng.choices(pairs, k=len(pairs))) for _ in range(rounds))
    return draws[int(0.025 * rounds)], draws[int(0.975 * rounds) - 1]


def accuracy(pairs: list[tuple[str, str]]) -> float:
    """Share of `pairs` (true, predicted) that agree."""
    return sum(t == p for t, p in pairs) / len(pairs) if pairs else float("nan")


def fallback_threshold(config: Path) -> float:
    """The confidence below which the assistant asks back instead of answering (UncertainIntentPolicy)."""
    from bot.engine_nlu.uncertain_intent_policy import UncertainIntentPolicy

    default = float(UncertainIntentPolicy.get_default_config()["threshold"])
    policies = (yaml.safe_load(config.read_text("utf-8")) or {}).get("policies") or []
    return next((float(p.get("threshold", default)) for p in policies if "UncertainIntentPolicy" in str(p.get("name"))),
                default)


def emergency_figures(test: list[tuple[str, str, str]], results: list[dict]) -> dict[str, dict[str, float]]:
    """Per language: emergency answered, emergency numbers shown at all, and the note elsewhere."""
    from bot.safety import EMERGENCY, intent_name, might_be_emergency

    by_lang: dict[str, list[tuple[bool, bool, bool]]] = defaultdict(list)
    for (lang, intent, _), result in zip(test, results, strict=True):
        answered = intent_name(result) == EMERGENCY
        by_lang[lang].append((intent == EMERGENCY, answered, answered or might_be_emergency(result)))
    figures = {}
    for lang, items in sorted(by_lang.items()):
        urgent = [i for i in items if i[0]]
        other = [i for i in items if not i[0]]
        figures[lang] = {"n": len(urgent), "recall": sum(i[1] for i in urgent) / max(len(urgent), 1),
                         "reached": sum(i[2] for i in urgent) / max(len(urgent), 1),
                         "note_elsewhere": sum(i[2] and not i[1] for i in other) / max(len(other), 1)}
    print(f"\n{'lang':<6}{'emergency n':>12}{'answered as emergency':>23}{'numbers shown':>15}"
          f"{'note on other messages':>24}")
    for lang, f in figures.items():
        print(f"{lang:<6}{f['n']:>12}{f['recall']:>23.3f}{f['reached']:>15.3f}{f['note_elsewhere']:>24.4f}")
    return figures


def report(test: list[tuple[str, str, str]], results: list[dict], threshold: float) -> dict:
    """Print the per-language table and the top confusions; return the figures."""
    by_lang: dict[str, list] = defaultdict(list)
    for (lang, intent, text), result in zip(test, results, strict=True):
        predicted_lang = (result.get("language") or {}).get("code")
        by_lang[lang].append((intent, result["intent"]["name"], predicted_lang, len(text.split()), text,
                              float(result["intent"].get("confidence") or 0.0)))
    rows, confusions = {}, Counter()
    header = (f"{'lang':<6}{'n':>5}{'intent acc':>12}{'macro F1':>10}{'lang-id (3+ words)':>20}{'lang-id (all)':>15}"
              f"{'answered':>10}{'right if answered':>19}")
    print(f"\n{header}  goal")
    for lang in sorted(by_lang):
        items = by_lang[lang]
        pairs = [(t, p) for t, p, *_ in items]
        acc = accuracy(pairs)
        long = [i for i in items if i[3] >= 3]
        lid_long = sum(i[2] == lang for i in long) / len(long) if long else float("nan")
        lid_all = sum(i[2] == lang for i in items) / len(items)
        answered = [i for i in items if i[5] >= threshold]
        answered_share = len(answered) / len(items)
        right_if_answered = sum(i[0] == i[1] for i in answered) / len(answered) if answered else float("nan")
        ok = acc >= GOAL_ACCURACY and lid_long >= GOAL_LANGUAGE_ID
        rows[lang] = {"n": len(items), "accuracy": acc, "macro_f1": macro_f1(pairs), "lid_3plus": lid_long,
                      "lid_all": lid_all, "answered": answered_share, "right_if_answered": right_if_answered,
                      "accuracy_95": interval(pairs, accuracy), "macro_f1_95": interval(pairs, macro_f1)}
        print(f"{lang:<6}{len(items):>5}{acc:>12.3f}{rows[lang]['macro_f1']:>10.3f}{lid_long:>20.3f}{lid_all:>15.3f}"
              f"{answered_share:>10.3f}{right_if_answered:>19.3f}  {'met' if ok else 'NOT met'}")
        confusions.update((lang, t, p) for t, p in pairs if t != p)
    print(f"\nanswered: top intent confidence >= {threshold} (below it the assistant offers topics instead)")
    print("95 % intervals (bootstrap over the held-out messages: how far each figure could move on another draw):")
    for lang, row in rows.items():
        (acc_low, acc_high), (f1_low, f1_high) = row["accuracy_95"], row["macro_f1_95"]
        print(f"  {lang:<4} intent acc {acc_low:.3f}-{acc_high:.3f}   macro F1 {f1_low:.3f}-{f1_high:.3f}")
    print("\nmost frequent confusions (language: true -> predicted, count):")
    for (lang, t, p), n in confusions.most_common(25):
        print(f"  {lang}: {t} -> {p}  ({n})")
    return rows


def prediction_rows(test: list[tuple[str, str, str]], results: list[dict]) -> list[dict]:
    """One row per held-out message: its language and intent, and what the model made of it."""
    return [{"lang": lang, "intent": intent, "text": text, "predicted": result["intent"]["name"],
             "confidence": result["intent"].get("confidence"), "language": (result.get("language") or {}).get("code")}
            for (lang, intent, text), result in zip(test, results, strict=True)]


def read_predictions(path: Path) -> list[dict]:
    """The rows a previous run wrote (none when there was no previous run)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def write_predictions(rows: list[dict], path: Path) -> None:
    """One JSON line per held-out message, so that an error analysis (which messages, which new
    examples) needs no second parse of the split."""
    with path.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def compare(previous: list[dict], current: list[dict]) -> dict[str, dict[str, float]]:
    """Per language, on the messages both runs held out with the same intent: how many, and the
    accuracy then and now.

    The split follows each example's text, so after a data or model change most held-out messages
    are the same ones; on them the change shows without the draw of a new split (the headline
    accuracies of two runs differ by about a point in unchanged languages).
    """
    before = {(row["lang"], row["text"], row["intent"]): row["predicted"] for row in previous}
    paired: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for row in current:
        key = (row["lang"], row["text"], row["intent"])
        if key in before:
            paired[row["lang"]].append((before[key] == row["intent"], row["predicted"] == row["intent"]))
    return {lang: {"n": len(pairs), "before": sum(then for then, _ in pairs) / len(pairs),
                   "now": sum(now for _, now in pairs) / len(pairs)} for lang, pairs in sorted(paired.items())}


def print_comparison(figures: dict[str, dict[str, float]]) -> None:
    """The paired change against the previous run, one line per language."""
    print("\nagainst the previous run, on the messages both held out with the same intent:")
    for lang, f in figures.items():
        change = f["now"] - f["before"]
        print(f"  {lang:<4} n={f['n']:<5} intent acc {f['before']:.3f} -> {f['now']:.3f} ({change:+.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--share", type=float, default=0.2, help="held-out share per language and intent")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml", help="pipeline to measure")
    args = parser.parse_args()
    train, test = split(read_examples(), args.share, args.seed)
    data = WORK / "data"
    write_training_data(train, data)
    model = train_model(data, args.config.resolve())
    results = asyncio.run(predict(model, [text for _, _, text in test]))
    rows = report(test, results, fallback_threshold(args.config.resolve()))
    for lang, figures in emergency_figures(test, results).items():
        rows[lang]["emergency"] = figures
    predictions = prediction_rows(test, results)
    previous = read_predictions(WORK / "predictions.jsonl")
    if previous:
        paired = compare(previous, predictions)
        print_comparison(paired)
        for lang, figures in paired.items():
            rows[lang]["against_previous_run"] = figures
    (WORK / "nlu_eval.json").write_text(json.dumps(rows, indent=2), "utf-8")
    write_predictions(predictions, WORK / "predictions.jsonl")
    print(f"\nheld out: {len(test)} messages; model: {model.relative_to(ROOT)}; figures in var/bench/nlu_eval.json, "
          "each message's prediction in var/bench/predictions.jsonl")


if __name__ == "__main__":
    main()
