"""The Project RED 12-component checklist of a stay (Jack et al., Ann Intern Med 2009; AHRQ
Re-Engineered Discharge toolkit), each item filled from the stay's data.

Item definitions (labels, where each is done, the citation) are in
``resources/discharge/red_checklist.toml``; which items block discharge is site policy
(``[discharge] blocking``); a missing item that does not block may carry an acknowledgement
(:mod:`transitions.services.discharge`). Each rule below reuses the readiness facts, loaded
through each area's own service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from transitions.db.models import Encounter
from transitions.domain.appointments import WarningCode
from transitions.domain.education.progress import OPEN_RESULTS
from transitions.domain.followup import TaskKind
from transitions.domain.tcm import tcm_deadlines
from transitions.resources import load_toml
from transitions.services.readiness import ACKNOWLEDGED, DONE, MISSING, RedItem
from transitions.services.readiness_facts import StayFacts, facts
from transitions.services.readiness_steps import (
    education_step,
    has_plan,
    medications_step,
    packet_status,
)
from transitions.services.uow import UnitOfWork


@dataclass(frozen=True)
class ItemSpec:
    key: str
    component: int
    label: str
    where: str
    checks: str


@cache
def item_specs() -> tuple[ItemSpec, ...]:
    data = load_toml("discharge", "red_checklist.toml")
    return tuple(
        ItemSpec(i["key"], int(i["component"]), i["label"], i["where"], i["checks"])
        for i in data["items"]
    )


def item_spec(key: str) -> ItemSpec:
    for spec in item_specs():
        if spec.key == key:
            return spec
    raise KeyError(key)


#: (done, detail) of one item
Outcome = tuple[bool, str]


# -- RED 11: the hook the PCP summary replaces -------------------------------------------------


def pcp_summary_sent(uow: UnitOfWork, encounter: Encounter) -> Outcome:
    """RED component 11: was the discharge summary sent (outbox) or printed with a fax cover
    to the primary care provider? (:func:`transitions.services.pcp_summary.pcp_summary_status`)"""
    from transitions.services.pcp_summary import pcp_summary_status

    status = pcp_summary_status(uow, encounter.id)
    if status is None:
        return False, "no discharge summary sent to the primary care provider yet"
    how = "sent to the outbox" if status.method == "outbox" else "printed with a fax cover"
    when = status.sent_at.astimezone(uow.tz)
    return True, f"{how} for {status.recipient} by {status.sent_by}, {when:%Y-%m-%d %H:%M}"


# -- the other items -----------------------------------------------------------------------------


def _language(f: StayFacts) -> Outcome:
    patient = f.encounter.patient
    if patient.preferred_language == "en" and not patient.interpreter_needed:
        return True, "English; no interpreter needed"
    unarranged = [w for w in f.plan.warnings if w.code is WarningCode.INTERPRETER_NOT_ARRANGED]
    used = any(
        record.interpreter_used
        for module in f.education.modules
        for item in module.items
        for record in item.history
    )
    if not used:
        return False, (
            f"language '{patient.preferred_language}': no teaching recorded with an interpreter"
        )
    if unarranged:
        return False, f"{len(unarranged)} appointment(s) without the interpreter arranged"
    return True, f"language '{patient.preferred_language}': interpreter used for teaching"


def _appointments(f: StayFacts) -> Outcome:
    for w in f.plan.warnings:
        if w.code in (WarningCode.NO_PCP_FOLLOW_UP, WarningCode.PCP_AFTER_DEADLINE):
            return False, w.message
    return True, f"PCP follow-up booked by the visit deadline ({f.plan.visit_due.isoformat()})"


def _pending_results(f: StayFacts) -> Outcome:
    if not f.pending:
        return True, "no results pending at discharge"
    unowned = [t.test_name for t in f.pending if t.responsible_id is None]
    if unowned:
        return False, f"no responsible clinician for: {', '.join(unowned)}"
    return True, f"{len(f.pending)} pending result(s), each with a responsible clinician"


_SERVICE_WARNINGS = (WarningCode.TRANSPORT_NOT_ARRANGED, WarningCode.INTERPRETER_NOT_ARRANGED)


def _outpatient_services(f: StayFacts) -> Outcome:
    problems = [w.message for w in f.plan.warnings if w.code in _SERVICE_WARNINGS]
    problems += [f"{s.description}: no start date" for s in f.services if s.starts_on is None]
    if problems:
        return False, "; ".join(problems)
    if not f.services:
        return True, "no home services or equipment recorded; appointment transport arranged"
    return True, f"{len(f.services)} home service(s) arranged with a start date"


def _medicines_plan(f: StayFacts) -> Outcome:
    view = f.medrec
    undecided = [line.drug for line in view.home if line.decision is None]
    if undecided or (not view.discharge and not view.read_only):
        return False, "the discharge medication list is not decided yet"
    if not view.discharge:
        return True, "no medicines go home"
    pharmacy = f.encounter.patient.preferred_pharmacy
    if not pharmacy:
        return False, "no pharmacy on file for the patient to obtain the medicines"
    return True, f"{len(view.discharge)} medicine(s); filled at {pharmacy}"


def _medrec_signed(uow: UnitOfWork, f: StayFacts) -> Outcome:
    step = medications_step(uow, f.encounter)
    view = f.medrec
    if step.status != DONE:
        return False, "; ".join(step.problems) or "the reconciliation is not signed"
    detail = f"signed by {view.signed_by}"
    if view.second_signed_by:
        detail += f", verified by {view.second_signed_by}"
    return True, detail


def _written_plan(f: StayFacts) -> Outcome:
    status, problem = packet_status(f.packet)
    if problem is not None:
        return False, problem
    return True, f"packet version {f.packet.printed_version} printed by {f.packet.printed_by}"


def _education(f: StayFacts) -> Outcome:
    modules = f.education.modules
    untaught = [m.title_en for m in modules if not any(i.history for i in m.items)]
    if untaught:
        return False, f"not taught yet: {', '.join(untaught)}"
    return True, f"{len(modules)} module(s) taught"


def _if_problem(uow: UnitOfWork, f: StayFacts) -> Outcome:
    signs = [
        item
        for module in f.education.modules
        for item in module.items
        if item.call_doctor or item.call_911
    ]
    open_signs = [
        i
        for i in signs
        if not i.done
        and not (i.latest and i.latest.result in OPEN_RESULTS and has_plan(i.latest.notes))
    ]
    if open_signs:
        return False, f"warning signs not taught yet: {', '.join(i.title_en for i in open_signs)}"
    if not uow.site.callback_phone:
        return False, "the hospital's 24/7 number is not set (site file, hospital.callback_phone)"
    return True, f"warning signs taught; 24/7 number {uow.site.callback_phone} on the packet"


def _teach_back(uow: UnitOfWork, f: StayFacts) -> Outcome:
    step = education_step(uow, f.encounter)
    progress = f.education.progress
    if step.status != DONE:
        return False, "; ".join(step.problems) or "teach-back not done"
    return True, f"{progress.done} of {progress.required} items understood (teach-back)"


def _phone_call(uow: UnitOfWork, f: StayFacts) -> Outcome:
    contact = next((t for t in f.tasks if t.kind is TaskKind.CONTACT), None)
    if contact is not None:
        return True, f"follow-up call due {contact.due_date.isoformat()}"
    patient = f.encounter.patient
    if not (patient.phone or patient.caregiver_phone):
        return False, "no phone number on file for the follow-up call"
    day = f.plan.discharge.astimezone(uow.tz).date()
    due = tcm_deadlines(day, uow.site.holiday_calendar).contact_due
    return True, f"follow-up call created at discharge, due {due.isoformat()}"


_RULES: dict[str, Callable[[UnitOfWork, StayFacts], Outcome]] = {
    "language": lambda uow, f: _language(f),
    "appointments": lambda uow, f: _appointments(f),
    "pending_results": lambda uow, f: _pending_results(f),
    "outpatient_services": lambda uow, f: _outpatient_services(f),
    "medicines_plan": lambda uow, f: _medicines_plan(f),
    "medrec_signed": _medrec_signed,
    "written_plan": lambda uow, f: _written_plan(f),
    "education": lambda uow, f: _education(f),
    "if_problem": _if_problem,
    "teach_back": _teach_back,
    "pcp_summary": lambda uow, f: pcp_summary_sent(uow, f.encounter),
    "phone_call": _phone_call,
}


def checklist(uow: UnitOfWork, encounter: Encounter) -> tuple[RedItem, ...]:
    """The 12 items in component order, with site policy and acknowledgements applied."""
    f = facts(uow, encounter)
    blocking = set(uow.site.discharge_blocking)
    items = []
    for spec in item_specs():
        done, detail = _RULES[spec.key](uow, f)
        ack = f.acknowledgements.get(spec.key)
        is_blocking = spec.key in blocking
        if done:
            status, reason = DONE, None
        elif ack is not None and not is_blocking:
            status, reason = ACKNOWLEDGED, ack.reason
        else:
            status, reason = MISSING, None
        items.append(
            RedItem(
                key=spec.key,
                label=spec.label,
                status=status,
                where=spec.where,
                blocking=is_blocking,
                detail=detail,
                reason=reason,
            )
        )
    return tuple(items)
