"""The "Appointments" workspace step (issue 5)."""

from ui.workspace.appointments.page import AppointmentsStep

__all__ = ["AppointmentsStep"]
