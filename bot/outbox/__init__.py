"""Messages the assistant sends on its own (a caseworker changed the phase), delivered by a front end.

Producers queue rows in the `outbox` table (bot.cases.service.change_phase); front ends run a
Deliverer: it claims rows in a transaction, renders them in the person's language, sends them,
and records that they went out. At least once, never twice, across restarts (see delivery.py).
"""

from bot.outbox.delivery import Deliverer, Recipient, delivery_loop, record_address

__all__ = ["Deliverer", "Recipient", "delivery_loop", "record_address"]
