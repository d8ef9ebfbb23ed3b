"""The starter library (issue 10): the packaged downloads, a reader per layout (values read
from the files as published, quotes and rows), refusals, seeding and refresh, the
``modstats library`` command, and the library dev question set. Every test here uses the
packaged copy under store/library/data, so it runs in a fresh clone."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.engine import answer
from store import library
from store.ingest import Meta, ingest_file
from store.ingest.layouts import names, reader_for
from store.models import Citation, Document, Figure, LibraryDocument

DATA = Path(library.__file__).parent / "data"
QUESTIONS = Path(__file__).parent / "data" / "library_questions.jsonl"
# What the current engine answers right on the library dev set (the engine is being
# rewritten; raise this as it improves).
FLOOR = 0.95  # issue 10's target; 100/104 measured (26 Nov 2026)
CSV_BLIND_FLOORS = {"dev": 0.96, "heldout": 0.80}  # measured 53/55 and 48/60 (6 Dec 2026; 52/55 before a policy name could be in two policy groups); issue 7 asks >= 95%


def read(path: Path, meta: Meta = Meta()):
    data = None
    if not path.name.endswith((".csv.gz", ".csv")):
        import gzip

        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    doc, stated = reader_for(path, data)(path, data, meta)
    return doc, list(stated)


def one(stated, **where):
    got = [s for s in stated if all(getattr(s, k) == v for k, v in where.items())]
    assert len(got) == 1, (where, [(s.metric, s.policy, s.period.label, s.breakdown, s.location, s.value) for s in got][:5])
    return got[0]


# --- the package ---------------------------------------------------------------------------------

def test_every_manifest_file_is_packaged_with_its_provenance_and_the_data_stays_small():
    sources = (DATA.parent / "SOURCES.md").read_text(encoding="utf-8")
    layouts = set()
    for e in library.entries():
        assert e.path.exists(), e.path
        assert e.title and e.publisher and e.url.startswith("https://") and e.licence and e.origin
        assert f"`{e.published_name}`" in sources
        layouts.add(e.layout)
    assert layouts == set(names()) - {"generic"}  # every layout but the generic one ships real data
    assert sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file()) < 5_000_000
    assert {p for p in DATA.rglob("*") if p.is_file()} == {e.path for e in library.entries()}


# --- one reader per layout, values as the files print them -------------------------------------

def test_discord_monthly_rows_and_the_period_total():
    doc, st = read(DATA / "discord" / "discord-2022-q1.csv.gz")
    assert doc.kind == "discord-monthly" and doc.filename == "discord-2022-q1.csv"
    jan = one(st, metric="Media reports to NCMEC", period=library_period(2022, 1, 2022, 1))
    assert (jan.value, jan.row, jan.quote) == (3648, 2, 'January,"3,648",17')
    q1 = one(st, metric="Media reports to NCMEC", period=library_period(2022, 1, 2022, 3))
    assert (q1.value, q1.row) == (10641, 6)  # the SUM line
    _, st = read(DATA / "discord" / "discord-2022-q2.csv.gz")  # a title line before the header
    assert one(st, metric="Media reports to NCMEC", period=library_period(2022, 5, 2022, 5)).value == 8500


def library_period(y1, m1, y2, m2):
    from store.periods import span

    return span(y1, m1, y2, m2)


def test_discord_report_blocks_with_changing_headers():
    doc, st = read(DATA / "discord" / "discord-2023-q4.csv.gz", Meta(title="Discord Transparency Report, Q4 2023"))
    assert doc.kind == "discord-report"
    q4 = library_period(2023, 10, 2023, 12)
    assert one(st, metric="Individual Accounts Warned", policy="Child Safety", period=q4).value == 2018
    assert one(st, metric="Individual Accounts Warned", policy="all policies", period=q4).value == 55495
    assert not [s for s in st if s.policy == "Violent Extremism" and s.metric == "Individual Accounts Warned"]  # "--"
    em = [s for s in st if s.metric.startswith("Emergency Requests")]  # a title quoted over two lines
    assert em and all(s.location or s.policy == "all policies" for s in em)
    _, st = read(DATA / "discord" / "discord-2023-q3.csv.gz")
    # "Child Safety,Accounts Disabled": a misprinted block (shifted a row) states nothing; the
    # Appeals block states the same figures, right
    assert not [s for s in st if 22 <= s.row <= 36]
    assert one(st, metric="Accounts Disabled", policy="Deceptive Practices").value == 11885


def test_discord_months_outside_the_reports_period_are_refused(empty_store, tmp_path):
    path = tmp_path / "discord-2022-q4.csv"  # shaped like diaphanous' discord-2022-q4.csv, which holds Q1 months
    path.write_text("Warns,,\n,,\nWarns,Individual Accounts Warned,Servers Warned\nChild Safety,5,1\n,,\n"
                    "NCMEC,,\n,,\nMonth,Media Reports,Grooming or Endangerment Escalations\nJanuary,\"3,694\",18\n")
    r = ingest_file(empty_store, path)
    assert r.status == "failed" and str(path) in r.message and "line 9" in r.message and "January" in r.message
    with empty_store.Session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_microsoft_sections_breakdowns_and_percent_cells():
    doc, st = read(DATA / "microsoft" / "microsoft-2023-h1.xlsx")
    assert doc.kind == "microsoft" and doc.publisher == "Microsoft"
    h1 = library_period(2023, 1, 2023, 6)
    cseai = "Child sexual exploitation and abuse imagery (CSEAI)"
    hosted = one(st, metric="Content Actioned", policy=cseai, breakdown="Hosted Consumer Services", period=h1)
    assert hosted.value == 46856 and hosted.row == 5
    assert hosted.quote == ("January - June 2023 · Child Sexual Exploitation & Abuse Imagery (CSEAI) - Hosted Consumer "
                            "Services · Content Actioned: 46,856")
    pro = one(st, metric="Content Detected Proactively", policy=cseai, breakdown="Hosted Consumer Services")
    assert (pro.value, pro.unit) == (99.2, "percent") and pro.quote.endswith(": 99.2%")
    assert one(st, metric="Content Actioned", breakdown="Bing Search Engine").value == 227823
    _, st = read(DATA / "microsoft" / "microsoft-2020-h1.xlsx")
    assert one(st, metric="Accounts Actioned", policy=cseai).value == 15935  # "15,935*" (restated)


def test_tiktok_workbook_sheets():
    doc, st = read(DATA / "tiktok" / "tiktok-2021-q3.xlsx")
    assert doc.kind == "tiktok-xlsx"
    u13 = one(st, metric="Accounts suspected to be under the age of 13 removed", period=library_period(2020, 7, 2020, 9))
    assert u13.value == 920793 and u13.row == 2 and u13.quote.startswith("Account removals · 2020-09-30 · ")
    rate = one(st, metric="Proactive removal rate", policy="Adult nudity and sexual activities")
    assert rate.unit == "percent" and math.isclose(rate.value, 90.121772) and rate.period.label == "Q3 2021"
    share = one(st, metric="Share of videos removed", policy="Minor safety", period=library_period(2020, 7, 2020, 9))
    assert math.isclose(share.value, 41.023998)
    _, st = read(DATA / "tiktok" / "tiktok-2022-q3.xlsx")
    us = one(st, metric="Total videos removed", location="United States")
    assert us.value == 18369951 and us.period.label == "Q3 2022"
    sub = [s for s in st if s.breakdown.startswith("Sub-policy: ")]
    assert sub and all(s.period.label == "Q3 2022" for s in sub)


def test_ncmec_counts_by_provider():
    _, st = read(DATA / "ncmec" / "comparable-reports.csv.gz")
    y2022 = library_period(2022, 1, 2022, 12)
    snap = one(st, platform="Snap", period=y2022, breakdown="")
    assert (snap.value, snap.metric, snap.quote, snap.row) == (551086, "CyberTipline reports", "Snap2022,2022,NCMEC,551086", 60)
    assert one(st, platform="Snap", period=y2022, breakdown="as reported by the provider").value == 550755
    doc, st = read(DATA / "ncmec" / "ocse-reports-per-platform.json.gz")
    assert doc.kind == "ncmec-json"
    meta = one(st, platform="Meta", metric="CyberTipline reports", period=library_period(2019, 1, 2019, 12))
    assert meta.value == 15884511 and meta.quote == '{"2019": ["Meta", 15884511, null, null]}'


def test_meta_family_active_people():
    _, st = read(DATA / "meta" / "family-active-people.csv.gz")
    d = one(st, metric="Family daily active people", period=library_period(2023, 10, 2023, 12))
    assert (d.value, d.unit, d.quote) == (3_190_000_000, "people", "2023Q4,3.19,3.98")


def test_x_pdf_tables_rows_as_printed_by_page():
    doc, st = read(DATA / "x" / "x-2024-h1.pdf")
    assert doc.kind == "xpdf" and doc.filename == "x-2024-h1.pdf"
    cs = one(st, platform="X", metric="Accounts Suspended", policy="Child Safety", breakdown="", row=7)
    assert cs.value == 2781634 and cs.period.label == "H1 2024"
    assert cs.quote == "Accounts Suspended 1 2,781,634 2,388,683 392,951"  # the footnote mark is printed, not read
    assert one(st, metric="Accounts Suspended", policy="Child Safety", breakdown="automated").value == 2388683
    total = one(st, metric="Accounts Suspended", policy="all policies", row=5)
    assert total.value == 5296870 and total.quote == "TOTAL ACCOUNT SUSPENSIONS 5,296,870"
    spam = one(st, metric="Accounts Suspended", policy="Platform Manipulation & Spam", breakdown="")
    assert spam.value == 463960085 and spam.row == 8
    jp = one(st, metric="Government removal requests", location="Japan")
    assert jp.value == 46648 and jp.row == 13
    rate = one(st, metric="Post violation rate", policy="Child Safety")
    assert (rate.value, rate.unit, rate.qualifier) == (0.0001, "percent", "fewer than")


@pytest.mark.parametrize("name, content, what", [
    ("book.xlsx", None, "workbook"),
    ("report.pdf", b"%PDF-1.4\n%%EOF\n", "PDF report"),
    ("stuff.json", b'{"a": 1}', "JSON file"),
    ("blocks.csv", b"Shares,,\n,,\nThing,Count\nA,1\n", "CSV header"),
])
def test_an_unrecognised_file_is_refused_naming_it_and_nothing_is_stored(empty_store, tmp_path, name, content, what):
    path = tmp_path / name
    if content is None:
        import openpyxl

        wb = openpyxl.Workbook()
        wb.active.append(["Something", "else"])
        wb.save(path)
    else:
        path.write_bytes(content)
    r = ingest_file(empty_store, path)
    assert r.status == "failed" and str(path) in r.message and f"unrecognised {what}" in r.message, r.message
    with empty_store.Session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


# --- seeding, refresh, the command -----------------------------------------------------------------

def test_a_seeded_store_holds_the_corpus_and_every_library_file(library_sqlite):
    with library_sqlite.Session() as s:
        lib = s.scalar(select(func.count()).select_from(LibraryDocument))
        users = s.scalar(select(func.count()).select_from(Document)) - lib
    assert lib == len(library.entries()) and users == 4
    platforms = library_sqlite.vocabulary().platforms
    assert {"Facebook", "Instagram", "TikTok", "Discord", "Microsoft", "X", "Snap", "Google"} <= set(platforms)


def test_latest_snapshot_answers_with_the_history(library_sqlite):
    a = answer("facebook terrorism content actioned Q2 2020", library_sqlite)
    assert a.status == "answer", a.message
    assert a.answer.value == 8_600_000 and a.answer.source.filename == "meta-2024-q2.csv"  # the newest snapshot
    assert 8_700_000 in {r.value for r in a.answer.revisions}  # as first published (meta-2021-q2.csv)


def test_citations_name_the_report_url_file_and_row_or_page(library_sqlite):
    a = answer("facebook hate speech actioned Q3 2023", library_sqlite)
    assert a.status == "answer" and a.answer.value == 9_600_000, a.message
    src = a.answer.source
    assert src.publisher == "Meta" and "Community Standards Enforcement Report" in src.title
    assert src.url == "https://transparency.fb.com/sr/community-standards/" and src.row
    assert f"{src.filename}, row {src.row}" in a.message
    x = answer("X accounts suspended for child safety H1 2024", library_sqlite)
    assert x.status == "answer" and x.answer.value == 2_781_634, x.message
    page = x.answer.source.row  # a PDF's citation names the page the row is printed on
    assert f"x-2024-h1.pdf, page {page}" in x.message
    import pdfplumber

    with pdfplumber.open(library.FOLDER / "data" / "x" / "x-2024-h1.pdf") as pdf:
        assert "2,781,634" in pdf.pages[page - 1].extract_text()


def test_refresh_reloads_the_library_and_keeps_what_users_ingested(library_copy, tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text("app,policy_area,metric,period,value\nFacebook,Hate Speech,Content Actioned,2023Q3,\"9,700,000\"\n"
                    "Facebook,Spam,Content Actioned,2030Q1,5\n")
    assert ingest_file(library_copy, user, Meta(published=dt.date(2030, 6, 1))).status == "added"
    removed, added = library.refresh(library_copy)
    assert removed == added == len(library.entries())
    with library_copy.Session() as s:
        lib = set(s.scalars(select(LibraryDocument.document_id)))
        docs = {d.filename: d.id in lib for d in s.scalars(select(Document))}
        assert docs["mine.csv"] is False and sum(docs.values()) == len(library.entries())
        [spam] = s.scalars(select(Figure).where(Figure.policy == "Spam", Figure.period_label == "Q1 2030"))
        assert spam.value == 5
        [hate] = s.scalars(select(Figure).where(Figure.platform == "Facebook", Figure.policy == "Hate Speech",
                                                Figure.metric == "Content Actioned", Figure.period_label == "Q3 2023"))
        cites = s.scalars(select(Citation).where(Citation.figure_id == hate.id)).all()
        assert len(cites) > 2 and 9_700_000 in {c.value for c in cites}
        orphans = s.scalar(select(func.count()).select_from(Figure).where(~Figure.citations.any()))
        assert orphans == 0
    assert library_copy.dangling() == (0, 0, 0)  # removing the old library took its citations along


def test_what_the_store_knows_follows_its_figures_when_the_library_is_removed(library_copy, tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text("app,policy_area,metric,period,value\nFacebook,Scam Ads,Ads Removed,2030Q1,5\n")
    assert ingest_file(library_copy, user, Meta(published=dt.date(2030, 6, 1))).status == "added"
    known = library_copy.vocabulary()
    assert "Discord" in known.platforms and "Scam Ads" in known.policies and "Ads Removed" in known.metrics
    library.remove(library_copy)
    known = library_copy.vocabulary()
    assert "Discord" not in known.platforms and "Hate Speech" not in known.policies  # only the library stated them
    assert "Facebook" in known.platforms and "Scam Ads" in known.policies and "Ads Removed" in known.metrics
    a = answer("facebook scam ads ads removed Q1 2030", library_copy)
    assert a.status == "answer" and a.answer.value == 5, a.message


def test_the_slices_a_search_walks_are_the_ones_the_figures_fill(library_copy, tmp_path):
    """figure_slices (which policies each platform, place and breakdown states) is what a search
    reads before walking the figures: it must hold every slice, after seeding (tables and prose),
    a user's file and a library removal, or a stored figure would never be found."""
    def recorded() -> set[tuple]:
        return set(library_copy.queries.rows("SELECT platform, location, breakdown, policy FROM figure_slices"))

    def filled() -> set[tuple]:
        return set(library_copy.queries.rows("SELECT DISTINCT platform, location, breakdown, policy FROM figures"))

    assert len(recorded()) > 100 and recorded() == filled()
    user = tmp_path / "mine.csv"
    user.write_text("app,policy_area,metric,period,value\nThreads,Scam Ads,Ads Removed,2030Q1,5\n")
    assert ingest_file(library_copy, user, Meta(published=dt.date(2030, 6, 1))).status == "added"
    assert ("Threads", "", "", "Scam Ads") in recorded() and recorded() == filled()
    a = answer("threads scam ads removed", library_copy)  # no period: the newest of the slice
    assert a.status == "answer" and a.answer.value == 5, a.message
    assert answer("threads hate speech ads removed", library_copy).status != "answer"  # a policy it never states
    library.remove(library_copy)
    assert recorded() == filled() and ("Threads", "", "", "Scam Ads") in recorded()


