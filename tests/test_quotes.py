"""Quote and reported-speech extraction on sentences we wrote (positive and negative)."""

from __future__ import annotations

import pytest

from claimx import extract_text


def claims_of(nlp, text):
    doc = extract_text(text, nlp=nlp)
    return [(c.kind, c.speaker.text if c.speaker else None, c.cue.text if c.cue else None, c.text)
            for c in doc.claims]


@pytest.mark.parametrize("text, expected", [
    # speaker before, colon
    ('The mayor, Jane Holt, said: "We will rebuild the bridge by June."',
     [("direct", "Jane Holt", "said", "We will rebuild the bridge by June.")]),
    # speaker after, inverted
    ("\u201cThe harbour is safe again,\u201d said Captain Ian Marsh.",
     [("direct", "Ian Marsh", "said", "The harbour is safe again")]),
    # speaker after, pronoun
    ('"We expected a much bigger crowd today," she said.',
     [("direct", "she", "said", "We expected a much bigger crowd today")]),
    # typewriter quotes
    ("``The talks collapsed at midnight,'' Peter Lang said.",
     [("direct", "Peter Lang", "said", "The talks collapsed at midnight")]),
    # told reporters
    ('Police chief Maria Gomez told reporters: "Nobody was hurt in the fire."',
     [("direct", "Maria Gomez", "told", "Nobody was hurt in the fire.")]),
    # a direct quote followed by "according to X"
    ('"The system is broken," according to Dr. Keith Ahamad, a family doctor in Vancouver.',
     [("direct", "Keith Ahamad", "according to", "The system is broken")]),
    # a rarer cue verb
    ('"Confidence matters more than looks," echoes Robert McMillen.',
     [("direct", "Robert McMillen", "echoes", "Confidence matters more than looks")]),
    # a quote opened after a colon belongs to the subject of the clause before it
    ('Dr. Dave Martell, the addictions doctor, is more blunt: "They will uncover horrifying things in the system."',
     [("direct", "Dave Martell", None, "They will uncover horrifying things in the system.")]),
    ('She had a simple message for voters: "Stay home and stay safe this weekend, please."',
     [("direct", "She", None, "Stay home and stay safe this weekend, please.")]),
    # ... but not of a thing
    ('The sign on the door read: "No entry for anyone without a pass, by order of the mayor."',
     [("direct", None, None, "No entry for anyone without a pass, by order of the mayor.")]),
    # the parse hangs the name on the quote; a parenthesis between name and verb
    ('"There is a severe disconnect between the White House and the military," Flynn, a top surrogate, '
     'said on Thursday.',
     [("direct", "Flynn", "said", "There is a severe disconnect between the White House and the military")]),
    ('"He would be a great senator. One of the brightest members of the entire Congress," '
     'Rep. Elijah E. Cummings (D-Md.) said in a phone interview.',
     [("direct", "Elijah E. Cummings", "said",
       "He would be a great senator. One of the brightest members of the entire Congress")]),
    # the cue's object between cue and quote
    ('Limbaugh told his radio audience of Monday, "What has happened basically is this. The campaign sent orders."',
     [("direct", "Limbaugh", "told", "What has happened basically is this. The campaign sent orders.")]),
    # a colon closing the paragraph before the quote; a dash glued to the closing mark
    ('Caddell continued:\n\n"The health issue overall is very much a partisan issue, but not only that."',
     [("direct", "Caddell", None, "The health issue overall is very much a partisan issue, but not only that.")]),
    ('\u201cHe is ignorant of our culture and of our lives.\u201d\u2015 Pamela Padilla\n',
     [("direct", "Pamela Padilla", None, "He is ignorant of our culture and of our lives.")]),
    # a quote after a mixed claim in the same paragraph continues its voice
    ('Suicides are "not meeting the demand," says Paul Rieckhoff, founder of the group. '
     '"We often compare it to the early days of the AIDS crisis."',
     [("mixed", "Paul Rieckhoff", "says", 'Suicides are "not meeting the demand,"'),
      ("direct", "Paul Rieckhoff", None, "We often compare it to the early days of the AIDS crisis.")]),
    # a document speaks for the organisation named with it, not for the agent of a passive
    ("A statement by the Defence Ministry said the jets had returned to base.",
     [("indirect", "the Defence Ministry", "said", "the jets had returned to base")]),
    ("Emails obtained by Reuters suggest that the deal was agreed in May.",
     [("indirect", "Emails", "suggest", "that the deal was agreed in May")]),
])
def test_attribution(nlp, text, expected):
    assert claims_of(nlp, text) == expected


