"""A complete hand-built packet (every section filled): tests, the benchmark, design review.

Synthetic patient; the numbers match the benchmark's target case (12 medicines, 4 appointments,
3 education modules).
"""

from __future__ import annotations

from datetime import date, time, timedelta

from transitions.domain.calendar import HolidayCalendar
from transitions.domain.tcm import tcm_deadlines
from transitions.packet.content import (
    AllergyLine,
    Appointment,
    CalendarInputs,
    CoverInfo,
    EducationModule,
    GoalLine,
    HomeService,
    Medicine,
    MedicinesSection,
    PacketContent,
    PendingResult,
    build_calendar,
)
from transitions.packet.content import MedicineGroup as G

SAMPLE_DISCHARGE = date(2026, 11, 25)  # a Wednesday before Thanksgiving (US holiday calendar)

WARFARIN_LINE = (
    "This medicine thins your blood. Tell every doctor and dentist you take it, and call if "
    "you notice unusual bleeding or bruising."
)


def sample_medicines() -> MedicinesSection:
    m = Medicine
    return MedicinesSection(
        final=True,
        medicines=(
            m(G.NEW, "Apixaban", "to prevent blood clots", "5 mg", "by mouth, twice a day",
              ("morning", "evening"), safety_line=WARFARIN_LINE),
            m(G.NEW, "Furosemide", "to remove extra fluid (water pill)", "40 mg",
              "by mouth, once a day", ("morning",)),
            m(G.NEW, "Nitroglycerin", "for chest pain", "0.4 mg", "under the tongue", prn=True,
              prn_reason="chest pain; may repeat every 5 minutes, up to 3 doses"),
            m(G.CHANGED, "Metoprolol succinate", "for your heart and blood pressure", "50 mg",
              "by mouth, once a day", ("morning",), previous="25 mg once a day",
              why="your heart rate was still fast"),
            m(G.CHANGED, "Insulin glargine", "for diabetes (blood sugar)", "14 units",
              "injected under the skin, at bedtime", ("bedtime",), previous="20 units at bedtime",
              why="your blood sugar was low in the hospital",
              safety_line="This medicine lowers your blood sugar. Check your sugar as you were "
              "shown, know the signs of low sugar, and keep sugar or juice with you."),
            m(G.KEEP, "Atorvastatin", "to lower cholesterol", "40 mg", "by mouth, at bedtime",
              ("bedtime",)),
            m(G.KEEP, "Metformin", "for diabetes (blood sugar)", "500 mg",
              "by mouth, twice a day with meals", ("morning", "evening")),
            m(G.KEEP, "Levothyroxine", "for your thyroid", "75 mcg",
              "by mouth, every morning before breakfast", ("morning",)),
            m(G.KEEP, "Albuterol inhaler", "for wheezing or shortness of breath", "2 puffs",
              "inhaled, every 4 hours", prn=True, prn_reason="wheezing or shortness of breath"),
            m(G.KEEP, "Acetaminophen", "for pain or fever", "650 mg", "by mouth, every 6 hours",
              ("morning", "noon", "evening", "bedtime")),
            m(G.STOP, "Aspirin", "to prevent blood clots", why="apixaban replaces it; taking "
              "both raises the risk of bleeding"),
            m(G.STOP, "Ibuprofen", "for pain", why="it can make heart failure and your kidneys "
              "worse"),
        ),
    )  # fmt: skip


def sample_appointments(start: date = SAMPLE_DISCHARGE) -> tuple[Appointment, ...]:
    return (
        Appointment(start + timedelta(days=6), time(9, 30), "Dr. Ada Okafor, primary care",
                    "check your weight, fluid and medicines", "Riverside Family Practice,"
                    " 12 Elm Street", "(555) 010-3100"),
        Appointment(start + timedelta(days=9), time(14, 0), "Cardiology clinic",
                    "heart failure follow-up", "Riverside Heart Center, 2nd floor",
                    "(555) 010-3200"),
        Appointment(start + timedelta(days=5), time(8, 0), "Laboratory", "blood test (kidneys "
                    "and potassium)", "Riverside General, lab, 1st floor", None),
        Appointment(start + timedelta(days=20), None, "Diabetes educator",
                    "insulin and meal planning", "Riverside General, room 210", "(555) 010-3300"),
    )  # fmt: skip


