"""Date values (TimeML style) relative to the publication date."""

from __future__ import annotations

import pytest

from claimx import extract_text
from claimx.extract.timex import resolve_date

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
    ("October of next year", "", "2017-10", "DATE"),
    ("July last year", "", "2015-07", "DATE"),
    ("the fourth quarter", "", "2015-Q4", "DATE"),
    ("the fourth quarter", "future", "2016-Q4", "DATE"),
    ("14:58 GMT", "", "2016-03-16T14:58Z", "TIME"),
    ("a decade ago", "", "2006", "DATE"),
    ("the 20th century", "", "19", "DATE"),
    ("the 11th century", "", "10", "DATE"),
    ("the full year", "", "2016", "DATE"),
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


def _values(doc) -> dict[str, str]:
    return {d.text: d.value for d in doc.dates}


def test_earnings_comparisons_take_the_reported_quarter(nlp):
    text = ("Acme Corp. said third-quarter net income rose 12% to $40 million from $35.7 million "
            "a year earlier. In the year-ago quarter the company also booked a gain. "
            "Sales in the quarter were $1.2 billion.")
    values = _values(extract_text(text, nlp=nlp, published="1989-10-26"))
    assert values["third-quarter"] == "1989-Q3"
    assert values["a year earlier"] == "1988-Q3"
    assert values["the year-ago quarter"] == "1988-Q3"
    assert values["the quarter"] == "1989-Q3"


def test_a_year_ago_without_a_quarter_is_last_year(nlp):
    doc = extract_text("Unemployment fell to 5% from 6% a year ago.", nlp=nlp, published="1989-10-26")
    assert _values(doc)["a year ago"] == "1988"


def test_future_quarter_is_not_the_reported_one(nlp):
    text = ("The company expects losses to continue through the third quarter of 1990. "
            "Revenue rose from a year ago.")
    values = _values(extract_text(text, nlp=nlp, published="1989-10-26"))
    assert values["a year ago"] == "1988"


def test_anaphoric_dates_follow_the_last_date(nlp):
    text = ("The plant opened in March 1994. Later that year it was sold, "
            "and the following year it closed.")
    values = _values(extract_text(text, nlp=nlp, published=PUB))
    assert values["Later that year"] == "1994"
    assert values["the following year"] == "1995"


@pytest.mark.parametrize("sentence, mention, value", [
    ("Negotiations broke off at noon Thursday, police said.", "noon Thursday", "2016-03-10T12:00"),
    ("The offer expires at 5 p.m. EST March 21.", "5 p.m. EST March 21", "2016-03-21T17:00"),
    ("The blast occurred at about 10:35 a.m. on Monday.", "about 10:35 a.m. on Monday", "2016-03-14T10:35"),
    ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "2016-03-15TAF"),
])
def test_clock_time_joined_with_its_day(nlp, sentence, mention, value):
    assert _values(extract_text(sentence, nlp=nlp, published=PUB))[mention] == value


@pytest.mark.parametrize("text, published, tense, value", [
    ("Thanksgiving Day", "1999-11-20", "", "1999-11-25"),
    ("last Thanksgiving", "1999-11-20", "", "1998-11-26"),
    ("Election Day", "1998-10-26", "", "1998-11-03"),
    ("Christmas Eve", "2016-03-16", "past", "2015-12-24"),
    ("Easter", "2016-03-16", "future", "2016-03-27"),
    ("Good Friday", "2016-03-16", "future", "2016-03-25"),
    ("Memorial Day", "1999-05-20", "", "1999-05-31"),
    ("Christmas 1998", "2016-03-16", "", "1998-12-25"),
    ("the last half of 1989", "1989-10-26", "", "1989-H2"),
    ("the first two quarters of 1990", "1989-10-26", "", "1990-H1"),
    ("the first half of the year", "1989-10-26", "", "1989-H1"),
])
def test_holidays_and_halves(text, published, tense, value):
    assert resolve_date(text, published, tense) == (value, "DATE")


def test_period_ended_is_two_dates(nlp):
    text = "For the quarter ended Sept. 30, Delta earned $5 million. In the year ended June 30, 1990, it lost money."
    doc = extract_text(text, nlp=nlp, published="1989-11-02")
    assert [(d.text, d.value) for d in doc.dates] == [
        ("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"), ("the year", "1990"), ("June 30, 1990", "1990-06-30")]
    for d in doc.dates:
        assert text[d.start:d.end] == d.text


def test_part_of_a_period_is_a_duration_and_a_date(nlp):
    doc = extract_text("Payrolls grew in the first nine months of 1997.", nlp=nlp, published="1998-02-06")
    assert [(d.text, d.value, d.type) for d in doc.dates] == [
        ("the first nine months", "P9M", "DURATION"), ("1997", "1997", "DATE")]


