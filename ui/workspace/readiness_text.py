"""Readiness sentences in the UI's language: the step problems and the Project RED checklist's
details, translated by message key (:mod:`transitions.services.readiness_messages`).

Each key has a template here (counted ones through Qt's ``%n`` plural forms); names and free
text go in as they were entered, in Spanish where the data has a Spanish form (``<name>_es``
values). A message whose key has no template (one read back from a frozen sign-off record,
which keeps only the English) shows its English text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTime

from transitions.services.readiness import RedItem
from transitions.services.readiness_messages import JOIN, Message, MessageKey
from ui import formatting as fmt
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "ReadinessMessage"
K = MessageKey

# templates of the messages without a count
PLAIN: dict[str, str] = {
    K.MEDS_NOT_SIGNED: QT_TRANSLATE_NOOP("ReadinessMessage", "The reconciliation is not signed"),
    K.MEDS_AWAITING_SECOND: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Awaiting the pharmacist's second sign-off (site policy)"
    ),
    K.PENDING_UNOWNED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Pending result '{test}' has no responsible clinician"
    ),
    K.SERVICE_NO_START: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Home service '{service}' has no start date"
    ),
    K.EDUCATION_UNPLANNED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "{module}: '{item}' needs reinforcement and has no plan"
    ),
    K.PACKET_PREVIEWED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "The packet was previewed but not printed or saved as PDF"
    ),
    K.PACKET_NONE: QT_TRANSLATE_NOOP("ReadinessMessage", "No discharge packet printed yet"),
    K.PACKET_STALE: QT_TRANSLATE_NOOP(
        "ReadinessMessage",
        "The stay changed after packet version {version} was printed: print it again",
    ),
    K.RISK_NOT_SCORED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Readmission risk (LACE, HOSPITAL) not scored"
    ),
    K.ASSESSMENT_NONE: QT_TRANSLATE_NOOP("ReadinessMessage", "No assessment recorded"),
    K.ASSESSMENT_NEED_UNPLANNED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Open need with nothing planned for it yet: {description}"
    ),
    K.CAREPLAN_NEED_UNREACHABLE: QT_TRANSLATE_NOOP(
        "ReadinessMessage",
        "{need} need ({description}): the resource could not be reached; refer to another one",
    ),
    K.CAREPLAN_NEED_SUGGESTED: QT_TRANSLATE_NOOP(
        "ReadinessMessage",
        "{need} need ({description}): a resource was suggested but no referral made",
    ),
    K.CAREPLAN_NEED_NO_REFERRAL: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "{need} need ({description}): no referral"
    ),
    K.CAREPLAN_NO_GOAL: QT_TRANSLATE_NOOP("ReadinessMessage", "No goal set with the patient"),
    K.RED_LANGUAGE_ENGLISH: QT_TRANSLATE_NOOP("ReadinessMessage", "English; no interpreter needed"),
    K.RED_LANGUAGE_NO_INTERPRETER: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Language {language}: no teaching recorded with an interpreter"
    ),
    K.RED_LANGUAGE_INTERPRETER_USED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Language {language}: interpreter used for teaching"
    ),
    K.RED_PCP_BOOKED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "PCP follow-up booked by the visit deadline ({deadline})"
    ),
    K.RED_NO_PENDING: QT_TRANSLATE_NOOP("ReadinessMessage", "No results pending at discharge"),
    K.RED_PENDING_UNOWNED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "No responsible clinician for: {tests}"
    ),
    K.RED_SERVICE_NO_START: QT_TRANSLATE_NOOP("ReadinessMessage", "{service}: no start date"),
    K.RED_NO_SERVICES: QT_TRANSLATE_NOOP(
        "ReadinessMessage",
        "No home services or equipment recorded; appointment transport arranged",
    ),
    K.RED_MEDS_UNDECIDED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "The discharge medication list is not decided yet"
    ),
    K.RED_NO_MEDS_HOME: QT_TRANSLATE_NOOP("ReadinessMessage", "No medicines go home"),
    K.RED_NO_PHARMACY: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "No pharmacy on file for the patient to obtain the medicines"
    ),
    K.RED_MEDREC_SIGNED: QT_TRANSLATE_NOOP("ReadinessMessage", "Signed by {signer}"),
    K.RED_MEDREC_VERIFIED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Signed by {signer}, verified by {verifier}"
    ),
    K.RED_PACKET_PRINTED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Packet version {version} printed by {who}"
    ),
    K.RED_EDUCATION_UNTAUGHT: QT_TRANSLATE_NOOP("ReadinessMessage", "Not taught yet: {modules}"),
    K.RED_SIGNS_UNTAUGHT: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Warning signs not taught yet: {items}"
    ),
    K.RED_NO_CALLBACK: QT_TRANSLATE_NOOP(
        "ReadinessMessage",
        "The hospital's 24/7 number is not set (site file, hospital.callback_phone)",
    ),
    K.RED_SIGNS_TAUGHT: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Warning signs taught; 24/7 number {phone} on the packet"
    ),
    K.RED_TEACH_BACK_NOT_DONE: QT_TRANSLATE_NOOP("ReadinessMessage", "Teach-back not done"),
    K.RED_TEACH_BACK_DONE: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "{done} of {total} items understood (teach-back)"
    ),
    K.RED_PCP_NOT_SENT: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "No discharge summary sent to the primary care provider yet"
    ),
    K.RED_PCP_SENT_OUTBOX: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Sent to the outbox for {recipient} by {who}, {when}"
    ),
    K.RED_PCP_FAXED: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Printed with a fax cover for {recipient} by {who}, {when}"
    ),
    K.RED_CALL_DUE: QT_TRANSLATE_NOOP("ReadinessMessage", "Follow-up call due {due}"),
    K.RED_NO_PHONE: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "No phone number on file for the follow-up call"
    ),
    K.RED_CALL_AT_DISCHARGE: QT_TRANSLATE_NOOP(
        "ReadinessMessage", "Follow-up call created at discharge, due {due}"
    ),
}


class ReadinessMessage(QObject):
    """The messages with a count (``n``): Qt's plural forms, so each is a literal ``self.tr``
    (lupdate marks it numerus). The class name is the translation context."""

    def counted(self, key: str, n: int) -> str | None:
        found: dict[str, Callable[[], str]] = {
            K.MEDS_UNDECIDED: lambda: self.tr("%n home medicine(s) without a decision", "", n),
            K.MEDS_SAFETY_OPEN: lambda: self.tr("%n safety problem(s) to resolve or accept", "", n),
            K.EDUCATION_UNTAUGHT: lambda: self.tr(
                "%n of {total} item(s) not taught with teach-back", "", n
            ),
            K.ASSESSMENT_UNANSWERED: lambda: self.tr(
                "{section}: %n question(s) not answered", "", n
            ),
            K.RED_LANGUAGE_APPOINTMENTS: lambda: self.tr(
                "%n appointment(s) without the interpreter arranged", "", n
            ),
            K.RED_PENDING_OWNED: lambda: self.tr(
                "%n pending result(s), each with a responsible clinician", "", n
            ),
            K.RED_SERVICES_ARRANGED: lambda: self.tr(
                "%n home service(s) arranged with a start date", "", n
            ),
            K.RED_MEDS_FILLED: lambda: self.tr("%n medicine(s); filled at {pharmacy}", "", n),
            K.RED_EDUCATION_TAUGHT: lambda: self.tr("%n module(s) taught", "", n),
        }
        template = found.get(key)
        return template() if template is not None else None


COUNTED = frozenset(
    {
        K.MEDS_UNDECIDED,
        K.MEDS_SAFETY_OPEN,
        K.EDUCATION_UNTAUGHT,
        K.ASSESSMENT_UNANSWERED,
        K.RED_LANGUAGE_APPOINTMENTS,
        K.RED_PENDING_OWNED,
        K.RED_SERVICES_ARRANGED,
        K.RED_MEDS_FILLED,
        K.RED_EDUCATION_TAUGHT,
    }
)
#: translated by the appointments step's warning sentences, or by joining their parts
DELEGATED = frozenset({K.APPOINTMENT_WARNING, K.JOINED})


def translated_keys() -> frozenset[str]:
    """Every key this module translates (a test checks the services use no other)."""
    return frozenset(PLAIN) | COUNTED | DELEGATED


_counter: list[ReadinessMessage] = []


def _counted(key: str, n: int) -> str | None:
    if not _counter:
        _counter.append(ReadinessMessage())
    return _counter[0].counted(key, n)


def _spanish() -> bool:
    """The UI runs in Spanish (the translators set the default locale)."""
    return QLocale().name().lower().startswith("es")


def _clock(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def _values(message: Message) -> dict[str, str]:
    """The message's values as they read in the UI: dates in the user's locale, Spanish forms
    of names where the data has them, need domains translated."""
    values = {name: str(value) for name, value in message.params}
    if _spanish():
        for name, value in list(values.items()):
            if name.endswith("_es") and value:
                values[name.removesuffix("_es")] = value
    for name in ("deadline", "due"):
        if name in values:
            values[name] = fmt.format_date(date.fromisoformat(values[name]))
    if "when" in values:
        moment = datetime.strptime(values["when"], "%Y-%m-%d %H:%M")
        values["when"] = f"{fmt.format_date(moment.date())} {_clock(moment)}"
    if "language" in values:
        values["language"] = fmt.language_name(values["language"])
    if "domain" in values:
        from ui.workspace.careplan.labels import domain_label  # noqa: PLC0415 - off the start

        values["need"] = domain_label(values["domain"])
    return values


def _appointment_warning(message: Message) -> str:
    from transitions.domain.appointments import AppointmentType  # noqa: PLC0415
    from ui.workspace.appointments.labels import (  # noqa: PLC0415 - off the start path
        appointment_what,
        warning_sentence,
    )

    params = {name: str(value) for name, value in message.params}
    what = None
    if "type" in params and "starts_at" in params:
        start = datetime.fromisoformat(params["starts_at"])
        what = appointment_what(AppointmentType(params["type"]), params.get("where", ""), start)
    return warning_sentence(params.get("code", ""), params, what, message.text)


def message_text(message: Message) -> str:
    """The message in the UI's language (its English text for a key without a template)."""
    try:
        if message.key == K.JOINED:
            return JOIN.join(message_text(part) for part in message.parts) or message.text
        if message.key == K.APPOINTMENT_WARNING:
            return _appointment_warning(message)
        values = _values(message)
        if message.key in COUNTED:
            template = _counted(message.key, int(values.get("n", "0")))
        elif message.key in PLAIN:
            template = QCoreApplication.translate(CONTEXT, PLAIN[message.key])
        else:
            template = None
        if template is None:
            return message.text
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return message.text


def messages_text(messages: Iterable[Message]) -> list[str]:
    return [message_text(m) for m in messages]


def item_detail(item: RedItem) -> str:
    """What the data says about a checklist item, in the UI's language."""
    return message_text(item.message)
