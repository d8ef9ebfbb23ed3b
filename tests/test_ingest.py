"""Text ingestion on SQLite and PostgreSQL: each seed document yields the figures it states (and
document 003's "More news" list none), quotes are exact substrings, the same fact from several
documents is one figure, re-ingesting changes nothing, and a bad file is refused cleanly."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from store import corpus
from store.ingest import Meta, ingest_paths
from store.models import Citation, Document, Figure

D = dt.date
H2_2017 = (D(2017, 7, 1), D(2017, 12, 31))
H1_2017 = (D(2017, 1, 1), D(2017, 6, 30))


@pytest.fixture
def seeded(seeded_store):
    """The corpus seeded once per database (tests that write use ``store`` / ``empty_store``)."""
    return seeded_store


def seed_file(prefix: str) -> Path:
    (path,) = [p for p in corpus.files() if p.name.startswith(prefix)]
    return path


def all_figures(store) -> list[Figure]:
    with store.Session() as s:
        return list(s.scalars(select(Figure).options(selectinload(Figure.citations))).unique())


def counts(store) -> tuple[int, int, int]:
    with store.Session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Document, Figure, Citation))


def stated_by(store, prefix: str) -> list[tuple[Figure, Citation]]:
    """(figure, its citation) for every figure the seed document ``prefix`` states."""
    out = []
    for f in all_figures(store):
        for c in f.citations:
            if c.document.filename.startswith(prefix):
                out.append((f, c))
    return out


def find(store, prefix, value, unit, period=None, metric_has=()):
    hits = [
        (f, c) for f, c in stated_by(store, prefix)
        if f.value == pytest.approx(value) and f.unit == unit
        and (period is None or (f.period_start, f.period_end) == period)
        and all(w in f.metric for w in metric_has)
    ]
    assert len(hits) == 1, f"{prefix}: expected one {value} {unit} {period}, got {hits} among " + repr(
        [(f.value, f.unit, f.metric, f.period_start, f.period_end) for f, _ in stated_by(store, prefix)])
    f, c = hits[0]
    assert f.platform == "Twitter"
    assert "terror" in f.policy.lower()
    return f, c


# --- seed 000: Twitter's H2 2017 transparency report -----------------------------------------


def test_000_states_274460_suspensions_in_h2_2017(seeded):
    f, c = find(seeded, "000", 274460, "accounts", H2_2017, ["accounts", "suspended"])
    assert c.qualifier is None
    assert "274,460" in c.quote and "last six months of 2017" in c.quote
    assert f.period_label == "H2 2017"


def test_000_states_over_270000_in_h2_2017(seeded):
    f, c = find(seeded, "000", 270000, "accounts", H2_2017, ["accounts"])
    assert c.qualifier == "over"
    assert "over 270,000" in c.quote


def test_000_states_over_12_million_from_aug_2015_to_dec_2017(seeded):
    f, c = find(seeded, "000", 1_200_000, "accounts", (D(2015, 8, 1), D(2017, 12, 31)), ["accounts"])
    assert c.qualifier == "over"
    assert "1.2 million" in c.quote and "between Aug. 1, 2015 and Dec. 31, 2017" in c.quote


def test_000_states_an_84_percent_decrease_from_h1_2017(seeded):
    f, c = find(seeded, "000", -8.4, "percent change", H2_2017)
    assert "change" in f.metric and "suspended" in f.metric
    assert (f.compare_start, f.compare_end) == H1_2017  # "the preceding reporting period"
    assert "8.4 percent decrease" in c.quote


def test_000_states_the_shares_with_their_qualifiers(seeded):
    f, c = find(seeded, "000", 93, "percent", H2_2017, ["internal tools"])
    assert c.qualifier is None and "93 percent" in c.quote
    f, c = find(seeded, "000", 75, "percent", H2_2017, ["first tweet"])
    assert c.qualifier == "roughly" and "three-quarters" in c.quote
    f, c = find(seeded, "000", 1, "percent", H2_2017, ["governments"])
    assert c.qualifier == "less than" and "less than one percent" in c.quote


def test_000_states_a_50_percent_drop_in_government_reports(seeded):
    f, c = find(seeded, "000", -50, "percent change", H2_2017, ["governments"])
    assert (f.compare_start, f.compare_end) == H1_2017
    assert "down 50 percent" in c.quote


def test_000_yields_exactly_the_figures_it_states(seeded):
    got = sorted(f.value for f, _ in stated_by(seeded, "000"))
    assert got == sorted([274460, 270000, 1_200_000, -8.4, 93, 75, 1, -50])


# --- seeds 001-003: 125,000 accounts since mid-2015, three sources ---------------------------


def test_125000_since_mid_2015_is_one_figure_with_three_sources(seeded):
    hits = [f for f in all_figures(seeded) if f.value == 125000]
    assert len(hits) == 1
    f = hits[0]
    assert (f.period_start, f.period_end) == (D(2015, 7, 1), D(2016, 2, 5))
    assert f.platform == "Twitter" and "terror" in f.policy and f.unit == "accounts"
    assert "suspended" in f.metric
    docs = sorted(c.document.filename[:3] for c in f.citations)
    assert docs == ["001", "002", "003"]
    # each source keeps its own wording: "more than", none, "at least"
    quals = {c.document.filename[:3]: c.qualifier for c in f.citations}
    assert quals == {"001": "more than", "002": None, "003": "at least"}
    for c in f.citations:
        assert "125,000" in c.quote
        assert re.search(r"mid(dle of |-)2015", c.quote)


def test_003_states_at_least_1000_in_a_four_month_period(seeded):
    f, c = find(seeded, "003", 1000, "accounts", metric_has=["accounts"])
    assert c.qualifier == "at least"
    assert "four month period" in c.quote
    assert f.period_end == D(2016, 2, 5)  # before the announcement, start not stated
    assert re.search(r"\b(four|4)[- ]month", f.period_label), f.period_label


def test_003_more_news_list_yields_nothing(seeded):
    path = seed_file("003")
    raw = path.read_text(encoding="utf-8")
    cut = raw.index("More news")
    tail = raw[cut:]
    numbers_in_tail = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", tail)}
    # the like counts, rates, phone number and release year really are in that list
    assert {7836, 2863, 95500, 101204, 2017, 69717726} <= numbers_in_tail
    with seeded.Session() as s:
        doc = s.scalar(select(Document).where(Document.filename == path.name))
        cites = list(s.scalars(select(Citation).where(Citation.document_id == doc.id)))
        assert doc.text[doc.text.index("More news"):] == tail
        assert cites, "003 states figures before the list"
        for c in cites:
            assert c.quote_end <= doc.text.index("More news"), c.quote
            assert c.quote not in tail
        values = {c.value for c in cites}
    assert not values & numbers_in_tail
    assert all(f.value not in numbers_in_tail for f in all_figures(seeded))


def test_001_has_no_figure_from_the_300_million_person_site(seeded):
    assert [f for f, _ in stated_by(seeded, "001") if f.value == 300_000_000] == []


def test_every_quote_is_an_exact_substring_at_its_offsets(seeded):
    with seeded.Session() as s:
        cites = list(s.scalars(select(Citation)))
        assert cites
        for c in cites:
            text = c.document.text
            assert text[c.quote_start : c.quote_end] == c.quote
            assert c.quote.strip() == c.quote and c.quote


def test_every_seed_document_states_something(seeded):
    for prefix in ("000", "001", "002", "003"):
        assert stated_by(seeded, prefix), prefix


def test_document_metadata_comes_from_front_matter(seeded):
    with seeded.Session() as s:
        docs = {d.filename[:3]: d for d in s.scalars(select(Document))}
    assert docs["000"].published == D(2018, 4, 5)
    assert docs["002"].publisher == "Fast Company"
    assert docs["003"].publisher == "Lead Stories"
    assert docs["003"].title == "Twitter Suspends 125,000 ISIS Related Accounts"
    for d in docs.values():
        assert d.kind == "text"
        assert not d.text.startswith("---") or "published:" in d.text  # the document as received


# --- re-ingesting, duplicates --------------------------------------------------------------


def test_reingesting_the_corpus_changes_nothing(store):
    before = counts(store)
    snapshot = sorted((f.fingerprint, f.value, len(f.citations)) for f in all_figures(store))
    report = ingest_paths(store, corpus.files())
    assert [f.status for f in report.files] == ["unchanged"] * 4
    assert not report.failed
    assert counts(store) == before
    assert sorted((f.fingerprint, f.value, len(f.citations)) for f in all_figures(store)) == snapshot


def test_a_copy_under_another_name_is_the_same_document(store, tmp_path):
    copy = tmp_path / "renamed.md"
    shutil.copy(seed_file("000"), copy)
    before = counts(store)
    report = ingest_paths(store, [copy])
    assert report.files[0].status == "unchanged"
    assert counts(store) == before


def test_the_same_file_twice_in_one_call_goes_in_once(empty_store):
    path = seed_file("000")
    report = ingest_paths(empty_store, [path, path])
    assert [f.status for f in report.files] == ["added", "unchanged"]
    assert counts(empty_store)[0] == 1


def test_ingesting_in_any_order_gives_the_same_figures(empty_store, tmp_path):
    from store.db import Store

    ingest_paths(empty_store, list(reversed(corpus.files())))
    in_order = Store.open(f"sqlite:///{tmp_path / 'in-order.db'}")
    try:
        def facts(st):
            return sorted((f.fingerprint, f.value, sorted(c.document.filename for c in f.citations))
                          for f in all_figures(st))

        assert facts(empty_store) == facts(in_order)
    finally:
        in_order.dispose()


# --- bad files ---------------------------------------------------------------------------


BAD = {
    "empty.md": b"",
    "blank.md": b"   \n\n\t\n",
    "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)),
    "latin1.md": "Twitter suspendió 1.000 cuentas en 2017.\n".encode("latin-1"),
    "broken-yaml.md": b"---\ntitle: [unclosed\npublished: 2018-04-05\n---\nTwitter suspended 5,000 accounts in 2017.\n",
    "unterminated.md": b"---\ntitle: no end\n\nTwitter suspended 5,000 accounts in 2017.\n",
    "bad-date.md": b"---\npublished: someday\n---\nTwitter suspended 5,000 accounts in 2017.\n",
}


def test_bad_files_are_refused_naming_them_and_change_nothing(store, tmp_path):
    paths = []
    for name, data in sorted(BAD.items()):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    before = counts(store)
    snapshot = sorted((f.fingerprint, f.value, len(f.citations)) for f in all_figures(store))
    report = ingest_paths(store, paths)
    assert report.failed
    for path, result in zip(paths, report.files):
        assert result.status == "failed", (path.name, result)
        assert str(path) in result.message, result.message
    assert counts(store) == before
    assert sorted((f.fingerprint, f.value, len(f.citations)) for f in all_figures(store)) == snapshot


def test_messages_give_the_line_where_known(seeded, tmp_path):
    bad = tmp_path / "broken-yaml.md"
    bad.write_bytes(BAD["broken-yaml.md"])
    msg = ingest_paths(seeded, [bad]).files[0].message
    assert re.search(r"line [23]\b", msg), msg
    enc = tmp_path / "latin1.md"
    enc.write_bytes(b"Line one is fine.\nLine two is too.\nTwitter suspendi\xf3 1,000 cuentas.\n")
    msg = ingest_paths(seeded, [enc]).files[0].message
    assert "line 3" in msg and "UTF-8" in msg, msg


def test_an_unreadable_or_missing_path_is_refused(seeded, tmp_path):
    missing = tmp_path / "nope.md"
    folder = tmp_path / "a-folder.md"
    folder.mkdir()
    before = counts(seeded)
    report = ingest_paths(seeded, [missing, folder])
    assert [f.status for f in report.files] == ["failed", "failed"]
    assert str(missing) in report.files[0].message and str(folder) in report.files[1].message
    assert counts(seeded) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_a_file_without_read_permission_is_refused(store, tmp_path):
    locked = tmp_path / "locked.md"
    locked.write_text("Twitter suspended 5,000 accounts in 2017.\n")
    locked.chmod(0)
    try:
        report = ingest_paths(store, [locked])
    finally:
        locked.chmod(0o600)
    assert report.files[0].status == "failed" and str(locked) in report.files[0].message


def test_good_files_go_in_beside_bad_ones(empty_store, tmp_path):
    bad = []
    for name in ("empty.md", "binary.md", "broken-yaml.md"):
        bad.append(tmp_path / name)
        bad[-1].write_bytes(BAD[name])
    report = ingest_paths(empty_store, [seed_file("000"), bad[0], seed_file("002"), bad[1], bad[2]])
    assert [f.status for f in report.files] == ["added", "failed", "added", "failed", "failed"]
    assert report.failed
    assert counts(empty_store)[0] == 2
    values = {f.value for f in all_figures(empty_store)}
    assert {274460, 125000} <= values


def test_a_file_failing_halfway_leaves_no_trace(empty_store, tmp_path, monkeypatch):
    """One transaction per document: if writing its figures fails, its document row goes too."""
    import store.ingest as ingest_mod

    real_save = ingest_mod.save

    def save_then_fail(session, document, stated):
        real_save(session, document, stated)
        raise ingest_mod.IngestError(f"{document.filename}: simulated failure after writing")

    monkeypatch.setattr(ingest_mod, "save", save_then_fail)
    report = ingest_paths(empty_store, [seed_file("000")])
    assert report.failed
    assert counts(empty_store) == (0, 0, 0)


# --- a document that is not in the seed corpus ---------------------------------------------


CUSTOM = """---
title: "Quarterly enforcement update"
publisher: Example Platform Watch
url: https://example.org/youtube-q3-2019
published: 2019-11-20
---
# Quarterly enforcement update

