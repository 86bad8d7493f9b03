"""The packet's sections as platypus flowables. A section with nothing to say adds nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from transitions.packet import graphics
from transitions.packet.content import (
    SLOTS,
    Appointment,
    Branding,
    Calendar30,
    EducationModule,
    GoalLine,
    Medicine,
    MedicineGroup,
    MedicinesSection,
    PacketContent,
)
from transitions.packet.i18n import Messages
from transitions.packet.render import Styles

GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eeeeee")
HOLIDAY = colors.HexColor("#e3e3e3")
FILLED = colors.HexColor("#fff1c9")
DOCTOR = colors.HexColor("#e08a00")
EMERGENCY = colors.HexColor("#c0161d")

Story = list[Flowable]


def _p(text: str | None, style: object) -> Paragraph:
    return Paragraph(escape(text or ""), style)


def _table(rows: list[list[object]], widths: Sequence[float], s: Styles, header: bool) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def _bullets(items: Sequence[str], s: Styles, colour: colors.Color | None = None) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(item, s.body), leftIndent=s.body_size * 1.2) for item in items],
        bulletType="bullet",
        bulletFontName=s.fonts.regular,
        bulletFontSize=s.body_size,
        bulletColor=colour or colors.black,
        leftIndent=s.body_size * 1.2,
    )


def _maybe_date(day: date | None, msg: Messages) -> str | None:
    return msg.date_long(day) if day else None


# -- cover ---------------------------------------------------------------------------------------


def cover(
    content: PacketContent, branding: Branding, msg: Messages, s: Styles, width: float
) -> Story:
    c = content.cover
    story: Story = []
    if branding.logo_path and Path(branding.logo_path).is_file():
        logo = Image(branding.logo_path)
        scale = min(1.0, (18 * mm) / float(logo.imageHeight))
        logo.drawHeight, logo.drawWidth = logo.imageHeight * scale, logo.imageWidth * scale
        logo.hAlign = "LEFT"
        story.append(logo)
    story.append(_p(msg("title"), s.title))
    story.append(_p(msg("prepared_for", name=c.patient_name), s.h2))
    rows: list[tuple[str, str | None]] = [
        (msg("label.birth_date"), _maybe_date(c.birth_date, msg)),
        (msg("label.mrn"), c.mrn),
        (msg("label.visit"), c.visit_number),
        (msg("label.discharge_date"), _maybe_date(c.discharge_date, msg)),
        (msg("label.hospital"), c.hospital_name or branding.hospital_name),
        (msg("label.unit"), c.unit_name),
        (msg("label.unit_phone"), c.unit_phone),
        (msg("label.clinician"), c.discharge_clinician),
        (msg("label.pcp"), " - ".join(x for x in (c.pcp_name, c.pcp_phone) if x) or None),
        (msg("label.reasons"), "; ".join(c.reasons_for_stay) or None),
    ]  # fmt: skip
    table_rows: list[list[object]] = [
        [_p(label, s.cell_bold), _p(value, s.cell)] for label, value in rows if value
    ]
    table = Table(table_rows, colWidths=[width * 0.38, width * 0.62])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [Spacer(1, s.body_size * 0.5), table]
    phone = c.callback_phone or branding.callback_phone
    if phone:
        callout = Table(
            [
                [_p(msg("callback", phone=phone), s.callout)],
                [_p(msg("callback.hours"), s.callout)],
            ],
            colWidths=[width],
        )
        callout.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), s.primary),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, 0), 8),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ]
            )
        )
        story += [Spacer(1, s.body_size), callout]
    return story


# -- medicines -------------------------------------------------------------------------------


def _how(med: Medicine, msg: Messages) -> str:
    parts = [med.how] if med.how else []
    if med.prn:
        parts.append(
            msg("meds.prn_for", reason=med.prn_reason) if med.prn_reason else msg("meds.prn")
        )
    return "; ".join(parts)


def _safety_row(med: Medicine, msg: Messages, s: Styles) -> Paragraph:
    text = f"<b>{escape(msg('meds.safety'))}</b> {escape(med.safety_line or '')}"
    return Paragraph(text, s.cell)


def _group_banner(label: str, s: Styles, width: float, colour: colors.Color) -> Table:
    banner = Table([[_p(label, s.callout)]], colWidths=[width])
    banner.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    banner.keepWithNext = 1
    return banner


def _med_name(med: Medicine, s: Styles) -> Paragraph:
    return _p(med.name, s.cell_bold)


def _group_table(
    group: MedicineGroup, meds: Sequence[Medicine], msg: Messages, s: Styles, width: float
) -> Table:
    header: list[object]
    body: list[list[object]] = []
    safety_rows: list[int] = []
    if group is MedicineGroup.CHANGED:
        header = ["meds.col.medicine", "meds.col.before", "meds.col.now", "meds.col.why"]
        widths = [0.25, 0.22, 0.28, 0.25]
    elif group is MedicineGroup.STOP:
        header = ["meds.col.medicine", "meds.col.purpose", "meds.col.why"]
        widths = [0.3, 0.3, 0.4]
    else:
        header = ["meds.col.medicine", "meds.col.purpose", "meds.col.dose", "meds.col.how"]
        widths = [0.27, 0.25, 0.16, 0.32]
    for med in meds:
        if group is MedicineGroup.CHANGED:
            now = " ".join(x for x in (med.dose, _how(med, msg)) if x)
            row = [
                _med_name(med, s),
                _p(med.previous, s.cell),
                _p(now, s.cell),
                _p(med.why, s.cell),
            ]
        elif group is MedicineGroup.STOP:
            row = [_med_name(med, s), _p(med.purpose, s.cell), _p(med.why, s.cell)]
        else:
            row = [_med_name(med, s), _p(med.purpose, s.cell), _p(med.dose, s.cell),
                   _p(_how(med, msg), s.cell)]  # fmt: skip
        body.append(row)
        if med.safety_line and group is not MedicineGroup.STOP:
            safety_rows.append(len(body) + 1)  # +1: header row
            body.append([_safety_row(med, msg, s)] + [""] * (len(header) - 1))
    rows: list[list[object]] = [[_p(msg(str(key)), s.cell_bold) for key in header], *body]
    table = _table(rows, [w * width for w in widths], s, header=True)
    extra: list[tuple[object, ...]] = []
    for r in safety_rows:
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), FILLED)]
    if extra:
        table.setStyle(TableStyle(extra))
    return table


def schedule_grid(section: MedicinesSection, msg: Messages, s: Styles, width: float) -> Story:
    meds = section.scheduled
    if not meds:
        return []
    icon = s.body_size * (2.4 if s.large else 2.2)
    name_share = 0.3 if s.large else 0.36
    slot_width = (width * (1 - name_share)) / len(SLOTS)
    header: list[object] = [_p(msg("meds.col.medicine"), s.cell_bold)]
    for slot in SLOTS:
        symbol = graphics.slot_symbol(slot, icon)
        cell = Table([[symbol], [_p(msg(f"slot.{slot}"), s.cell_bold)]], colWidths=[slot_width - 8])
        cell.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        header.append(cell)
    rows: list[list[object]] = [header]
    fills: list[tuple[object, ...]] = []
    for r, med in enumerate(meds, start=1):
        row: list[object] = [_med_name(med, s)]
        for c, slot in enumerate(SLOTS, start=1):
            if slot in med.times:
                row.append(_p(med.dose, s.cell) if med.dose else graphics.check_mark(s.body_size))
                fills.append(("BACKGROUND", (c, r), (c, r), FILLED))
            else:
                row.append("")
        rows.append(row)
    table = _table(rows, [width * name_share] + [slot_width] * len(SLOTS), s, header=True)
    table.setStyle(TableStyle([*fills, ("ALIGN", (1, 0), (-1, -1), "CENTER")]))
    return [
        _p(msg("schedule.title"), s.h2),
        _p(msg("schedule.intro"), s.body),
        table,
    ]


def medicines(section: MedicinesSection | None, msg: Messages, s: Styles, width: float) -> Story:
    if section is None or (section.final and not section.medicines):
        return []
    story: Story = [_p(msg("meds.title"), s.h1)]
    if not section.final:
        warning = Table(
            [
                [_p(msg("meds.not_final.title"), s.h3)],
                [_p(msg("meds.not_final.text"), s.body)],
            ],
            colWidths=[width],
        )
        warning.setStyle(
            TableStyle(
                [("BOX", (0, 0), (-1, -1), 2, s.accent), ("BACKGROUND", (0, 0), (-1, -1), FILLED)]
            )
        )
        story.append(warning)
        if section.medicines:
            story.append(_p(msg("meds.recorded.title"), s.h2))
            story.append(_group_table(MedicineGroup.KEEP, section.medicines, msg, s, width))
        return story
    story.append(_p(msg("meds.intro"), s.body))
    colours = {
        MedicineGroup.NEW: s.primary,
        MedicineGroup.CHANGED: s.accent,
        MedicineGroup.KEEP: colors.HexColor("#2e6b30"),
        MedicineGroup.STOP: EMERGENCY,
    }
    for group in MedicineGroup:
        meds = section.group(group)
        if not meds:
            continue
        story.append(Spacer(1, s.body_size * 0.6))
        story.append(_group_banner(msg(f"meds.group.{group.value}"), s, width, colours[group]))
        story.append(_group_table(group, meds, msg, s, width))
    story += schedule_grid(section, msg, s, width)
    return story


# -- appointments, calendar, pending results, home services -------------------------------------


def appointments(items: Sequence[Appointment], msg: Messages, s: Styles, width: float) -> Story:
    if not items:
        return []
    keys = ["appts.col.date", "appts.col.with", "appts.col.purpose", "appts.col.place"]
    rows: list[list[object]] = [[_p(msg(k), s.cell_bold) for k in keys]]
    for a in sorted(items, key=lambda a: (a.day, a.time or time.min)):
        when = "<br/>".join(
            escape(x) for x in (msg.date_long(a.day), a.time and msg.time(a.time)) if x
        )
        where = "<br/>".join(escape(x) for x in (a.place, a.phone) if x)
        rows.append(
            [Paragraph(when, s.cell),
             _p(a.with_whom, s.cell_bold), _p(a.purpose, s.cell), Paragraph(where, s.cell)]
        )  # fmt: skip
    return [_table(rows, [width * w for w in (0.27, 0.25, 0.24, 0.24)], s, header=True)]


def calendar(cal: Calendar30 | None, msg: Messages, s: Styles, width: float) -> Story:
    if cal is None or not cal.days:
        return []
    first = cal.days[0].day
    last = cal.days[-1].day
    grid_start = first - timedelta(days=first.weekday())
    weeks = (last - grid_start).days // 7 + 1
    by_day = {d.day: d for d in cal.days}
    small = s.small
    rows: list[list[object]] = [[_p(n, s.cell_bold) for n in msg.names("weekdays_short")]]
    commands: list[tuple[object, ...]] = []
    for w in range(weeks):
        row: list[object] = []
        for dow in range(7):
            day = grid_start + timedelta(days=w * 7 + dow)
            entry = by_day.get(day)
            if entry is None:
                row.append("")
                commands.append(("BACKGROUND", (dow, w + 1), (dow, w + 1), SHADE))
                continue
            parts = [f"<b>{escape(msg.date_short(day))}</b>"]
            if day == first:
                parts.append(escape(msg("calendar.discharge")))
            if entry.holiday:
                parts.append(f"<i>{escape(entry.holiday)}</i>")
                commands.append(("BACKGROUND", (dow, w + 1), (dow, w + 1), HOLIDAY))
            if entry.call_day:
                parts.append(f'<font color="{"#" + s.accent.hexval()[2:]}"><b>'
                             f"{escape(msg('calendar.call'))}</b></font>")  # fmt: skip
            for moment, text in entry.events:
                when = f"{msg.time(moment)} " if moment else ""
                parts.append(f"<b>{escape(when)}</b>{escape(text)}")
                commands.append(("BACKGROUND", (dow, w + 1), (dow, w + 1), FILLED))
            row.append(Paragraph("<br/>".join(parts), small))
        rows.append(row)
    table = _table(rows, [width / 7] * 7, s, header=True)
    table.setStyle(TableStyle(commands))
    legend = [msg("calendar.legend.call")] if any(d.call_day for d in cal.days) else []
    if any(d.holiday for d in cal.days):
        legend.append(msg("calendar.legend.holiday"))
    return [
        _p(msg("calendar.title"), s.h2),
        table,
        *[_p(text, s.small) for text in legend],
    ]


def _simple_table(
    title: str, header: list[str], rows: list[list[str | None]], s: Styles, width: float,
    widths: Sequence[float],
) -> Story:  # fmt: skip
    if not rows:
        return []
    cells: list[list[object]] = [[_p(h, s.cell_bold) for h in header]]
    cells += [[_p(value, s.cell) for value in row] for row in rows]
    return [_p(title, s.h2), _table(cells, [w * width for w in widths], s, header=True)]


# -- education ------------------------------------------------------------------------------


def _warning_list(
    title: str, items: Sequence[str], colour: colors.Color, s: Styles, width: float
) -> Table:
    inner = [[_p(title, s.h3)], [_bullets(items, s, colour)]]
    box = Table(inner, colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2.5, colour),
                ("LINEBEFORE", (0, 0), (0, -1), 8, colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return KeepTogether([box])


def education(modules: Sequence[EducationModule], msg: Messages, s: Styles, width: float) -> Story:
    if not modules:
        return []
    story: Story = [_p(msg("education.title"), s.h1)]
    for module in modules:
        part: Story = [_p(module.title, s.h2)]
        if module.key_points:
            part += [_p(msg("education.key_points"), s.h3), _bullets(module.key_points, s)]
        story += part
        for key, items, colour in (
            ("education.call_doctor", module.call_doctor_if, DOCTOR),
            ("education.call_911", module.call_911_if, EMERGENCY),
        ):
            if items:
                story += [Spacer(1, 4), _warning_list(msg(key), items, colour, s, width)]
    return story


# -- the rest -----------------------------------------------------------------------------------


def allergies(content: PacketContent, msg: Messages, s: Styles) -> Story:
    if content.allergies:
        lines = []
        for a in content.allergies:
            extra = []
            if a.reaction:
                extra.append(msg("allergies.reaction", reaction=a.reaction))
            if a.severity:
                extra.append(msg(f"severity.{a.severity}"))
            lines.append(a.substance + (f" ({', '.join(extra)})" if extra else ""))
        return [_p(msg("allergies.title"), s.h2), _bullets(lines, s)]
    if content.no_known_allergies:
        return [_p(msg("allergies.title"), s.h2), _p(msg("allergies.none"), s.body)]
    return []


def _text_section(title: str, items: Sequence[str], s: Styles) -> Story:
    if not items:
        return []
    if len(items) == 1:
        return [_p(title, s.h2), _p(items[0], s.body)]
    return [_p(title, s.h2), _bullets(items, s)]


def goals(items: Sequence[GoalLine], msg: Messages, s: Styles, width: float) -> Story:
    """ "My goals": the patient's own words, the measurable target and the date, as agreed."""
    if not items:
        return []
    keys = ("goals.col.words", "goals.col.target", "goals.col.by")
    rows: list[list[object]] = [[_p(msg(k), s.cell_bold) for k in keys]]
    for goal in sorted(items, key=lambda g: g.by):
        rows.append(
            [_p(msg("goals.quoted", words=goal.words), s.cell_bold), _p(goal.target, s.cell),
             _p(msg.date_long(goal.by), s.cell)]
        )  # fmt: skip
    table = _table(rows, [width * w for w in (0.36, 0.40, 0.24)], s, header=True)
    return [KeepTogether([_p(msg("goals.title"), s.h2), _p(msg("goals.intro"), s.body), table])]


