"""Words of the "Discharge" step: checklist items, what to do when one is missing, statuses,
step names and dispositions, all through the translation tables (the English texts of the items
match resources/discharge/red_checklist.toml; a test checks it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import QT_TRANSLATE_NOOP

CTX = "Discharge"

# Project RED item -> label (the toolkit's wording, shortened)
ITEM_LABELS = {
    "language": QT_TRANSLATE_NOOP("Discharge", "Language assistance"),
    "appointments": QT_TRANSLATE_NOOP("Discharge", "Appointments for follow-up care and tests"),
    "pending_results": QT_TRANSLATE_NOOP("Discharge", "Plan for results pending at discharge"),
    "outpatient_services": QT_TRANSLATE_NOOP(
        "Discharge", "Outpatient services and medical equipment"
    ),
    "medicines_plan": QT_TRANSLATE_NOOP("Discharge", "Correct medicines and a plan to obtain them"),
    "medrec_signed": QT_TRANSLATE_NOOP(
        "Discharge", "Medicines reconciled with guidelines (nurse attests)"
    ),
    "written_plan": QT_TRANSLATE_NOOP("Discharge", "Written discharge plan taught"),
    "education": QT_TRANSLATE_NOOP("Discharge", "Education on diagnosis and medicines"),
    "if_problem": QT_TRANSLATE_NOOP("Discharge", "What to do if a problem arises"),
    "teach_back": QT_TRANSLATE_NOOP("Discharge", "Understanding assessed (teach-back)"),
    "pcp_summary": QT_TRANSLATE_NOOP(
        "Discharge", "Discharge summary sent to the primary care provider"
    ),
    "phone_call": QT_TRANSLATE_NOOP("Discharge", "Telephone reinforcement of the discharge plan"),
}

# what to do while an item is missing
ITEM_HINTS = {
    "language": QT_TRANSLATE_NOOP(
        "Discharge", "Record the interpreter when teaching; arrange interpreters for visits."
    ),
    "appointments": QT_TRANSLATE_NOOP(
        "Discharge", "Book the PCP follow-up before the visit deadline."
    ),
    "pending_results": QT_TRANSLATE_NOOP(
        "Discharge", "Name the clinician responsible for each pending result."
    ),
    "outpatient_services": QT_TRANSLATE_NOOP(
        "Discharge", "Arrange transport and interpreters; give home services a start date."
    ),
    "medicines_plan": QT_TRANSLATE_NOOP(
        "Discharge", "Decide every medicine and record the patient's pharmacy."
    ),
    "medrec_signed": QT_TRANSLATE_NOOP(
        "Discharge", "Sign the medication reconciliation (and the pharmacist's, if required)."
    ),
    "written_plan": QT_TRANSLATE_NOOP(
        "Discharge", "Print the discharge packet (again after any change)."
    ),
    "education": QT_TRANSLATE_NOOP("Discharge", "Teach every education module."),
    "if_problem": QT_TRANSLATE_NOOP(
        "Discharge", "Teach the warning signs: when to call the doctor or 911."
    ),
    "teach_back": QT_TRANSLATE_NOOP(
        "Discharge", "Finish teach-back; write a plan for items that need reinforcement."
    ),
    "pcp_summary": QT_TRANSLATE_NOOP(
        "Discharge", "Send the discharge summary to the primary care provider."
    ),
    "phone_call": QT_TRANSLATE_NOOP("Discharge", "Record a phone number for the follow-up call."),
}

# what a step still needs (the service's detailed problems are the tooltip)
STEP_HINTS = {
    "assessment": QT_TRANSLATE_NOOP(
        "Discharge", "Answer the functional status and social needs questions."
    ),
    "careplan": QT_TRANSLATE_NOOP(
        "Discharge", "Refer each open need to a community resource and set goals with the patient."
    ),
    "medications": QT_TRANSLATE_NOOP(
        "Discharge", "Decide every medicine, resolve or accept the warnings, and sign."
    ),
    "appointments": QT_TRANSLATE_NOOP("Discharge", "Book the PCP follow-up by the visit deadline."),
    "education": QT_TRANSLATE_NOOP(
        "Discharge", "Teach each item with teach-back; plan any reinforcement."
    ),
    "packet": QT_TRANSLATE_NOOP(
        "Discharge", "Print the packet (or save it as PDF) after the last change."
    ),
    "risk": QT_TRANSLATE_NOOP("Discharge", "Score the readmission risk."),
}
CHECK_STEP = QT_TRANSLATE_NOOP("Discharge", "Open the step and check its warnings.")

STATUS_LABELS = {
    "done": QT_TRANSLATE_NOOP("Discharge", "Done"),
    "in_progress": QT_TRANSLATE_NOOP("Discharge", "In progress"),
    "missing": QT_TRANSLATE_NOOP("Discharge", "Missing"),
    "warning": QT_TRANSLATE_NOOP("Discharge", "Check"),
    "acknowledged": QT_TRANSLATE_NOOP("Discharge", "Acknowledged"),
}
STATUS_MARKS = {
    "done": "✔",
    "in_progress": "…",
    "missing": "✖",
    "warning": "⚠",
    "acknowledged": "✓",
}
STATUS_COLOURS = {
    "done": "#1b7a32",
    "in_progress": "#8a6d00",
    "missing": "#b00020",
    "warning": "#b35900",
    "acknowledged": "#3d5a80",
}

# readiness steps that are not workspace steps of their own, and the workspace steps' titles
# (same context and text as ui/workspace/steps.py, so they share translations)
STEP_NAMES = {
    "assessment": QT_TRANSLATE_NOOP("WorkspaceSteps", "Assessment"),
    "careplan": QT_TRANSLATE_NOOP("WorkspaceSteps", "Care plan"),
    "summary": QT_TRANSLATE_NOOP("WorkspaceSteps", "Stay summary"),
    "medications": QT_TRANSLATE_NOOP("WorkspaceSteps", "Medications"),
    "appointments": QT_TRANSLATE_NOOP("WorkspaceSteps", "Appointments"),
    "education": QT_TRANSLATE_NOOP("WorkspaceSteps", "Education"),
    "packet": QT_TRANSLATE_NOOP("WorkspaceSteps", "Discharge packet"),
    "discharge": QT_TRANSLATE_NOOP("WorkspaceSteps", "Discharge"),
    "risk": QT_TRANSLATE_NOOP("Discharge", "Readmission risk"),
}

# FHIR discharge-disposition codes (resources/vocab/discharge-disposition.json)
DISPOSITIONS = {
    "home": QT_TRANSLATE_NOOP("Disposition", "Home"),
    "alt-home": QT_TRANSLATE_NOOP("Disposition", "Alternative home"),
    "other-hcf": QT_TRANSLATE_NOOP("Disposition", "Other healthcare facility"),
    "hosp": QT_TRANSLATE_NOOP("Disposition", "Hospice"),
    "long": QT_TRANSLATE_NOOP("Disposition", "Long-term care"),
    "aadvice": QT_TRANSLATE_NOOP("Disposition", "Left against advice"),
    "exp": QT_TRANSLATE_NOOP("Disposition", "Expired"),
    "psy": QT_TRANSLATE_NOOP("Disposition", "Psychiatric hospital"),
    "rehab": QT_TRANSLATE_NOOP("Disposition", "Rehabilitation"),
    "snf": QT_TRANSLATE_NOOP("Disposition", "Skilled nursing facility"),
    "oth": QT_TRANSLATE_NOOP("Disposition", "Other"),
}

# why a sign-off was voided (transitions.services.discharge_void; a test checks the text)
VOID_REASONS = {
    "discharge cancelled by the hospital's ADT feed (A13)": QT_TRANSLATE_NOOP(
        "Discharge", "discharge cancelled by the hospital's ADT feed (A13)"
    ),
}

TIERS = {
    "low": QT_TRANSLATE_NOOP("Discharge", "low"),
    "moderate": QT_TRANSLATE_NOOP("Discharge", "moderate"),
    "intermediate": QT_TRANSLATE_NOOP("Discharge", "moderate"),
    "high": QT_TRANSLATE_NOOP("Discharge", "high"),
}


def item_label(key: str, fallback: str) -> str:
    text = ITEM_LABELS.get(key)
    return QCoreApplication.translate("Discharge", text) if text else fallback


def item_hint(key: str) -> str:
    text = ITEM_HINTS.get(key)
    return QCoreApplication.translate("Discharge", text) if text else ""


def step_hint(key: str, status: str, problems: tuple[str, ...]) -> str:
    """What is left in a step, in the UI's language (steps added later: their own words)."""
    if status == "done":
        return ""
    if status == "warning":
        return QCoreApplication.translate("Discharge", CHECK_STEP)
    text = STEP_HINTS.get(key)
    return QCoreApplication.translate("Discharge", text) if text else "; ".join(problems)


def status_label(status: str) -> str:
    text = STATUS_LABELS.get(status, status)
    return f"{STATUS_MARKS.get(status, '')} {QCoreApplication.translate('Discharge', text)}"


def step_name(key: str) -> str:
    text = STEP_NAMES.get(key)
    if text is None:
        return key
    context = "Discharge" if key == "risk" else "WorkspaceSteps"
    return QCoreApplication.translate(context, text)


def disposition_label(code: str) -> str:
    text = DISPOSITIONS.get(code)
    return QCoreApplication.translate("Disposition", text) if text else code


def tier_label(tier: str) -> str:
    return QCoreApplication.translate("Discharge", TIERS.get(tier, tier))


def void_reason(reason: str) -> str:
    """A voided sign-off's reason in the UI's language (a reason the UI does not know: as is)."""
    text = VOID_REASONS.get(reason)
    return QCoreApplication.translate("Discharge", text) if text else reason
