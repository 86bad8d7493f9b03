"""How dates, ages, sexes and languages read on screen (site time zone, the user's locale)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from transitions.domain.encounter_status import EncounterStatus
from ui.i18n import QT_TRANSLATE_NOOP


def _tr(text: str) -> str:
    return QCoreApplication.translate("formatting", text)


def local(dt: datetime, tz: tzinfo) -> datetime:
    return dt.astimezone(tz)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def format_date(day: date) -> str:
    """'14 Mar 1948'."""
    return QLocale().toString(qdate(day), "d MMM yyyy")


def format_time(dt: datetime, tz: tzinfo) -> str:
    moment = local(dt, tz)
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def days_from_today(dt: datetime, tz: tzinfo, today: date) -> int:
    return (local(dt, tz).date() - today).days


def format_moment(dt: datetime | None, tz: tzinfo, today: date) -> str:
    """Compact local date and time: 'Today 14:00', 'Tomorrow 09:30', 'Wed 25 Nov 14:00'."""
    if dt is None:
        return ""
    moment = local(dt, tz)
    offset = (moment.date() - today).days
    clock = format_time(dt, tz)
    if offset == 0:
        return QCoreApplication.translate("formatting", "Today %1").replace("%1", clock)
    if offset == 1:
        return QCoreApplication.translate("formatting", "Tomorrow %1").replace("%1", clock)
    if offset == -1:
        return QCoreApplication.translate("formatting", "Yesterday %1").replace("%1", clock)
    pattern = "ddd d MMM" if moment.year == today.year else "ddd d MMM yyyy"
    return f"{QLocale().toString(qdate(moment.date()), pattern)} {clock}"


def format_full_moment(dt: datetime | None, tz: tzinfo) -> str:
    """Unambiguous local date and time for tooltips: 'Wednesday 25 November 2026, 14:00'."""
    if dt is None:
        return ""
    moment = local(dt, tz)
    day = QLocale().toString(qdate(moment.date()), "dddd d MMMM yyyy")
    return f"{day}, {format_time(dt, tz)}"


def format_los(days: int) -> str:
    return QCoreApplication.translate("formatting", "%1 d").replace("%1", str(days))


def format_age(age: int) -> str:
    return QCoreApplication.translate("formatting", "%1 y").replace("%1", str(age))


_SEX = {
    "female": (QT_TRANSLATE_NOOP("formatting", "Female"), QT_TRANSLATE_NOOP("formatting", "F")),
    "male": (QT_TRANSLATE_NOOP("formatting", "Male"), QT_TRANSLATE_NOOP("formatting", "M")),
    "other": (QT_TRANSLATE_NOOP("formatting", "Other"), QT_TRANSLATE_NOOP("formatting", "O")),
    "unknown": (QT_TRANSLATE_NOOP("formatting", "Unknown"), QT_TRANSLATE_NOOP("formatting", "U")),
}


def sex_label(sex: str) -> str:
    return _tr(_SEX.get(sex, (sex, sex))[0])


def sex_short(sex: str) -> str:
    return _tr(_SEX.get(sex, (sex, sex))[1])


def language_name(code: str) -> str:
    """'es' -> 'Spanish' (in the user's language once translations exist)."""
    locale = QLocale(code)
    if locale.language() == QLocale.Language.C:
        return code
    return QLocale.languageToString(locale.language())


#: EncounterStatus.label (transitions/domain/encounter_status.py), marked for lupdate.
STATUS_WORDS = (
    QT_TRANSLATE_NOOP("EncounterStatus", "Admitted"),
    QT_TRANSLATE_NOOP("EncounterStatus", "Discharge planned"),
    QT_TRANSLATE_NOOP("EncounterStatus", "Ready to go"),
    QT_TRANSLATE_NOOP("EncounterStatus", "Discharged"),
    QT_TRANSLATE_NOOP("EncounterStatus", "Cancelled"),
)


def status_label(status: EncounterStatus) -> str:
    return QCoreApplication.translate("EncounterStatus", status.label)


_SOURCES = {
    "patient": QT_TRANSLATE_NOOP("formatting", "Patient"),
    "caregiver": QT_TRANSLATE_NOOP("formatting", "Caregiver"),
    "pharmacy": QT_TRANSLATE_NOOP("formatting", "Pharmacy"),
    "prior_record": QT_TRANSLATE_NOOP("formatting", "Prior record"),
    "import": QT_TRANSLATE_NOOP("formatting", "Import"),
    "order": QT_TRANSLATE_NOOP("formatting", "Order"),
}


_SEVERITIES = {
    "mild": QT_TRANSLATE_NOOP("formatting", "Mild"),
    "moderate": QT_TRANSLATE_NOOP("formatting", "Moderate"),
    "severe": QT_TRANSLATE_NOOP("formatting", "Severe"),
    "unknown": QT_TRANSLATE_NOOP("formatting", "Unknown"),
}


def severity_label(severity: str) -> str:
    return _tr(_SEVERITIES.get(severity, severity))


def medication_source_label(source: str) -> str:
    return _tr(_SOURCES.get(source, source))


def plural_patients(count: int, total: int | None = None) -> str:
    """'1 patient', '12 patients', '3 of 12 patients'."""
    if total is not None and total != count:
        return (
            QCoreApplication.translate("formatting", "%1 of %2 patients")
            .replace("%1", str(count))
            .replace("%2", str(total))
        )
    if count == 1:
        return QCoreApplication.translate("formatting", "1 patient")
    return QCoreApplication.translate("formatting", "%1 patients").replace("%1", str(count))
