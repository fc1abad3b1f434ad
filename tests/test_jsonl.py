"""JSON Lines input: keys, ids, per-record publication dates, bad lines."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claimx.cli import app

runner = CliRunner()


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_with_ids_and_published(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": "a1", "text": 'The ship left on Tuesday, the port authority said.', "dct": "2016-03-16"}),
        json.dumps({"id": 7, "text": '"We are ready," said captain Mara Holm.'}),
    ])
    result = runner.invoke(app, ["extract", str(path), "--published-key", "dct", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["a1", 7]
    assert docs[0]["published"] == "2016-03-16"
    assert docs[0]["dates"][0]["value"] == "2016-03-15"
    assert docs[1]["published"] is None


def test_custom_keys_and_stdin():
    line = json.dumps({"doc": "x9", "body": '"Fine," said Ana Ruiz.'})
    result = runner.invoke(app, ["extract", "-", "--input-format", "jsonl", "--text-key", "body",
                                 "--id-key", "doc", "-f", "jsonl"], input=line + "\n")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["id"] == "x9" and doc["source"] == "-"


def test_bad_lines_reported_and_others_processed(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": "ok1", "text": "The council met on Monday."}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "nokey", "body": "x"}),
        json.dumps({"id": "badpub", "text": "The council met.", "dct": "yesterday"}),
        "",
        json.dumps({"id": "ok2", "text": "The council met again on Friday."}),
    ])
    result = runner.invoke(app, ["extract", str(path), "--published-key", "dct", "-f", "jsonl"])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.strip().splitlines() if ln.startswith("claimx: error:")]
    assert len(errors) == 4
    assert f"{path}:2: invalid JSON" in errors[0]
    assert f"{path}:3: a record must be a JSON object" in errors[1]
    assert f"{path}:4: no text under key 'text'" in errors[2]
    assert f"{path}:5:" in errors[3] and "YYYY-MM-DD" in errors[3]
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r.get("id") for r in records if "error" not in r] == ["ok1", "ok2"]
    assert [r["line"] for r in records if "error" in r] == [2, 3, 4, 5]


def test_record_without_id_gets_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [json.dumps({"text": "The council met on Monday."})])
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert json.loads(result.stdout)["id"] == f"{path}:1"


def test_empty_jsonl(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", ["", ""])
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 1 and "no JSON Lines records" in result.stderr


def test_published_date_time_is_accepted(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": "t", "text": "The ship left on Tuesday.", "dct": "2016-03-16T09:42"})])
    result = runner.invoke(app, ["extract", str(path), "--published-key", "dct", "-f", "jsonl"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["published"] == "2016-03-16"


def test_jsonl_in_another_encoding_from_the_first_line(tmp_path):
    path = tmp_path / "latin1.jsonl"
    record = json.dumps({"id": "é1", "text": "La réunion a eu lieu à Genève, a dit José Ruiz."}, ensure_ascii=False)
    path.write_bytes((record + "\n").encode("latin-1"))
    result = runner.invoke(app, ["extract", str(path), "--encoding", "latin-1", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["id"] == "é1" and "error" not in doc  # line 1 read as Latin-1, not as UTF-8


def test_utf8_bom_on_the_first_line_is_dropped(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "Talks ended."}).encode("utf-8") + b"\n")
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "a"