def test_split_quote_one_speaker(nlp):
    text = '"It was a long night," said Anna Weber. "But we saved the archive."'
    got = claims_of(nlp, text)
    assert [g[1] for g in got] == ["Anna Weber", "Anna Weber"]
    assert [g[3] for g in got] == ["It was a long night", "But we saved the archive."]


def test_split_quote_mid_sentence(nlp):
    text = '"The water rose quickly," Tom Reed said, "and by noon the road was gone."'
    got = claims_of(nlp, text)
    assert [g[1] for g in got] == ["Tom Reed", "Tom Reed"]
    assert got[1][3] == "and by noon the road was gone."


def test_quoted_by_medium(nlp):
    text = 'Defence Minister Olaf Brandt was quoted by Reuters as saying: "The exercise is purely defensive."'
    doc = extract_text(text, nlp=nlp)
    (claim,) = doc.claims
    assert claim.speaker.text == "Olaf Brandt"
    assert claim.speaker.role.text == "Defence Minister"
    assert claim.medium.text == "Reuters"


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("According to the ministry, the first convoy left the port on Monday.",
     "the ministry", "According to", "the first convoy left the port on Monday"),
    ("The first convoy left the port on Monday, according to the ministry.",
     "the ministry", "according to", "The first convoy left the port on Monday"),
    ("The minister said that the budget would be balanced next year.",
     "The minister", "said", "that the budget would be balanced next year"),
    ("The minister said the budget would be balanced next year.",
     "The minister", "said", "the budget would be balanced next year"),
    ("The budget will be balanced next year, the minister said.",
     "the minister", "said", "The budget will be balanced next year"),
    ("Mr Okoro told the committee that the plant would close in May.",
     "Okoro", "told", "that the plant would close in May"),
    ("The company said in a statement that it would appeal the ruling.",
     "The company", "said", "that it would appeal the ruling"),
])
def test_indirect(nlp, text, speaker, cue, content):
    assert claims_of(nlp, text) == [("indirect", speaker, cue, content)]


def test_mixed(nlp):
    text = 'Opposition leader Karl Berg said the plan was "a list of wishes" and would fail.'
    (got,) = claims_of(nlp, text)
    assert got[0] == "mixed" and got[1] == "Karl Berg"
    assert got[3] == 'the plan was "a list of wishes" and would fail'


@pytest.mark.parametrize("text, speaker, content", [
    ('Critics call the building the "glass box".', "Critics", 'the building the "glass box"'),
    ('The senator called the bill "a betrayal of working families" on Monday.', "The senator",
     'the bill "a betrayal of working families"'),
    ('Trump urged his supporters to "go out and vote" next week.', "Trump", 'his supporters to "go out and vote" next week'),
])
def test_mixed_characterizing(nlp, text, speaker, content):
    assert claims_of(nlp, text) == [("mixed", speaker, claims_of(nlp, text)[0][2], content)]


@pytest.mark.parametrize("text", [
    'The so-called "peace deal" was circulated last week.',
    'The building is known locally as the "glass box".',
    'The film "Northern Lights" opens on Friday.',
    "The bridge was closed for repairs in March.",
    "Russia is accused of helping the government.",
    "The countries agreed to develop a joint plan.",
])
def test_not_claims(nlp, text):
    assert claims_of(nlp, text) == []


def test_role_apart_from_name(nlp):
    doc = extract_text('Russian President Vladimir Putin said: "The task is done."', nlp=nlp)
    sp = doc.claims[0].speaker
    assert (sp.text, sp.role.text) == ("Vladimir Putin", "Russian President")


def test_surname_and_pronoun_resolve_to_full_name(nlp):
    text = ('Fire chief Luis Moreno said the blaze was under control.\n'
            '"We were lucky with the wind," Moreno said.\n'
            '"It could have been much worse," he said.')
    doc = extract_text(text, nlp=nlp)
    assert [c.speaker.name for c in doc.claims] == ["Luis Moreno"] * 3
    assert [c.speaker.text for c in doc.claims] == ["Luis Moreno", "Moreno", "he"]