def questions(msg: Messages, s: Styles, width: float) -> Story:
    lines = Table([[""]] * 6, colWidths=[width], rowHeights=[s.body_size * 2.2] * 6)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, GRID)]))
    return [
        KeepTogether([_p(msg("questions.title"), s.h2), _p(msg("questions.intro"), s.body), lines])
    ]


def build_story(
    content: PacketContent, branding: Branding, msg: Messages, s: Styles, width: float
) -> Story:
    """All sections in order; the big ones start on a new page."""
    story: Story = cover(content, branding, msg, s, width)
    story += allergies(content, msg, s)

    def chapter(part: Story) -> None:
        if part:
            story.append(PageBreak())
            story.extend(part)

    chapter(medicines(content.medicines, msg, s, width))
    visits: Story = [_p(msg("appts.title"), s.h1)] if content.appointments else []
    visits += appointments(content.appointments, msg, s, width)
    visits += calendar(content.calendar, msg, s, width)
    visits += _simple_table(
        msg("pending.title"),
        [msg("pending.col.test"), msg("pending.col.expected"), msg("pending.col.who")],
        [[p.test, p.expected, p.who_tells] for p in content.pending_results],
        s, width, (0.4, 0.25, 0.35),
    )  # fmt: skip
    visits += _simple_table(
        msg("services.title"),
        [msg(f"services.col.{k}") for k in ("service", "provider", "phone", "start", "notes")],
        [
            [h.service, h.provider, h.phone, msg.date_short(h.start) if h.start else None, h.notes]
            for h in content.home_services
        ],
        s, width, (0.24, 0.22, 0.16, 0.12, 0.26),
    )  # fmt: skip
    if visits and not content.appointments:
        visits.insert(0, _p(msg("appts.title"), s.h1))
    chapter(visits)
    chapter(education(content.education, msg, s, width))
    rest: Story = []
    rest += _text_section(msg("diet.title"), content.diet, s)
    rest += _text_section(msg("activity.title"), content.activity, s)
    if content.nurse_instructions:
        rest += _text_section(msg("nurse.title"), [content.nurse_instructions], s)
    rest += goals(content.goals, msg, s, width)
    story += [Spacer(1, s.body_size)] + rest if rest else []
    if content.questions_space:
        story += questions(msg, s, width)
    return story
