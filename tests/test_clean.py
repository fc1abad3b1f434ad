"""Boilerplate cleaner: named rules, real lines kept, offsets back to the original."""

from __future__ import annotations

import pytest

from claimx.clean import clean, load_rules, normalise
from claimx.errors import UsageError

REAL_LINES = [
    '"Thank you," he said.',
    "He declined to comment.",
    "Not yet, she said.",
    "Access to the base was restricted.",
    "Download speeds fell, Ofcom said.",
    "Find out more about the inquiry, the minister told MPs.",
    "Follow-up talks are planned for Friday.",
    "Share prices fell 4% after the announcement.",
    "You could see the smoke from the motorway, a witness said.",
    "The GlobalData report, published on Monday, shows a rise in orders.",
    "Sign language interpreters will attend every hearing.",
    "Subscribers to the service were told to change their passwords.",
]


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_lines_are_kept(line):
    text = f"First paragraph of the story.\n{line}\nLast paragraph of the story."
    assert clean(text).dropped == ()


@pytest.mark.parametrize("line, rule", [
    ("How well do you really know your competitors?", "advert"),
    ("Sign up for our daily news round-up!", "newsletter-prompt"),
    ("View all newslettersfrom across the GlobalData Media network.", "newsletter-prompt"),
    ("Visit ourPrivacy Policyfor more information about our services", "form-prompt"),
    ("Story continues below advertisement", "web-clutter"),
    ("Open this photo in gallery", "web-clutter"),
    ("Share this article", "share-buttons"),
    ("Download our free sample report today", "call-to-action"),
])
def test_boilerplate_lines_are_dropped_with_rule(line, rule):
    text = f"A real sentence about the news.\n{line}\nAnother real sentence here."
    dropped = clean(text).dropped
    assert [(d.text, d.rule) for d in dropped] == [(line, rule)]


def test_glued_credit_is_stripped_and_sentence_kept():
    text = "Intro line.\nBy GlobalDataThe US and Russia had entered an agreement.\n"
    result = clean(text)
    assert [(d.text, d.rule) for d in result.dropped] == [("By GlobalData", "brand-credit")]
    assert "The US and Russia had entered an agreement." in result.text
    assert "GlobalData" not in result.text


def test_byline_of_a_person_is_not_a_brand_credit():
    text = "By Jane Smith\nThe council met on Monday."
    assert clean(text).dropped == ()


def test_block_context_drops_short_line_between_adverts():
    text = ("Story text.\nHow well do you really know your competitors?\nThank you!\n"
            "Your download email will arrive shortly\nMore story text.")
    rules = [d.rule for d in clean(text).dropped]
    assert rules == ["advert", "block-context", "advert"]


def test_offset_map_points_into_original(seed_text):
    result = clean(seed_text)
    for i, ch in enumerate(result.text):
        j = result.offsets.pos(i)
        assert seed_text[j] == ch or (ch in " \n" and seed_text[j] in "\r\n\u00a0 ")
    for d in result.dropped:
        assert seed_text[d.start:d.end] == d.text


def test_normalise_keeps_length():
    text = "a\r\nb\rc\u00a0d"
    out = normalise(text)
    assert len(out) == len(text)
    assert out == "a \nb\nc d"


def test_keep_boilerplate_drops_nothing(seed_text):
    assert clean(seed_text, keep_boilerplate=True).dropped == ()


def test_user_rules_file(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("# mine\npromo\tline\tBuy the print edition today\n", encoding="utf-8")
    rules = load_rules(str(path))
    text = "News line.\nBuy the print edition today\nMore news."
    assert [(d.text, d.rule) for d in clean(text, rules).dropped] == [("Buy the print edition today", "promo")]


@pytest.mark.parametrize("content, message", [
    ("promo line Buy", "expected NAME<TAB>MATCH<TAB>PATTERN"),
    ("promo\tregex\tx", "unknown match 'regex'"),
    ("Bad Name\tline\tx", "rule name"),
])
def test_user_rules_file_is_validated(tmp_path, content, message):
    path = tmp_path / "rules.txt"
    path.write_text(content + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=message) as exc:
        load_rules(str(path))
    assert f"{path}:1" in str(exc.value)


@pytest.mark.parametrize("line", [
    "READ MORE: Federal budget won't be balanced until 2040, Finance Department says",
    "WATCH: Sanders says talks are ongoing",
    "Related: \"We will not back down,\" mayor says",
])
def test_links_to_other_stories_are_dropped_despite_vetoes(line):
    text = f"A real sentence about the news.\n{line}\nAnother real sentence here."
    assert [(d.text, d.rule) for d in clean(text).dropped] == [(line, "related-link")]


def test_label_needs_the_colon():
    text = "Watch the skies tonight, the astronomer said.\nMore rain is expected on Friday."
    assert clean(text).dropped == ()
