"""claimx eval: our scorer gives the same figures as shared/eval/score.py (skipped without it)."""

from __future__ import annotations

import importlib.util
import json
import random

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.evaluate import same_person, score, trim_quote_span

from .conftest import SHARED_EVAL

DEV_FILES = ["ggt/dev.jsonl", "polnear/dev.jsonl", "tempeval3/train.jsonl", "meantime/dev.jsonl"]
needs_shared = pytest.mark.skipif(not (SHARED_EVAL / "score.py").exists(), reason="../shared/eval not present")


def reference_scorer():
    spec = importlib.util.spec_from_file_location("reference_score", SHARED_EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def perturbed(gold, seed=7):
    """A plausible system output: gold spans shifted, dropped, re-attributed, mis-valued."""
    rnd = random.Random(seed)
    out = []
    for g in gold:
        text = g["text"]
        claims = []
        for q in g.get("quotes") or []:
            if rnd.random() < 0.2:
                continue
            s, e = q["start"], q["end"]
            if rnd.random() < 0.3:
                s = min(e - 1, s + rnd.randint(0, 15))
            if rnd.random() < 0.2:
                e = min(len(text), e + rnd.randint(0, 40))
            speaker = None
            if q.get("speaker_start") is not None and rnd.random() < 0.8:
                ss, se = q["speaker_start"], q["speaker_end"]
                speaker = {"text": text[ss:se], "start": ss, "end": se, "name": q.get("speaker_canonical") or text[ss:se]}
            elif q.get("speaker") and rnd.random() < 0.5:
                speaker = {"text": q["speaker"], "name": q["speaker"].split()[-1]}
            claims.append({"text": text[s:e], "start": s, "end": e, "kind": q.get("kind"),
                           "speaker": speaker, "cue": {"text": q.get("cue") or "said"}})
            if rnd.random() < 0.1:
                a = rnd.randrange(0, max(1, len(text) - 50))
                claims.append({"text": text[a:a + 50], "start": a, "end": a + 50, "speaker": None})
        dates = []
        for t in g.get("timexes") or []:
            if rnd.random() < 0.15:
                continue
            value = t.get("value") if rnd.random() < 0.8 else "XXXX"
            dates.append({"text": t["text"], "start": t["start"], "end": t["end"] + rnd.choice([0, 0, 3]), "value": value})
        locations = [{"text": x["text"], "start": x["start"], "end": x["end"]}
                     for x in g.get("entities") or [] if x.get("type") in ("LOC", "ORG") and rnd.random() < 0.8]
        out.append({"id": g["id"], "claims": claims, "dates": dates, "locations": locations})
    return out


@needs_shared
@pytest.mark.parametrize("name", DEV_FILES)
def test_same_figures_as_reference(name):
    ref = reference_scorer()
    gold = read(SHARED_EVAL / name)
    for system in (perturbed(gold, 1), perturbed(gold, 2), []):
        ours, _ = score(gold, system)
        theirs = ref.score(gold, [ref.from_claimx(r) for r in system])
        assert ours == theirs


@needs_shared
def test_cli_eval_matches_reference_on_real_output(nlp, tmp_path):
    ref = reference_scorer()
    gold = read(SHARED_EVAL / "ggt" / "dev.jsonl")[:6]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    out = tmp_path / "sys.jsonl"
    result = CliRunner().invoke(app, ["eval", str(gold_path), "--json", "--save-output", str(out), "--show-errors", "2"])
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    theirs = ref.score(gold, ref.read_jsonl(str(out)))
    assert ours == theirs
    assert ours["quotes"]["overlap30"]["f1"] > 0.5
    assert result.stderr.count("context:") == 2


@pytest.mark.parametrize("a, b, same", [
    ("Vladimir Putin", "Putin", True),
    ("President Putin", "Vladimir Putin", True),
    ("Mr. Trump's", "Donald Trump", True),
    ("Michael Flynn, a top Trump surrogate,", "Flynn", True),
    ("the ministry", "the minister", False),
    (None, "Putin", False),
])
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_trim_quote_span():
    text = ' "Hello, world," '
    s, e = trim_quote_span(text, 0, len(text))
    assert text[s:e] == "Hello, world"
    assert trim_quote_span('".,"', 0, 4) == (0, 4)


def test_eval_on_own_gold(tmp_path):
    gold = {"id": "g1", "text": 'Mayor Ann Lee said: "We will reopen the bridge on Tuesday."',
            "quotes": [{"start": 21, "end": 57, "text": "We will reopen the bridge on Tuesday.", "speaker": "Ann Lee",
                        "speaker_start": 6, "speaker_end": 13, "cue": "said", "kind": "direct"}],
            "dct": "2016-03-16", "annotated_layers": ["quotes"]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    quotes = json.loads(result.stdout)["quotes"]
    assert quotes["exact"]["f1"] == 1.0
    assert quotes["speaker"]["accuracy"] == 1.0
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert "attribution" in result.stdout


def test_eval_bad_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "no id"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 1 and f"{path}:1" in result.stderr
