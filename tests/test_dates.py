"""Date values (TimeML style) relative to the publication date."""

from __future__ import annotations

import pytest

from claimx import extract_text
from claimx.extract.dates import resolve_date

PUB = "2016-03-16"  # a Wednesday


@pytest.mark.parametrize("text, tense, value, kind", [
    ("Tuesday", "past", "2016-03-15", "DATE"),
    ("on Tuesday", "past", "2016-03-15", "DATE"),
    ("Tuesday", "future", "2016-03-22", "DATE"),
    ("Wednesday", "past", "2016-03-16", "DATE"),
    ("last Friday", "", "2016-03-11", "DATE"),
    ("next Monday", "", "2016-03-21", "DATE"),
    ("27 February", "", "2016-02-27", "DATE"),
    ("February 27", "", "2016-02-27", "DATE"),
    ("27 December", "", "2015-12-27", "DATE"),
    ("March 15, 2015", "", "2015-03-15", "DATE"),
    ("2016-03-01", "", "2016-03-01", "DATE"),
    ("March 2014", "", "2014-03", "DATE"),
    ("in 1998", "", "1998", "DATE"),
    ("the 1990s", "", "199", "DATE"),
    ("today", "", "2016-03-16", "DATE"),
    ("yesterday", "", "2016-03-15", "DATE"),
    ("tomorrow", "", "2016-03-17", "DATE"),
    ("last week", "", "2016-W10", "DATE"),
    ("next week", "", "2016-W12", "DATE"),
    ("this week", "", "2016-W11", "DATE"),
    ("last month", "", "2016-02", "DATE"),
    ("next year", "", "2017", "DATE"),
    ("three days ago", "", "2016-03-13", "DATE"),
    ("two years ago", "", "2014", "DATE"),
    ("earlier this year", "", "2016", "DATE"),
    ("now", "", "PRESENT_REF", "DATE"),
    ("recently", "", "PAST_REF", "DATE"),
    ("three days", "", "P3D", "DURATION"),
    ("the past two weeks", "", "P2W", "DURATION"),
    ("several years", "", "PXY", "DURATION"),
    ("more than a year", "", "P1Y", "DURATION"),
    ("every week", "", None, "SET"),
    ("the summer of 2012", "", "2012-SU", "DATE"),
    ("October", "past", "2015-10", "DATE"),
    ("October", "future", "2016-10", "DATE"),
    ("the third quarter", "", "2015-Q3", "DATE"),
    ("the first quarter", "", "2016-Q1", "DATE"),
    ("10:35 a.m.", "", "2016-03-16T10:35", "TIME"),
    ("9 a.m. Tuesday", "past", "2016-03-15T09:00", "TIME"),
    ("Tuesday night", "past", "2016-03-15TNI", "TIME"),
    ("tonight", "", "2016-03-16TNI", "TIME"),
    ("Aug. 7, 1998", "", "1998-08-07", "DATE"),
    ("last year's", "", "2015", "DATE"),
    ("almost four years ago", "", "2012", "DATE"),
    ("the early hours of Thursday", "past", "2016-03-10", "DATE"),
    ("nineteen ninety-six", "", "1996", "DATE"),
    ("the year two thousand", "", "2000", "DATE"),
    ("the nineties", "", "199", "DATE"),
    ("just last month", "", "2016-02", "DATE"),
    ("later today", "", "2016-03-16", "DATE"),
    ("recent days", "", "PAST_REF", "DATE"),
    ("the coming months", "", "FUTURE_REF", "DATE"),
    ("the current fiscal year", "", "2016", "DATE"),
    ("the weekend", "past", "2016-W10-WE", "DATE"),
    ("16-hour", "", "PT16H", "DURATION"),
    ("two-day", "", "P2D", "DURATION"),
    ("two decades", "", "P20Y", "DURATION"),
])
def test_resolve(text, tense, value, kind):
    assert resolve_date(text, PUB, tense) == (value, kind)


@pytest.mark.parametrize("text", ["Tuesday", "last week", "tomorrow", "27 February"])
def test_relative_dates_without_publication_are_not_resolved(text):
    value, _ = resolve_date(text, None, "past")
    assert value is None or value.startswith("XXXX")


def test_absolute_dates_without_publication(nlp):
    doc = extract_text("The treaty was signed on 4 May 1999.", nlp=nlp)
    (d,) = doc.dates
    assert (d.text, d.value, d.anchored) == ("4 May 1999", "1999-05-04", True)


def test_unanchored_flag(nlp):
    doc = extract_text("The convoy left on Tuesday.", nlp=nlp)
    (d,) = doc.dates
    assert d.value is None and d.anchored is False


def test_tense_from_sentence(nlp):
    doc = extract_text("The convoy left on Tuesday. A second convoy will leave on Tuesday.",
                       nlp=nlp, published=PUB)
    assert [d.value for d in doc.dates] == ["2016-03-15", "2016-03-22"]


def test_coordinated_weekdays_split(nlp):
    doc = extract_text("The union will strike on Saturday and Sunday.", nlp=nlp, published=PUB)
    assert [(d.text, d.value) for d in doc.dates] == [("Saturday", "2016-03-19"), ("Sunday", "2016-03-20")]


def test_ages_are_not_dates(nlp):
    doc = extract_text("The 45-year-old driver was arrested.", nlp=nlp, published=PUB)
    assert doc.dates == ()
