"""Properties that hold for any input (issue 8), with hypothesis driving the generators of
benchmarks/fuzz.py (few examples here, to stay fast; the benchmark runs thousands): no
exception from any document, CSV file or question; every stored quote is an exact substring
of its document; ``ask --json -`` writes one JSON line per stdin line."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import answer
from store.ingest import IngestError, Meta, ingest_file
from store.ingest.prose import read_prose
from store.ingest.tables import read_table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fuzz  # noqa: E402

FEW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
randoms = st.randoms(use_true_random=False)


@FEW
@given(randoms)
def test_no_document_raises_anything_but_a_refusal_and_every_quote_is_its_text(rng):
    data = fuzz.document(rng)
    try:
        document, stated = read_prose(Path("doc.md"), data, Meta())
    except IngestError as exc:
        assert "internal error" not in str(exc) and "\n" not in str(exc)
        return
    for s in stated:
        assert document.text[s.quote_start : s.quote_end] == s.quote


@FEW
@given(randoms)
def test_no_csv_file_raises_anything_but_a_refusal(rng):
    data = fuzz.csv_file(rng)
    try:
        _, stated = read_table(Path("table.csv"), data, Meta())
        for s in stated:
            assert s.row is not None and s.quote
    except IngestError as exc:
        assert "\n" not in str(exc)


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):
    from store.db import Store

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'm.db'}")
    yield store
    store.dispose()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(randoms, st.sampled_from([".md", ".csv"]))
def test_ingesting_any_file_is_added_or_refused_in_one_line_and_stored_quotes_are_exact(fuzz_store, tmp_path, rng, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(fuzz.document(rng) if suffix == ".md" else fuzz.csv_file(rng))
    result = ingest_file(fuzz_store, path)
    assert result.status in ("added", "unchanged", "failed")
    assert "internal error" not in result.message and "\n" not in result.message
    for fig in fuzz_store.queries.figures([], {}, limit=200):
        for c in fig.citations:
            if c.quote_start is not None:
                with fuzz_store.Session() as s:
                    from store.models import Document

                    text = s.get(Document, c.document_id).text
                assert text[c.quote_start : c.quote_end] == c.quote


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(randoms)
def test_no_question_raises(seeded_sqlite, rng):
    result = answer(fuzz.question(rng), seeded_sqlite)
    assert result.status in ("answer", "ambiguous", "no_answer", "invalid", "series", "comparison")
    json.dumps(result.to_dict(), allow_nan=False)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.binary(max_size=200), randoms.map(lambda r: fuzz.question(r).encode())), max_size=12))
def test_ask_json_stdin_writes_one_json_line_per_line(seeded_sqlite, monkeypatch, capsys, lines):
    from bot import cli

    monkeypatch.setattr(cli, "open_store", lambda write=False: seeded_sqlite)
    data = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data + b"\n" if lines else b"")))
    assert cli.main(["ask", "--json", "-"]) == 0
    printed = capsys.readouterr().out
    out = printed.removesuffix("\n").split("\n") if printed else []  # not splitlines: U+2028 is inside a line
    assert len(out) == len(lines)
    for line in out:
        json.loads(line)
