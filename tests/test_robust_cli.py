"""The real command under faults (issue 8): one line saying what to do, never a traceback;
``ask --json -`` answers every stdin line, whatever bytes it holds."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from store.limits import MAX_STDIN_LINE_BYTES


def env_for(home: Path, url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "XDG_", "LC_", "LANG"))}
    env.update(DATABASE_URL=url, HOME=str(home), XDG_DATA_HOME=str(home / "data"), LC_ALL="C.UTF-8", PYTHONUTF8="0")
    return env


def modstats(home: Path, url: str, *args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=home, env=env_for(home, url), input=stdin,
                          capture_output=True, timeout=timeout)


def one_line_error(r: subprocess.CompletedProcess, code: int) -> str:
    err = r.stderr.decode()
    assert r.returncode == code, (r.returncode, err)
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, str]:
    home = tmp_path_factory.mktemp("home")
    url = f"sqlite:///{home / 'modstats.db'}"
    assert modstats(home, url, "migrate").returncode == 0
    return home, url


def test_ask_json_stdin_answers_every_line_even_invalid_utf8_and_an_endless_line(seeded):
    home, url = seeded
    huge = b"a" * (MAX_STDIN_LINE_BYTES * 40)  # 2.5 MB on one line
    r = modstats(home, url, "ask", "--json", "-",
                 stdin=b"\xff\xfe caf\xe9\n" + huge + b"\nsince Feb 29 2017\nsuspensions H2 2017\n")
    assert r.returncode == 0, r.stderr.decode()
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 4
    answers = [json.loads(line) for line in lines]
    assert [a["status"] for a in answers[:2]] == ["invalid", "invalid"]
    assert "UTF-8" in answers[0]["message"] and "bytes" in answers[1]["message"]
    assert answers[3]["status"] == "answer" and answers[3]["answer"]["value"] == 274460


def test_ctrl_c_exits_130_with_a_short_message(seeded):
    home, url = seeded
    # a background job of a non-interactive shell (CI, a script) starts with SIGINT ignored, which
    # the child would inherit: give it the terminal's default, as a person at a prompt has
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json", "-"], cwd=home, env=env_for(home, url),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    proc.stdin.write(b"suspensions H2 2017\n")
    proc.stdin.flush()
    assert proc.stdout.readline()  # it is running and waiting for the next line
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err and b"interrupted" in err


def test_an_unknown_database_driver_is_one_line(tmp_path):
    err = one_line_error(modstats(tmp_path, "mysql://u@localhost/db", "ingest", "x.md"), 2)
    assert "DATABASE_URL" in err


def test_a_schema_from_a_newer_modstats_is_one_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert modstats(tmp_path, url, "migrate").returncode == 0
    conn = sqlite3.connect(tmp_path / "new.db")
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    for command in (["migrate"], ["ask", "suspensions H2 2017"], ["figures"]):
        err = one_line_error(modstats(tmp_path, url, *command), 2)
        assert "newer" in err


def test_another_applications_database_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "app.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    doc = tmp_path / "doc.md"
    doc.write_text("Twitter suspended 5,000 accounts for terrorism in H2 2017.\n")
    err = one_line_error(modstats(tmp_path, f"sqlite:///{path}", "ingest", str(doc)), 2)
    assert "orders" in err and path.read_bytes() == before


def test_an_in_memory_database_says_it_keeps_nothing(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text("Twitter suspended 5,000 accounts for terrorism in H2 2017.\n")
    r = modstats(tmp_path, "sqlite://", "ingest", str(doc))
    assert r.returncode == 0, r.stderr.decode()
    assert "nothing is kept" in r.stderr.decode()


def test_a_read_only_database_file_is_one_line(tmp_path):
    sqlite3.connect(tmp_path / "ro.db").close()  # an empty file that cannot be written through this URL
    doc = tmp_path / "doc.md"
    doc.write_text("Twitter suspended 5,000 accounts for terrorism in H2 2017.\n")
    err = one_line_error(modstats(tmp_path, f"sqlite:///file:{tmp_path / 'ro.db'}?mode=ro&uri=true", "ingest", str(doc)), 2)
    assert "cannot write the database" in err
