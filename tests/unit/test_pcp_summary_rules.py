"""Summary to the PCP without a database: file names, fax numbers, the hospital course, the
[pcp_summary] site keys, the wording catalog and the renderer."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from transitions.config import load_site_config
from transitions.domain.pcp_summary import (
    check_fax_number,
    check_hospital_course,
    check_recipient,
    outbox_base_name,
)
from transitions.errors import ConfigError, ValidationError
from transitions.packet.summary_content import (
    FaxCover,
    Recipient,
    SummaryContent,
    SummaryMedication,
    SummaryMedications,
    SummaryPatient,
    SummaryStay,
)
from transitions.packet.summary_render import render_summary
from transitions.resources import load_json

NY = timezone(timedelta(hours=-5))
WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=NY)


def test_outbox_name_has_visit_time_and_sequence_only() -> None:
    assert outbox_base_name("V0001", WHEN, 1) == "pcp-summary_V0001_20261125T150000Z_1"
    assert outbox_base_name("A/B 7:x", WHEN, 12) == "pcp-summary_A-B-7-x_20261125T150000Z_12"
    with pytest.raises(ValueError, match="aware"):
        outbox_base_name("V1", datetime(2026, 1, 1), 1)  # noqa: DTZ001 - the point of the test


@pytest.mark.parametrize("number", ["(555) 010-3301", "+1 555 010 3301", "555.010.3301"])
def test_fax_numbers_as_typed(number: str) -> None:
    assert check_fax_number(f"  {number} ") == number


@pytest.mark.parametrize("number", ["", "call me", "12345", "+1 (555) 010-3301 ext 99999999"])
def test_bad_fax_numbers(number: str) -> None:
    with pytest.raises(ValidationError) as error:
        check_fax_number(number)
    assert error.value.field == "fax"


def test_hospital_course_and_recipient_are_tidied() -> None:
    assert check_hospital_course("  One.  \n\n  Two.   \n") == "One.\n\n  Two."
    with pytest.raises(ValidationError, match="8000"):
        check_hospital_course("x" * 8001)
    assert check_recipient("  Dr.   Ada  Okafor ") == "Dr. Ada Okafor"
    assert check_recipient("   ") is None


def test_site_keys_default_and_override(tmp_path: Path) -> None:
    default = load_site_config(None)
    assert default.summary_outbox == "" and default.summary_fax == ""
    site = tmp_path / "site.toml"
    site.write_text(
        '[pcp_summary]\noutbox = "/srv/interface/outbox"\nfax = "(555) 010-2499"\n',
        encoding="utf-8",
    )
    config = load_site_config(site)
    assert config.summary_outbox == "/srv/interface/outbox"
    assert config.summary_fax == "(555) 010-2499"
    site.write_text('[pcp_summary]\noutbox = "\\\\\\\\hospital\\\\outbox"\n', encoding="utf-8")
    assert load_site_config(site).summary_outbox == "\\\\hospital\\outbox"  # Windows share


@pytest.mark.parametrize(
    ("text", "message"),
    [('[pcp_summary]\noutbox = "relative/folder"\n', "'pcp_summary.outbox' must be an absolute"),
     ("[pcp_summary]\noutbox = 3\n", "'pcp_summary.outbox' must be a str"),
     ('[pcp_summary]\nfax = "fax me"\n', "'pcp_summary.fax'")],
)  # fmt: skip
def test_bad_site_keys_are_named(tmp_path: Path, text: str, message: str) -> None:
    site = tmp_path / "site.toml"
    site.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_site_config(site)


def test_every_language_has_every_key() -> None:
    catalog = load_json("packet", "pcp_summary.json")["languages"]
    english = catalog["en"]
    for code, language in catalog.items():
        assert set(language) == set(english), code
        for table, entries in english.items():
            if isinstance(entries, dict):
                assert set(language[table]) == set(entries), (code, table)


def minimal(**changes: object) -> SummaryContent:
    content = SummaryContent(
        hospital="Riverside General Hospital",
        hospital_phone=None,
        patient=SummaryPatient(
            "Testperson, Alma", "MRN000001", date(1948, 3, 14), 78, "female", "English", False
        ),
        stay=SummaryStay("V1", WHEN - timedelta(days=3), WHEN, False, 3),
        recipient=Recipient("Ada Okafor, MD", fax="(555) 010-3301"),
        diagnoses=(),
        allergies=(),
        hospital_course="",
        course_by=None,
        course_at=None,
        medications=SummaryMedications(
            final=True, medications=(SummaryMedication("new", "apixaban", "5 mg", "oral", "BID"),)
        ),
        pending_results=(),
        appointments=(),
        transitional_care=None,
        home_services=(),
        labs=(),
        risk=None,
        education=(),
    )
    return content.__class__(**{**content.__dict__, **changes})


def test_render_is_deterministic_and_says_what_is_missing() -> None:
    first = render_summary(minimal(), language="en", prepared_at=WHEN, prepared_by="Dana Lee, RN")
    again = render_summary(minimal(), language="en", prepared_at=WHEN, prepared_by="Dana Lee, RN")
    assert first.pdf == again.pdf and first.pages == 1
    text = " ".join(PdfReader(io.BytesIO(first.pdf)).pages[0].extract_text().split())
    for line in (
        "No diagnoses recorded.",
        "No known allergies recorded.",
        "No hospital course has been written",
        "No results pending at discharge.",
        "No follow-up appointment booked.",
        "apixaban",
    ):
        assert line in text, line
    a4 = render_summary(
        minimal(), language="en", prepared_at=WHEN, prepared_by="x", paper="a4"
    )  # fmt: skip
    box = PdfReader(io.BytesIO(a4.pdf)).pages[0].mediabox
    assert round(float(box.width)) == 595


def test_fax_cover_counts_itself() -> None:
    cover = FaxCover(
        "Ada Okafor, MD", "(555) 010-3301", None, None, "Riverside General Hospital", None,
        "Dana Lee, RN", "(555) 010-2400", None, WHEN.astimezone(UTC),
    )  # fmt: skip
    course = "\n\n".join(f"Paragraph {n}: " + "diuresis continued. " * 30 for n in range(12))
    rendered = render_summary(
        minimal(hospital_course=course), language="es", prepared_at=WHEN,
        prepared_by="Dana Lee, RN", fax_cover=cover,
    )  # fmt: skip
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert rendered.pages == len(reader.pages) >= 3
    first = " ".join(reader.pages[0].extract_text().split())
    assert f"Páginas (incluida esta portada) {rendered.pages}" in first
    assert "Testperson" not in first
    assert f"Página 2 de {rendered.pages}" in reader.pages[1].extract_text()
