"""The packet renderer on hand-built content: every section, both languages, large print."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode import code128
from reportlab.lib.pagesizes import A4, LETTER

from transitions.errors import ValidationError
from transitions.packet import fonts, graphics
from transitions.packet.content import (
    CoverInfo,
    Medicine,
    MedicineGroup,
    MedicinesSection,
    PacketContent,
    PacketOptions,
)
from transitions.packet.i18n import Messages, _catalog
from transitions.packet.render import Branding, render_packet
from transitions.packet.sample import sample_content

AT = datetime(2026, 11, 25, 14, 5, tzinfo=ZoneInfo("America/New_York"))
BRAND = Branding("Riverside General Hospital", "(555) 010-2400")


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def english() -> bytes:
    return render_packet(sample_content(), PacketOptions("en"), BRAND, AT)


@pytest.fixture(scope="module")
def spanish() -> bytes:
    return render_packet(sample_content(), PacketOptions("es"), BRAND, AT)


def _between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i : text.index(end, i)]


def test_medicines_print_in_their_groups(english: bytes) -> None:
    text = flat(pdf_text(english))
    new = _between(text, "NEW medicines", "CHANGED medicines")
    changed = _between(text, "CHANGED medicines", "KEEP TAKING")
    keep = _between(text, "KEEP TAKING", "STOP TAKING")
    stop = _between(text, "STOP TAKING", "My daily medicine schedule")
    assert "Apixaban" in new and "Furosemide" in new and "Nitroglycerin" in new
    assert "Metoprolol" in changed and "25 mg once a day" in changed and "still fast" in changed
    assert "Atorvastatin" in keep and "Metformin" in keep and "Apixaban" not in keep
    assert "Aspirin" in stop and "Ibuprofen" in stop and "Metformin" not in stop
    assert "Only when needed for chest pain" in new
    assert "Safety: This medicine thins your blood" in new


def test_schedule_grid_lists_regular_medicines_only(english: bytes) -> None:
    text = flat(pdf_text(english))
    grid = _between(text, "My daily medicine schedule", "My appointments and tests")
    for slot in ("Morning", "Noon", "Evening", "Bedtime"):
        assert slot in grid
    assert "Insulin glargine 14 units" in grid
    assert "Acetaminophen 650 mg 650 mg 650 mg 650 mg" in grid
    assert "Nitroglycerin" not in grid  # when needed only
    assert "Aspirin" not in grid  # stopped


def test_appointments_calendar_pending_services(english: bytes) -> None:
    text = flat(pdf_text(english))
    assert "Monday, November 30, 2026 8:00 AM Laboratory" in text
    assert "Cardiology clinic" in text and "Riverside Heart Center" in text
    cal = _between(text, "My next 30 days", "Test results not back yet")
    assert "Thanksgiving" in cal  # holiday from the US calendar
    # the day-2 call: discharge Wed 25 Nov, Thu 26 is Thanksgiving -> Fri 27, Mon 30
    assert "Nov 30 We call you" in cal
    assert "Nov 25 Home from hospital" in cal
    assert "Dec 24" in cal and "Dec 25" not in cal  # 30 days: discharge day + 29
    assert "Blood culture" in text and "Dr. Ada Okafor will call you" in text
    assert "Home health nurse visits" in text and "Bathroom scale" in text


def test_education_warning_signs(english: bytes) -> None:
    text = flat(pdf_text(english))
    about = text[text.index("About my condition") :]
    assert "Heart failure" in about and "Blood thinners" in about and "Low blood sugar" in about
    doctor = _between(about, "Call your doctor if:", "Call 911 if:")
    assert "2 pounds in a day" in doctor
    assert "You faint." in _between(about, "Call 911 if:", "Blood thinners")


def test_cover_allergies_and_rest(english: bytes) -> None:
    text = flat(pdf_text(english))
    assert "After-Hospital Care Plan" in text
    assert "Questions? Call (555) 010-2400" in text
    assert "Date of birth Sunday, March 14, 1948" in text
    assert "Penicillin (reaction: hives, moderate)" in text
    for heading in ("What to eat and drink", "Activity", "Instructions from my nurse",
                    "My goals", "My questions"):  # fmt: skip
        assert heading in text


def test_every_page_has_name_page_count_print_date(english: bytes) -> None:
    reader = PdfReader(io.BytesIO(english))
    pages = len(reader.pages)
    assert pages >= 4
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert "Maren Quigley" in text
        assert f"Page {number} of {pages}" in text
        assert "Printed Wednesday, November 25, 2026 2:05 PM" in text
        assert "MRN100001" in text  # human-readable line under the barcode


def test_barcode_and_qr_values(monkeypatch: pytest.MonkeyPatch) -> None:
    barcodes: list[str] = []
    payloads: list[str] = []
    real_code128 = code128.Code128
    real_modules = graphics.qr_modules

    def spy_code128(value: str, **kw: Any) -> Any:
        barcodes.append(value)
        return real_code128(value, **kw)

    def spy_modules(payload: str) -> Any:
        payloads.append(payload)
        return real_modules(payload)

    monkeypatch.setattr(graphics.code128, "Code128", spy_code128)
    monkeypatch.setattr(graphics, "qr_modules", spy_modules)
    render_packet(sample_content(), PacketOptions("en"), BRAND, AT)
    assert barcodes == ["MRN100001"]  # drawn once as a form, placed on every page
    assert payloads == ["MRN:MRN100001;VISIT:V900001"]
    # the QR encodes what it was given (module count of a version-2 symbol: 25)
    assert len(real_modules(payloads[0])) in (21, 25, 29)


def test_spanish_strings_and_accents(spanish: bytes) -> None:
    text = flat(pdf_text(spanish))
    assert "Plan de cuidados después del hospital" in text
    assert "Medicinas NUEVAS" in text and "DEJE DE TOMAR estas medicinas" in text
    assert "Llame a su médico si:" in text and "Llame al 911 si:" in text
    assert "¿Preguntas? Llame al (555) 010-2400" in text
    assert "Página 1 de" in text and "Impreso el miércoles, 25 de noviembre de 2026 14:05" in text
    assert "Mañana" in text and "Mediodía" in text and "Al dormir" in text
    assert "Mis próximos 30 días" in text


def _font_sizes(pdf: bytes) -> list[float]:
    sizes: list[float] = []
    reader = PdfReader(io.BytesIO(pdf))

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            sizes.append(round(size * tm[0], 1))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_body_at_least_14pt() -> None:
    normal = _font_sizes(render_packet(sample_content(), PacketOptions("en"), BRAND, AT))
    large = _font_sizes(render_packet(sample_content(), PacketOptions("en", True), BRAND, AT))
    assert min(normal) < 11
    body = [s for s in large if s >= 12]
    # every body text is 15 pt or more; only the calendar day cells and the page furniture
    # (footer, barcode caption) are smaller
    assert max(large) > 25  # headings larger
    assert large.count(15.0) > 0.5 * len(body)
    assert 15.0 not in normal


def test_deterministic_and_paper(english: bytes) -> None:
    again = render_packet(sample_content(), PacketOptions("en"), BRAND, AT)
    assert again == english
    later = render_packet(sample_content(), PacketOptions("en"), BRAND, AT.replace(hour=15))
    assert later != english
    box = PdfReader(io.BytesIO(english)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(x) for x in LETTER)
    a4 = render_packet(sample_content(), PacketOptions("en", paper="a4"), BRAND, AT)
    box = PdfReader(io.BytesIO(a4)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(x) for x in A4)
    assert b"/CreationDate (D:20261125140500-05'00')" in english


def test_font_is_embedded(english: bytes) -> None:
    assert fonts.packet_fonts().embedded
    reader = PdfReader(io.BytesIO(english))
    names = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[union-attr]
    }
    assert any("PacketSans" in name or "DejaVu" in name for name in names)


def test_no_empty_headings_for_a_bare_stay() -> None:
    bare = PacketContent(
        cover=CoverInfo(patient_name="Alma Testperson", mrn="M1", visit_number="V1")
    )
    text = flat(pdf_text(render_packet(bare, PacketOptions("en"), BRAND, AT)))
    for heading in ("My medicines", "My appointments", "My next 30 days", "About my condition",
                    "My allergies", "Test results", "Home services", "What to eat", "Activity",
                    "Instructions from my nurse", "My goals", "Date of birth",
                    "Your primary care provider", "Why you were in the hospital"):  # fmt: skip
        assert heading not in text
    assert "After-Hospital Care Plan" in text and "Page 1 of 1" in text


def test_medicine_list_not_final() -> None:
    meds = MedicinesSection(
        final=False,
        medicines=(Medicine(MedicineGroup.KEEP, "furosemide", dose="40 mg", how="by mouth"),),
    )
    content = PacketContent(cover=CoverInfo("Alma Testperson", "M1", "V1"), medicines=meds)
    text = flat(pdf_text(render_packet(content, PacketOptions("en"), BRAND, AT)))
    assert "Your medicine list is not final yet" in text
    assert "Medicines you told us you take at home" in text and "furosemide" in text
    for claim in ("NEW medicines", "KEEP TAKING", "STOP TAKING", "My daily medicine schedule"):
        assert claim not in text


def test_catalog_complete_and_unknown_language() -> None:
    catalog = _catalog()
    english = set(catalog["en"]["messages"])
    for code, language in catalog.items():
        assert set(language["messages"]) == english, code
    assert set(catalog["es"]["high_alert"]) >= {"antithrombotic", "insulin", "opioid"}
    with pytest.raises(ValidationError):
        Messages("fr")
    assert Messages("es").date_long(date(2026, 12, 1)) == "martes, 1 de diciembre de 2026"


def test_font_fallback(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(fonts, "find_dejavu", lambda: None)
    fonts.packet_fonts.cache_clear()
    try:
        chosen = fonts.packet_fonts()
        assert not chosen.embedded and chosen.regular == "Helvetica"
        assert "DejaVu Sans not found" in caplog.text
        pdf = render_packet(sample_content(), PacketOptions("es"), BRAND, AT)
        assert "después" in pdf_text(pdf)
    finally:
        fonts.packet_fonts.cache_clear()
