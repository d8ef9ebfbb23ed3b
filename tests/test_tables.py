"""Structured transparency data (issue 4): the three real CSV layouts and the generic one,
values and periods as published, revisions across snapshots, row citations, refusals that
name file and line, and answers to CSV questions — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.engine import answer
from store import library
from store.ingest import Meta, ingest_file, ingest_paths
from store.ingest.tables import Progress, half_year_ending, parse_period, parse_value, read_table, recognise
from store.models import Citation, Document, Figure

SAMPLES = Path(__file__).parent / "data" / "samples"  # the published samples, copied (their sources: README.md there)
LIBRARY = Path(library.__file__).parent / "data"  # the real downloads, shipped as the starter library
META = LIBRARY / "meta"
TIKTOK = LIBRARY / "tiktok"
GOOGLE = LIBRARY / "google"


def need(path: Path) -> Path:
    assert path.exists(), f"packaged data missing: {path}"
    return path


def figures(store, **where) -> list[Figure]:
    with store.Session() as s:
        stmt = select(Figure).where(*[getattr(Figure, k) == v for k, v in where.items()])
        out = list(s.scalars(stmt))
        for f in out:
            f.citations  # load
            for c in f.citations:
                c.document
        return out


def counts(store) -> tuple[int, int, int]:
    with store.Session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Document, Figure, Citation))


# --- layouts, values, periods (no database) -------------------------------------------------

def test_layouts_are_recognised_by_their_headers():
    assert recognise("app,policy_area,metric,period,value".split(",")).name == "meta"
    assert recognise("\ufeffMetric,Period type,Period,Policy type,Issue,Task type,Task,Location,Market,Result".split(",")).name == "tiktok"
    # the 2022-2023 TikTok files spell three headers differently
    assert recognise("Metric,Period Type,Period,Policy Type,Issue Policy,Task Type,Task,Location,Market,Result".split(",")).name == "tiktok"
    assert recognise(["Period Ending", "Country", "Country Code", "Product", "Reason", "Court Orders",
                      "Executive, Police, etc.", "Items Requested To Be Removed"]).name == "google"
    assert recognise("platform,metric,policy,value,unit,period_start,period_end,location,quote".split(",")).name == "generic"
    assert recognise("period,daily_billion,monthly_billion".split(",")) is None


@pytest.mark.parametrize("raw, expected", [
    ('9,400,000', (9_400_000, None, False)),
    ("96.90%", (96.9, None, True)),
    ("0.904", (0.904, None, False)),
    ("920793.0", (920_793, None, False)),
    ("<10", (10, "fewer than", False)),
    ("N/A", None), ("?", None), ("", None), (" ", None),
])
def test_values_as_published(raw, expected):
    assert parse_value(raw) == expected


def test_a_value_that_is_not_a_number_is_refused():
    with pytest.raises(ValueError):
        parse_value("about ten")


def test_periods_as_published():
    p = parse_period("2018Q2")
    assert (p.start, p.end, p.label) == (dt.date(2018, 4, 1), dt.date(2018, 6, 30), "Q2 2018")
    p = parse_period("Jul-Sep 2020")
    assert (p.start, p.end, p.label) == (dt.date(2020, 7, 1), dt.date(2020, 9, 30), "Q3 2020")
    assert parse_period("Jul-Dec 2022").label == "H2 2022"
    p = half_year_ending("12/31/2010")
    assert (p.start, p.end, p.label) == (dt.date(2010, 7, 1), dt.date(2010, 12, 31), "H2 2010")
    assert half_year_ending("06/30/2011").label == "H1 2011"


def test_rates_published_as_fractions_are_percent_and_all_means_not_broken_down():
    path = need(SAMPLES / "tiktok-community-guidelines-sample.csv")
    doc, stated = read_table(path, None, Meta())
    rows = list(stated)
    assert doc.kind == "tiktok" and doc.publisher == "TikTok"
    r24 = next(s for s in rows if s.metric == "Removal rate within 24 hours" and s.policy == "Violent extremism")
    assert (r24.value, r24.unit, r24.location, r24.breakdown) == (90.4, "percent", "", "")
    assert r24.period.label == "Q3 2020" and r24.row == 5
    assert r24.quote == "Removal rate within 24 hours,Quarterly,Jul-Sep 2020,Policy,Violent extremism,All,All,All,All,0.904"
    auto = next(s for s in rows if s.breakdown)
    assert (auto.metric, auto.breakdown, auto.value) == ("Total videos removed", "Automation", 3_370_913)
    us = next(s for s in rows if s.location == "United States" and s.metric == "Removal rate within 24 hours")
    assert us.value == 88.0 and us.period.label == "Q3 2022"
    assert not any("\ufeff" in s.quote for s in rows)


def test_not_reported_values_state_no_figure():
    path = need(SAMPLES / "meta-community-standards-sample.csv")
    _, stated = read_table(path, None, Meta())
    rows = list(stated)
    assert not any(s.policy == "Bullying & Harassment" for s in rows)  # both rows are N/A
    assert {s.row for s in rows} == set(range(2, 12)) - {8, 9}


def test_progress_bar_only_on_a_terminal():
    class Stream(io.StringIO):
        def __init__(self, tty):
            super().__init__()
            self.tty = tty

        def isatty(self):
            return self.tty

    quiet, loud = Stream(False), Stream(True)
    for stream in (quiet, loud):
        p = Progress("x.csv", 100, stream)
        p.update(50, 10)
        p.close(20)
    assert quiet.getvalue() == ""
    assert "x.csv" in loud.getvalue() and "100%" in loud.getvalue()


# --- ingesting real files ---------------------------------------------------------------------

def test_meta_snapshots_revise_a_fact_and_the_answer_says_so(empty_store):
    q2, q3 = need(META / "meta-2021-q2.csv.gz"), need(META / "meta-2021-q3.csv.gz")
    assert ingest_file(empty_store, q2, Meta(published=dt.date(2021, 8, 18))).status == "added"
    assert ingest_file(empty_store, q3, Meta(published=dt.date(2021, 11, 9))).status == "added"
    [fig] = figures(empty_store, platform="Facebook", policy="Dangerous Orgs: Terrorism", metric="Content Actioned",
                    period_start=dt.date(2020, 4, 1))
    assert fig.value == 8_600_000  # the later snapshot's value: one fact, not two
    cites = sorted(fig.citations, key=lambda c: c.document.published)
    assert [(c.value, c.row, c.document.filename) for c in cites] == [
        (8_700_000, 101, "meta-2021-q2.csv"), (8_600_000, 106, "meta-2021-q3.csv")]
    assert cites[0].quote == 'Facebook,Dangerous Orgs: Terrorism,Content Actioned,2020Q2,"8,700,000"'
    a = answer("facebook terrorism content actioned Q2 2020", empty_store)
    assert a.status == "answer", a.message
    assert a.answer.value == 8_600_000 and a.answer.source.row == 106
    [rev] = a.answer.revisions
    assert rev.value == 8_700_000 and rev.source.filename == "meta-2021-q2.csv"
    assert "Revised" in a.message and "8.7 million" in a.message and "meta-2021-q2.csv" in a.message
    assert a.to_dict()["answer"]["revisions"][0]["value"] == 8_700_000


def test_an_older_snapshot_ingested_later_does_not_overwrite_the_latest(empty_store, tmp_path):
    header = "app,policy_area,metric,period,value\n"
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(header + 'Facebook,Spam,Content Actioned,2019Q1,"100"\n')
    new.write_text(header + 'Facebook,Spam,Content Actioned,2019Q1,"120"\n')
    ingest_file(empty_store, new, Meta(published=dt.date(2019, 8, 1)))
    ingest_file(empty_store, old, Meta(published=dt.date(2019, 5, 1)))
    [fig] = figures(empty_store, policy="Spam")
    assert fig.value == 120 and len(fig.citations) == 2


def test_a_policy_named_word_for_word_is_not_answered_by_another_policys_row(empty_store, tmp_path):
    """Meta reports "Fake Accounts" and "Spam" as two policy areas, which the lexicon reads as
    one family: a question naming "Fake Accounts" gets the Fake Accounts row, or nothing when
    that quarter has none, never the Spam row."""
    path = tmp_path / "meta.csv"
    path.write_text("app,policy_area,metric,period,value\n"
                    'Facebook,Fake Accounts,Content Actioned,2023Q3,"827000000"\n'
                    'Facebook,Spam,Content Appealed,2023Q4,"3800000"\n'
                    'Facebook,Spam,Content Actioned,2023Q3,"1200000000"\n')
    ingest_file(empty_store, path, Meta(published=dt.date(2024, 2, 1)))
    a = answer("Facebook Content Actioned Fake Accounts 2023Q3", empty_store)
    assert a.status == "answer" and a.answer.value == 827_000_000, a.message
    assert answer("Facebook Content Appealed Fake Accounts 2023Q4", empty_store).answer is None
    assert answer("Facebook Content Appealed Spam 2023Q4", empty_store).answer.value == 3_800_000


def test_a_policy_name_in_two_policy_groups_answers_a_question_about_either(empty_store, tmp_path):
    """Meta's "Child Endangerment: Nudity and Physical Abuse" is child safety and nudity: a
    question about child nudity gets it, and one about child sexual exploitation gets "Child
    Endangerment: Sexual Exploitation"."""
    path = tmp_path / "meta.csv"
    path.write_text("app,policy_area,metric,period,value\n"
                    'Instagram,Child Endangerment: Sexual Exploitation,Proactive rate,2024Q2,96.40%\n'
                    'Instagram,Adult Nudity & Sexual Activity,Proactive rate,2024Q2,94.10%\n'
                    'Facebook,Child Endangerment: Nudity and Physical Abuse,Content Actioned,2024Q1,"771,700"\n'
                    'Facebook,Adult Nudity & Sexual Activity,Content Actioned,2024Q1,"39,400,000"\n')
    ingest_file(empty_store, path, Meta(published=dt.date(2024, 8, 1)))
    a = answer("ig child sexual exploitation proactive rate Q2 2024", empty_store)
    assert a.status == "answer" and a.answer.value == 96.4, a.message
    a = answer("how many pieces of FB child nudity / physical abuse content were actioned in Q1 '24", empty_store)
    assert a.status == "answer" and a.answer.value == 771_700, a.message


