"""Training examples whose intent the rest of the data disputes, for a curator to review.

Run with `make disputed-examples LANGS="ar ku"` (engine environment, about seven minutes on 2 cores).
A linear classifier on character n-grams (like the assistant's character vote) is trained on three
quarters of all the examples and predicts the fourth quarter, four times over, so each example is
judged by a model that never saw it. Where it prefers another intent, the example is listed with how
sure the model is, and with the most similar other examples of its language and their intents: they
show the convention the data follows for that kind of message.

Most listed examples are right (the model is wrong, or the message is hard); some contradict the
convention, and then the classifier learns two lines for one kind of message and one of them is
wrong at run time. The curator moves those to the intent the contract and the convention give them
(docs/curators.md). Nothing is changed by this script: it writes var/bench/disputed-<lang>.txt.

An example a curator has read and kept goes into `bench/reviewed/<lang>.tsv` (each listed item
shows the line to copy), and is not listed again while it stays under that intent.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from bench.nlu_eval import ROOT, read_examples
from bot.engine_nlu.text import fold_spaced
from bot.training_examples import plain

FOLDS = 4
NEIGHBOURS = 4
REVIEWED = ROOT / "bench" / "reviewed"


@dataclass(frozen=True)
class Disputed:
    """An example, its intent, the intent the rest of the data gives it, and how sure that is."""

    language: str
    text: str
    intent: str
    predicted: str
    margin: float
    neighbours: list[tuple[str, str]]


def normalised(example: str) -> str:
    """The example as the character features read it."""
    return fold_spaced(plain(example))


def read_reviewed(directory: Path, languages: Iterable[str]) -> set[tuple[str, str, str]]:
    """(language, intent, example) that curators reviewed and kept, from `<directory>/<lang>.tsv`.

    A line is `intent<TAB>example`, the example exactly as in nlu_data; `#` starts a comment. An
    example moved since to another intent no longer matches its line, so it can be listed again.
    """
    reviewed = set()
    for lang in languages:
        path = directory / f"{lang}.tsv"
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            intent, tab, example = line.partition("\t")
            if not tab or not intent or not example.strip():
                raise ValueError(f"{path}:{number}: a reviewed line is intent<TAB>example, got {line!r}")
            reviewed.add((lang, intent, example))
    return reviewed


def disputed(examples: dict[tuple[str, str], list[str]], languages: set[str], top: int | None = None,
             seed: int = 7, reviewed: set[tuple[str, str, str]] | None = None) -> list[Disputed]:
    """The examples of `languages` that a model trained on the other folds puts under another intent,
    most confidently disputed first, at most `top` per language, leaving out those in `reviewed`."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = [(lang, intent, line) for (lang, intent), lines in sorted(examples.items()) for line in lines]
    features = TfidfVectorizer(analyzer="char", ngram_range=(1, 5), sublinear_tf=True, min_df=2).fit_transform(
        [normalised(line) for _, _, line in rows])
    judged = np.array([lang in languages for lang, _, _ in rows])
    found = sorted(cross_validated_disputes(features, np.array([i for _, i, _ in rows]), judged, seed),
                   key=lambda item: -item[2])
    kept, items = {lang: 0 for lang in languages}, []
    of_language = {lang: np.array([i for i, row in enumerate(rows) if row[0] == lang]) for lang in languages}
    for i, predicted, margin in found:
        lang = rows[i][0]
        if rows[i] in (reviewed or ()):
            continue
        if top is None or kept[lang] < top:
            kept[lang] += 1
            items.append(Disputed(lang, rows[i][2], rows[i][1], predicted, margin,
                                  neighbours(rows, features, i, of_language[lang])))
    return items


def cross_validated_disputes(features: csr_matrix, labels: np.ndarray, judged: np.ndarray,
                             seed: int) -> list[tuple[int, str, float]]:
    """(row, intent the model prefers, its score's lead over the filed intent) for each judged row
    that a model trained on the other folds puts under another intent."""
    from sklearn.svm import LinearSVC

    folds = np.random.default_rng(seed).integers(0, FOLDS, len(labels))
    found = []
    for k in range(FOLDS):
        rows = np.flatnonzero((folds == k) & judged)
        if not len(rows):
            continue
        model = LinearSVC(C=1, max_iter=5000, random_state=seed).fit(features[folds != k], labels[folds != k])
        classes = list(model.classes_)
        scores_of = model.decision_function(features[rows])
        if scores_of.ndim == 1:  # two intents: one score, for the second
            scores_of = np.column_stack([-scores_of, scores_of])
        for i, scores in zip(rows, scores_of, strict=True):
            best = int(np.argmax(scores))
            if classes[best] != labels[i] and labels[i] in classes:
                found.append((int(i), classes[best], float(scores[best] - scores[classes.index(labels[i])])))
    return found


def neighbours(rows: list[tuple[str, str, str]], features: csr_matrix, index: int,
               same: np.ndarray) -> list[tuple[str, str]]:
    """The most similar other examples among `same` (the rows of the example's language), as (text, intent)."""
    others = same[same != index]
    similarity = (features[others] @ features[index].T).toarray().ravel()
    return [(plain(rows[others[j]][2]), rows[others[j]][1]) for j in np.argsort(-similarity)[:NEIGHBOURS]]


def write(items: list[Disputed], path: Path) -> None:
    """A numbered list a curator can read and answer item by item."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for n, item in enumerate(items, start=1):
            out.write(f"#{n}  {item.text}\n    filed as {item.intent}; the rest of the data says {item.predicted}"
                      f" (margin {item.margin:.2f})\n    similar examples:\n")
            out.writelines(f"      - {text}  ->  {intent}\n" for text, intent in item.neighbours)
            out.write(f"    kept? add to bench/reviewed/{item.language}.tsv:\n{item.intent}\t{item.text}\n\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("languages", nargs="+", help="language codes whose examples to judge, e.g. ar ku")
    parser.add_argument("--top", type=int, default=300, help="list at most this many per language")
    args = parser.parse_args()
    items = disputed(read_examples(), set(args.languages), args.top,
                     reviewed=read_reviewed(REVIEWED, args.languages))
    for lang in args.languages:
        mine = [item for item in items if item.language == lang]
        path = ROOT / "var" / "bench" / f"disputed-{lang}.txt"
        write(mine, path)
        print(f"{lang}: {len(mine)} disputed examples in {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