def test_next_paragraph_quote_continues_voice(nlp):
    text = ('"We have never seen floods like this," said farmer Ruth Allen.\n\n'
            '"Half of the barley is under water and the rest will rot within a week."')
    doc = extract_text(text, nlp=nlp)
    assert [c.speaker.text for c in doc.claims] == ["Ruth Allen", "Ruth Allen"]


def test_photo_caption_is_not_a_claim(nlp):
    text = ("Golden said she looked for the co-worker for months. (Steve Lawrence/CBC)\n"
            "Golden said the search had taken a toll on the family.")
    doc = extract_text(text, nlp=nlp)
    assert [c.text for c in doc.claims] == ["the search had taken a toll on the family"]


def test_verb_between_term_and_cue_blocks_attribution(nlp):
    assert claims_of(nlp, 'A "renoviction" is when a landlord tells a tenant to leave.') == []
    assert claims_of(nlp, 'He told NBC\'s "Today" show that he was not disrespectful.') == [
        ("indirect", "He", "told", "that he was not disrespectful")]


def test_dash_attribution(nlp):
    text = '\u201cHe shows no respect for anybody and never has.\u201d \u2015 Stephanie Egan.'
    (claim,) = extract_text(text, nlp=nlp).claims
    assert claim.speaker.text == "Stephanie Egan"
    assert claim.text == "He shows no respect for anybody and never has."


def test_capitalised_place_before_cue_does_not_block(nlp):
    text = '\u201cWe will achieve justice in this case,\u201d Tulsa police Chief Chuck Jordan said Monday.'
    (claim,) = extract_text(text, nlp=nlp).claims
    assert claim.speaker.text == "Chuck Jordan"


def test_pull_quote_repeat_is_dropped(nlp):
    text = ('"We will not close a single library this year," said Mayor Tom Price.\n'
            '"We will not close a single library this year."\n'
            'The council meets again on Monday.')
    doc = extract_text(text, nlp=nlp)
    assert len(doc.claims) == 1


@pytest.mark.parametrize("text, name", [
    ("The Ministry of Defence issued a statement. The ministry said the convoy had left the port.",
     "Ministry of Defence"),
    ("Greenpeace activists gathered outside. They said the spill had been covered up for weeks.",
     "Greenpeace"),
])
def test_nominal_and_plural_speakers_resolve(nlp, text, name):
    (claim,) = extract_text(text, nlp=nlp).claims
    assert claim.speaker.name == name


@pytest.mark.parametrize("text, speaker, content", [
    ("The mayor says the bridge will reopen in June.", "The mayor", "the bridge will reopen in June"),
    ("Prices will keep rising, economists warn.", "economists", "Prices will keep rising"),
    ("The company denied that it had misled investors.", "The company", "that it had misled investors"),
])
def test_more_indirect(nlp, text, speaker, content):
    assert claims_of(nlp, text) == [("indirect", speaker, claims_of(nlp, text)[0][2], content)]


@pytest.mark.parametrize("text, medium", [
    ('In an interview with the BBC, Ana Ruiz said: "The plant will close."', "BBC"),
    ("Ana Ruiz told CNN that the plant would close.", "CNN"),
])
def test_medium(nlp, text, medium):
    (claim,) = extract_text(text, nlp=nlp).claims
    assert claim.medium.text == medium and claim.speaker.text == "Ana Ruiz"


def test_headline_is_not_a_claim(nlp):
    text = "Mayor says bridge will reopen in June\n\nThe bridge has been closed since a flood in May."
    assert claims_of(nlp, text) == []


def test_parenthetical_cue_keeps_both_pieces(nlp):
    text = "The museum, Mr. Bush said, celebrated several of his heroes."
    assert claims_of(nlp, text) == [
        ("indirect", "Bush", "said", "The museum"),
        ("indirect", "Bush", "said", "celebrated several of his heroes"),
    ]
    text = "The difference now, he told me on Friday, is that he anchors a news program."
    assert claims_of(nlp, text) == [
        ("indirect", "he", "told", "The difference now"),
        ("indirect", "he", "told", "is that he anchors a news program"),
    ]