def test_this_years_is_the_whole_mention(nlp):
    doc = extract_text("This year's results included a gain.", nlp=nlp, published="1989-11-02")
    assert [(d.text, d.value) for d in doc.dates] == [("This year", "1989")]


@pytest.mark.parametrize("sentence, published, mention, value", [
    ("The Times said in an editorial on Monday, Oct. 26: the murder was awful.", "1998-10-25",
     "Monday, Oct. 26", "1998-10-26"),  # the year in which Oct. 26 is a Monday
    ("They were charged in the Dec. 21, 1988, bombing.", "1999-06-07", "the Dec. 21, 1988", "1988-12-21"),
    ("$14 million seeped out Friday Oct. 13 alone.", "1989-10-27", "Friday Oct. 13", "1989-10-13"),
    ("The stock is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "1989-10-31"),
    ("The sale is scheduled to close Monday.", "1989-11-02", "Monday", "1989-11-06"),
    ("Planting was delayed earlier in the year by rain.", "1989-10-26", "earlier in the year", "1989"),
    ("Sometime next year the company will expand.", "1989-10-30", "Sometime next year", "1990"),
    ("It could take effect as early as next year's first quarter.", "1989-10-31",
     "as early as next year's first quarter", "1990-Q1"),
    ("The split is payable Dec. 7 to stock of record Nov. 22.", "1989-10-27", "Nov. 22", "1989-11-22"),
    ("Saudi Arabia told companies of a cut in their supply in September.", "1990-08-16", "September", "1990-09"),
    # a past-tense clause whose date still lies ahead of the report
    ("Directors declared a dividend, payable Dec. 7 to holders of record.", "1989-10-27", "Dec. 7", "1989-12-07"),
    ("The bidders extended to Nov. 20 their offer for the company.", "1989-11-02", "Nov. 20", "1989-11-20"),
    ("The accession was planned for early March.", "1999-02-10", "early March", "1999-03"),
    ("The appointment takes effect, effective Feb. 1, the bank said.", "1989-10-26", "Feb. 1", "1990-02-01"),
    # ... but an act done on the day stays in the past
    ("The council postponed its vote on Monday.", "2016-03-18", "Monday", "2016-03-14"),
])
def test_dates_in_context(nlp, sentence, published, mention, value):
    assert _values(extract_text(sentence, nlp=nlp, published=published))[mention] == value


def test_bare_clock_time_takes_the_day_of_its_sentence(nlp):
    doc = extract_text("The jet made its first flight Tuesday in Everett at 18:00 UTC. It landed at 10 a.m.",
                       nlp=nlp, published=PUB)
    assert _values(doc) == {"Tuesday": "2016-03-15", "18:00 UTC": "2016-03-15T18:00Z", "10 a.m.": "2016-03-16T10:00"}


def test_soon_but_not_as_soon_as(nlp):
    doc = extract_text('"We will return soon," he said. Talks resume as soon as the guns fall silent.',
                       nlp=nlp, published=PUB)
    assert [(d.text, d.value) for d in doc.dates] == [("soon", "FUTURE_REF")]


def test_date_mentions_never_end_in_blank_lines(nlp):
    text = "March 16, 2016\n\nThe ministry said on Tuesday that talks had failed.\n"
    doc = extract_text(text, nlp=nlp, published=PUB)
    assert doc.dates[0].text == "March 16, 2016"
    for d in doc.dates:
        assert d.text == d.text.strip() and text[d.start:d.end] == d.text


@pytest.mark.parametrize("text, published", [
    ("Feb. 30, 2015", "2016-03-16"),
    ("Feb. 29", "2099-12-31"),
    ("Memorial Day", "9999-12-31"),
    ("Easter", "0001-01-01"),
    ("the quarter ended Feb. 30", "2016-03-16"),
])
def test_impossible_dates_have_no_value(text, published):
    value, _ = resolve_date(text, published, "")
    assert value is None or not value[:4].isdigit() or len(value) < 10


def test_impossible_dates_in_an_article(nlp):
    text = 'The deadline was Feb. 30, the council said on Tuesday. "We will meet on Feb. 29," she said.'
    doc = extract_text(text, nlp=nlp, published="2099-12-31")
    assert [d.text for d in doc.dates][:1] == ["Feb. 30"]
    assert doc.dates[0].value is None


def test_24_hour_time_with_its_zone(nlp):
    doc = extract_text("The Dow Jones was up 3.10% at 14:58 UTC, an increase of 330.89.", nlp=nlp,
                       published="2008-09-20")
    assert [(d.text, d.value, d.type) for d in doc.dates] == [("14:58 UTC", "2008-09-20T14:58Z", "TIME")]