def test_a_subset_asked_is_answered_by_the_breakdown_that_is_it(empty_store, tmp_path):
    """"videos taken down by automated moderation": TikTok's "Total videos removed" broken down
    by task "Automation", not its proactive removal rates, which fit the words as well."""
    path = tmp_path / "tiktok.csv"
    path.write_text("Metric,Period type,Period,Policy type,Issue,Task type,Task,Location,Market,Result\n"
                    "Total videos removed,Quarterly,Jul-Sep 2023,All,All,All,All,All,All,136530418.0\n"
                    "Total videos removed,Quarterly,Jul-Sep 2023,All,All,task_type,Automation,All,All,88721552.0\n"
                    "Proactive removal rate,Quarterly,Jul-Sep 2023,Policy,Sexually Suggestive Content,All,All,All,All,0.954\n"
                    "Proactive removal rate,Quarterly,Jul-Sep 2023,Policy,Shocking & Graphic Content,All,All,All,All,0.984\n")
    ingest_file(empty_store, path, Meta(published=dt.date(2023, 12, 13)))
    a = answer("tiktok videos taken down by automated moderation Jul-Sep 2023", empty_store)
    assert a.status == "answer" and a.answer.value == 88_721_552 and a.answer.breakdown == "Automation", a.message
    assert answer("tiktok total videos removed Jul-Sep 2023", empty_store).answer.value == 136_530_418


