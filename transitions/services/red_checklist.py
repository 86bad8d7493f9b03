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
from transitions.services.readiness_messages import Message, MessageKey, joined, say
from transitions.services.readiness_steps import (
    education_step,
    has_plan,
    item_title_es,
    medications_step,
    module_title_es,
    packet_status,
    warning_message,
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
Outcome = tuple[bool, Message]


# -- RED 11: the hook the PCP summary replaces -------------------------------------------------


def pcp_summary_sent(uow: UnitOfWork, encounter: Encounter) -> Outcome:
    """RED component 11: was the discharge summary sent (outbox) or printed with a fax cover
    to the primary care provider? (:func:`transitions.services.pcp_summary.pcp_summary_status`)"""
    from transitions.services.pcp_summary import pcp_summary_status

    status = pcp_summary_status(uow, encounter.id)
    if status is None:
        return False, say(MessageKey.RED_PCP_NOT_SENT)
    key = MessageKey.RED_PCP_SENT_OUTBOX if status.method == "outbox" else MessageKey.RED_PCP_FAXED
    when = status.sent_at.astimezone(uow.tz)
    return True, say(
        key, recipient=status.recipient, who=status.sent_by, when=f"{when:%Y-%m-%d %H:%M}"
    )


# -- the other items -----------------------------------------------------------------------------


def _language(f: StayFacts) -> Outcome:
    patient = f.encounter.patient
    if patient.preferred_language == "en" and not patient.interpreter_needed:
        return True, say(MessageKey.RED_LANGUAGE_ENGLISH)
    unarranged = [w for w in f.plan.warnings if w.code is WarningCode.INTERPRETER_NOT_ARRANGED]
    used = any(
        record.interpreter_used
        for module in f.education.modules
        for item in module.items
        for record in item.history
    )
    language = patient.preferred_language
    if not used:
        return False, say(MessageKey.RED_LANGUAGE_NO_INTERPRETER, language=language)
    if unarranged:
        return False, say(MessageKey.RED_LANGUAGE_APPOINTMENTS, n=len(unarranged))
    return True, say(MessageKey.RED_LANGUAGE_INTERPRETER_USED, language=language)


def _appointments(uow: UnitOfWork, f: StayFacts) -> Outcome:
    for w in f.plan.warnings:
        if w.code in (WarningCode.NO_PCP_FOLLOW_UP, WarningCode.PCP_AFTER_DEADLINE):
            return False, warning_message(w, f.plan, uow.tz)
    return True, say(MessageKey.RED_PCP_BOOKED, deadline=f.plan.visit_due.isoformat())


def _pending_results(f: StayFacts) -> Outcome:
    if not f.pending:
        return True, say(MessageKey.RED_NO_PENDING)
    unowned = [t.test_name for t in f.pending if t.responsible_id is None]
    if unowned:
        return False, say(MessageKey.RED_PENDING_UNOWNED, tests=", ".join(unowned))
    return True, say(MessageKey.RED_PENDING_OWNED, n=len(f.pending))


_SERVICE_WARNINGS = (WarningCode.TRANSPORT_NOT_ARRANGED, WarningCode.INTERPRETER_NOT_ARRANGED)


def _outpatient_services(uow: UnitOfWork, f: StayFacts) -> Outcome:
    problems = [
        warning_message(w, f.plan, uow.tz) for w in f.plan.warnings if w.code in _SERVICE_WARNINGS
    ]
    problems += [
        say(MessageKey.RED_SERVICE_NO_START, service=s.description)
        for s in f.services
        if s.starts_on is None
    ]
    if problems:
        return False, joined(problems)
    if not f.services:
        return True, say(MessageKey.RED_NO_SERVICES)
    return True, say(MessageKey.RED_SERVICES_ARRANGED, n=len(f.services))


def _medicines_plan(f: StayFacts) -> Outcome:
    view = f.medrec
    undecided = [line.drug for line in view.home if line.decision is None]
    if undecided or (not view.discharge and not view.read_only):
        return False, say(MessageKey.RED_MEDS_UNDECIDED)
    if not view.discharge:
        return True, say(MessageKey.RED_NO_MEDS_HOME)
    pharmacy = f.encounter.patient.preferred_pharmacy
    if not pharmacy:
        return False, say(MessageKey.RED_NO_PHARMACY)
    return True, say(MessageKey.RED_MEDS_FILLED, n=len(view.discharge), pharmacy=pharmacy)


def _medrec_signed(uow: UnitOfWork, f: StayFacts) -> Outcome:
    step = medications_step(uow, f.encounter)
    view = f.medrec
    if step.status != DONE:
        return False, joined(step.messages) if step.messages else say(MessageKey.MEDS_NOT_SIGNED)
    if view.second_signed_by:
        return True, say(
            MessageKey.RED_MEDREC_VERIFIED,
            signer=f"{view.signed_by}",
            verifier=view.second_signed_by,
        )
    return True, say(MessageKey.RED_MEDREC_SIGNED, signer=f"{view.signed_by}")


def _written_plan(f: StayFacts) -> Outcome:
    status, problem = packet_status(f.packet)
    if problem is not None:
        return False, problem
    return True, say(
        MessageKey.RED_PACKET_PRINTED,
        version=f"{f.packet.printed_version}",
        who=f"{f.packet.printed_by}",
    )


def _education(f: StayFacts) -> Outcome:
    modules = f.education.modules
    untaught = [m for m in modules if not any(i.history for i in m.items)]
    if untaught:
        return False, say(
            MessageKey.RED_EDUCATION_UNTAUGHT,
            modules=", ".join(m.title_en for m in untaught),
            modules_es=", ".join(module_title_es(m.module_id) or m.title_en for m in untaught),
        )
    return True, say(MessageKey.RED_EDUCATION_TAUGHT, n=len(modules))


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
        return False, say(
            MessageKey.RED_SIGNS_UNTAUGHT,
            items=", ".join(i.title_en for i in open_signs),
            items_es=", ".join(
                item_title_es(i.module_id, i.item_id) or i.title_en for i in open_signs
            ),
        )
    if not uow.site.callback_phone:
        return False, say(MessageKey.RED_NO_CALLBACK)
    return True, say(MessageKey.RED_SIGNS_TAUGHT, phone=uow.site.callback_phone)


def _teach_back(uow: UnitOfWork, f: StayFacts) -> Outcome:
    step = education_step(uow, f.encounter)
    progress = f.education.progress
    if step.status != DONE:
        if step.messages:
            return False, joined(step.messages)
        return False, say(MessageKey.RED_TEACH_BACK_NOT_DONE)
    return True, say(MessageKey.RED_TEACH_BACK_DONE, done=progress.done, total=progress.required)


def _phone_call(uow: UnitOfWork, f: StayFacts) -> Outcome:
    contact = next((t for t in f.tasks if t.kind is TaskKind.CONTACT), None)
    if contact is not None:
        return True, say(MessageKey.RED_CALL_DUE, due=contact.due_date.isoformat())
    patient = f.encounter.patient
    if not (patient.phone or patient.caregiver_phone):
        return False, say(MessageKey.RED_NO_PHONE)
    day = f.plan.discharge.astimezone(uow.tz).date()
    due = tcm_deadlines(day, uow.site.holiday_calendar).contact_due
    return True, say(MessageKey.RED_CALL_AT_DISCHARGE, due=due.isoformat())


_RULES: dict[str, Callable[[UnitOfWork, StayFacts], Outcome]] = {
    "language": lambda uow, f: _language(f),
    "appointments": _appointments,
    "pending_results": lambda uow, f: _pending_results(f),
    "outpatient_services": _outpatient_services,
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
                message=detail,
                reason=reason,
            )
        )
    return tuple(items)