def test_library_command_lists_platform_report_periods_and_figures(library_copy, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", library_copy.url)
    assert main(["library"]) == 0
    out = capsys.readouterr().out
    assert "X Global Transparency Report, H1 2024" in out and "Jan 2024 – Jun 2024" in out
    assert "Discord Transparency Report, Q4 2023 [discord-2023-q4.csv]" in out
    assert main(["library", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == len(library.entries()) and all(r["figures"] > 0 for r in rows)


# --- the library dev set -------------------------------------------------------------------------

def _questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_library_question_set_is_well_formed():
    rows = _questions()
    assert len(rows) >= 100
    assert {r["layout"] for r in rows} == set(names()) - {"generic"}
    assert sum(r.get("status") == "no_answer" for r in rows) >= 10


def right(row: dict, a) -> bool:
    if row.get("status") == "no_answer":
        return a.status == "no_answer"
    return a.status == "answer" and math.isclose(a.answer.value, row["value"], rel_tol=1e-9, abs_tol=1e-6)


def test_library_questions_accuracy_floor(library_sqlite):
    rows = _questions()
    wrong = []
    for row in rows:
        a = answer(row["question"], library_sqlite)
        if not right(row, a):
            got = f"{a.status} {a.answer.value:g}" if a.answer else a.status
            wrong.append(f"{row['layout']}: {row['question']!r} want {row.get('value', 'no_answer')}, got {got}")
    score = 1 - len(wrong) / len(rows)
    print(f"library dev set: {len(rows) - len(wrong)}/{len(rows)} right ({score:.0%})")
    print("\n".join(wrong))
    assert score >= FLOOR, "\n".join(wrong)


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_blind_csv_questions_hold_their_floor(library_sqlite, split):
    """Questions written blind from the real Meta and TikTok downloads, naming stored metrics
    and policies exactly, nearly, or not at all (tests/data/csv_blind_questions.jsonl)."""
    import evaluation as ev

    rows = ev.csv_questions(split)
    wrong = [r["question"] for r in rows if not ev.csv_right(r, answer(r["question"], library_sqlite))]
    score = 1 - len(wrong) / len(rows)
    assert score >= CSV_BLIND_FLOORS[split], f"{split}: {score:.0%}\n" + "\n".join(wrong)


def test_a_policy_named_word_for_word_is_not_read_as_another_reports_breakdown(library_sqlite):
    """"Sexual Exploitation" is also one of TikTok's sub-policies; in Meta's policy name it is Meta's policy."""
    r = answer("Facebook Content Appealed Child Endangerment: Sexual Exploitation 2023Q4", library_sqlite)
    assert r.status == "answer" and r.answer.value == 1_000_000 and r.answer.policy == "Child Endangerment: Sexual Exploitation"
