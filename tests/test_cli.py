"""The real console entry (``python -m bot``) in a subprocess, on an SQLite file in a temporary
folder, with HOME there too so nothing of the user's is touched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store import corpus

ANSWER_KEYS = {"value", "unit", "qualifier", "display", "metric", "policy", "platform", "period",
               "quote", "source", "sources", "score"}
SOURCE_KEYS = {"title", "publisher", "url", "published"}


def run(home: Path, db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "XDG_"))}
    env.update(DATABASE_URL=f"sqlite:///{db}", HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=home, env=env, input=stdin,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def cli(home):
    """``modstats`` on one database, created and seeded by the first command that runs."""
    db = home / "modstats.db"
    return lambda *args, stdin=None: run(home, db, *args, stdin=stdin)


def check_shape(obj: dict) -> None:
    assert set(obj) >= {"status", "answer", "alternatives", "message"}
    assert obj["status"] in ("answer", "ambiguous", "no_answer", "invalid")
    assert isinstance(obj["message"], str) and obj["message"]
    assert isinstance(obj["alternatives"], list)
    if obj["status"] != "answer":
        assert obj["answer"] is None
    for a in ([obj["answer"]] if obj["answer"] else []) + obj["alternatives"]:
        assert set(a) >= ANSWER_KEYS, set(ANSWER_KEYS) - set(a)
        assert set(a["period"]) >= {"start", "end", "label"}
        assert set(a["source"]) >= SOURCE_KEYS


def test_ask_prints_the_answer_with_its_quote_and_source(cli):
    r = cli("ask", "suspensions H2 2017")
    assert r.returncode == 0, r.stderr
    assert "274,460" in r.stdout
    assert "Twitter" in r.stdout
    assert "including 274,460 during the last six months of 2017" in r.stdout  # the verbatim quote
    assert "2017" in r.stdout and "Jul" in r.stdout and "Dec" in r.stdout
    assert "Traceback" not in r.stderr


def test_ask_json_prints_one_object_in_the_contract_shape(cli):
    r = cli("ask", "--json", "suspensions H2 2017")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)  # exactly one JSON document
    check_shape(obj)
    assert obj["status"] == "answer"
    a = obj["answer"]
    assert a["value"] == 274460 and a["unit"] == "accounts" and a["display"] == "274,460"
    assert a["platform"] == "Twitter" and "terror" in a["policy"]
    assert a["period"]["start"] == "2017-07-01" and a["period"]["end"] == "2017-12-31"
    assert a["source"]["published"] == "2018-04-05"
    seed = next(p for p in corpus.files() if p.name.startswith("000")).read_text(encoding="utf-8")
    assert a["quote"] in seed
    assert a["sources"] == 1 and 0 < a["score"] <= 1


def test_ask_json_stdin_answers_one_line_per_question_in_order(cli):
    questions = [
        "suspensions H2 2017",
        "how many ISIS accounts did Twitter shut down since mid-2015?",
        "what share was flagged by internal tools",
    ]
    r = cli("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    for obj in objs:
        check_shape(obj)
        assert obj["status"] == "answer", obj["message"]
    assert [o["answer"]["value"] for o in objs] == [274460, 125000, 93]
    assert objs[1]["answer"]["sources"] == 3  # three seed articles report it


def test_figures_json_lists_what_is_stored(cli, home):
    cli("migrate")
    r = cli("figures", "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    from store.db import Store
    from store.models import Figure
    from sqlalchemy import func, select

    s = Store(f"sqlite:///{home / 'modstats.db'}")
    try:
        with s.Session() as session:
            stored = session.scalar(select(func.count()).select_from(Figure))
    finally:
        s.dispose()
    assert len(rows) == stored > 0
    by_value = {r["value"]: r for r in rows}
    assert by_value[274460]["period"]["label"] == "H2 2017"
    assert by_value[125000]["sources"] == 3
    for row in rows:
        assert {"value", "unit", "metric", "platform", "period", "quote", "source"} <= set(row)


def test_ingest_reports_each_file_and_exits_1_when_one_fails(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("---\ntitle: Update\npublished: 2019-11-20\n---\n"
                    "YouTube removed 1,234,567 videos for violent extremism in Q3 2019.\n", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe")
    missing = tmp_path / "missing.md"
    db = tmp_path / "modstats.db"
    r = run(tmp_path, db, "ingest", str(good), str(bad), str(missing))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert str(bad) in r.stderr and str(missing) in r.stderr
    assert str(good) in r.stdout and str(good) not in r.stderr

    # flags give the metadata a plain file does not carry; the good file again is a no-op
    plain = tmp_path / "plain.txt"
    plain.write_text("TikTok banned 4,321 accounts for terrorism in Q1 2021.\n", encoding="utf-8")
    r = run(tmp_path, db, "ingest", "--publisher", "Example Wire", "--published", "2021-05-01",
            str(plain), str(good))
    assert r.returncode == 0, r.stderr
    assert str(plain) in r.stdout
    assert any(str(good) in line and ("already" in line or "unchanged" in line) for line in r.stdout.splitlines())

    r = run(tmp_path, db, "ask", "--json", "-", stdin="YouTube videos removed for violent extremism Q3 2019\n"
                                                       "tiktok bans terrorism Q1 2021\n")
    youtube, tiktok = (json.loads(line)["answer"] for line in r.stdout.splitlines())
    assert youtube["value"] == 1234567 and youtube["source"]["published"] == "2019-11-20"
    assert tiktok["value"] == 4321
    assert tiktok["source"]["publisher"] == "Example Wire"
    assert tiktok["source"]["published"] == "2021-05-01"


def test_a_malformed_flag_is_a_usage_error(tmp_path):
    r = run(tmp_path, tmp_path / "modstats.db", "ingest", "--published", "yesterday", "x.md")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "yesterday" in r.stderr


@pytest.mark.parametrize("question,why", [("", "empty"), ("x" * 1001, "too long")])
def test_input_that_is_not_a_question_is_invalid(cli, question, why):
    r = cli("ask", "--json", question)
    obj = json.loads(r.stdout)
    check_shape(obj)
    assert obj["status"] == "invalid", why
    assert obj["answer"] is None and obj["message"]
    assert r.returncode != 0


def test_invalid_lines_on_stdin_keep_their_place(cli):
    r = cli("ask", "--json", "-", stdin="suspensions H2 2017\n\n" + "y" * 1500 + "\n")
    statuses = [json.loads(line)["status"] for line in r.stdout.splitlines()]
    assert statuses == ["answer", "invalid", "invalid"]
