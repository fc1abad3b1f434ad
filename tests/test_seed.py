"""Acceptance on the seed article (the product's defining example)."""

from __future__ import annotations

import pytest

from claimx import extract_text

from .conftest import assert_offsets


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_text):
    return extract_text(seed_text, nlp=nlp, published="2016-03-16", source="seed").to_dict()


def test_exactly_three_attributed_claims_in_order(seed_doc):
    claims = [c for c in seed_doc["claims"] if c["speaker"]]
    assert len(claims) == 3
    putin, ministry, shaaban = claims
    assert putin["kind"] == "direct"
    assert putin["speaker"]["text"] == "Vladimir Putin"
    assert putin["speaker"]["role"]["text"] == "Russian President"
    assert putin["cue"]["text"] == "said"
    assert putin["text"].startswith("I think that the task")
    assert putin["text"].endswith("from the Syrian Arab Republic.")
    assert ministry["kind"] == "indirect"
    assert ministry["cue"]["text"] == "According to"
    assert ministry["speaker"]["text"] == "the ministry"
    assert ministry["text"].startswith("the first group of Russian planes")
    assert ministry["text"].endswith("the airbase in Khmeimim")
    assert shaaban["kind"] == "direct"
    assert shaaban["speaker"]["text"] == "Bouthaina Shaaban"
    assert shaaban["speaker"]["role"]["text"] == "Senior adviser to Syrian President"
    assert shaaban["medium"]["text"] == "CNN"
    assert shaaban["text"].startswith("We were not surprised")
    assert shaaban["text"].endswith("have been achieved.")


def test_seed_has_no_claims_without_speaker(seed_doc):
    assert all(c["speaker"] for c in seed_doc["claims"])


def test_advert_block_and_credit_dropped(seed_doc, seed_text):
    dropped = [b["text"] for b in seed_doc["boilerplate"]]
    assert dropped[0] == "How well do you really know your competitors?"
    assert dropped[1].startswith("Access the most comprehensive Company Profiles")
    assert "Thank you!" in dropped
    assert "Your download email will arrive shortly" in dropped
    assert "Not ready to buy yet? Download a free sample" in dropped
    assert dropped[-2].endswith("by submitting the below form")
    assert dropped[-1] == "By GlobalData"
    assert len(dropped) == 7
    assert all(b["rule"] for b in seed_doc["boilerplate"])
    kept = "The US and Russia had entered an agreement"
    assert not any(kept in d for d in dropped)


def test_nothing_extracted_from_dropped_text(seed_doc):
    drops = [(b["start"], b["end"]) for b in seed_doc["boilerplate"]]
    spans = [(c["start"], c["end"]) for c in seed_doc["claims"]]
    spans += [(d["start"], d["end"]) for d in seed_doc["dates"]]
    spans += [(p["start"], p["end"]) for p in seed_doc["locations"]]
    for s, e in spans:
        for ds, de in drops:
            assert e <= ds or s >= de


def test_seed_dates(seed_doc):
    values = {d["text"]: d["value"] for d in seed_doc["dates"]}
    assert values["Tuesday"] == "2016-03-15"
    assert values["27 February"] == "2016-02-27"
    assert values["tomorrow"] == "2016-03-17"


def test_seed_places(seed_doc):
    places = seed_doc["locations"]
    by_text = {}
    for p in places:
        by_text.setdefault(p["text"], p)
    assert by_text["Syria"]["country"] == "SY"
    assert by_text["Syrian Arab Republic"]["name"] == "Syria"
    assert by_text["Syrian Arab Republic"]["country"] == "SY"
    assert by_text["Hmeymim air base"]["name"] == by_text["Khmeimim"]["name"]
    assert by_text["Khmeimim"]["type"] == "facility"
    texts = {p["text"] for p in places}
    for nationality in ("Russian", "Syrian", "Russians", "Middle Eastern"):
        assert nationality not in texts
    assert "MoD" not in texts


def test_seed_offsets(seed_doc, seed_text):
    assert assert_offsets(seed_doc, seed_text) > 20


def test_claims_link_dates_and_places(seed_doc):
    by_id = {d["id"]: d for d in seed_doc["dates"]}
    ministry = seed_doc["claims"][1]
    assert "2016-03-15" in [by_id[i]["value"] for i in ministry["dates"]]
    places = {p["id"]: p for p in seed_doc["locations"]}
    assert "Khmeimim Air Base" in {places[i]["name"] for i in ministry["locations"]}