def test_a_word_only_qualifying_a_named_subset_of_a_named_policy_does_not_block_the_row(empty_store):
    """"what % of FB terrorism content was *caught* proactively": the question names the
    policy and the subset (proactive), so the unknown "caught" costs a little, once."""
    ingest_file(empty_store, need(SAMPLES / "meta-community-standards-sample.csv"), Meta())
    a = answer("what % of FB terrorism content was caught proactively in the first quarter of 2018", empty_store)
    assert a.status == "answer" and a.answer.value == 99.5, a.message


def test_tiktok_real_snapshot(empty_store):
    path = need(TIKTOK / "tiktok-2022-q4.csv.gz")
    r = ingest_file(empty_store, path, Meta(published=dt.date(2023, 3, 1)))
    assert r.status == "added", r.message
    [fig] = figures(empty_store, platform="TikTok", metric="Removal rate within 24 hours", policy="Adult nudity and sexual activities",
                    location="", breakdown="", period_start=dt.date(2022, 7, 1))
    assert fig.value == 90.9 and fig.unit == "percent" and fig.citations[0].row == 3
    assert figures(empty_store, platform="TikTok", location="Brazil")
    vocab = empty_store.vocabulary()
    assert "TikTok" in vocab.platforms and "Brazil" in vocab.locations and "Removal rate within 24 hours" in vocab.metrics


