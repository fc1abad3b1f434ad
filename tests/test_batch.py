"""Batch processing: folders, output folders, resume, CSV, processes, bad and pathological input."""

from __future__ import annotations

import csv
import io
import json
import os
import time

import pytest
from typer.testing import CliRunner

from claimx import extract_text
from claimx.cli import app

from .conftest import assert_offsets

runner = CliRunner()
GOOD = '"We will rebuild the pier by June," said harbour master Ivo Lind on Tuesday.\n'


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "news"
    (root / "2016" / "03").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "2016" / "b.txt").write_text("The council met on Monday, officials said.\n", encoding="utf-8")
    (root / "2016" / "03" / "c.txt").write_text('"No comment," said Ana Ruiz.\n', encoding="utf-8")
    (root / "2016" / "03" / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    (root / "2016" / "03" / "empty.txt").write_text("", encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


def test_folder_mixed_good_and_bad(corpus):
    result = run("extract", str(corpus), "-f", "jsonl", "--published", "2016-03-16")
    assert result.exit_code == 1
    records = [json.loads(x) for x in result.stdout.splitlines()]
    sources = [os.path.relpath(r["source"], corpus) for r in records]
    assert sources == ["2016/03/broken.txt", "2016/03/c.txt", "2016/03/empty.txt", "2016/b.txt", "a.txt"]
    assert ["error" in r for r in records] == [True, False, True, False, False]
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("claimx: error:")]
    assert len(errors) == 2 and "broken.txt" in errors[0] and "empty.txt" in errors[1]
    assert "3 documents" in result.stderr and "2 errors" in result.stderr


def test_glob(corpus):
    result = run("extract", str(corpus), "-f", "jsonl", "--glob", "*.md")
    assert [os.path.basename(json.loads(x)["source"]) for x in result.stdout.splitlines()] == ["notes.md"]


def test_symlink_loop_is_reported(tmp_path):
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "again").symlink_to(root)
    result = run("extract", str(root), "-f", "jsonl")
    assert result.exit_code == 1
    assert "symbolic link loop" in result.stderr
    assert len([x for x in result.stdout.splitlines() if "error" not in json.loads(x)]) == 1


def test_output_dir_mirrors_and_keeps_existing(corpus, tmp_path):
    out = tmp_path / "out"
    result = run("extract", str(corpus), "--output-dir", str(out), "-q")
    assert result.exit_code == 1  # two bad inputs
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["2016/03/c.json", "2016/b.json", "a.json"]
    doc = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert doc["claims"][0]["speaker"]["text"] == "Ivo Lind"
    (out / "a.json").write_text('{"kept": true}', encoding="utf-8")
    run("extract", str(corpus / "a.txt"), "--output-dir", str(out), "-q")
    assert json.loads((out / "a.json").read_text(encoding="utf-8")) == {"kept": True}
    run("extract", str(corpus / "a.txt"), "--output-dir", str(out), "--overwrite", "-q")
    assert "claims" in json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert not list(out.rglob("*.tmp"))


def test_resume_skips_done_inputs(corpus, tmp_path):
    out = tmp_path / "out"
    run("extract", str(corpus / "a.txt"), "--output-dir", str(out), "-q")
    (out / "2016").mkdir()
    (out / "2016" / "b.json").write_text('{"half": ', encoding="utf-8")  # an interrupted write
    first = (out / "a.json").stat().st_mtime_ns
    result = run("extract", str(corpus), "--output-dir", str(out), "--resume", "--overwrite")
    assert (out / "a.json").stat().st_mtime_ns == first  # done: not redone
    assert "claims" in json.loads((out / "2016" / "b.json").read_text(encoding="utf-8"))  # redone
    assert "1 skipped" in result.stderr


def test_resume_needs_output_dir(corpus):
    result = run("extract", str(corpus), "--resume")
    assert result.exit_code == 2 and "--output-dir" in result.stderr


def test_output_dir_for_jsonl_records(tmp_path):
    src = tmp_path / "dump.jsonl"
    src.write_text(json.dumps({"id": "../../etc/x", "text": GOOD}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract", str(src), "--output-dir", str(out), "-q")
    assert result.exit_code == 0
    files = [p.relative_to(out) for p in out.rglob("*.json")]
    assert len(files) == 1 and ".." not in str(files[0])


def test_csv_round_trip(corpus, tmp_path):
    target = tmp_path / "claims.csv"
    result = run("extract", str(corpus / "a.txt"), str(corpus / "2016" / "03" / "c.txt"), "-f", "csv",
                 "-o", str(target), "--published", "2016-03-16", "-q")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["speaker"] for r in rows] == ["Ivo Lind", "Ana Ruiz"]
    assert rows[0]["text"] == "We will rebuild the pier by June"
    assert rows[0]["dates"] == "June=2016-06;Tuesday=2016-03-15"
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    assert text[int(rows[0]["start"]):int(rows[0]["end"])] == rows[0]["text"]


def test_fail_fast(corpus):
    result = run("extract", str(corpus), "-f", "jsonl", "--fail-fast")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1  # stopped at the first bad input


def test_two_processes_give_the_same_output(corpus):
    one = run("extract", str(corpus), "-f", "jsonl", "-q")
    two = run("extract", str(corpus), "-f", "jsonl", "-q", "--n-process", "2", "--batch-size", "2")
    assert one.stdout == two.stdout and two.exit_code == 1


def test_interrupted_output_leaves_nothing(tmp_path, monkeypatch):
    from claimx import batch
    from claimx.records import Document

    target = tmp_path / "out.jsonl"
    sink = batch.JsonlSink(str(target), ())

    def results():
        yield Document(source="a", published=None)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run(results(), sink)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text", [
    '"' * 100_000,
    "x" * 1_000_000,
    "\" " * 50_000,
])
def test_pathological_input_is_fast(nlp, text):
    started = time.perf_counter()
    doc = extract_text(text, nlp=nlp)
    assert time.perf_counter() - started < 10
    assert_offsets(doc.to_dict(), text)


def test_output_dir_never_overwrites_an_input_found_in_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    src = folder / "story.json"
    src.write_text(GOOD, encoding="utf-8")
    result = run("extract", str(folder), "--glob", "*.json", "--output-dir", str(folder), "--overwrite", "-q")
    assert result.exit_code == 4 and "refusing to overwrite an input" in result.stderr
    assert src.read_text(encoding="utf-8") == GOOD


def test_an_extractor_bug_costs_one_document_not_the_batch(tmp_path, monkeypatch):
    import claimx.component as component

    real = component.extract_dates

    def flaky(doc, published):
        if "BOOM" in doc.text:
            raise RuntimeError("simulated bug")
        return real(doc, published)

    monkeypatch.setattr(component, "extract_dates", flaky)
    (tmp_path / "a.txt").write_text('"All is well," the mayor said on Tuesday.\n', encoding="utf-8")
    (tmp_path / "b.txt").write_text("BOOM went the harbour on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-q"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].endswith("a.txt") for r in records] == [True, False]
    assert records[0]["claims"] and "error" in records[1] and "simulated bug" in records[1]["error"]
    assert "Traceback" not in result.stderr and "b.txt" in result.stderr
