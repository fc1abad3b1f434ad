"""Property tests: the offset invariant holds on generated texts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from claimx import extract_text
from claimx.clean import clean

from .conftest import assert_offsets

WORDS = ["the", "minister", "said", "Putin", "told", "reporters", "according", "to", "Syria",
         "on", "Tuesday", "27", "February", "we", "will", "win", "By", "GlobalData", "Thank", "you!",
         "Download", "a", "free", "sample", "Khmeimim", "last", "week", "he", "she", "Russia's"]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(['"', "\u201c", "\u201d", "''", "``", "\u2019", "\u2018", ",", ".", ":", "\n", "\n\n",
                     "\r\n", "\u00a0", " ", "\t"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=5),
)
TEXTS = st.lists(PIECES, max_size=60).map(lambda parts: " ".join(parts))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_clean_offsets(text):
    result = clean(text)
    for d in result.dropped:
        assert text[d.start:d.end] == d.text
    for i in range(len(result.text)):
        j = result.offsets.pos(i)
        assert 0 <= j < len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_extract_offsets(nlp, text):
    doc = extract_text(text, nlp=nlp, published="2016-03-16")
    assert_offsets(doc.to_dict(), text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    'Mayor Ann Lee said: "We will reopen the bridge on Tuesday."',
    '"The harbour is safe," said Captain Ian Marsh.',
    "According to the ministry, the convoy left Syria on 27 February.",
    "By GlobalDataThe US and Russia agreed a ceasefire.",
    "How well do you really know your competitors?",
    "Thank you!",
    '"It was a long night," she said. "But we saved the archive."',
    "The talks will resume next week in Geneva, officials said.",
]), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "\r\n", " "]))
def test_extract_offsets_on_news_like_text(nlp, sentences, sep):
    text = sep.join(sentences)
    assert_offsets(extract_text(text, nlp=nlp, published="2016-03-16").to_dict(), text)