def test_google_real_files(empty_store):
    paths = [need(GOOGLE / n) for n in ("google-content-removal-requests.csv.gz", "google-content-removal-requests-by-product.csv.gz",
                                        "google-content-removal-requests-by-product-and-reason.csv.gz")]
    report = ingest_paths(empty_store, paths, Meta(published=dt.date(2011, 12, 1)))
    assert not report.failed, [f.message for f in report.files]
    [de] = figures(empty_store, platform="Google", location="Germany", metric="items governments requested to be removed",
                   breakdown="", policy="all policies", period_end=dt.date(2010, 12, 31))
    assert de.value == 1932
    [am] = figures(empty_store, location="Armenia", metric="government content removal requests", period_end=dt.date(2009, 12, 31))
    assert am.value == 10 and am.citations[0].qualifier == "fewer than"
    assert not figures(empty_store, location="China", metric="government content removal requests",
                       period_end=dt.date(2009, 12, 31))  # "?": not disclosed, no figure
    a = answer("Armenia government content removal requests H2 2009", empty_store)
    assert a.status == "answer" and a.answer.qualifier == "fewer than" and a.message.startswith("fewer than 10")


def test_generic_layout(empty_store, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        "platform,metric,policy,value,unit,period_start,period_end,location,quote,title,publisher,url,published\n"
        "Reddit,content removed by admins,spam,\"1,234\",items,2022-01-01,2022-06-30,,\"Admins removed 1,234 items of spam.\",Reddit Transparency Report 2022,Reddit,https://example.org/r,2023-03-01\n"
        "Reddit,share of content removed proactively,spam,71.5%,percent,2022-01-01,2022-06-30,Germany,,Reddit Transparency Report 2022,Reddit,https://example.org/r,2023-03-01\n"
    )
    assert ingest_file(empty_store, path).status == "added"
    with empty_store.Session() as s:
        doc = s.scalar(select(Document))
        assert (doc.kind, doc.title, doc.publisher, doc.published) == ("generic", "Reddit Transparency Report 2022", "Reddit", dt.date(2023, 3, 1))
    [a] = figures(empty_store, metric="content removed by admins")
    assert (a.value, a.unit, a.period_label, a.citations[0].quote, a.citations[0].row) == (1234, "items", "H1 2022", "Admins removed 1,234 items of spam.", 2)
    [b] = figures(empty_store, location="Germany")
    assert (b.value, b.unit) == (71.5, "percent")
    assert "Reddit" in empty_store.vocabulary().platforms


def test_a_generic_quote_must_state_its_rows_value(empty_store, tmp_path):
    """A quote column is the sentence the figure comes from: one that does not state the
    row's number refuses the file, naming the line, and nothing is stored."""
    path = tmp_path / "figures.csv"
    path.write_text(
        "platform,metric,policy,value,unit,period_start,period_end,quote\n"
        "Reddit,content removed by admins,spam,1234,items,2022-01-01,2022-06-30,\"Admins removed 1,234 items.\"\n"
        "Reddit,content removed by admins,spam,99,items,2022-07-01,2022-12-31,Admins removed a lot of spam.\n"
    )
    r = ingest_file(empty_store, path)
    assert r.status == "failed" and "line 3" in r.message and "does not state its value" in r.message
    assert empty_store.queries.all_figures() == []


