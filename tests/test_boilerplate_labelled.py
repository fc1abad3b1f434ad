"""The cleaner on our labelled lines (fixtures/boilerplate_lines.tsv): recall and safety."""

from __future__ import annotations

from claimx.clean import clean

from .conftest import FIXTURES


def labelled():
    rows = []
    for line in (FIXTURES / "boilerplate_lines.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, style, text = line.split("\t")
            rows.append((label, style, text))
    return rows


def dropped_alone(line: str) -> bool:
    text = "A real first line of the story.\n" + line + "\nA real last line of the story."
    return any(d.text == line.strip() for d in clean(text).dropped)


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
