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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from transitions.domain.calendar import HolidayCalendar, add_business_days

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