def sample_education() -> tuple[EducationModule, ...]:
    return (
        EducationModule(
            "Heart failure",
            ("Weigh yourself every morning, after using the toilet, before breakfast.",
             "Limit salt to less than 2,000 mg a day.",
             "Take your water pill every morning."),
            ("You gain more than 2 pounds in a day or 5 pounds in a week.",
             "Your ankles or legs swell more.", "You need more pillows to breathe at night."),
            ("You have chest pain that does not go away after 3 nitroglycerin doses.",
             "You cannot catch your breath, even at rest.", "You faint."),
        ),
        EducationModule(
            "Blood thinners",
            ("Take apixaban at the same times every day.", "Do not skip doses."),
            ("You have nosebleeds or bleeding gums that do not stop.", "Your urine is pink."),
            ("You vomit blood or your stool is black.", "You have a bad fall or hit your head."),
        ),
        EducationModule(
            "Low blood sugar",
            ("Signs: shaking, sweating, confusion, a fast heartbeat.",
             "Eat or drink 15 grams of sugar, then check again in 15 minutes."),
            ("Your sugar is under 70 more than twice in a week.",),
            ("You cannot wake up or cannot swallow.",),
        ),
    )  # fmt: skip


def sample_content(
    *, start: date = SAMPLE_DISCHARGE, holidays: HolidayCalendar | None = None
) -> PacketContent:
    holidays = holidays or HolidayCalendar("US")
    appts = sample_appointments(start)
    contact = tcm_deadlines(start, holidays).contact_due
    return PacketContent(
        cover=CoverInfo(
            patient_name="Maren Quigley",
            mrn="MRN100001",
            visit_number="V900001",
            birth_date=date(1948, 3, 14),
            discharge_date=start,
            hospital_name="Riverside General Hospital",
            unit_name="4 West Medicine",
            unit_phone="(555) 010-2440",
            callback_phone="(555) 010-2400",
            discharge_clinician="María García, RN",
            pcp_name="Dr. Ada Okafor",
            pcp_phone="(555) 010-3100",
            reasons_for_stay=("Heart failure that got worse",),
        ),
        medicines=sample_medicines(),
        appointments=appts,
        calendar=build_calendar(CalendarInputs(start, appts, call_day=contact), holidays),
        pending_results=(
            PendingResult("Blood culture", "in 2 to 3 days", "Dr. Ada Okafor will call you"),
        ),
        home_services=(
            HomeService(
                "Home health nurse visits",
                "Riverside Home Care",
                "(555) 010-3400",
                start + timedelta(days=1),
                "first visit within 2 days",
            ),
            HomeService(
                "Bathroom scale",
                "Riverside Medical Supply",
                "(555) 010-3500",
                None,
                "delivered to your home",
            ),
        ),  # fmt: skip
        education=sample_education(),
        allergies=(
            AllergyLine("Penicillin", "hives", "moderate"),
            AllergyLine("Sulfa drugs", "rash", "mild"),
        ),
        diet=("Low salt: less than 2,000 mg a day.", "Drink no more than 2 liters a day."),
        activity=("Walk a little more every day.", "No lifting over 10 pounds for 2 weeks."),
        nurse_instructions="Bring all your medicine bottles to your first doctor visit.",
        goals=(
            GoalLine(
                "Walk to the mailbox and back without stopping.",
                "Walk 5 minutes twice a day, one minute more each week.",
                SAMPLE_DISCHARGE + timedelta(days=21),
            ),
            GoalLine(
                "Keep the water off my lungs.",
                "Weigh myself every morning; call if up 2 lb in a day or 5 lb in a week.",
                SAMPLE_DISCHARGE + timedelta(days=30),
            ),
        ),
    )