YouTube removed 1,234,567 videos for violent extremism in Q3 2019.

The company also said its automated systems flagged most of them before anyone saw them.

More news

  • Facebook removed 8,888,888 posts for hate speech in Q2 2019 — 44,210 likes
"""


def test_a_custom_document_yields_its_figure_and_is_answerable(empty_store, tmp_path):
    doc = tmp_path / "youtube-q3-2019.md"
    doc.write_text(CUSTOM, encoding="utf-8")
    report = ingest_paths(empty_store, [doc])
    assert report.files[0].status == "added", report.files[0].message
    figs = all_figures(empty_store)
    hits = [f for f in figs if f.value == 1_234_567]
    assert len(hits) == 1, [(f.value, f.metric) for f in figs]
    f = hits[0]
    assert f.platform == "YouTube"
    assert "terror" in f.policy  # "violent extremism" is the terrorism policy area
    assert (f.period_start, f.period_end) == (D(2019, 7, 1), D(2019, 9, 30))
    assert f.unit == "videos" and f.metric == "videos removed"
    (c,) = f.citations
    assert c.quote == "YouTube removed 1,234,567 videos for violent extremism in Q3 2019."
    assert c.document.text[c.quote_start : c.quote_end] == c.quote
    assert c.document.publisher == "Example Platform Watch"
    assert c.document.published == D(2019, 11, 20)
    # the "More news" list is not the article, however much an item reads like a figure
    assert not any(f.value in (44210, 8_888_888) for f in figs)

    from bot.engine import answer

    result = answer("how many videos did YouTube remove for violent extremism in Q3 2019?", empty_store)
    assert result.status == "answer", result.message
    d = result.to_dict()
    assert d["answer"]["value"] == 1_234_567
    assert d["answer"]["platform"] == "YouTube"
    assert d["answer"]["quote"] == c.quote


def test_an_ad_slot_inside_an_article_does_not_end_it(empty_store, tmp_path):
    """"Advertisement" on a line of its own is where a page put an ad, not where its article ends: the
    figures after it are stored (and the slot itself is no sentence)."""
    doc = tmp_path / "katadata.txt"
    doc.write_text("TikTok Hapus 89 Juta Video\n\nTikTok menghapus 89,1 juta video pada paruh kedua 2020.\n\n"
                   "Advertisement\n\nAda lebih dari 6,14 juta akun ditutup selama paruh kedua 2020.\n", encoding="utf-8")
    report = ingest_paths(empty_store, [doc], Meta(published=D(2021, 3, 2)))
    assert report.files[0].status == "added", report.files[0].message
    assert {89_100_000, 6_140_000} <= {f.value for f in all_figures(empty_store) if f.platform == "TikTok"}


def test_flags_fill_metadata_the_file_does_not_carry(empty_store, tmp_path):
    doc = tmp_path / "plain.txt"
    doc.write_text("YouTube removed 7,654,321 videos for violent extremism in Q2 2019.\n", encoding="utf-8")
    meta = Meta(title="Flag title", publisher="Flag Pub", url="https://example.org/x", published=D(2019, 8, 1))
    report = ingest_paths(empty_store, [doc], meta)
    assert report.files[0].status == "added"
    with empty_store.Session() as s:
        d = s.scalar(select(Document))
    assert (d.title, d.publisher, d.url, d.published) == ("Flag title", "Flag Pub", "https://example.org/x", D(2019, 8, 1))


def test_front_matter_wins_over_flags(empty_store, tmp_path):
    doc = tmp_path / "custom.md"
    doc.write_text(CUSTOM, encoding="utf-8")
    ingest_paths(empty_store, [doc], Meta(publisher="Flag Pub", published=D(2000, 1, 1), title="Flag"))
    with empty_store.Session() as s:
        d = s.scalar(select(Document))
    assert (d.publisher, d.published) == ("Example Platform Watch", D(2019, 11, 20))
    assert d.title == "Quarterly enforcement update"


def test_a_document_saying_its_language_is_taken_at_its_word(empty_store, tmp_path):
    """Too short for the model to tell ("" otherwise), or told by the curator: the front
    matter's language is the document's, "EN" written as en."""
    short = tmp_path / "short.md"
    short.write_text("---\nlanguage: DE\n---\nTikTok hat 2021 rund 81 Millionen Videos gelöscht.\n", encoding="utf-8")
    plain = tmp_path / "plain.md"
    plain.write_text("TikTok hat 2022 rund 90 Millionen Videos gelöscht.\n", encoding="utf-8")
    ingest_paths(empty_store, [short, plain])
    with empty_store.Session() as s:
        assert dict(s.execute(select(Document.filename, Document.language)).all()) == {"short.md": "de", "plain.md": ""}


def test_since_in_a_custom_document_runs_to_its_publication_date(empty_store, tmp_path):
    doc = tmp_path / "since.md"
    doc.write_text("---\npublished: 2020-03-15\n---\nTikTok has banned more than 40,000 accounts "
                   "for terrorism since mid-2019.\n", encoding="utf-8")
    ingest_paths(empty_store, [doc])
    (f,) = [f for f in all_figures(empty_store) if f.value == 40000]
    assert (f.period_start, f.period_end) == (D(2019, 7, 1), D(2020, 3, 15))
    assert f.platform == "TikTok" and f.citations[0].qualifier == "more than"
