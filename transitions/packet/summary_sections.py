"""The sections of the summary to the primary care provider, and its fax cover sheet, as
platypus flowables. A section with nothing recorded says so in one line (or, for optional parts
such as home services, prints nothing)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from transitions.packet.summary_content import FaxCover, SummaryContent, SummaryMedication
from transitions.packet.summary_i18n import SummaryMessages
from transitions.packet.summary_layout import (
    GRID,
    MED_GROUPS,
    Story,
    SummaryStyles,
    columns,
    grid,
    lines_para,
    pairs_table,
    para,
    side_by_side,
)

# -- sections ------------------------------------------------------------------------------------


def _heading(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    half = width * 0.5 - 10
    r = c.recipient
    to = [para(msg("label.to"), s.h2)]
    to.append(pairs_table([
        (msg("label.name"), r.name or msg("recipient.unknown")),
        (msg("label.practice"), r.practice),
        (msg("label.phone"), r.phone),
        (msg("label.fax"), r.fax),
    ], half, s))  # fmt: skip
    sender = [para(msg("label.from"), s.h2)]
    sender.append(pairs_table([
        (msg("label.name"), c.hospital),
        (msg("label.unit"), c.stay.unit),
        (msg("label.attending"), c.stay.attending),
        (msg("label.phone"), c.hospital_phone),
    ], half, s))  # fmt: skip
    return [
        para(msg("title"), s.title),
        para(msg("subtitle"), s.subtitle),
        side_by_side(to, sender, width),
    ]


def _identification(
    c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float
) -> Story:
    half = width * 0.5 - 10
    p, st = c.patient, c.stay
    language = p.language + (f" ({msg('interpreter')})" if p.interpreter_needed else "")
    patient = [para(msg("section.patient"), s.h2), pairs_table([
        (msg("label.name"), p.name),
        (msg("label.mrn"), p.mrn),
        (msg("label.birth_date"), msg.day(p.birth_date)),
        (msg("label.age_sex"), msg("age_sex", age=p.age, sex=msg.keyed("sex", p.sex))),
        (msg("label.language"), language),
        (msg("label.patient_phone"), p.phone),
        (msg("label.caregiver"), p.caregiver),
        (msg("label.pharmacy"), p.pharmacy),
    ], half, s)]  # fmt: skip
    if st.discharge is None:
        discharge = (msg("label.planned_discharge"), msg("discharge.not_planned"))
    elif st.discharge_planned:
        discharge = (msg("label.planned_discharge"), msg.moment(st.discharge))
    else:
        discharge = (msg("label.discharged"), msg.moment(st.discharge))
    los = (
        msg("los.day")
        if st.length_of_stay_days == 1
        else msg("los.days", days=st.length_of_stay_days)
    )
    stay = [para(msg("section.stay"), s.h2), pairs_table([
        (msg("label.visit"), st.visit_number),
        (msg("label.admitted"), msg.moment(st.admitted)),
        discharge,
        (msg("label.los"), los),
        (msg("label.admission_type"), msg.keyed("admission_types", st.admission_type)),
        (msg("label.service"), st.service),
        (msg("label.disposition"), st.disposition),
        (msg("label.discharged_by"), st.discharged_by),
    ], half, s)]  # fmt: skip
    return [side_by_side(patient, stay, width)]


def _diagnoses(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    story: Story = [para(msg("diagnoses.title"), s.h2)]
    if not c.diagnoses:
        return [*story, para(msg("diagnoses.none"), s.body)]
    rows = [
        [
            para(msg("diagnoses.principal" if d.principal else "diagnoses.secondary"),
               s.head if d.principal else s.cell),
            para(d.code, s.cell),
            para(d.description, s.head if d.principal else s.cell),
        ]
        for d in c.diagnoses
    ]  # fmt: skip
    return [*story, grid(rows, [width * 0.16, width * 0.12, width * 0.72], header=False)]


def _allergies(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles) -> Story:
    story: Story = [para(msg("allergies.title"), s.h2)]
    if not c.allergies:
        return [*story, para(msg("allergies.none"), s.body)]
    items = []
    for a in c.allergies:
        details = ", ".join(part for part in (a.reaction, a.severity) if part)
        items.append(f"{a.substance} ({details})" if details else a.substance)
    return [*story, para("; ".join(items), s.bold)]


def _course(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles) -> Story:
    story: Story = [para(msg("course.title"), s.h2)]
    if not c.hospital_course.strip():
        return [*story, para(msg("course.missing"), s.warn)]
    for paragraph in c.hospital_course.split("\n\n"):
        story.append(lines_para(paragraph.splitlines(), s.body))
    if c.course_by and c.course_at:
        story.append(
            para(msg("course.by", name=c.course_by, when=msg.moment(c.course_at)), s.small)
        )
    return story


def _med_notes(m: SummaryMedication, msg: SummaryMessages) -> list[str]:
    notes = []
    if m.indication:
        notes.append(msg("meds.for", text=m.indication))
    if m.previous:
        notes.append(msg("meds.before", text=m.previous))
    if m.reason:
        notes.append(msg("meds.reason", text=m.reason))
    return notes


def _medications(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    meds = c.medications
    story: Story = [para(msg("meds.title"), s.h2)]
    if meds.final:
        if meds.signed_by and meds.signed_at:
            story.append(
                para(
                    msg("meds.signed", name=meds.signed_by, when=msg.moment(meds.signed_at)), s.body
                )
            )
        if meds.verified_by and meds.verified_at:
            when = msg.moment(meds.verified_at)
            story.append(para(msg("meds.verified", name=meds.verified_by, when=when), s.body))
    else:
        story.append(para(msg("meds.not_final"), s.warn))
    if not meds.medications:
        return [*story, para(msg("meds.none"), s.body)]
    fractions = (0.25, 0.11, 0.15, 0.17, 0.32)
    header = [
        msg(f"meds.col.{key}") for key in ("medication", "dose", "route", "frequency", "notes")
    ]
    rows: list[list[Any]] = [[para(h, s.head) for h in header]]
    group_rows: list[int] = []
    groups = MED_GROUPS if meds.final else ("recorded",)
    for group in groups:
        members = [m for m in meds.medications if m.group == group or not meds.final]
        if not members:
            continue
        group_rows.append(len(rows))
        rows.append([para(msg(f"meds.group.{group}"), s.head), "", "", "", ""])
        for m in members:
            frequency = ", ".join(x for x in (m.frequency, msg("meds.prn") if m.prn else None) if x)
            rows.append([
                para(m.name, s.head if group != "stopped" else s.cell),
                para(m.dose, s.cell),
                para(m.route, s.cell),
                para(frequency, s.cell),
                lines_para(_med_notes(m, msg), s.cell),
            ])  # fmt: skip
    table = grid(rows, [width * f for f in fractions])
    for index in group_rows:
        table.setStyle(
            TableStyle(
                [
                    ("SPAN", (0, index), (-1, index)),
                    ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#dde6f0")),
                ]
            )
        )
    return [*story, table]


def _pending(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    story: Story = [para(msg("pending.title"), s.h2)]
    if not c.pending_results:
        return [*story, para(msg("pending.none"), s.body)]
    keys = ("test", "ordered_by", "expected", "responsible", "notify")
    rows = [
        [r.test, r.ordered_by, msg.day(r.expected), r.responsible, msg.keyed("notify", r.notify)]
        for r in c.pending_results
    ]
    header = [msg(f"pending.col.{k}") for k in keys]
    return [*story, columns(header, rows, (0.28, 0.17, 0.13, 0.22, 0.20), width, s)]


def _appointments(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    story: Story = [para(msg("appts.title"), s.h2)]
    if c.appointments:
        keys = ("when", "type", "with", "where", "phone", "status")
        rows = [
            [
                msg.moment(a.starts),
                msg.keyed("appointment_types", a.kind),
                a.with_whom,
                a.place,
                a.phone,
                msg.keyed("appointment_status", a.status),
            ]
            for a in c.appointments
        ]
        header = [msg(f"appts.col.{k}") for k in keys]
        fractions = (0.16, 0.15, 0.2, 0.2, 0.17, 0.12)
        story.append(columns(header, rows, fractions, width, s))
    else:
        story.append(para(msg("appts.none"), s.warn))
    tcm = c.transitional_care
    if tcm is not None:
        story.append(Spacer(1, 3))
        line = msg(
            "tcm.line",
            contact=msg.day(tcm.contact_due),
            visit=msg.day(tcm.visit_due),
            tier=msg.keyed("tiers", tcm.tier),
        )
        story.append(para(line, s.body))
    return story


def _services(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    if not c.home_services:
        return []
    keys = ("service", "description", "vendor", "phone", "start")
    rows = [
        [msg.keyed("home_services", h.kind), h.description, h.vendor, h.phone, msg.day(h.starts)]
        for h in c.home_services
    ]
    header = [msg(f"services.col.{k}") for k in keys]
    return [
        para(msg("services.title"), s.h2),
        columns(header, rows, (0.19, 0.28, 0.2, 0.18, 0.15), width, s),
    ]


def _risk(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles) -> Story:
    risk = c.risk
    if risk is None:
        return []
    tier = msg.keyed("tiers", risk.tier)
    scores = " · ".join(
        [
            msg("risk.lace", score=risk.lace_score, tier=msg.keyed("tiers", risk.lace_tier)),
            msg(
                "risk.hospital",
                score=risk.hospital_score,
                tier=msg.keyed("tiers", risk.hospital_tier),
            ),
            msg("risk.overall", tier=tier),
        ]
    )
    when = msg.moment(risk.computed_at)
    if risk.stage:
        basis = msg(f"risk.stage.{risk.stage}", when=when)
    else:
        basis = msg("risk.computed", when=when)
    story: Story = [para(msg("risk.title"), s.h2), para(scores, s.bold), para(basis, s.small)]
    if risk.missing:
        story.append(para(msg("risk.missing", items=", ".join(risk.missing)), s.small))
    return story


def _education(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    if not c.education:
        return []
    header = [msg(f"education.col.{k}") for k in ("module", "done", "reinforce")]
    rows = [
        [e.module, f"{e.done}/{e.required}", str(e.needs_reinforcement or "")] for e in c.education
    ]
    return [
        para(msg("education.title"), s.h2),
        columns(header, rows, (0.6, 0.2, 0.2), width, s),
    ]


def _labs(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    if not c.labs:
        return []
    header = [msg(f"labs.col.{k}") for k in ("test", "result", "when")]
    rows = [[lab.name, f"{lab.value} {lab.unit}", msg.moment(lab.observed)] for lab in c.labs]
    return [
        KeepTogether(
            [
                para(msg("labs.title"), s.h2),
                columns(header, rows, (0.45, 0.25, 0.3), width, s),
            ]
        )
    ]


def summary_story(c: SummaryContent, msg: SummaryMessages, s: SummaryStyles, width: float) -> Story:
    story: Story = []
    story += _heading(c, msg, s, width)
    story += _identification(c, msg, s, width)
    story += _diagnoses(c, msg, s, width)
    story += _allergies(c, msg, s)
    story += _course(c, msg, s)
    story += _medications(c, msg, s, width)
    story += _pending(c, msg, s, width)
    story += _appointments(c, msg, s, width)
    story += _services(c, msg, s, width)
    story += _risk(c, msg, s)
    story += _education(c, msg, s, width)
    story += _labs(c, msg, s, width)
    if c.hospital_phone:
        story.append(Spacer(1, 8))
        story.append(para(msg("contact", hospital=c.hospital, phone=c.hospital_phone), s.body))
    return story


def cover_story(
    cover: FaxCover, pages: int, msg: SummaryMessages, s: SummaryStyles, width: float
) -> Story:
    def block(title: str, pairs: list[tuple[str, str | None]]) -> Story:
        rows = [
            [para(label, s.fax_label), para(value, s.fax_value)] for label, value in pairs if value
        ]
        table = Table(rows, colWidths=[width * 0.38, width * 0.62])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))  # fmt: skip
        return [para(title, s.fax_heading), table]

    story: Story = [para(msg("fax.title"), s.fax_title)]
    story += block(msg("fax.to"), [
        (msg("label.name"), cover.to_name),
        (msg("fax.practice"), cover.to_practice),
        (msg("fax.fax"), cover.to_fax),
        (msg("fax.phone"), cover.to_phone),
    ])  # fmt: skip
    story += block(msg("fax.from"), [
        (msg("label.name"), cover.from_hospital),
        (msg("fax.unit"), cover.from_unit),
        (msg("fax.sender"), cover.from_sender),
        (msg("fax.fax"), cover.from_fax),
        (msg("fax.phone"), cover.from_phone),
    ])  # fmt: skip
    story += block("", [
        (msg("fax.date"), msg.moment(cover.sent_at)),
        (msg("fax.pages"), str(pages)),
        (msg("fax.re"), msg("fax.re.text")),
    ])  # fmt: skip
    notice = Table(
        [[para(msg("fax.notice.title"), s.fax_label)], [para(msg("fax.notice"), s.body)],
         [para(msg("fax.missing_pages"), s.bold)]],
        colWidths=[width],
    )  # fmt: skip
    notice.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))  # fmt: skip
    story += [Spacer(1, 24), notice, PageBreak()]
    return story
