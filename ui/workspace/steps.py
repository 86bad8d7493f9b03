"""The steps of the discharge workspace, in navigator order.

A later issue adds a step by writing a :class:`StepPage` subclass in its own module and adding one
``StepSpec`` line to :func:`workspace_steps` — the workspace window itself does not change. Only
steps that work are listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from transitions.services.encounters import StayDetail
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP


class StepPage(QWidget):
    """One step of the workspace. It receives the stay each time the workspace (re)loads it.

    A step that needs more data than :class:`StayDetail` loads it itself with
    ``self.ctx.submit(...)`` (one unit of work per action). A step asks the workspace to show
    another step by emitting :attr:`open_step` with that step's key.
    """

    # ask the workspace to switch to the step with this key (e.g. from a checklist link)
    open_step = Signal(str)
    # the step changed the stay itself (e.g. discharged it): the workspace reloads it
    stay_changed = Signal()

    def __init__(self, ctx: AppContext, encounter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.encounter_id = encounter_id

    def set_detail(self, detail: StayDetail) -> None:
        """Show ``detail``; every step overrides this (the base class shows nothing)."""


StepFactory = Callable[[AppContext, int], StepPage]


@dataclass(frozen=True)
class StepSpec:
    key: str
    #: source text; shown through QCoreApplication.translate("WorkspaceSteps", title)
    title: str
    factory: StepFactory

    def display_title(self) -> str:
        return QCoreApplication.translate("WorkspaceSteps", self.title)


def workspace_steps() -> list[StepSpec]:
    """The registered steps, in the order of a discharge. Imports are local so a step module
    may import this one."""
    from ui.workspace.appointments import AppointmentsStep
    from ui.workspace.assessment.step import AssessmentStep
    from ui.workspace.careplan.step import CarePlanStep
    from ui.workspace.discharge import DischargeStep
    from ui.workspace.education.step import EducationStep
    from ui.workspace.medrec.page import MedicationsStep
    from ui.workspace.packet import PacketStep
    from ui.workspace.summary import StaySummaryStep

    return [
        StepSpec("assessment", QT_TRANSLATE_NOOP("WorkspaceSteps", "Assessment"), AssessmentStep),
        StepSpec("careplan", QT_TRANSLATE_NOOP("WorkspaceSteps", "Care plan"), CarePlanStep),
        StepSpec("summary", QT_TRANSLATE_NOOP("WorkspaceSteps", "Stay summary"), StaySummaryStep),
        StepSpec(
            "medications", QT_TRANSLATE_NOOP("WorkspaceSteps", "Medications"), MedicationsStep
        ),
        StepSpec(
            "appointments", QT_TRANSLATE_NOOP("WorkspaceSteps", "Appointments"), AppointmentsStep
        ),
        StepSpec("education", QT_TRANSLATE_NOOP("WorkspaceSteps", "Education"), EducationStep),
        StepSpec("packet", QT_TRANSLATE_NOOP("WorkspaceSteps", "Discharge packet"), PacketStep),
        StepSpec("discharge", QT_TRANSLATE_NOOP("WorkspaceSteps", "Discharge"), DischargeStep),
    ]
