"""Display words for the assessment values (through Qt's translator) and the language the
form's own texts (from the data files, English and Spanish) are shown in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from transitions.domain.assessment import AnswerSource, NeedDomain, NeedStatus


def form_language() -> str:
    """'es' when the UI runs in Spanish (the translators set the default locale), else 'en'."""
    return "es" if QLocale().name().lower().startswith("es") else "en"


def sources() -> list[tuple[str, str]]:
    return [
        (AnswerSource.PATIENT.value, QCoreApplication.translate("Assessment", "Patient")),
        (
            AnswerSource.CAREGIVER.value,
            QCoreApplication.translate("Assessment", "Caregiver or proxy"),
        ),
        (AnswerSource.CHART.value, QCoreApplication.translate("Assessment", "Chart")),
    ]


def source_label(value: str) -> str:
    return dict(sources()).get(value, value)


def domain_label(domain: str) -> str:
    labels = {
        NeedDomain.HOUSING: QCoreApplication.translate("Assessment", "Housing"),
        NeedDomain.FOOD: QCoreApplication.translate("Assessment", "Food"),
        NeedDomain.TRANSPORTATION: QCoreApplication.translate("Assessment", "Transportation"),
        NeedDomain.UTILITIES: QCoreApplication.translate("Assessment", "Utilities"),
        NeedDomain.SAFETY: QCoreApplication.translate("Assessment", "Personal safety"),
        NeedDomain.MEDICATION_COST: QCoreApplication.translate("Assessment", "Medicine costs"),
        NeedDomain.PHONE: QCoreApplication.translate("Assessment", "Phone"),
        NeedDomain.LANGUAGE: QCoreApplication.translate("Assessment", "Language"),
        NeedDomain.HEALTH_LITERACY: QCoreApplication.translate("Assessment", "Health literacy"),
        NeedDomain.PRIMARY_CARE: QCoreApplication.translate("Assessment", "Primary care"),
        NeedDomain.CAREGIVER: QCoreApplication.translate("Assessment", "Caregiver"),
        NeedDomain.FUNCTIONAL: QCoreApplication.translate("Assessment", "Daily activities"),
    }
    try:
        return labels[NeedDomain(domain)]
    except ValueError:
        return domain


def status_label(status: str) -> str:
    labels = {
        NeedStatus.OPEN: QCoreApplication.translate("Assessment", "Open"),
        NeedStatus.RESOLVED: QCoreApplication.translate("Assessment", "Resolved"),
        NeedStatus.DECLINED: QCoreApplication.translate("Assessment", "Patient declined help"),
    }
    try:
        return labels[NeedStatus(status)]
    except ValueError:
        return status


def timepoint_label(timepoint: str) -> str:
    if timepoint == "before":
        return QCoreApplication.translate("Assessment", "Before admission")
    return QCoreApplication.translate("Assessment", "At discharge")
