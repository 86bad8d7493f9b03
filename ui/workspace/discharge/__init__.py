"""The final workspace step: readiness, the Project RED checklist and the discharge sign-off."""

from ui.workspace.discharge.page import DischargeStep

__all__ = ["DischargeStep"]
