"""Care plan rules without a database: vocabulary, distance, CSV cells, site geography."""

from __future__ import annotations

from pathlib import Path

import pytest

from transitions.config import load_site_config
from transitions.domain.assessment import NeedDomain
from transitions.domain.careplan import (
    Point,
    great_circle_miles,
    parse_languages,
    vocabulary,
    zip5,
)
from transitions.errors import ConfigError, ValidationError


def test_every_need_domain_is_in_the_vocabulary() -> None:
    vocab = vocabulary()
    assert set(vocab.domains) == {d.value for d in NeedDomain}
    for domain, categories in vocab.domains.items():
        # a domain either names categories or says how it is met without a referral
        assert categories or domain in vocab.met_by
    assert vocab.categories_for("food") == ("food_bank", "meals_on_wheels")
    assert not vocab.expects_referral("language")
    assert len(vocab.categories) == 8


def test_category_by_key_or_label() -> None:
    vocab = vocabulary()
    assert vocab.category_key("Meals on wheels") == "meals_on_wheels"
    assert vocab.category_key("  PHARMACY assistance programme ") == "pharmacy_assistance"
    assert vocab.category_key("medical transport") == "medical_transport"
    assert vocab.category_key("soup") is None
    assert vocab.label("food_bank", "es") == "Banco de alimentos"


def test_great_circle_distance() -> None:
    new_york, los_angeles = Point(40.7128, -74.0060), Point(34.0522, -118.2437)
    assert great_circle_miles(new_york, los_angeles) == pytest.approx(2445, abs=5)
    assert great_circle_miles(new_york, new_york) == 0.0
    # one degree of latitude is about 69 miles
    assert great_circle_miles(Point(43, -77), Point(44, -77)) == pytest.approx(69.1, abs=0.1)


def test_cells() -> None:
    assert parse_languages("EN; es, vi") == ("en", "es", "vi")
    assert parse_languages("") == ()
    with pytest.raises(ValidationError, match="'spanish' is not a language code"):
        parse_languages("en;spanish")
    assert zip5("14690-1234") == "14690" and zip5("1469") is None and zip5(None) is None


def test_default_geography_is_the_demo_hospital() -> None:
    geo = load_site_config().geography
    assert geo.hospital == Point(43.1566, -77.6088)
    assert geo.zip_point("14695") == Point(43.05, -77.52)
    assert geo.zip_point("99999") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hospital_latitude = 95.0\n", "'geography.hospital_latitude': latitude must be -90"),
        ('hospital_longitude = "west"\n', "'geography.hospital_longitude': longitude must be a"),
        ("zip_centroids = 3\n", "'geography.zip_centroids' must be a list"),
        ('zip_centroids = [["1469", 43.0, -77.0]]\n', "entry 1: '1469' is not a 5-digit ZIP"),
        ('zip_centroids = [["14690", 43.0]]\n', 'entry 1 must be \\["ZIP", lat, lon\\]'),
        (
            'zip_centroids = [["14690", 43.1, -77.6], ["14690", 43.1, -77.6]]\n',
            "lists ZIP 14690 twice",
        ),
        ('zip_centroids = [["14690", 43.0, -277.0]]\n', "entry 1: longitude must be -180"),
        # a site's own ZIP codes with the demo hospital's location kept by mistake
        ('zip_centroids = [["94110", 37.75, -122.41]]\n', "miles from its nearest ZIP code"),
    ],
)
def test_bad_geography_names_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "site.toml"
    path.write_text("[geography]\n" + text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_site_config(path)


def test_site_replaces_the_zip_list(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(
        "[geography]\nhospital_latitude = 37.76\nhospital_longitude = -122.42\n"
        'zip_centroids = [["94110", 37.75, -122.41]]\n',
        encoding="utf-8",
    )
    geo = load_site_config(path).geography
    assert geo.zip_centroids == (("94110", Point(37.75, -122.41)),)
