"""The sentences of discharge readiness (step problems, RED checklist details) as keyed messages.

A :class:`Message` is a stable key (:class:`MessageKey`), its parameters (numbers, dates as ISO
text, names and free text as entered) and the English sentence the CLI, the JSON contracts, the
logs and the frozen sign-off record use. The UI translates by key from its own table of
templates (``ui/workspace/readiness_text.py``) and falls back to the English text for a key it
does not know (a frozen record keeps only the text).

A parameter ``<name>_es`` is the Spanish form of ``<name>`` where the data has one (education
titles, need descriptions, assessment section titles); the UI uses it when it runs in Spanish.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

Param = str | int


class MessageKey(StrEnum):
    # medications
    MEDS_UNDECIDED = "medications.undecided"
    MEDS_SAFETY_OPEN = "medications.safety_open"
    MEDS_NOT_SIGNED = "medications.not_signed"
    MEDS_AWAITING_SECOND = "medications.awaiting_second_signoff"
    # appointments: a follow-up plan warning (params: code, message, the warning's own params,
    # and type / where / starts_at of the appointment concerned)
    APPOINTMENT_WARNING = "appointments.warning"
    PENDING_UNOWNED = "appointments.pending_unowned"
    SERVICE_NO_START = "appointments.service_no_start"
    # education
    EDUCATION_UNPLANNED = "education.reinforcement_unplanned"
    EDUCATION_UNTAUGHT = "education.untaught"
    # packet
    PACKET_PREVIEWED = "packet.previewed_not_printed"
    PACKET_NONE = "packet.none_printed"
    PACKET_STALE = "packet.stale"
    # risk
    RISK_NOT_SCORED = "risk.not_scored"
    # assessment
    ASSESSMENT_NONE = "assessment.none"
    ASSESSMENT_UNANSWERED = "assessment.unanswered"
    ASSESSMENT_NEED_UNPLANNED = "assessment.need_unplanned"
    # care plan
    CAREPLAN_NEED_UNREACHABLE = "careplan.need_unreachable"
    CAREPLAN_NEED_SUGGESTED = "careplan.need_suggested"
    CAREPLAN_NEED_NO_REFERRAL = "careplan.need_no_referral"
    CAREPLAN_NO_GOAL = "careplan.no_goal"
    # the Project RED checklist's details
    RED_LANGUAGE_ENGLISH = "red.language.english"
    RED_LANGUAGE_NO_INTERPRETER = "red.language.no_interpreter_teaching"
    RED_LANGUAGE_APPOINTMENTS = "red.language.appointments_without_interpreter"
    RED_LANGUAGE_INTERPRETER_USED = "red.language.interpreter_used"
    RED_PCP_BOOKED = "red.appointments.pcp_booked"
    RED_NO_PENDING = "red.pending.none"
    RED_PENDING_UNOWNED = "red.pending.unowned"
    RED_PENDING_OWNED = "red.pending.owned"
    RED_SERVICE_NO_START = "red.services.no_start"
    RED_NO_SERVICES = "red.services.none"
    RED_SERVICES_ARRANGED = "red.services.arranged"
    RED_MEDS_UNDECIDED = "red.medicines.undecided"
    RED_NO_MEDS_HOME = "red.medicines.none_home"
    RED_NO_PHARMACY = "red.medicines.no_pharmacy"
    RED_MEDS_FILLED = "red.medicines.filled"
    RED_MEDREC_SIGNED = "red.medrec.signed"
    RED_MEDREC_VERIFIED = "red.medrec.verified"
    RED_PACKET_PRINTED = "red.packet.printed"
    RED_EDUCATION_UNTAUGHT = "red.education.untaught"
    RED_EDUCATION_TAUGHT = "red.education.taught"
    RED_SIGNS_UNTAUGHT = "red.if_problem.signs_untaught"
    RED_NO_CALLBACK = "red.if_problem.no_callback_phone"
    RED_SIGNS_TAUGHT = "red.if_problem.taught"
    RED_TEACH_BACK_NOT_DONE = "red.teach_back.not_done"
    RED_TEACH_BACK_DONE = "red.teach_back.done"
    RED_PCP_NOT_SENT = "red.pcp_summary.not_sent"
    RED_PCP_SENT_OUTBOX = "red.pcp_summary.outbox"
    RED_PCP_FAXED = "red.pcp_summary.faxed"
    RED_CALL_DUE = "red.phone_call.due"
    RED_NO_PHONE = "red.phone_call.no_phone"
    RED_CALL_AT_DISCHARGE = "red.phone_call.at_discharge"
    #: several messages in one sentence, "; " between them (``parts``)
    JOINED = "joined"


#: English templates (``str.format``); a pair is (one, other), chosen by the parameter ``n``
ENGLISH: dict[MessageKey, str | tuple[str, str]] = {
    MessageKey.MEDS_UNDECIDED: "{n} home medicine(s) without a decision",
    MessageKey.MEDS_SAFETY_OPEN: "{n} safety problem(s) to resolve or accept",
    MessageKey.MEDS_NOT_SIGNED: "the reconciliation is not signed",
    MessageKey.MEDS_AWAITING_SECOND: "awaiting the pharmacist's second sign-off (site policy)",
    MessageKey.APPOINTMENT_WARNING: "{message}",
    MessageKey.PENDING_UNOWNED: "pending result '{test}' has no responsible clinician",
    MessageKey.SERVICE_NO_START: "home service '{service}' has no start date",
    MessageKey.EDUCATION_UNPLANNED: "{module}: '{item}' needs reinforcement and has no plan",
    MessageKey.EDUCATION_UNTAUGHT: "{n} of {total} items not taught with teach-back",
    MessageKey.PACKET_PREVIEWED: "the packet was previewed but not printed or saved as PDF",
    MessageKey.PACKET_NONE: "no discharge packet printed yet",
    MessageKey.PACKET_STALE: (
        "the stay changed after packet version {version} was printed: print it again"
    ),
    MessageKey.RISK_NOT_SCORED: "readmission risk (LACE, HOSPITAL) not scored",
    MessageKey.ASSESSMENT_NONE: "No assessment recorded",
    MessageKey.ASSESSMENT_UNANSWERED: (
        "{section}: {n} question not answered",
        "{section}: {n} questions not answered",
    ),
    MessageKey.ASSESSMENT_NEED_UNPLANNED: (
        "Open need with nothing planned for it yet: {description}"
    ),
    MessageKey.CAREPLAN_NEED_UNREACHABLE: (
        "{need} need ({description}): the resource could not be reached; refer to another one"
    ),
    MessageKey.CAREPLAN_NEED_SUGGESTED: (
        "{need} need ({description}): a resource was suggested but no referral made"
    ),
    MessageKey.CAREPLAN_NEED_NO_REFERRAL: "{need} need ({description}): no referral",
    MessageKey.CAREPLAN_NO_GOAL: "no goal set with the patient",
    MessageKey.RED_LANGUAGE_ENGLISH: "English; no interpreter needed",
    MessageKey.RED_LANGUAGE_NO_INTERPRETER: (
        "language '{language}': no teaching recorded with an interpreter"
    ),
    MessageKey.RED_LANGUAGE_APPOINTMENTS: "{n} appointment(s) without the interpreter arranged",
    MessageKey.RED_LANGUAGE_INTERPRETER_USED: (
        "language '{language}': interpreter used for teaching"
    ),
    MessageKey.RED_PCP_BOOKED: "PCP follow-up booked by the visit deadline ({deadline})",
    MessageKey.RED_NO_PENDING: "no results pending at discharge",
    MessageKey.RED_PENDING_UNOWNED: "no responsible clinician for: {tests}",
    MessageKey.RED_PENDING_OWNED: "{n} pending result(s), each with a responsible clinician",
    MessageKey.RED_SERVICE_NO_START: "{service}: no start date",
    MessageKey.RED_NO_SERVICES: (
        "no home services or equipment recorded; appointment transport arranged"
    ),
    MessageKey.RED_SERVICES_ARRANGED: "{n} home service(s) arranged with a start date",
    MessageKey.RED_MEDS_UNDECIDED: "the discharge medication list is not decided yet",
    MessageKey.RED_NO_MEDS_HOME: "no medicines go home",
    MessageKey.RED_NO_PHARMACY: "no pharmacy on file for the patient to obtain the medicines",
    MessageKey.RED_MEDS_FILLED: "{n} medicine(s); filled at {pharmacy}",
    MessageKey.RED_MEDREC_SIGNED: "signed by {signer}",
    MessageKey.RED_MEDREC_VERIFIED: "signed by {signer}, verified by {verifier}",
    MessageKey.RED_PACKET_PRINTED: "packet version {version} printed by {who}",
    MessageKey.RED_EDUCATION_UNTAUGHT: "not taught yet: {modules}",
    MessageKey.RED_EDUCATION_TAUGHT: "{n} module(s) taught",
    MessageKey.RED_SIGNS_UNTAUGHT: "warning signs not taught yet: {items}",
    MessageKey.RED_NO_CALLBACK: (
        "the hospital's 24/7 number is not set (site file, hospital.callback_phone)"
    ),
    MessageKey.RED_SIGNS_TAUGHT: "warning signs taught; 24/7 number {phone} on the packet",
    MessageKey.RED_TEACH_BACK_NOT_DONE: "teach-back not done",
    MessageKey.RED_TEACH_BACK_DONE: "{done} of {total} items understood (teach-back)",
    MessageKey.RED_PCP_NOT_SENT: "no discharge summary sent to the primary care provider yet",
    MessageKey.RED_PCP_SENT_OUTBOX: "sent to the outbox for {recipient} by {who}, {when}",
    MessageKey.RED_PCP_FAXED: "printed with a fax cover for {recipient} by {who}, {when}",
    MessageKey.RED_CALL_DUE: "follow-up call due {due}",
    MessageKey.RED_NO_PHONE: "no phone number on file for the follow-up call",
    MessageKey.RED_CALL_AT_DISCHARGE: "follow-up call created at discharge, due {due}",
    MessageKey.JOINED: "",
}

#: a message with no key: only its text is known (e.g. read back from a frozen record)
TEXT_ONLY = ""
JOIN = "; "


@dataclass(frozen=True)
class Message:
    """One readiness sentence: ``key`` and ``params`` for translation, ``text`` in English."""

    key: str
    text: str
    params: tuple[tuple[str, Param], ...] = ()
    #: the messages a ``joined`` message is made of
    parts: tuple[Message, ...] = ()

    def param(self, name: str, default: Param | None = None) -> Param | None:
        return dict(self.params).get(name, default)

    def __str__(self) -> str:
        return self.text


def say(key: MessageKey, **params: Param) -> Message:
    """The message ``key`` with its English text filled from ``params``."""
    template = ENGLISH[key]
    if isinstance(template, tuple):
        template = template[0] if params.get("n") == 1 else template[1]
    return Message(key.value, template.format(**params), tuple(sorted(params.items())))


def text_only(text: str) -> Message:
    """A sentence whose key is not known (the UI shows it as it is)."""
    return Message(TEXT_ONLY, text)


def joined(parts: Sequence[Message]) -> Message:
    """Several messages as one sentence ("; " between them); one message stays itself."""
    if len(parts) == 1:
        return parts[0]
    return Message(MessageKey.JOINED.value, JOIN.join(p.text for p in parts), (), tuple(parts))


def texts(messages: Sequence[Message]) -> tuple[str, ...]:
    return tuple(m.text for m in messages)
