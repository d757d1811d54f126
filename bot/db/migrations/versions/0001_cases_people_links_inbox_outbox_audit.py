"""Cases, phase history, link codes, chat links, people, link attempts, audit log, inbox, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

Plain SQLAlchemy types only (times are naive UTC `DateTime`), so this script keeps working when
the models' Python-side types change.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SENDER = 64


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=f"pk_{table}")


def _case_fk(table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=f"fk_{table}_case_id_cases",
                                   ondelete=ondelete)


def upgrade() -> None:
    """Create every table of the first schema."""
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("phase", sa.String(32), nullable=False),
        sa.Column("phase_since", sa.Date(), nullable=False),
        sa.Column("next_interview_on", sa.Date(), nullable=True),
        sa.Column("decision_expected_on", sa.Date(), nullable=True),
        sa.Column("appeal_deadline_on", sa.Date(), nullable=True),
        sa.Column("reception_location", sa.String(100), nullable=True),
        sa.Column("organisation", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        _pk("cases"),
        sa.UniqueConstraint("reference", name="uq_cases_reference"),
    )
    op.create_table(
        "phase_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_phase", sa.String(32), nullable=True),
        sa.Column("to_phase", sa.String(32), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        _case_fk("phase_changes"),
        _pk("phase_changes"),
    )
    op.create_index("ix_phase_changes_case_id", "phase_changes", ["case_id"])
    op.create_table(
        "link_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        _case_fk("link_codes"),
        _pk("link_codes"),
        sa.UniqueConstraint("code_hash", name="uq_link_codes_code_hash"),
    )
    op.create_index("ix_link_codes_case_id", "link_codes", ["case_id"])
    op.create_table(
        "chat_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(SENDER), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=True),
        sa.Column("chat_id", sa.String(64), nullable=True),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        _case_fk("chat_links"),
        _pk("chat_links"),
        sa.UniqueConstraint("sender_id", name="uq_chat_links_sender_id"),
    )
    op.create_index("ix_chat_links_case_id", "chat_links", ["case_id"])
    op.create_table(
        "people",
        sa.Column("sender_id", sa.String(SENDER), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("reported_phase", sa.String(32), nullable=True),
        sa.Column("reported_at", sa.DateTime(), nullable=True),
        sa.Column("inactive", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sender_id", name="pk_people"),
    )
    op.create_table(
        "link_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(SENDER), nullable=True),
        sa.Column("attempted_at", sa.DateTime(), nullable=False),
        _pk("link_attempts"),
    )
    op.create_index("ix_link_attempts_sender_id", "link_attempts", ["sender_id"])
    op.create_index("ix_link_attempts_attempted_at", "link_attempts", ["attempted_at"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("case_reference", sa.String(32), nullable=True),
        sa.Column("sender_id", sa.String(SENDER), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        _pk("audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_case_reference", "audit_log", ["case_reference"])
    op.create_index("ix_audit_log_sender_id", "audit_log", ["sender_id"])
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        _pk("unanswered_questions"),
    )
    op.create_index("ix_unanswered_questions_received_at", "unanswered_questions", ["received_at"])
    op.create_table(
        "handoff_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.String(SENDER), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        _pk("handoff_requests"),
    )
    op.create_index("ix_handoff_requests_sender_id", "handoff_requests", ["sender_id"])
    op.create_index("ix_handoff_requests_requested_at", "handoff_requests", ["requested_at"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(128), nullable=False),
        sa.Column("sender_id", sa.String(SENDER), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("phase_change_id", sa.Integer(), nullable=True),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("claim_token", sa.String(32), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(64), nullable=True),
        _case_fk("outbox", ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["phase_change_id"], ["phase_changes.id"], name="fk_outbox_phase_change_id_phase_changes",
            ondelete="SET NULL",
        ),
        _pk("outbox"),
        sa.UniqueConstraint("idempotency_key", name="uq_outbox_idempotency_key"),
    )
    op.create_index("ix_outbox_sender_id", "outbox", ["sender_id"])
    op.create_index("ix_outbox_status_id", "outbox", ["status", "id"])


def downgrade() -> None:
    """Drop every table (children before the tables they point to)."""
    for table in ("outbox", "handoff_requests", "unanswered_questions", "audit_log", "link_attempts",
                  "people", "chat_links", "link_codes", "phase_changes", "cases"):
        op.drop_table(table)
