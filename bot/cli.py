"""The ``modstats`` command: ask, ingest, figures, serve.

Only what a command needs is imported when it runs, so ``modstats ask`` starts quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import math
import os
import sys
from pathlib import Path


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2018-04-05: {text!r}") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="modstats", description="Answers questions about content-moderation statistics.")
    sub = p.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer one question (or, with --json -, one per line on stdin)")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("--chart", type=Path, metavar="PATH", help="write the chart of a series answer to PATH (PNG)")
    ask.add_argument("question", nargs="+", help="the question; '-' reads questions from stdin, one per line")

    ingest = sub.add_parser("ingest", help="add documents: text/Markdown with optional front matter, or CSV")
    ingest.add_argument("--title")
    ingest.add_argument("--publisher")
    ingest.add_argument("--url")
    ingest.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    ingest.add_argument("paths", nargs="+", type=Path)

    figures = sub.add_parser("figures", help="list the stored figures")
    figures.add_argument("--json", action="store_true")

    library = sub.add_parser("library", help="list the starter library (the platforms' own data shipped with modstats)")
    library.add_argument("--refresh", action="store_true",
                         help="reload the library after an upgrade (documents you ingested are kept)")
    library.add_argument("--json", action="store_true")

    sub.add_parser("serve", help="run the Slack app (HTTP on $PORT, or Socket Mode with SLACK_APP_TOKEN)")
    sub.add_parser("migrate", help="create or upgrade the database schema and seed an empty store")
    return p


def open_store(*, write: bool = False):
    """The store: for reading, the quickest that can answer; for writing, the full one."""
    from dotenv import load_dotenv

    load_dotenv()
    if write:
        from store.db import Store

        return Store.open()
    from store.reading import open_for_reading

    return open_for_reading()


log = logging.getLogger("modstats")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command != "serve":  # the Slack app sets up its own logging
        logging.basicConfig(level=(os.environ.get("LOG_LEVEL") or "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s")
    try:
        return run(args)
    except BrokenPipeError:  # the reader went away (`modstats figures | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("modstats: interrupted; what was not finished was not stored", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user: one line, and the log
        return fail(exc, 1)


def fail(exc: BaseException, code: int, doing: str = "") -> int:
    """Say in one line what went wrong (and what to do); the traceback goes to the debug log."""
    from store.faults import explain, one_line

    log.debug("%s failed", doing or "modstats", exc_info=exc)
    message = explain(exc) or (f"internal error: {exc.__class__.__name__}: {exc} "
                               "(run with LOG_LEVEL=DEBUG for details, and please report it)")
    print(one_line(f"modstats: {doing}{message}"), file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        from bot.slack.server import serve

        return serve()
    try:
        store = open_store(write=args.command in ("ingest", "migrate", "library"))
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # noqa: BLE001 - the database is unreachable or unusable: say so plainly
        return fail(exc, 2, "cannot open the database: ")
    if args.command in ("ingest", "migrate", "library") and getattr(store, "keeps_nothing", False):
        print("modstats: DATABASE_URL is an in-memory database (sqlite://): nothing is kept after this "
              "command; use sqlite:///PATH to keep what is stored", file=sys.stderr)
    return {"ask": ask, "ingest": ingest, "figures": figures, "library": library,
            "migrate": lambda s, a: 0}[args.command](store, args)


def dumps(obj, **kw) -> str:
    """JSON, always valid: a non-finite number (an overflowing value) becomes null."""
    try:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, **kw)
    except ValueError:
        return json.dumps(_finite(obj), ensure_ascii=False, allow_nan=False, **kw)


def _finite(obj):
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


def stdin_questions(stream, limit: int):
    """The lines of a binary stream, each as (question, None) or, for a line that is too long
    or not UTF-8, (None, why). A long line is skipped to its end, never held whole in memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield None, f"a question is at most {limit:,} bytes; this line is longer"
            continue
        try:
            yield line.decode("utf-8").rstrip("\r\n"), None
        except UnicodeDecodeError:
            yield None, "this line is not UTF-8 text"


def _answer(question: str, store):
    """The engine's answer; a question it fails on gets a no_answer saying so (and the log)."""
    from bot.answers import Answer
    from bot.engine import answer

    try:
        return answer(question, store)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # noqa: BLE001 - one failing question must not stop the others
        from store.faults import explain

        log.debug("answering %r failed", question, exc_info=exc)
        return Answer("no_answer", f"modstats could not answer this: {explain(exc) or 'internal error'}")


def ask(store, args) -> int:
    from bot.answers import Answer
    from store.limits import MAX_STDIN_LINE_BYTES

    if args.question == ["-"]:
        for question, why in stdin_questions(sys.stdin.buffer, MAX_STDIN_LINE_BYTES):
            result = Answer("invalid", why) if why else _answer(question, store)
            print(dumps(result.to_dict()) if args.json else result.message, flush=True)
        return 0
    result = _answer(" ".join(args.question), store)
    if args.chart is not None:
        result = write_chart(result, args.chart)
    print(dumps(result.to_dict(), indent=None if not sys.stdout.isatty() else 2) if args.json else result.message)
    return 0 if result.status in ("answer", "ambiguous", "series", "comparison") else 1


def write_chart(result, path: Path):
    """The series' PNG written to ``path`` (its path then in the answer's ``chart``); an answer
    that is not a series has no chart, and stderr says so."""
    from dataclasses import replace

    from bot.answers import SERIES
    from bot.chart import render

    if result.status != SERIES:
        print(f"modstats: no chart written: the answer is not a series ({result.status})", file=sys.stderr)
        return result
    path.write_bytes(render(result.series))
    return replace(result, chart=str(path), message=result.message + f"\nChart: {path}")


def ingest(store, args) -> int:
    from store.ingest import Meta, ingest_paths

    meta = Meta(args.title, args.publisher, args.url, args.published)
    report = ingest_paths(store, args.paths, meta)
    for f in report.files:
        print(f.message, file=sys.stderr if f.status == "failed" else sys.stdout)
    return 1 if report.failed else 0


def library(store, args) -> int:
    from store import library as lib

    if args.refresh:
        removed, added = lib.refresh(store)
        print(f"starter library reloaded: {removed} documents removed, {added} added; your own documents are unchanged",
              file=sys.stderr)
    held = lib.holdings(store)
    if args.json:
        for h in held:
            print(json.dumps({"platform": h.platform, "report": h.title, "file": h.filename, "periods": h.periods,
                              "figures": h.figures}, ensure_ascii=False))
        return 0
    if not held:
        print("the starter library is not loaded in this store; `modstats library --refresh` loads it")
        return 0
    width = max(len(h.platform) for h in held)
    for h in held:
        print(f"{h.platform:<{width}}  {h.title} [{h.filename}]  {h.periods}  {h.figures:,} figures")
    print(f"{len(held)} documents, {sum(h.figures for h in held):,} figures (sources and licences: store/library/SOURCES.md)")
    return 0


def figures(store, args) -> int:
    from bot import render
    from bot.answers import agreeing_sources
    from bot.engine import _view

    for fig in store.queries.all_figures():
        view = _view(fig, agreeing_sources(fig), 0.0)
        if args.json:
            d = view.to_dict()
            d.pop("score")
            print(dumps(d))
        else:
            print(render.what(view) + (f"  [{view.sources} sources]" if view.sources > 1 else ""))
    return 0
