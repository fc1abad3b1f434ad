"""The cleaner on our labelled lines (fixtures/boilerplate_lines.tsv): recall and safety."""

from __future__ import annotations

import importlib.util

from claimx.clean import clean

from .conftest import ROOT

# the labelled-set helpers live in bench/boilerplate.py, which reports the same figures
_spec = importlib.util.spec_from_file_location("bench_boilerplate", ROOT / "bench" / "boilerplate.py")
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)
labelled = _bench.labelled_rows
dropped_alone = _bench.dropped_alone


def test_labelled_set_size():
    rows = labelled()
    assert sum(1 for r in rows if r[0] == "drop") >= 80
    assert len({r[1] for r in rows if r[0] == "drop"}) >= 8
    assert sum(1 for r in rows if r[0] == "keep") >= 300


def test_no_real_line_is_dropped():
    assert [r for r in labelled() if r[0] == "keep" and dropped_alone(r[2])] == []


def test_boilerplate_recall():
    drops = [r for r in labelled() if r[0] == "drop"]
    found = sum(dropped_alone(r[2]) for r in drops)
    assert found / len(drops) >= 0.95


def test_whole_block_of_one_site_is_dropped():
    block = [r[2] for r in labelled() if r[0] == "drop" and r[1] == "globaldata"]
    story = ["The navy ordered two new frigates on Monday.", '"They will be ready by 2030," the admiral said.']
    text = "\n".join(story[:1] + block + story[1:])
    result = clean(text)
    assert len(result.dropped) == len(block)
    assert all(line in result.text for line in story)