# --- refusals and re-ingest ------------------------------------------------------------------

def test_bad_header_is_refused_naming_file_and_line(empty_store, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("foo,bar\n1,2\n")
    r = ingest_file(empty_store, path)
    assert r.status == "failed" and str(path) in r.message and "line 1" in r.message
    assert counts(empty_store) == (0, 0, 0)


@pytest.mark.parametrize("bad_row, why", [
    ('Facebook,Spam,Content Actioned,2019Q1,"lots"\n', "not a number"),
    ("Facebook,Spam,Content Actioned,2019Q1\n", "expected 5 fields"),
    ("Facebook,Spam,Content Actioned,someday,5\n", "period"),
])
def test_bad_row_is_refused_naming_file_and_line_and_nothing_is_stored(empty_store, tmp_path, bad_row, why):
    good = tmp_path / "good.csv"
    good.write_text('app,policy_area,metric,period,value\nFacebook,Spam,Content Actioned,2018Q1,"5"\n')
    ingest_file(empty_store, good)
    before = counts(empty_store)
    path = tmp_path / "broken.csv"
    path.write_text('app,policy_area,metric,period,value\nFacebook,Spam,Content Actioned,2018Q2,"7"\n' + bad_row)
    r = ingest_file(empty_store, path)
    assert r.status == "failed" and str(path) in r.message and "line 3" in r.message and why in r.message, r.message
    assert counts(empty_store) == before


def test_reingesting_a_file_changes_nothing(empty_store):
    path = need(SAMPLES / "meta-community-standards-sample.csv")
    assert ingest_file(empty_store, path).status == "added"
    before = counts(empty_store)
    r = ingest_file(empty_store, path)
    assert r.status == "unchanged" and counts(empty_store) == before


# --- answers over CSV data -------------------------------------------------------------------

@pytest.fixture
def tables_store(store):
    paths = sorted(need(SAMPLES).glob("*.csv")) + [need(GOOGLE / "google-content-removal-requests.csv.gz")]
    report = ingest_paths(store, paths, Meta(published=dt.date(2024, 1, 1)))
    assert not report.failed, [f.message for f in report.files]
    return store


@pytest.mark.parametrize("question, value, unit", [
    ("facebook terrorism content actioned Q2 2018", 9_400_000, None),
    ("tiktok removal rate within 24h violent extremism Q3 2020", 90.4, "percent"),
    ("items governments asked Google to remove in Germany H2 2010", 1932, None),
    ("tiktok removal rate within 24 hours US Q3 2022", 88.0, "percent"),
    ("tiktok removal rate within 24 hours in Brazil Q3 2022", 94.4, "percent"),
    ("suspensions H2 2017", 274_460, "accounts"),  # prose still answers beside the tables
])
def test_csv_questions(tables_store, question, value, unit):
    a = answer(question, tables_store)
    assert a.status == "answer", a.message
    assert a.answer.value == value
    if unit:
        assert a.answer.unit == unit
    if a.answer.source.row:
        assert f"row {a.answer.source.row}" in a.message


def test_lower_case_us_is_not_a_country(tables_store):
    from bot.engine import reader

    assert reader(tables_store).read("tiktok removal rate within 24 hours for us Q3 2022").location is None
    assert reader(tables_store).read("tiktok removal rate within 24 hours US Q3 2022").location == "United States"


def test_a_table_and_an_article_naming_one_country_differently_answer_as_one_place(empty_store, tmp_path):
    """Google's and TikTok's downloads write "Turkey", "Russia", "Czech Republic" and, their commas
    dropped, "Moldova Republic of"; an article's figures are stored under the country's one name
    ("Türkiye"). Stored side by side, a question about Turkey is answered from both; a place no
    country has ("Kosovo") is kept as the table writes it."""
    table = tmp_path / "requests.csv"
    table.write_text(
        "platform,metric,policy,value,unit,period_start,period_end,location\n"
        "Twitter,removal requests,all,412,requests,2018-07-01,2018-12-31,Turkey\n"
        "Twitter,removal requests,all,88,requests,2018-07-01,2018-12-31,Moldova Republic of\n"
        "Twitter,removal requests,all,9,requests,2018-07-01,2018-12-31,Kosovo\n")
    article = tmp_path / "story.txt"
    article.write_text("In the second half of 2018, Twitter removed 355 tweets in Türkiye on the requests of its courts.\n",
                       encoding="utf-8")
    assert ingest_file(empty_store, table).status == "added"
    assert ingest_file(empty_store, article, Meta(published=dt.date(2019, 5, 9))).status == "added"
    assert {f.location for f in figures(empty_store)} == {"Türkiye", "Moldova", "Kosovo"}
    assert answer("how many removal requests did Twitter get from Turkey in H2 2018", empty_store).answer.value == 412
    assert answer("how many tweets did Twitter remove on Turkey's requests in the second half of 2018?",
                  empty_store).answer.value == 355
    assert answer("twitter removal requests moldova h2 2018", empty_store).answer.value == 88


def test_a_word_one_table_breaks_its_figures_down_by_is_an_ordinary_word_for_other_figures(store, tmp_path):
    """TikTok's tables break removals down by "Language: Arabic" and by "Human moderation"; a question
    about the Arabic Sputnik piece on Twitter's suspensions, which no figure broken down by Arabic
    answers, is answered from the articles as if the word were any other."""
    table = tmp_path / "tiktok-languages.csv"
    table.write_text("platform,metric,policy,value,unit,period_start,period_end,breakdown\n"
                     "TikTok,videos removed,all policies,41000,videos,2022-01-01,2022-03-31,Language: Arabic\n"
                     "TikTok,videos removed,all policies,92000,videos,2022-01-01,2022-03-31,Human moderation\n")
    assert ingest_file(store, table).status == "added"
    a = answer("the Arabic Sputnik piece on twitter - how many terror accounts were suspended in the back half of 2017?", store)
    assert a.status == "answer" and a.answer.value == 274_460, a.message
    assert answer("tiktok arabic videos removed q1 2022", store).answer.value == 41_000  # the breakdown, where it is one


def test_a_countrys_people_named_with_an_accent_less_adjective_are_its_people(store):
    """"the Turkish government": Türkiye's, whose English name starts with no "Turk" but whose
    accent-less one does; with no figure stored for Türkiye in 2016, no number (not Google's
    requests from everywhere)."""
    from store.vocabulary import country_of_people

    assert country_of_people("Turkish") == "Türkiye"
    a = answer("How many content removal requests did the Turkish government send Twitter in H2 2017?", store)
    assert a.answer is None, a.message


def test_a_figure_named_as_well_as_the_last_read_is_read_too_whatever_order_it_was_stored_in(empty_store, tmp_path):
    """Sixty monthly rows of one name, and one more under the same name whose quote says what the
    question asks ("per Generation-NT"): named alike, the rows before it filled the figures read
    with their sources, and the one that answers was never read."""
    rows = [f"Instagram,proactive detection rate,terrorism,{90 + (m % 9) / 10:.1f},percent,"
            f"{2010 + m // 12}-{m % 12 + 1:02d}-01,{2010 + m // 12}-{m % 12 + 1:02d}-28,\n" for m in range(60)]
    table = tmp_path / "rates.csv"
    table.write_text("platform,metric,policy,value,unit,period_start,period_end,quote\n" + "".join(rows)
                     + "Instagram,proactive detection rate,terrorism,92.3,percent,2009-12-01,2009-12-31,"
                       "\"Generation-NT reports a proactive detection rate of 92.3% for terrorist propaganda.\"\n")
    assert ingest_file(empty_store, table).status == "added"
    a = answer("proactive detection rate for terrorist propaganda on instagram per generation-nt", empty_store)
    assert a.status == "answer" and a.answer.value == 92.3, a.message
