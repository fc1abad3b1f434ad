"""Place mentions and offline resolution."""

from __future__ import annotations

import pytest

from claimx import extract_text
from claimx.gazetteer import resolve


@pytest.mark.parametrize("name, canonical, country, kind", [
    ("Syria", "Syria", "SY", "country"),
    ("Syrian Arab Republic", "Syria", "SY", "country"),
    ("the Syrian Arab Republic", "Syria", "SY", "country"),
    ("Russia", "Russia", "RU", "country"),
    ("US", "United States", "US", "country"),
    ("U.S.", "United States", "US", "country"),
    ("Britain", "United Kingdom", "GB", "country"),
    ("Germany", "Germany", "DE", "country"),
    ("Hmeymim air base", "Khmeimim Air Base", "SY", "facility"),
    ("Khmeimim", "Khmeimim Air Base", "SY", "facility"),
    ("Hmeimim", "Khmeimim Air Base", "SY", "facility"),
    ("Damascus", "Damascus", "SY", "city"),
    ("Leeds", "Leeds", "GB", "city"),
    ("Ontario", "Ontario", "CA", "region"),
    ("the Middle East", "Middle East", None, "region"),
])
def test_resolve(name, canonical, country, kind):
    hit = resolve(name)
    assert (hit.name, hit.country, hit.type) == (canonical, country, kind)


def test_unknown_place():
    assert resolve("Port Ellery") is None


def test_article_country_preferred(nlp):
    doc = extract_text("Troops moved through Syria. Later they reached Damascus.", nlp=nlp)
    assert [(p.name, p.country) for p in doc.locations] == [("Syria", "SY"), ("Damascus", "SY")]


def test_nationalities_are_not_places(nlp):
    doc = extract_text("Russian and Syrian officials met French diplomats in Geneva.", nlp=nlp)
    assert [p.text for p in doc.locations] == ["Geneva"]


def test_facility_alias_overrides_model_label(nlp):
    doc = extract_text("The jets took off from the airbase in Khmeimim on Monday.", nlp=nlp)
    assert [(p.text, p.name, p.type) for p in doc.locations] == [("Khmeimim", "Khmeimim Air Base", "facility")]
