"""The ``modstats`` command: ask, ingest, figures, serve.

Only what a command needs is imported when it runs, so ``modstats ask`` starts quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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
    ask.add_argument("question", nargs="+", help="the question; '-' reads questions from stdin, one per line")

    ingest = sub.add_parser("ingest", help="add documents: text/Markdown with optional front matter, or CSV")
    ingest.add_argument("--title")
    ingest.add_argument("--publisher")
    ingest.add_argument("--url")
    ingest.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    ingest.add_argument("paths", nargs="+", type=Path)

    figures = sub.add_parser("figures", help="list the stored figures")
    figures.add_argument("--json", action="store_true")

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
    from store.queries import open_for_reading

    return open_for_reading()


def main(argv: list[str] | None = None) -> int:
    try:
        return run(parser().parse_args(argv))
    except BrokenPipeError:  # the reader went away (`modstats figures | head`): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        from bot.slack.server import serve

        return serve()
    try:
        store = open_store(write=args.command in ("ingest", "migrate"))
    except Exception as exc:  # the database is unreachable or unusable: say so plainly
        import sqlite3

        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, (SQLAlchemyError, sqlite3.Error, OSError)):
            raise
        print(f"modstats: cannot open the database: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    return {"ask": ask, "ingest": ingest, "figures": figures, "migrate": lambda s, a: 0}[args.command](store, args)


def ask(store, args) -> int:
    from bot.engine import answer

    if args.question == ["-"]:
        for line in sys.stdin:
            result = answer(line.rstrip("\n"), store)
            print(json.dumps(result.to_dict(), ensure_ascii=False) if args.json else result.message, flush=True)
        return 0
    result = answer(" ".join(args.question), store)
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=None if not sys.stdout.isatty() else 2) if args.json else result.message)
    return 0 if result.status in ("answer", "ambiguous") else 1


def ingest(store, args) -> int:
    from store.ingest import Meta, ingest_paths

    meta = Meta(args.title, args.publisher, args.url, args.published)
    report = ingest_paths(store, args.paths, meta)
    for f in report.files:
        print(f.message, file=sys.stderr if f.status == "failed" else sys.stdout)
    return 1 if report.failed else 0


def figures(store, args) -> int:
    from bot import render
    from bot.engine import _view

    for fig in store.queries.figures([], {}):
        view = _view(fig, len({c.document_id for c in fig.citations}), 0.0)
        if args.json:
            d = view.to_dict()
            d.pop("score")
            print(json.dumps(d, ensure_ascii=False))
        else:
            print(render.what(view) + (f"  [{view.sources} sources]" if view.sources > 1 else ""))
    return 0
