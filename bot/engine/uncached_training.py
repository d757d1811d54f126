"""`rasa train` without Rasa's training cache, and without hashing for it (engine environment).

Our callers keep their own cache of whole models, by a fingerprint that also covers our component
code (`bot.engine.model`, `bench/nlu_eval.py`), and `make train` always passes `--force`; so Rasa's
cache of every step's output is never read back. Writing it only cost time and disk (590 MB for one
bench model), so this entry point turns it off (`RASA_MAX_CACHE_SIZE=0`).

Rasa's `TrainingHook` still hashes the output of every training step for that cache, even when the
cache is off, and the hash is thrown away. For the steps before DIET the output is all the training
data: 113,600 messages with their tokens and sparse features, each matrix turned into a string and
hashed. Profiled with py-spy on this project's 2-core machine, that hashing was 30 % of a 10-minute
stretch of training before DIET; skipping it, CI's NLU steps before DIET took 5.2 minutes, against
7.8 in a full-data run that hashed (whole runs on this machine vary more than that, mostly in DIET).
This entry point runs Rasa's own CLI with a hook that skips it; the trained model is the same, since
the hash only ever names a cache entry.

It also has Rasa validate each distinct entity annotation once (`bot.engine.entity_annotations`):
reading all the NLU data takes 22 s instead of 158 s, and `rasa train` reads it twice.

Run as `python -m bot.engine.uncached_training train ...`, with `rasa train`'s arguments.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from rasa.engine.caching import CACHE_SIZE_ENV
from rasa.engine.graph import ExecutionContext
from rasa.engine.training import graph_trainer
from rasa.engine.training.hooks import TrainingHook

from bot.engine.entity_annotations import validate_each_annotation_once


class UncachedTrainingHook(TrainingHook):
    """Rasa's training hook without its cache work: no fingerprints, nothing stored."""

    def on_before_node(self, node_name: str, execution_context: ExecutionContext, config: dict[str, Any],
                       received_inputs: dict[str, Any]) -> dict:
        """Nothing to note before a step: there is no cache to look up."""
        return {}

    def on_after_node(self, node_name: str, execution_context: ExecutionContext, config: dict[str, Any],
                      output: Any, input_hook_data: dict) -> None:
        """Nothing to hash or store after a step: there is no cache to store it in."""


def use_uncached_hook() -> None:
    """Make Rasa's graph trainer build its training hooks from `UncachedTrainingHook`."""
    # GraphTrainer.train constructs the hook by this module-level name, with no parameter to pass one.
    graph_trainer.TrainingHook = UncachedTrainingHook  # type: ignore[misc]


def main(argv: list[str]) -> None:
    """Run Rasa's CLI with `argv` (for example `train --config config.yml ...`), its cache off.

    Entity annotations are validated once per distinct text (see `bot.engine.entity_annotations`).
    """
    from rasa.__main__ import main as rasa_main

    os.environ[CACHE_SIZE_ENV] = "0"
    use_uncached_hook()
    validate_each_annotation_once()
    sys.argv = ["rasa", *argv]
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
