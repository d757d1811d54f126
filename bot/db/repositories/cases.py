"""Cases and their phase history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db.models import Case, PhaseChange


class CaseRepository:
    """Reads and writes cases; the rules (valid phases, notifications) live in bot.cases."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, reference: str, phase: str, phase_since: dt.date, organisation: str,
            recorded_by: str, **fields: object) -> Case:
        """A new case, with its first phase as the first entry of its history."""
        case = Case(reference=reference, phase=phase, phase_since=phase_since, organisation=organisation,
                    **fields)
        case.history.append(PhaseChange(from_phase=None, to_phase=phase, changed_on=phase_since,
                                        recorded_by=recorded_by))
        self.session.add(case)
        self.session.flush()
        return case

    def get(self, case_id: int) -> Case | None:
        """The case with this id."""
        return self.session.get(Case, case_id)

    def by_reference(self, reference: str) -> Case | None:
        """The case with this reference (exact match)."""
        return self.session.scalar(select(Case).where(Case.reference == reference))

    def all(self) -> list[Case]:
        """Every case, by reference."""
        return list(self.session.scalars(select(Case).order_by(Case.reference)))

    def change_phase(self, case: Case, phase: str, changed_on: dt.date, recorded_by: str) -> PhaseChange:
        """Move the case to `phase` and add the step to its history."""
        change = PhaseChange(from_phase=case.phase, to_phase=phase, changed_on=changed_on,
                             recorded_by=recorded_by)
        case.history.append(change)
        case.phase = phase
        case.phase_since = changed_on
        self.session.flush()
        return change

    def delete(self, case: Case) -> None:
        """Delete the case with its history, codes and chat links (cascades)."""
        self.session.delete(case)
        self.session.flush()
