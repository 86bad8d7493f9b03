"""Translated words of the care plan: need domains, resource categories, referral and goal
statuses, what a goal links to, and the warning sentence of an unreferred need."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from transitions.domain.careplan import GoalLinkKind, GoalStatus, ReferralStatus
from transitions.services.goals import GoalLinkOption
from transitions.services.referrals import NeedReferrals
from ui import formatting as fmt
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CarePlan"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


DOMAINS = {
    "housing": QT_TRANSLATE_NOOP("CarePlan", "Housing"),
    "food": QT_TRANSLATE_NOOP("CarePlan", "Food"),
    "transportation": QT_TRANSLATE_NOOP("CarePlan", "Transportation"),
    "utilities": QT_TRANSLATE_NOOP("CarePlan", "Utilities"),
    "safety": QT_TRANSLATE_NOOP("CarePlan", "Safety"),
    "medication_cost": QT_TRANSLATE_NOOP("CarePlan", "Medication cost"),
    "phone": QT_TRANSLATE_NOOP("CarePlan", "Phone"),
    "language": QT_TRANSLATE_NOOP("CarePlan", "Language"),
    "health_literacy": QT_TRANSLATE_NOOP("CarePlan", "Health literacy"),
    "primary_care": QT_TRANSLATE_NOOP("CarePlan", "Primary care"),
    "caregiver": QT_TRANSLATE_NOOP("CarePlan", "Caregiver"),
    "functional": QT_TRANSLATE_NOOP("CarePlan", "Daily activities"),
}
#: How a domain without community referrals is met (resources/careplan/community.toml met_by)
MET_BY = {
    "language": QT_TRANSLATE_NOOP(
        "CarePlan", "Met by an interpreter and translated materials (Education step)"
    ),
    "health_literacy": QT_TRANSLATE_NOOP("CarePlan", "Met by teach-back (Education step)"),
    "primary_care": QT_TRANSLATE_NOOP(
        "CarePlan", "Met by a primary care follow-up (Appointments step)"
    ),
}
NO_REFERRAL_NEEDED = QT_TRANSLATE_NOOP("CarePlan", "No community referral needed")
CATEGORIES = {
    "food_bank": QT_TRANSLATE_NOOP("CarePlan", "Food bank"),
    "medical_transport": QT_TRANSLATE_NOOP("CarePlan", "Medical transport"),
    "housing_help": QT_TRANSLATE_NOOP("CarePlan", "Housing help"),
    "utility_assistance": QT_TRANSLATE_NOOP("CarePlan", "Utility assistance"),
    "meals_on_wheels": QT_TRANSLATE_NOOP("CarePlan", "Meals on wheels"),
    "pharmacy_assistance": QT_TRANSLATE_NOOP("CarePlan", "Pharmacy assistance programme"),
    "home_care_agency": QT_TRANSLATE_NOOP("CarePlan", "Home care agency"),
    "domestic_violence": QT_TRANSLATE_NOOP("CarePlan", "Domestic-violence services"),
}
REFERRAL_STATUSES = {
    ReferralStatus.SUGGESTED: QT_TRANSLATE_NOOP("CarePlan", "Suggested"),
    ReferralStatus.REFERRED: QT_TRANSLATE_NOOP("CarePlan", "Referred"),
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("CarePlan", "Accepted"),
    ReferralStatus.DECLINED: QT_TRANSLATE_NOOP("CarePlan", "Declined by the patient"),
    ReferralStatus.COMPLETED: QT_TRANSLATE_NOOP("CarePlan", "Completed"),
    ReferralStatus.UNABLE_TO_REACH: QT_TRANSLATE_NOOP("CarePlan", "Unable to reach"),
}
GOAL_STATUSES = {
    GoalStatus.ACTIVE: QT_TRANSLATE_NOOP("CarePlan", "Active"),
    GoalStatus.MET: QT_TRANSLATE_NOOP("CarePlan", "Met"),
    GoalStatus.NOT_MET: QT_TRANSLATE_NOOP("CarePlan", "Not met"),
    GoalStatus.REVISED: QT_TRANSLATE_NOOP("CarePlan", "Revised"),
}
LINK_KINDS = {
    GoalLinkKind.NEED: QT_TRANSLATE_NOOP("CarePlan", "Need"),
    GoalLinkKind.EDUCATION_MODULE: QT_TRANSLATE_NOOP("CarePlan", "Education"),
    GoalLinkKind.APPOINTMENT: QT_TRANSLATE_NOOP("CarePlan", "Appointment"),
    GoalLinkKind.REFERRAL: QT_TRANSLATE_NOOP("CarePlan", "Referral"),
}
NEED_STATUSES = {
    "resolved": QT_TRANSLATE_NOOP("CarePlan", "Resolved"),
    "declined": QT_TRANSLATE_NOOP("CarePlan", "Patient declined help"),
}


def domain_label(domain: str) -> str:
    return _tr(DOMAINS.get(domain, domain.replace("_", " ")))


def category_label(category: str) -> str:
    return _tr(CATEGORIES.get(category, category.replace("_", " ")))


def referral_status_label(status: ReferralStatus) -> str:
    return _tr(REFERRAL_STATUSES[status])


def goal_status_label(status: GoalStatus) -> str:
    return _tr(GOAL_STATUSES[status])


def link_kind_label(kind: GoalLinkKind) -> str:
    return _tr(LINK_KINDS[kind])


def link_text(option: GoalLinkOption, *, with_kind: bool = True) -> str:
    """'Need: Food — no ride…', 'Referral: County Ride Connect' (the kind only with_kind)."""
    label = option.label
    if option.domain is not None:
        label = f"{domain_label(option.domain)} — {label}"
    return f"{link_kind_label(option.link.kind)}: {label}" if with_kind else label


def short_date(day: date | None) -> str:
    return QLocale().toString(fmt.qdate(day), "ddd d MMM") if day else ""


def miles(distance: float | None) -> str:
    if distance is None:
        return "—"
    return QCoreApplication.translate("CarePlan", "%1 mi").replace(
        "%1", QLocale().toString(distance, "f", 1)
    )


def referral_state(need: NeedReferrals) -> str:
    """What the needs table says about a need's referrals."""
    if need.need_status in NEED_STATUSES:
        return _tr(NEED_STATUSES[need.need_status])
    if need.referrals:
        latest = need.referrals[0]
        return QCoreApplication.translate("CarePlan", "{status}: {resource}").format(
            status=referral_status_label(latest.status), resource=latest.resource_name
        )
    if not need.expects_referral:
        return _tr(MET_BY.get(need.domain, NO_REFERRAL_NEEDED))
    return QCoreApplication.translate("CarePlan", "No referral yet")


def warning_text(need: NeedReferrals) -> str:
    """The warning for an open need that still needs a referral."""
    what = domain_label(need.domain)
    if any(r.status is ReferralStatus.UNABLE_TO_REACH for r in need.referrals):
        text = QCoreApplication.translate(
            "CarePlan", "{need} need: the resource could not be reached; refer to another one."
        )
    elif any(r.status is ReferralStatus.SUGGESTED for r in need.referrals):
        text = QCoreApplication.translate(
            "CarePlan", "{need} need: a resource was suggested but no referral made."
        )
    else:
        text = QCoreApplication.translate("CarePlan", "{need} need has no referral: {description}")
    return text.format(need=what, description=need.description)
