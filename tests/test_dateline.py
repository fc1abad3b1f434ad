"""--published auto: publication dates from the article's date line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.dateline import find_dateline


@pytest.mark.parametrize("text, expected", [
    ("Mayor defends budget\nMarch 16, 2016\nThe mayor said on Tuesday ...", "2016-03-16"),
    ("16/03/2016 - 10:42\nThe mayor said ...", "2016-03-16"),
    ("03/16/2016\nThe mayor said ...", "2016-03-16"),
    ("Published: 2016-03-16\nBody.", "2016-03-16"),
    ("By Jane Smith\nUpdated 16 March 2016, 10:42 GMT\nBody.", "2016-03-16"),
    ("The mayor said on Tuesday the budget was fine.", None),
    ("Line one.\nLine two.\nLine three.\nLine four.\nLine five.\nLine six.\nJune 1, 2020", None),
])
def test_find_dateline(text, expected):
    assert find_dateline(text) == expected


def test_published_auto(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Convoy leaves port\nMarch 16, 2016\nThe convoy left on Tuesday, officials said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--published", "auto", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["published"], doc["published_source"]) == ("2016-03-16", "dateline")
    assert [d["value"] for d in doc["dates"] if d["text"] == "Tuesday"] == ["2016-03-15"]
    other = tmp_path / "b.txt"
    other.write_text("The convoy left on Tuesday.\n", encoding="utf-8")
    doc = json.loads(CliRunner().invoke(app, ["extract", str(other), "--published", "auto", "-f", "json"]).stdout)
    assert (doc["published"], doc["published_source"]) == (None, None)
