"""Display words for the education values (through Qt's translator)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from transitions.domain.education.enums import Learner, Method, TeachBackResult
from transitions.domain.education.suggest import ReasonKind, SuggestionReason


def _t(text: str) -> str:
    return QCoreApplication.translate("Education", text)


def learners() -> list[tuple[str, str]]:
    return [
        (Learner.PATIENT.value, _t("Patient")),
        (Learner.CAREGIVER.value, _t("Caregiver")),
        (Learner.BOTH.value, _t("Patient and caregiver")),
    ]


def methods() -> list[tuple[str, str]]:
    return [
        (Method.VERBAL.value, _t("Verbal")),
        (Method.WRITTEN.value, _t("Written")),
        (Method.DEMONSTRATION.value, _t("Demonstration")),
        (Method.VIDEO.value, _t("Video")),
    ]


def results() -> list[tuple[str, str]]:
    return [
        (TeachBackResult.UNDERSTOOD.value, _t("Understood")),
        (TeachBackResult.NEEDS_REINFORCEMENT.value, _t("Needs reinforcement")),
        (TeachBackResult.UNABLE.value, _t("Unable to teach back")),
        (TeachBackResult.NOT_APPLICABLE.value, _t("Not applicable")),
    ]


def label_of(pairs: list[tuple[str, str]], value: str) -> str:
    return dict(pairs).get(value, value)


def reason_text(reason: SuggestionReason) -> str:
    if reason.kind is ReasonKind.ALWAYS:
        return _t("every patient")
    if reason.kind is ReasonKind.DIAGNOSIS:
        return _t("diagnosis {code}").format(code=reason.code)
    if reason.kind is ReasonKind.MED:
        return _t("medicine {name}").format(name=reason.code)
    return _t("BOOST: {item}").format(item=reason.code.replace("_", " "))
