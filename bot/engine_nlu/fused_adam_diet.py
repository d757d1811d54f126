"""Rasa's DIETClassifier, trained with TensorFlow's fused Adam kernel instead of the Keras one.

Rasa 3.6 compiles DIET with `tf.keras.optimizers.Adam`, which in TensorFlow 2.12 is the new Keras
optimizer. Off the GPU it does not compile its update with XLA, so each step updates every weight
with about eight separate element-wise operations, each writing a fresh temporary tensor. DIET's
input layers map every word and character n-gram (about 124,000 of them) to 128 numbers for the
words and again for the sentence, so those temporaries are hundreds of megabytes per step: on the
project's 2-core machine, `perf` on a DIET epoch put the largest share of the time in Adam's
element-wise steps and in the kernel zeroing their fresh pages (12 %). The legacy optimizer applies
the same Adam rule (same learning rate, betas and epsilon) with one fused kernel that updates the
weights in place: the first epoch on all the data took 399-457 s instead of 560, and on a quarter
of the data the loss after each epoch was the same as with Rasa's optimizer. DIET's configuration,
features and predictions are Rasa's; only the optimizer's slots in the stored checkpoint differ.
"""

from __future__ import annotations

from typing import Any

import tensorflow as tf
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.models import RasaModel


class FusedAdamDIET(DIET):
    """DIET's network, compiled with the fused (legacy) Adam whatever optimizer Rasa passes."""

    def compile(self, optimizer: Any = "rmsprop", **kwargs: Any) -> None:
        """Compile with `tf.keras.optimizers.legacy.Adam` at the learning rate Rasa chose."""
        if isinstance(optimizer, tf.keras.optimizers.Adam):
            optimizer = tf.keras.optimizers.legacy.Adam(learning_rate=float(optimizer.learning_rate.numpy()))
        super().compile(optimizer=optimizer, **kwargs)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class FusedAdamDIETClassifier(DIETClassifier):
    """DIETClassifier whose network trains with the fused Adam kernel (configured exactly as DIET)."""

    @staticmethod
    def model_class() -> type[RasaModel]:
        """The DIET network with the fused optimizer."""
        return FusedAdamDIET
