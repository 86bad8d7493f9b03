"""Display words for the education values (through Qt's translator)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from transitions.domain.education.enums import Learner, Method, TeachBackResult
from transitions.domain.education.suggest import ReasonKind, SuggestionReason


def _t(text: str) -> str:
    return QCoreApplication.translate("Education", text)


def learners() -> list[tuple[str, str]]:
    return [
        (Learner.PATIENT.value, QCoreApplication.translate("Education", "Patient")),
        (Learner.CAREGIVER.value, QCoreApplication.translate("Education", "Caregiver")),
        (Learner.BOTH.value, QCoreApplication.translate("Education", "Patient and caregiver")),
    ]


def methods() -> list[tuple[str, str]]:
    return [
        (Method.VERBAL.value, QCoreApplication.translate("Education", "Verbal")),
        (Method.WRITTEN.value, QCoreApplication.translate("Education", "Written")),
        (Method.DEMONSTRATION.value, QCoreApplication.translate("Education", "Demonstration")),
        (Method.VIDEO.value, QCoreApplication.translate("Education", "Video")),
    ]


def results() -> list[tuple[str, str]]:
    return [
        (TeachBackResult.UNDERSTOOD.value, QCoreApplication.translate("Education", "Understood")),
        (
            TeachBackResult.NEEDS_REINFORCEMENT.value,
            QCoreApplication.translate("Education", "Needs reinforcement"),
        ),
        (
            TeachBackResult.UNABLE.value,
            QCoreApplication.translate("Education", "Unable to teach back"),
        ),
        (
            TeachBackResult.NOT_APPLICABLE.value,
            QCoreApplication.translate("Education", "Not applicable"),
        ),
    ]


def label_of(pairs: list[tuple[str, str]], value: str) -> str:
    return dict(pairs).get(value, value)


def reason_text(reason: SuggestionReason) -> str:
    if reason.kind is ReasonKind.ALWAYS:
        return QCoreApplication.translate("Education", "every patient")
    if reason.kind is ReasonKind.DIAGNOSIS:
        return QCoreApplication.translate("Education", "diagnosis {code}").format(code=reason.code)
    if reason.kind is ReasonKind.MED:
        return QCoreApplication.translate("Education", "medicine {name}").format(name=reason.code)
    return QCoreApplication.translate("Education", "BOOST: {item}").format(
        item=reason.code.replace("_", " ")
    )
