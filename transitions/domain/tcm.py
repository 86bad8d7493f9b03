"""The transitional care management (TCM) clock, CPT 99495 and 99496.

Source: CMS Medicare Learning Network, "Transitional Care Management Services" fact sheet
(MLN908628):

* the 30-day TCM period begins on the day of discharge and continues for the next 29 days;
* an interactive contact (direct, telephone or electronic) with the patient or caregiver is due
  within 2 business days after discharge. Business days are Monday to Friday except holidays,
  whatever the practice's own opening hours; the discharge day itself never counts;
* the face-to-face visit is due within 7 calendar days of discharge for high-complexity medical
  decision making (CPT 99496) and within 14 calendar days for moderate complexity (CPT 99495).

Visit and period dates are calendar days and may fall on a weekend or a holiday; only the
contact deadline moves with the site's business days (see :mod:`transitions.domain.calendar`).

Which visit deadline a stay gets is site policy (:class:`VisitDeadlinePolicy`, site file
``[policy.visit_deadline_days]``): calendar days per readmission-risk tier, by default the CMS
windows (high 7, moderate and low 14). A site may be stricter; a window longer than the CMS one
is allowed but :meth:`VisitDeadlinePolicy.beyond_cms` reports it (``transitions config check``
warns), because a visit after day 7 (99496) or day 14 (99495) no longer meets the TCM
requirement — CMS, "Frequently Asked Questions about Billing the Medicare Physician Fee Schedule
for Transitional Care Management Services" (March 2016),
https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/PhysicianFeeSched/Downloads/FAQ-TCMS.pdf
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from transitions.domain.calendar import HolidayCalendar, add_business_days
from transitions.errors import ValidationError

#: Business days after discharge within which the interactive contact must happen.
CONTACT_BUSINESS_DAYS = 2
#: Calendar days after discharge for the face-to-face visit, high complexity (CPT 99496).
VISIT_DAYS_HIGH = 7
#: Calendar days after discharge for the face-to-face visit, moderate complexity (CPT 99495).
VISIT_DAYS_MODERATE = 14
#: The period is 30 days counting the discharge day: it ends on discharge + 29 days.
PERIOD_DAYS = 30


@dataclass(frozen=True)
class TcmDeadlines:
    """The last day for each TCM requirement (all inclusive)."""

    contact_due: date
    visit_due_high: date
    visit_due_moderate: date
    period_end: date

    def to_json(self) -> dict[str, str]:
        return {
            "contact_due": self.contact_due.isoformat(),
            "visit_due_high": self.visit_due_high.isoformat(),
            "visit_due_moderate": self.visit_due_moderate.isoformat(),
            "period_end": self.period_end.isoformat(),
        }


def tcm_deadlines(discharged: date, calendar: HolidayCalendar) -> TcmDeadlines:
    """The TCM deadlines of a discharge on ``discharged`` under the site's ``calendar``.

    Per CMS MLN908628: contact by the 2nd business day after discharge; visit by discharge
    + 7 days (99496) or + 14 days (99495); the 30-day period ends on discharge + 29 days.
    """
    return TcmDeadlines(
        contact_due=add_business_days(discharged, CONTACT_BUSINESS_DAYS, calendar),
        visit_due_high=discharged + timedelta(days=VISIT_DAYS_HIGH),
        visit_due_moderate=discharged + timedelta(days=VISIT_DAYS_MODERATE),
        period_end=discharged + timedelta(days=PERIOD_DAYS - 1),
    )


#: Risk tiers, most urgent first (the order deadlines must respect: high <= moderate <= low).
VISIT_TIERS = ("high", "moderate", "low")
#: The CMS window of each tier: high = 99496 (7 days); moderate and low = 99495 (14 days, the
#: longest window TCM allows; low-complexity stays do not qualify for TCM at all).
CMS_VISIT_WINDOWS = {
    "high": (VISIT_DAYS_HIGH, "CPT 99496"),
    "moderate": (VISIT_DAYS_MODERATE, "CPT 99495"),
    "low": (VISIT_DAYS_MODERATE, "CPT 99495"),
}
#: The longest visit deadline a site may set: the end of the 30-day TCM period (day 29).
MAX_VISIT_DAYS = PERIOD_DAYS - 1


@dataclass(frozen=True)
class VisitDeadlinePolicy:
    """Calendar days after discharge by which the follow-up visit is due, per risk tier.

    Site policy (``[policy.visit_deadline_days]``); the defaults are the CMS windows. Raises
    :class:`ValidationError` (``field`` = the tier) for a value that is not a whole number from 1
    to :data:`MAX_VISIT_DAYS`, or when a riskier tier would get a later deadline.
    """

    high: int = VISIT_DAYS_HIGH
    moderate: int = VISIT_DAYS_MODERATE
    low: int = VISIT_DAYS_MODERATE

    def __post_init__(self) -> None:
        for tier in VISIT_TIERS:
            days = getattr(self, tier)
            if isinstance(days, bool) or not isinstance(days, int):
                raise ValidationError("must be a whole number of days", field=tier)
            if not 1 <= days <= MAX_VISIT_DAYS:
                raise ValidationError(f"must be 1 to {MAX_VISIT_DAYS} days", field=tier)
        if self.moderate < self.high:
            raise ValidationError(
                f"moderate risk ({self.moderate} days) must not be sooner than high risk "
                f"({self.high} days)",
                field="moderate",
            )
        if self.low < self.moderate:
            raise ValidationError(
                f"low risk ({self.low} days) must not be sooner than moderate risk "
                f"({self.moderate} days)",
                field="low",
            )

    def days_for(self, tier: str) -> int:
        """Days for ``tier`` ("high", "moderate" or "low"; a RiskTier works too)."""
        if tier not in VISIT_TIERS:
            raise ValidationError(f"unknown risk tier '{tier}'", field="tier")
        days: int = getattr(self, str(tier))
        return days

    def due(self, discharged: date, tier: str) -> date:
        """The last day for the follow-up visit of a ``tier`` stay discharged on ``discharged``."""
        return discharged + timedelta(days=self.days_for(tier))

    def beyond_cms(self) -> list[tuple[str, int, int, str]]:
        """(tier, days, CMS days, CPT code) for every tier whose deadline is later than CMS's."""
        found = []
        for tier in VISIT_TIERS:
            cms_days, code = CMS_VISIT_WINDOWS[tier]
            if self.days_for(tier) > cms_days:
                found.append((tier, self.days_for(tier), cms_days, code))
        return found

    def to_json(self) -> dict[str, int]:
        return {tier: self.days_for(tier) for tier in VISIT_TIERS}


#: The CMS windows: high 7 days, moderate and low 14 days.
CMS_VISIT_DEADLINES = VisitDeadlinePolicy()
