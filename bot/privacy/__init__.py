"""Privacy: forgetting a person everywhere, and purging what is kept longer than needed.

- tracker_store.py  the engine's SQL tracker store (table `events`), as far as we touch it
- forget.py         forget-me: the app database and the tracker store, verified afterwards
- retention.py      the scheduled purge of old conversations and records
- cli.py            `wegwijs privacy purge`, `wegwijs privacy forget`
What is stored, where and for how long: docs/privacy.md.
"""

from bot.privacy.forget import ForgetReport, forget_conversation, forget_person, traces

__all__ = ["ForgetReport", "forget_conversation", "forget_person", "traces"]
