"""Questions as analysts type them and documents as they come (issue 7's classes), each with a
small document written here to state exactly one thing: abbreviations and typos, period
phrasing, the kind of number asked, negation and scope, a subject in one sentence and its
breakdown in the next, table-like lines, numbers stated for a country, documents with no date
and documents in other languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.engine import CANDIDATE_LIMIT, _bare, answer, reader
from store.db import Store
from store.ingest import Meta, ingest_file
from store.numbers import find_quantities
from store.periods import find_periods
from store.vocabulary import ALL_POLICIES, countries_in, country_in, describe, places_in, platforms_in

D = dt.date


def doc(store, tmp_path, name: str, text: str, **meta) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = ingest_file(store, path, Meta(**meta))
    assert result.status == "added", result.message


def stored(store) -> dict[float, object]:
    """Every stored figure by its value (each test's documents state a value once)."""
    return {f.value: f for f in store.queries.figures(["1=1"], {})}


def dates(figure) -> tuple:
    """A stored figure's period, first and last day."""
    return figure.period_start, figure.period_end


def answered(store, question: str) -> float:
    """The number a question gets (the test fails with the reply when it gets none)."""
    a = answer(question, store)
    assert a.status == "answer" and a.answer is not None, a.message
    return a.answer.value


# --- questions ------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "twtr susp h2 2017", "twitter terror accts suspended 2h17", "tweeter suspnsions H2 2017",
])
def test_abbreviations_and_typos_are_read(seeded_sqlite, question):
    assert answered(seeded_sqlite, question) == 274460


def test_a_number_a_question_gives_while_asking_for_another_is_not_the_answer(empty_store, tmp_path):
    doc(empty_store, tmp_path, "xbox.txt",
        "Xbox published its first transparency report for the first half of 2022. Some 4.33 million of the 4.78 "
        "million enforcements concerned cheating or inauthentic accounts.", published=D(2022, 11, 14))
    assert answered(empty_store, "of xbox's 4.78M enforcements in H1 2022, how many concerned cheating or "
                                 "inauthentic accounts") == 4.33e6
    assert answered(empty_store, "is it true xbox had 4.78 million enforcements in H1 2022") == 4.78e6  # to confirm


def test_what_happened_around_a_number_is_not_the_kind_asked(empty_store, tmp_path):
    # "fell under hateful conduct" is a category, not a fall; "before it rose in Q2" tells when
    doc(empty_store, tmp_path, "x.txt",
        "In the first half of 2024, X removed or labeled 10.6 million posts; about 5 million were under its "
        "hateful conduct policy.", published=D(2024, 9, 26))
    doc(empty_store, tmp_path, "ig.txt",
        "The detection rate for hate speech on Instagram increased from 45% in the first quarter of 2020 to 84% in "
        "the second.", published=D(2020, 8, 12))
    assert answered(empty_store, "of the posts X removed or labeled in H1 2024, how many fell under hateful "
                                 "conduct?") == 5e6
    assert answered(empty_store, "what was instagram's hate speech detection rate in Q1 2020, before it rose in "
                                 "Q2") == 45
    assert describe("how much did removals drop after the policy change").kind == "change"
    assert describe("by what percent did reports fall in the second half of 2017").kind == "change"  # a time, not a category
    # "fell from 0.06% to what": the level it came to, not by how much
    doc(empty_store, tmp_path, "fb.txt", "In the second quarter of 2021, the prevalence of hate speech on Facebook was "
        "0.05%, down from 0.06% in the first quarter.", published=D(2021, 8, 18))
    assert answered(empty_store, "Facebook hate speech prevalence fell from 0.06% to what in Q2 2021?") == 0.05
    assert describe("Facebook hate speech prevalence fell from 0.06% to what in Q2 2021?").kind == "percent"
    assert describe("by how much did removals fall from 2019 to 2020").kind == "change"


def test_a_common_word_is_no_policy_cut_short(empty_store):
    r = reader(empty_store)
    assert r.read("how many posts fell under hateful conduct").features.policies == {"hate speech"}  # not "underage"
    assert r.read("tiktok covid misinfo removals").features.policies == {"misinformation"}  # "misinfo" is cut short


def test_how_many_counts_what_it_names(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "In the first half of 2020, TikTok received 1,768 requests for user information from 42 countries/markets.",
        published=D(2020, 9, 22))
    assert answered(empty_store, "those h1 2020 tiktok user-info requests came from how many countries/markets?") == 42
    assert answered(empty_store, "how many user information requests did tiktok get in h1 2020") == 1768


def test_a_real_word_is_never_corrected_into_another(seeded_sqlite):
    r = reader(seeded_sqlite)
    assert r.correct("boats") == "boats"  # not "bots" (and so spam)
    assert r.correct("excluding") == "excluding"  # not "including"
    assert answer("how many boats did twitter suspend in H2 2017", seeded_sqlite).answer is None


def test_a_policy_cut_short_is_that_policy(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok removed 104,543,719 videos in the first half of 2020 for violating its Community Guidelines.",
        published=D(2020, 9, 22))
    a = answer("tiktok covid misinfo vids removed h1 2020", empty_store)  # all policies is no count of misinformation
    assert a.answer is None, a.message
    assert reader(empty_store).read("ig harass reports q1").features.policies == {"harassment"}


def test_a_real_word_is_not_read_as_an_abbreviation(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt", "In May 2023 YouTube received 1,122 grievances from users in India and "
        "removed 2,000 videos and 300 accounts.", published=D(2023, 6, 30))
    r = reader(empty_store)
    assert r.correct("gives") == "gives"  # not "grievances": an abbreviation drops vowels
    assert (r.correct("accts"), r.correct("vids")) == ("accounts", "videos")


def test_a_word_the_reader_does_not_know_is_corrected_only_into_one_it_reads(empty_store, tmp_path):
    """"spanned" is one letter from "spannend", a German word a stored story uses: that is no typo
    of it. A typo is corrected into a word the reader understands: of its lexicon ("suspnded":
    suspended), of the periods it reads ("midle": middle), a platform's name ("twiter")."""
    doc(empty_store, tmp_path, "de.txt", "Spannend: Telegram sperrte im Januar 2016 insgesamt 3.044 Kanäle.",
        published=D(2016, 2, 1))
    doc(empty_store, tmp_path, "en.txt", "After the Paris attacks, Telegram blocked 78 ISIS-related channels "
        "in 12 languages.", published=D(2015, 11, 19))
    r = reader(empty_store)
    assert "spannend" in r.known and r.correct("spanned") == "spanned"
    assert (r.correct("suspnded"), r.correct("midle"), r.correct("twiter")) == ("suspended", "middle", "twitter")
    assert answered(empty_store, "the ISIS channels Telegram blocked after the Paris attacks spanned how many languages?") == 12


def test_a_common_english_word_is_no_typo_nor_an_abbreviation(empty_store, tmp_path):
    """"math" is one letter from Match Group's name, "drew" from the German "drei", "sale" from
    "same", "copy" the start of "copyright": each is a word of its own. Misspellings and this
    field's shorthand are still read."""
    doc(empty_store, tmp_path, "match.txt", "Match Group removed 44,000 accounts for copyright violations "
        "in 2021.", published=D(2022, 3, 1))
    r = reader(empty_store)
    for word in ("math", "drew", "sale", "copy", "table", "chile"):
        assert r.correct(word) == word, word
    assert [r.correct(w) for w in ("twiter", "suspnded", "accts", "govt", "copyrigt")] == \
        ["twitter", "suspended", "accounts", "government", "copyright"]


@pytest.mark.parametrize("question,why", [
    ("How many accounts were not suspended in H2 2017?", "not counted"),
    ("twitter suspensions excluding terrorism H2 2017", "leaves something out"),
    ("accounts Twitter didn't suspend in H2 2017", "not counted"),
    ("twitter suspensions before H2 2017", "before or after"),
    ("Twitter and Facebook suspensions H2 2017", "several platforms"),
])
def test_negated_excluded_and_joined_questions_get_no_number_and_say_why(seeded_sqlite, question, why):
    a = answer(question, seeded_sqlite)
    assert a.status == "no_answer" and a.answer is None
    assert why in a.message


@pytest.mark.parametrize("question,value", [
    ("Facebook hate speech removals in Q1 2021, excluding the Instagram number", 25.2e6),
    ("Instagram only, not Facebook: how much hate speech was removed in Q1 2021?", 6.3e6),
    ("Twitter removal requests from Russia in H2 2018 - Russia, not Turkey", 4_000),
    ("twitter content removal requests h2 2018 (worldwide, not just Turkey)", 8_000),
    ("twitter removal requests excluding Turkey h2 2018", None),  # the world less a country: no figure is that
    ("how many hate speech posts did facebook remove in Q1 2021, excluding terrorism", None),
])
def test_another_platform_or_place_set_aside_is_no_complement(empty_store, tmp_path, question, value):
    """"excluding the Instagram number", "not Facebook", "not Turkey": another platform or place than the
    one asked about, named to set it aside; "not just Turkey" asks for more than Turkey. Leaving out a
    part of what is asked (a place of the world asked, a policy) still gets no number."""
    doc(empty_store, tmp_path, "meta.txt", "In the first quarter of 2021, Facebook removed 25.2 million pieces of hate "
        "speech content. In the first quarter of 2021, Instagram removed 6.3 million pieces of hate speech content.",
        published=D(2021, 5, 19))
    doc(empty_store, tmp_path, "tw.txt", "In the second half of 2018, Twitter received 8,000 content removal requests "
        "worldwide. Turkey sent 3,000 removal requests in the second half of 2018. Russia sent 4,000 removal requests "
        "in the second half of 2018.", published=D(2019, 5, 9))
    a = answer(question, empty_store)
    assert (a.answer.value if a.answer else None) == value, a.message


@pytest.mark.parametrize("question,value", [
    ("x violent content posts actioned h1 2024 (posts, not user reports)", 2.2e6),
    ("violent content user reports to X h1 2024 (reports count, not removed posts)", 40e6),
])
def test_what_a_question_sets_aside_is_neither_asked_nor_a_negation(empty_store, tmp_path, question, value):
    doc(empty_store, tmp_path, "x.txt",
        "In the first half of 2024, X received 40 million user reports of violent content. "
        "X removed or labeled 2.2 million posts for violent content in the first half of 2024.",
        published=D(2024, 9, 26))
    assert answered(empty_store, question) == value


def test_the_name_of_a_report_says_where_not_what(empty_store, tmp_path):
    """"according to its third Community Standards Enforcement Report": no communities and no
    enforcement are asked about."""
    doc(empty_store, tmp_path, "fb.txt",
        "Facebook removed 2.19 billion fake accounts in the first quarter of 2019, up from 1.2 billion in the fourth "
        "quarter of 2018. It also took down 4 million hate speech posts.", published=D(2019, 5, 23))
    assert answered(empty_store, "How many fake accounts did Facebook remove in Q1 2019, according to its third "
                                 "Community Standards Enforcement Report?") == 2_190_000_000


def test_a_word_the_lexicon_does_not_know_qualifies_what_the_question_names_but_is_never_what_is_counted(
        empty_store, tmp_path):
    """"accounts closed for *glorifying* terrorism" is still about accounts closed for terrorism:
    the unknown word lowers the answer's score, it does not veto it. Where it may be what is
    counted or why ("for knitting", "terrorist pizzas"), a figure of something else is no answer."""
    doc(empty_store, tmp_path, "linfo.txt",
        "Twitter a fermé 376 890 comptes pour apologie du terrorisme au cours des six derniers mois.\n")
    assert answered(empty_store, "twitter accounts closed for glorifying terrorism") == 376_890
    for question in ("twitter accounts closed for knitting", "how many terrorist pizzas did twitter close"):
        assert answer(question, empty_store).answer is None, question


def test_what_was_done_to_what_is_counted_is_part_of_what_is_asked(empty_store, tmp_path):
    """"How many appeals were *rejected*": the count of appeals is no answer, unless a source
    says rejected."""
    doc(empty_store, tmp_path, "xbox.txt",
        "Out of more than 151,000 Xbox case appeals in the first half of 2022, about 9,250 led to reinstatements.\n",
        published=D(2022, 11, 15))
    assert answered(empty_store, "How many Xbox case appeals were there in the first half of 2022?") == 151_000
    assert answer("How many Xbox case appeals were rejected in the first half of 2022?", empty_store).answer is None


def test_a_policy_written_with_a_hyphen_is_that_policy(empty_store, tmp_path):
    doc(empty_store, tmp_path, "ig.txt",
        "Between April and June 2019, Instagram removed 835,000 pieces of self harm content and 1.2 million pieces "
        "of content in all.\n", published=D(2019, 11, 13))
    assert answered(empty_store, "instagram self-harm content removed q2 2019") == 835_000
    assert describe("4.1 million child-safety videos were taken-down").policies == {"child safety"}
    assert describe("4.1 million child-safety videos were taken-down").actions == {"suspended"}


@pytest.mark.parametrize("question,label", [("snap india spam reports feb 22", "Feb 2022"),
                                            ("snap india terrorism acct deletions sep 21", "Sep 2021"),
                                            ("twitter suspensions dec '17", "Dec 2017")])
def test_a_month_and_two_digits_in_a_question_is_that_month_of_that_year(seeded_sqlite, question, label):
    assert reader(seeded_sqlite).read(question).period.label == label


def test_a_day_of_a_dated_range_is_not_read_as_a_year(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt",
        "Over 2mn Indian accounts were banned by WhatsApp between May 15 to June 15 using the Indian country "
        "code identifier.\n", published=D(2021, 7, 3))
    for question in ("whatsapp india accts banned may 15 - jun 15 2021",
                     "how many accounts did WhatsApp ban in India between May 15 and June 15, 2021?"):
        assert reader(empty_store).read(question).period.label == "15 May 2021 – 15 Jun 2021", question
        assert answered(empty_store, question) == 2_000_000, question


def test_what_a_question_asks_is_read_in_whole_words_whatever_place_it_names(seeded_sqlite):
    """"india" blanked out of the question must not shift what is read after it ("accounts"
    read as "unt")."""
    q = reader(seeded_sqlite).read("how many terrorism accounts did snap delete in india in sep 2021")
    assert q.location == "India" and q.core == reader(seeded_sqlite).read(
        "how many terrorism accounts did snap delete in sep 2021").core


@pytest.mark.parametrize("question", ["suspensions 2017Q5", "suspensions H2 1850", "suspensions 31/02/2017",
                                      "twitter suspensions since Feb 29 2017"])
def test_a_period_that_cannot_exist_gets_no_number_from_another(seeded_sqlite, question):
    a = answer(question, seeded_sqlite)
    assert a.status == "no_answer" and a.answer is None and "not a period that exists" in a.message


def test_an_action_no_figure_counts_is_not_answered_with_another(seeded_sqlite):
    assert answer("how many did Twitter verify in H2 2017", seeded_sqlite).answer is None


def test_a_clarification_with_not_is_no_negation(seeded_sqlite):
    assert answered(seeded_sqlite, "how many accounts did twitter suspend in H2 2017 (the count, not the %)") == 274460


@pytest.mark.parametrize("text,label", [
    ("second semester of 2017", "H2 2017"), ("the back half of 2018", "H2 2018"), ("late 2017", "H2 2017"),
    ("the first three months of 2023", "Q1 2023"), ("the three months to September 2019", "Q3 2019"),
    ("first quarter 2024", "Q1 2024"), ("deuxième semestre 2017", "H2 2017"),
    ("im zweiten Quartal 2020", "Q2 2020"), ("primer semestre de 2020", "H1 2020"),
    # Indonesian puts the part before its ordinal
    ("pada paruh pertama tahun 2024", "H1 2024"), ("kuartal ketiga 2023", "Q3 2023"),
    ("antara Januari dan Juni 2024", "H1 2024"),
    # a quarter named by the month it ends
    ("in the September 2021 quarter", "Q3 2021"), ("the quarter ended June 2020", "Q2 2020"),
    ("the December quarter of 2019", "Q4 2019"), ("the six months ended June 30, 2021", "H1 2021"),
    # a part of a year counted in months, or the opening one
    ("the first month of 2022", "Jan 2022"), ("the last month of 2019", "Dec 2019"),
    ("the first two months of 2020", "Jan–Feb 2020"), ("the opening quarter of 2020", "Q1 2020"),
    ("the first quarter of the year 2020", "Q1 2020"),
    # months named as a period of their year
    ("during the October-December period of 2023", "Q4 2023"), ("the July–September quarter of 2020", "Q3 2020"),
    ("Vom 1. Januar 2020 bis zum 30. Juni 2020", "H1 2020"),
    # days of one month
    ("the month of December (December 1-31, 2021)", "Dec 2021"), ("from 1 to 31 December 2021", "Dec 2021"),
    ("between October 1 to October 31, 2021", "Oct 2021"), ("Jan 1-15, 2020", "1 Jan 2020 – 15 Jan 2020"),
])
def test_period_phrasing(text, label):
    (m,) = [m for m in find_periods(text) if m.period]
    assert m.period.label == label


@pytest.mark.parametrize("question,label", [
    ("ig hate speech detection rate as of end of 2019 (oct-dec)", "Q4 2019"), ("fb removals 2020 jan-mar", "Q1 2020"),
    ("fb removals q4, 2019", "Q4 2019"), ("fb removals in 2019 during the fourth quarter", "Q4 2019"),
    ("fb removals 2019 second half", "H2 2019"), ("fb removals 2019", "2019"),
])
def test_a_part_of_the_year_asked_with_its_year_apart_is_that_part(seeded_sqlite, question, label):
    assert reader(seeded_sqlite).read(question).period.label == label


@pytest.mark.parametrize("question,label", [
    ("fb accounts disabled in the quarter before q1 2019", "Q4 2018"), ("fb removals the half after H1 2020", "H2 2020"),
    ("fb removals in the year before 2019", "2018"), ("fb accounts removed in the six months prior to H2 2017", "H1 2017"),
])
def test_a_period_named_by_the_one_next_to_it_is_that_period(seeded_sqlite, question, label):
    q = reader(seeded_sqlite).read(question)
    assert (q.period.label, q.scope) == (label, None)
    assert "six" not in q.asked  # the length is the period's, not something asked


def test_the_quarter_before_a_quarter_is_answered_and_before_a_period_alone_is_not(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fb.txt", "Facebook disabled 1.2 billion accounts in the fourth quarter of 2018 "
        "and 2.2 billion accounts in the first quarter of 2019.", published=D(2019, 5, 23))
    assert answered(empty_store, "how many accounts did facebook disable in the quarter before q1 2019") == 1.2e9
    assert answer("how many accounts did facebook disable before q1 2019", empty_store).answer is None


def test_periods_without_a_year_are_placed_by_the_publication_date_only():
    published = D(2019, 11, 14)
    got = {t: find_periods(t, published)[0].period.label for t in
           ("between April and September", "in the third quarter of this year", "the September quarter",
            "Between January and March of this year")}
    assert got == {"between April and September": "Apr–Sep 2019", "in the third quarter of this year": "Q3 2019",
                   "the September quarter": "Q3 2019", "Between January and March of this year": "Q1 2019"}
    # no date: no period, but a period's words all the same (not numbers)
    assert [(m.kind, m.period) for m in find_periods("between April and September")] == [("yearless", None)]


def test_months_without_a_year_that_run_over_a_new_year_end_in_the_latest_year_they_can():
    got = [m.period.label for t in ("removed 3 billion fake accounts from October to March", "d’octobre à mars")
           for m in find_periods(t, D(2019, 5, 28)) if m.period]
    assert got == ["Oct 2018 – Mar 2019", "Oct 2018 – Mar 2019"]
    assert [m.period.label for m in find_periods("from October to March", D(2019, 2, 1))] == ["Oct 2017 – Mar 2018"]


def test_months_to_a_month_without_a_year_are_the_latest_such_that_had_ended():
    published = D(2018, 5, 16)
    got = {t: [m.period.label for m in find_periods(t, published) if m.period] for t in
           ("during the six months ending in March", "in the three months to September", "the three months ended June")}
    assert got == {"during the six months ending in March": ["Oct 2017 – Mar 2018"],
                   "in the three months to September": ["Q3 2017"], "the three months ended June": ["Q2 2017"]}
    assert [m.kind for m in find_periods("the six months ending in March")] == ["yearless"]  # no date: no year


def test_a_total_for_the_year_is_of_the_whole_year():
    text = ("24.4 billion chat messages were sent on Twitch in the first half of the year alone, 32.6 billion in the "
            "second half, for a total of 57 billion messages for the year.")
    assert [m.period.label for m in find_periods(text, D(2021, 3, 3)) if m.period] == ["H1 2020", "H2 2020", "2020"]
    assert [m.kind for m in find_periods("57 billion messages for the year")] == ["yearless"]


def test_last_year_and_this_year_in_other_languages_count_from_the_date():
    published = D(2023, 4, 12)
    got = {t: [m.period.label for m in find_periods(t, published) if m.period] for t in
           ("Im Vorjahr wurden 19,65 Millionen Videos gelöscht", "im vergangenen Jahr entfernt",
            "l’an dernier", "el año pasado", "no ano passado", "cette année")}
    assert got == {"Im Vorjahr wurden 19,65 Millionen Videos gelöscht": ["2022"], "im vergangenen Jahr entfernt": ["2022"],
                   "l’an dernier": ["2022"], "el año pasado": ["2022"], "no ano passado": ["2022"],
                   "cette année": ["2023"]}
    assert [m.kind for m in find_periods("im vergangenen Jahr")] == ["relative"]  # no date: no year
    # "of this year" after months without their year is those months' year, not the whole year
    spanish = "entre el 1 de enero y el 30 de junio de este año"
    assert [m.period.label for m in find_periods(spanish, D(2020, 9, 22)) if m.period] != ["2020"]


def test_so_far_this_year_runs_from_january_to_the_date_and_last_year_is_the_same_stretch(empty_store, tmp_path):
    text = ("Facebook a affirmé mercredi avoir supprimé 5,4 milliards de faux comptes d’utilisateurs depuis le début "
            "de l’année, contre 2,1 milliards l’année dernière à la même période.\n\n"
            "YouTube removed 3 million channels so far this year.")
    doc(empty_store, tmp_path, "fb.txt", text, published=D(2019, 11, 13))
    got = {f.value: f.period_label for f in empty_store.queries.all_figures()}
    assert got == {5.4e9: "since Jan 2019 (to 13 Nov 2019)", 2.1e9: "Jan–Nov 2018", 3e6: "since Jan 2019 (to 13 Nov 2019)"}
    assert answer("facebook fake accounts removed in 2018", empty_store).answer is None  # not the whole year
    assert [m.kind for m in find_periods("since the start of the year")] == ["yearless"]  # no date: no year


def test_what_an_article_in_another_language_counts_is_asked_in_english(empty_store, tmp_path):
    """Restored, appealed, active users, reports, accounts blocked, removed for a policy: said in
    German, Portuguese, Indonesian, French or Italian, they answer the English question (the
    lexicon's families in eight languages: store/lexicon_languages.json)."""
    doc(empty_store, tmp_path, "mixed.txt",
        "Nur 23.471 Videos wurden von YouTube zwischen Oktober und November 2019 anschließend wiederhergestellt.\n\n"
        "Na última metade de 2020, restabelecemos 2.927.391 vídeos do TikTok depois de terem sido contestados.\n\n"
        "Pada tahun 2021, Twitter menerima 11,6 juta laporan dan memblokir 1,3 juta akun.\n\n"
        "Facebook revendique 2,38 milliards d'utilisateurs actifs par mois au premier trimestre 2019.\n\n"
        "Nel secondo trimestre del 2021 Facebook ha rimosso 31,5 milioni di contenuti di incitamento all'odio.\n\n"
        "Pada paruh pertama tahun 2021, X hanya mengambil tindakan terhadap 2.361 akun untuk ujaran kebencian.\n",
        published=D(2021, 10, 14))
    assert answered(empty_store, "how many youtube videos were reinstated oct-nov 2019") == 23_471
    assert answered(empty_store, "tiktok videos restored h2 2020") == 2_927_391
    assert answered(empty_store, "twitter accounts blocked 2021") == 1_300_000
    assert answered(empty_store, "twitter reports 2021") == 11_600_000
    assert answered(empty_store, "fb monthly active users q1 2019") == 2_380_000_000
    assert answered(empty_store, "facebook hate speech removed q2 2021") == 31_500_000
    assert answered(empty_store, "x accounts actioned for hate speech h1 2021") == 2_361
    assert {stored(empty_store)[v].policy for v in (31_500_000, 2_361)} == {"hate speech"}


def test_a_subset_asked_is_found_a_little_less_in_what_it_is_a_subset_of(empty_store, tmp_path):
    """"user reports" acted on: a sentence saying "reports" says it (the lexicon's subsets by
    the things their names say they are of)."""
    doc(empty_store, tmp_path, "discord.txt", "Discord said they acted on 24% of reports from January to March "
        "and 22% from April to June 2022.", published=D(2022, 9, 1))
    assert answered(empty_store, "share of user reports Discord acted on, Apr–Jun 2022") == 22


def test_a_word_of_another_language_is_never_what_an_english_typo_is_corrected_to(store):
    """\"frist\" is \"first\", not the German \"freigeschaltet\"; \"reactive\" is no restoration
    (the Spanish \"reactivado\")."""
    from bot.engine import reader
    from bot.understanding import terms

    assert reader(store).correct("frist") != "freigeschaltet"
    assert "=restored" not in terms("2.24 million reactive enforcements")
    assert "=suspended" in terms("i video rimossi")  # its own forms are read


def test_a_multiple_is_stated_against_the_period_it_compares_with(empty_store, tmp_path):
    """"Twice as many as the previous six months", "5x more ... than in 2018": a multiple, of its
    period, compared with the one it names; asked "how many times more", never a count."""
    doc(empty_store, tmp_path, "multiples.txt",
        "Facebook removed more than 3 billion fake accounts from October to March, twice as many as the previous "
        "six months.\n\nIn 2019 Reddit removed about 5x more content for copyright infringement than in 2018.\n\n"
        "Facebook removed or put a warning screen in front of 3.4 million pieces of graphic violence content in the "
        "first quarter of 2018, nearly triple the 1.2 million a quarter earlier.\n", published=D(2019, 5, 24))
    a = answer("how many times more fake accounts did facebook remove in Oct 2018–Mar 2019 than in the six months before?",
               empty_store)
    assert a.status == "answer" and a.answer.value == 2 and a.answer.compared_with == "Apr–Sep 2018", a.message
    assert "2×" in a.message
    a = answer("by what factor did reddit copyright removals grow in 2019", empty_store)
    assert a.status == "answer" and a.answer.value == 5 and a.answer.compared_with == "2018", a.message
    assert answered(empty_store, "facebook fake accounts removed oct 2018-mar 2019") == 3_000_000_000
    assert answer("how many pieces of content did reddit remove for copyright in 2019", empty_store).answer is None
    # the number a multiple is of keeps what it counts
    assert answered(empty_store, "facebook graphic violence content removed q4 2017") == 1_200_000


def test_an_earlier_value_is_of_the_period_before_the_one_the_sentence_before_states(empty_store, tmp_path):
    """"In the second quarter of 2020, ... Its detection rate increased from 45% to 84%": 45% is
    of the first quarter, though the story is mostly about the third."""
    doc(empty_store, tmp_path, "ig.txt",
        "In the third quarter of 2020, Facebook removed 22.1 million pieces of hate speech. In the third quarter of "
        "2020, Instagram removed 6.5 million pieces of hate speech.\n\nIn the second quarter of 2020, Instagram took "
        "action on 3.3 million pieces of hate speech content. Its detection rate for hate speech increased from 45% "
        "to 84%.\n", published=D(2020, 11, 19))
    got = {f.value: f.period_label for f in empty_store.queries.all_figures() if f.unit == "percent"}
    assert got == {45: "Q1 2020", 84: "Q2 2020"}


def test_a_period_past_a_comma_that_leads_the_next_number_is_that_numbers(empty_store, tmp_path):
    """Each number led by its own period, in one sentence ("Von Januar bis März wurden 1.054.358
    Accounts gesperrt, im Zeitraum zwischen April und Juni ... 767.363"; "2022'nin ilk 6 ayında 1,6
    milyon hesap askıya alınmış, 2024'ün aynı döneminde ise bu rakam 5,3 milyona çıkmıştı"). A period
    after a number with no comma between is still its own ("5 million videos in Q4 and 3 million")."""
    doc(empty_store, tmp_path, "de.txt", "Discord hat im ersten Halbjahr 2022 mehr als 55 Millionen Accounts gesperrt. "
        "Von Januar bis März(öffnet im neuen Fenster) wurden 1.054.358 Accounts gesperrt, im Zeitraum zwischen April "
        "und Juni(öffnet im neuen Fenster) ging die Zahl mit 767.363 deutlich zurück.\n")
    doc(empty_store, tmp_path, "tr.txt", "X'in şeffaflık raporu: 2022'nin ilk 6 ayında 1,6 milyon hesap askıya alınmış, "
        "2024'ün aynı döneminde ise bu rakam 5,3 milyona çıkmıştı.\n")
    doc(empty_store, tmp_path, "yt.txt", "In 2019, YouTube removed 5 million videos in Q4 and 3 million channels.\n")
    s = stored(empty_store)
    assert dates(s[1_054_358]) == (D(2022, 1, 1), D(2022, 3, 31))
    assert dates(s[767_363]) == (D(2022, 4, 1), D(2022, 6, 30))
    assert dates(s[1_600_000]) == (D(2022, 1, 1), D(2022, 6, 30))
    assert dates(s[5_000_000]) == (D(2019, 10, 1), D(2019, 12, 31))


def test_a_headline_that_rounds_its_text_answers_with_the_texts_number(empty_store, tmp_path):
    """"YouTube ha eliminato oltre 2 milioni di canali" above "1,975 milioni di canali ... nel primo
    trimestre del 2020": one fact, rounded in the headline; the exact number answers. Two sources
    as precise that disagree stay two."""
    doc(empty_store, tmp_path, "it.txt", "YouTube ha eliminato oltre 2 milioni di canali\n\nIn un resoconto pubblicato "
        "recentemente, YouTube ha annunciato di aver rimosso 1,975 milioni di canali solo nel primo trimestre del 2020.\n",
        published=D(2020, 9, 1))
    a = answer("yt channels removed q1 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 1_975_000, a.message
    doc(empty_store, tmp_path, "a.txt", "X suspended 5.3 million accounts in the first half of 2024.", published=D(2024, 9, 26))
    doc(empty_store, tmp_path, "b.txt", "X suspended 5.2 million accounts in the first half of 2024.", published=D(2024, 9, 27))
    assert answer("x accts suspended h1 2024", empty_store).status == "ambiguous"


def test_a_headline_count_its_text_states_exactly_is_of_the_texts_period(empty_store, tmp_path):
    """Adweek's headline rounds the cumulative count its text states (Aug 2015 to Dec 2016); it is no
    figure of the half-year the report is of, where it would tie with that half-year's own count."""
    doc(empty_store, tmp_path, "adweek.txt", "Twitter Just Suspended More Than 600,000 Accounts for ‘Promotion of "
        "Terrorism’\n\nTwitter revealed in its Twitter Transparency Report for the second half of 2016 that it "
        "suspended 636,248 accounts from Aug. 1, 2015, through Dec. 31, 2016, for violations related to promotion of "
        "terrorism.\n", published=D(2017, 3, 21))
    doc(empty_store, tmp_path, "gestion.txt", "Twitter suspendió 376.890 cuentas por promover el terrorismo en el "
        "segundo semestre de 2016.", published=D(2017, 3, 22))
    assert dates(stored(empty_store)[600_000]) == (D(2015, 8, 1), D(2016, 12, 31))
    assert answered(empty_store, "How many accounts did Twitter suspend for promoting terrorism in H2 2016?") == 376_890


@pytest.mark.parametrize("question", [
    "How much lower were WhatsApp's India account bans in October 2022 than in September 2022, in percent?",
    "how much lower were whatsapp india bans in oct 2022 than in sept, in %",
    "By what percent did WhatsApp's India bans fall in October 2022?",
])
def test_how_much_lower_or_higher_asks_for_a_change_however_it_is_measured(empty_store, tmp_path, question):
    """"How much lower ... than ..., in percent" is the change, not a share of something."""
    doc(empty_store, tmp_path, "wa.txt", "WhatsApp banned 23 lakh accounts in India in October 2022. The number of "
        "accounts blocked in October was about 13 per cent less than the 26.85 lakh accounts the messaging platform "
        "banned in September.", published=D(2022, 12, 1))
    assert answered(empty_store, question) == -13


def test_a_count_said_per_a_unit_of_time_answers_for_that_rate_only(empty_store, tmp_path):
    """"WhatsApp bans about 8 million accounts a month": a count stated as a rate answers "how many
    ... per month on average", not "per day"; "within a day" is how soon, not a rate."""
    doc(empty_store, tmp_path, "wa.txt", "Globally, WhatsApp bans about 8 million accounts a month for abuse of its "
        "platform. In India, WhatsApp banned 2 million accounts in May 2021.", published=D(2021, 7, 1))
    assert answered(empty_store, "average whatsapp accounts banned worldwide per month") == 8_000_000
    assert answer("how many whatsapp accounts are banned per day", empty_store).answer is None
    assert describe("what % of improper accounts does match catch within a day").kind == "percent"


def test_a_number_of_two_services_of_one_company_together_is_the_companys(empty_store, tmp_path):
    """"फेसबुक और इंस्टाग्राम ने ... कुल 27 मिलियन पोस्ट डिलीट किए" (Facebook and Instagram deleted 27 million
    posts in all): Meta's number. One service named beside its company ("On Instagram, we removed 3.3
    million ...," Meta said) is that service's."""
    doc(empty_store, tmp_path, "hi.txt", "फेसबुक और इंस्टाग्राम ने जुलाई 2022 में भारत में कुल 27 मिलियन पोस्ट डिलीट किए हैं।\n",
        published=D(2022, 9, 2))
    doc(empty_store, tmp_path, "pt.txt", "Facebook e Instagram removeram 20 milhões de conteúdos no segundo trimestre de "
        "2021.\n", published=D(2021, 8, 19))
    doc(empty_store, tmp_path, "en.txt", '"On Instagram, we removed 3.3 million pieces of this content in the third '
        'quarter of 2021," Meta said.\n', published=D(2021, 11, 10))
    s = stored(empty_store)
    assert (s[27_000_000].platform, s[20_000_000].platform, s[3_300_000].platform) == ("Meta", "Meta", "Instagram")


def test_a_hindi_sentence_ends_at_its_danda(empty_store, tmp_path):
    """"... यह कार्रवाई की है। मेटा ने कुल 1.73 मिलियन स्पैम पोस्ट ... डिलीट किए हैं।": two sentences. The spam
    count is quoted alone, and "action was taken" in the sentence before is no word of its own."""
    doc(empty_store, tmp_path, "hi.txt", "फेसबुक और इंस्टाग्राम ने जुलाई 2022 में भारत में कुल 27 मिलियन पोस्ट डिलीट किए हैं। "
        "फेसबुक और इंस्टाग्राम ने आईटी एक्ट 2021 के तहत यह कार्रवाई की है। मेटा ने कुल 1.73 मिलियन स्पैम पोस्ट डिलीट किए हैं।\n",
        published=D(2022, 9, 2))
    quotes = {c.quote for f in empty_store.queries.figures(["1=1"], {}) for c in f.citations}
    assert "मेटा ने कुल 1.73 मिलियन स्पैम पोस्ट डिलीट किए हैं।" in quotes
    assert answered(empty_store, "total posts Meta acted on across FB + IG in India in July 2022?") == 27_000_000


def test_a_publishers_name_in_a_question_is_no_abbreviation_of_another(empty_store, tmp_path):
    """"per Newser": the name of who published a stored story, not a shortening of "NewsMeter", another
    publisher a stored story quotes."""
    doc(empty_store, tmp_path, "newser.txt", "X suspended 5.3 million accounts in the first half of 2024.",
        published=D(2024, 9, 25), publisher="Newser")
    doc(empty_store, tmp_path, "binance.txt", "X suspended 5.2 million accounts in the first half of 2024, according "
        "to NewsMeter and newsmeter.in.", published=D(2024, 9, 26), publisher="NewsMeter")
    assert reader(empty_store).correct("newser") == "newser"
    assert answered(empty_store, "per Newser, x accts suspended h1 2024") == 5_300_000


def test_a_change_compared_to_the_same_period_of_a_year_is_not_of_that_year(empty_store, tmp_path):
    doc(empty_store, tmp_path, "xbox.txt",
        "In the first half of 2022, Xbox issued 7.3 million enforcements. Player reports decreased by 36 percent "
        "compared to the same reporting period in 2021.\n", published=D(2022, 11, 15))
    a = answer("xbox player reports change h1 2022", empty_store)
    assert a.status == "answer" and a.answer.value == -36 and a.answer.period_label == "H1 2022", a.message
    assert a.answer.compared_with == "2021"


def test_a_month_no_figure_is_of_is_when_it_was_said(empty_store, tmp_path):
    """"What did Facebook say in November 2019 ...": the figure a story of that month states,
    with its own period; a month no story was published in gets no number."""
    doc(empty_store, tmp_path, "fb.txt", "Facebook said it has removed 5.4 billion fake accounts so far this year.\n",
        published=D(2019, 11, 13))
    a = answer("how many fake accounts did facebook say in november 2019 it had removed", empty_store)
    assert a.status == "answer" and a.answer.value == 5.4e9, a.message
    assert a.answer.period_label == "since Jan 2019 (to 13 Nov 2019)"
    assert answer("how many fake accounts did facebook say in december 2019 it had removed", empty_store).answer is None


def test_a_month_a_figure_was_said_in_is_not_the_month_it_is_of(empty_store, tmp_path):
    """A story of 1 December on October's bans answers "... in October" and "what did WhatsApp say in
    December 2022", not "how many accounts were banned in December 2022": that month states no figure."""
    doc(empty_store, tmp_path, "wa.txt", "Instant messaging platform WhatsApp said it banned 23.24 lakh accounts "
        "in India in October, including 8.11 lakh accounts which were barred proactively.\n", published=D(2022, 12, 1))
    assert answered(empty_store, "whatsapp india accounts banned october 2022") == 2_324_000
    assert answered(empty_store, "how many accounts did whatsapp say in december 2022 it had banned in india") == 2_324_000
    assert answer("How many WhatsApp accounts were banned in India in December 2022?", empty_store).answer is None


def test_a_fact_a_document_states_twice_is_what_it_says_last(empty_store, tmp_path):
    """Google's notice of revised figures lists the originally published block, then the
    revised one: the fact is what it says last."""
    block = "Comment removals (total): {}\n\n  • Removal reason – Child safety: {}\n  • Removal reason – Other: 0%\n\n"
    doc(empty_store, tmp_path, "revised.txt",
        "YouTube Community Guidelines enforcement visible changes\n\n"
        "May 2024. Due to bugs in our community guidelines reporting system, we have revised data for comment "
        "removals during the July 2023-September 2023 reporting period.\n\nReporting period\n\nOriginally published"
        "\n\nRevised\n\nJuly 2023 – September 2023\n\n" + block.format("842,831,976", "5.1%")
        + block.format("893,635,095", "5.5%"), published=D(2024, 5, 15))
    assert answered(empty_store, "yt comment removals q3 2023, child safety share") == 5.5


def test_a_part_of_the_year_in_an_undated_story_is_the_storys_period_not_a_half(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "Between January and June 2024, X received over 224 million user reports. In the first half of the year, "
        "X received 18,737 information requests, complying with about 53 percent of them.")
    assert not [f for f in empty_store.queries.all_figures() if f.value == 50]  # "half of the year" is no 50%
    assert answered(empty_store, "x compliance rate on government info requests, first six months of 2024") == 53


@pytest.mark.parametrize("text,value", [
    ("376 890 comptes ont été fermés", 376890), ("5,4 milliards de faux comptes", 5.4e9),
    ("11,4 Millionen Videos", 11.4e6), ("104.543.719 vídeos", 104543719), ("96,4 por ciento", 96.4),
    ("quase 62 milhões de vídeos", 62e6), ("99+% of removed comments", 99),
])
def test_numbers_as_other_languages_write_them(text, value):
    assert [q.value for q in find_quantities(text)] == [pytest.approx(value)]


# --- documents ------------------------------------------------------------------------------

def test_a_number_the_lexicon_cannot_name_is_kept_in_the_documents_words(empty_store, tmp_path):
    doc(empty_store, tmp_path, "twitch.txt",
        "Twitch transparency report. In the first half of 2020, 24.4 billion chat messages were sent on Twitch.",
        published=D(2021, 3, 3))
    a = answer("how many chat messages were sent on twitch in H1 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 24.4e9, a.message
    assert "chat messages" in a.answer.metric


def test_table_like_lines_and_bullets(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt",
        "YouTube enforcement, July 2023 – September 2023\n\nComment removals (total): 842,831,976\n"
        "  • Automated flagging: 99.5%\n  • Human flagging: 0.5%\n", url="https://support.google.com/x")
    assert answered(empty_store, "youtube comment removals total Q3 2023") == 842831976
    b = answer("what percentage of youtube comment removals came from automated flagging in Q3 2023", empty_store)
    assert b.status == "answer" and b.answer.value == 99.5, b.message


CELL_TABLE = """Account / content violations

Total content reports*

Total content enforced

1,200

300

Reason

Content reports*

Content enforced

Unique accounts enforced

Hate speech

447

62

60

Spam

3,678

312

282

*Content reports reflect reports via Snap's in-app reporting mechanism.
"""


def test_a_table_copied_one_cell_per_line_is_read_by_its_rows_and_columns(empty_store, tmp_path):
    """A web page's table pasted as text: header cells, then each row's label and numbers, one
    per line. Each number counts what its column says, for its row's policy, and the quote is
    the row as printed."""
    doc(empty_store, tmp_path, "snap.txt", CELL_TABLE, title="September 2021", publisher="Snap Inc.",
        url="https://snap.com/en-US/privacy/transparency")
    asked = {"snapchat hate speech content reports september 2021": 447,
             "snapchat hate speech content enforced september 2021": 62,
             "how many unique accounts did snapchat enforce for spam in september 2021": 282,
             "snapchat spam content enforced sep 2021": 312,
             "snapchat total content enforced september 2021": 300}
    for question, value in asked.items():
        a = answer(question, empty_store)
        assert a.status == "answer" and a.answer.value == value, (question, a.message)
    a = answer("snapchat hate speech content reports september 2021", empty_store)
    assert a.answer.quote == "Hate speech\n\n447\n\n62\n\n60"
    assert answer("snapchat impersonation content reports september 2021", empty_store).answer is None


GLUED_TABLE = """India: February 2022

Total Content & Account Reports*Total Content EnforcedTotal Unique Accounts Enforced
57,37310,4977,153
ReasonContent Reports*Content EnforcedUnique Accounts Enforced
Harassment and Bullying3,770321311
Impersonation18,15810198

*Content Reports reflect reports via Snap's in-app reporting mechanism.

CSAM: Total Account DeletionsTerrorism: Total Account Deletions
9600
"""


def test_a_table_whose_cells_ran_together_is_read_where_its_digits_part_one_way(empty_store, tmp_path):
    """A table copied row by row without the space between cells: "57,37310,4977,153" under
    three glued labels is 57,373, 10,497 and 7,153. Digits that part several ways ("10198":
    10 and 198, or 101 and 98; "9600": 960 and 0, or 9 and 600) are left unread, never guessed."""
    doc(empty_store, tmp_path, "snap-india.txt", GLUED_TABLE, publisher="Snap Inc.",
        url="https://snap.com/en-US/privacy/transparency/india-02-2022")
    assert answered(empty_store, "snap india total content enforced feb 2022") == 10_497
    assert answered(empty_store, "How many unique accounts did Snapchat enforce against in India in February 2022?") == 7_153
    a = answer("snapchat india harassment and bullying unique accounts enforced february 2022", empty_store)
    assert a.status == "answer" and a.answer.value == 311, a.message
    assert a.answer.quote == "Harassment and Bullying3,770321311"  # the row as printed
    for question in ("snap india impersonation content enforced feb 2022", "snap india csam account deletions feb 2022"):
        assert answer(question, empty_store).answer is None, question


def test_a_glued_table_row_labelled_by_a_month_is_that_month_not_a_policy(empty_store, tmp_path):
    """"January3333" under "MonthValid counter noticesPosts restored...": January's numbers, of the year
    the page reports on; "January" is no policy a question about January could be asking for."""
    doc(empty_store, tmp_path, "counter.txt", "Tumblr counter notices, 2023: Jan 1 – Jun 30\n\n"
        "MonthValid counter noticesPosts restored\nJanuary37\nFebruary15\nMarch24\n", publisher="Tumblr")
    figures = empty_store.queries.figures(["1=1"], {})
    assert {f.policy for f in figures} == {ALL_POLICIES}
    assert answered(empty_store, "tumblr posts restored february 2023") == 5
    assert answered(empty_store, "tumblr valid counter notices march 2023") == 2


MARATHI_TABLE = """खाते / मजकूर उल्लंघन
एकूण मजकूर वापरकर्त्याचे खाते आणि अहवाल
अंमलात आणलेला एकूण मजकूर
अंमलात आणलेली एकूण अद्वितीय खाती
६३,७६४
१३,४६८
८,३२५
कारण
मजकूर अहवाल*
मजकूर अंमलात आणला
अंमलात आणलेली अद्वितीय खाती
लैंगिकदृष्ट्या सुस्पष्ट मजकूर
२६,८३७
१२,०४६
६,९६८
तोतयागिरी
१९,५८७
८३
८३
*मजकूर वापरकर्त्याचे खाते अहवाल Snap च्या इन-अॅप अहवाल प्रणालीद्वारे अहवाल प्रतिबिंबित करतात.
"""


def test_a_table_in_marathi_answers_questions_in_english(empty_store, tmp_path):
    """Snap's India report for January 2022 in Marathi (Devanagari words and digits): its
    labels are read as the lexicon's families, so English questions find its rows."""
    doc(empty_store, tmp_path, "snap-mr.txt", MARATHI_TABLE, publisher="Snap Inc.",
        url="https://snap.com/en-US/privacy/transparency/india-01-2022?lang=mr-IN")
    assert answered(empty_store, "How much content did Snapchat enforce against in India during January 2022?") == 13_468
    assert answered(empty_store, "snapchat india sexually explicit content enforced, january 2022") == 12_046
    assert answered(empty_store, "snap india impersonation reports jan 2022") == 19_587
    assert answer("snap india hate speech reports jan 2022", empty_store).answer is None


def test_a_country_the_headline_or_address_names_is_the_place_of_every_figure(empty_store, tmp_path):
    """A country's own report (".../india-09-2021") states no place in its text: its figures
    are that country's, and a question about another country or none gets no number."""
    doc(empty_store, tmp_path, "snap-india.txt", CELL_TABLE, publisher="Snap Inc.",
        url="https://snap.com/en-US/privacy/transparency/india-09-2021")
    a = answer("snap india hate speech content reports sep 2021", empty_store)
    assert a.status == "answer" and a.answer.value == 447 and a.answer.location == "India", a.message
    assert answer("snap brazil hate speech content reports sep 2021", empty_store).answer is None


def test_the_address_of_an_amp_page_names_the_place_before_its_amp(empty_store, tmp_path):
    """".../whatsapp-banned-over-2-cr-accounts-in-india-from-january-to-march/amp": the address
    names India; its last part "amp" (or a language: ".../ja/") names nothing."""
    doc(empty_store, tmp_path, "wa.txt",
        "Between January 1 and January 31, 2023, a total of 2,918,000 WhatsApp accounts were banned. "
        "In February, 4,597,400 accounts faced bans.\n", publisher="OdishaBytes",
        url="https://odishabytes.com/whatsapp-banned-over-2-cr-accounts-in-india-from-january-to-march/amp")
    a = answer("How many WhatsApp accounts were banned in India in February 2023?", empty_store)
    assert a.status == "answer" and a.answer.value == 4_597_400 and a.answer.location == "India", a.message


def test_a_place_named_next_to_a_number_is_its_place_when_the_sentence_names_another(empty_store, tmp_path):
    """"In unserem Nachbarland Deutschland waren es 315.532 Videos, für Österreich listete YouTube
    keine Statistik": Germany's number, though the sentence names Austria too; Austria has none."""
    doc(empty_store, tmp_path, "yt-de.txt",
        "YouTube hat im Jahr 2022 weltweit rund 5,6 Millionen Videos gelöscht. In unserem Nachbarland Deutschland "
        "waren es 315.532 Videos, für Österreich listete YouTube keine Statistik.\n", published=D(2023, 4, 3))
    assert answered(empty_store, "youtube videos removed in germany over calendar 2022") == 315_532
    assert answer("youtube videos removed in austria 2022", empty_store).answer is None


def test_a_sentence_naming_no_place_in_a_story_whose_headline_names_one_answers_for_that_place(empty_store, tmp_path):
    """SecurityWeek's "U.S. government requests for Facebook user data dropped off in the second half
    of 2014": its sentences name no place, but the story names the US and no other place; a
    sentence naming the world, or another place, still answers for none. (The story names Germany
    too, so its headline's place is not every figure's.)"""
    doc(empty_store, tmp_path, "sw.txt", "The largest category of requests was search warrants, which accounted for "
        "7,924 of the cases. Worldwide, Facebook received 35,051 requests. Germany sent 2,132 requests.\n",
        title="U.S. government requests for Facebook user data dropped off in the second half of 2014",
        published=D(2015, 3, 16))
    assert answered(empty_store, "for search warrants specifically, how many US requests did Facebook receive in H2 2014?") \
        == 7_924
    assert answer("how many facebook search warrants from germany in h2 2014", empty_store).answer is None


def test_numbers_listed_after_as_many_countries_are_theirs_in_order(empty_store, tmp_path):
    """"users in India and the U.S. — 16.45 million and 4.57 million respectively": 16.45
    million are India's, 4.57 million the US's; "followed by China and the U.S., with 9.7% and
    8.2% respectively"; "Brasilien und Pakistan mit 827.000 und 485.000". A list whose count of
    countries differs places none of its numbers."""
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok deleted nearly 50 million videos in the second half of 2019. Many of the deleted videos were "
        "uploaded by users in India and the U.S. — 16.45 million and 4.57 million respectively. India accounted "
        "for 30% of the total combined downloads, followed by China and the U.S., with 9.7% and 8.2% respectively. "
        "In der zweiten Hälfte 2019 folgen Brasilien und Pakistan mit 827.000 und 485.000 gelöschten Videos. "
        "Users in India, Brazil and Mexico posted 3 million and 2 million of the removed videos.\n",
        published=D(2020, 7, 11))
    assert answered(empty_store, "tiktok videos deleted in the US, H2 2019") == 4_570_000
    assert answered(empty_store, "how many tiktok videos from india were deleted in h2 2019") == 16_450_000
    assert answered(empty_store, "what share of tiktok downloads came from china, h2 2019") == 9.7
    assert answered(empty_store, "tiktok videos deleted in pakistan h2 2019") == 485_000
    assert answer("tiktok videos removed in mexico h2 2019", empty_store).answer is None


def test_numbers_listed_with_as_many_platforms_respectively_are_theirs_in_order(empty_store, tmp_path):
    """"17,124 and 12,924 reports received through the Indian grievance mechanism for Facebook and Instagram,
    respectively": Facebook's 17,124 and Instagram's 12,924, not Meta's two numbers."""
    doc(empty_store, tmp_path, "helm.txt",
        "Meta took down over 17 million pieces of content in India in April 2024. The actions were taken in "
        "response to 17,124 and 12,924 reports received through the Indian grievance mechanism for Facebook and "
        "Instagram, respectively.\n", published=D(2024, 6, 3))
    assert answered(empty_store, "How many reports did Facebook receive through India's grievance mechanism in April 2024?") == 17_124
    assert answered(empty_store, "instagram grievance reports india april 2024") == 12_924


def test_a_poor_fit_after_a_sentence_naming_the_place_does_not_hide_a_story_about_it(empty_store, tmp_path):
    """A Hindi story's "2.3 मिलियन हिंसक पोस्ट", after a sentence naming India, fits "had violent and graphic
    content" poorly; Mint's story about India ("for India" in its opening) states the same breakdown in the
    question's words: that answers, though its sentence names no place."""
    doc(empty_store, tmp_path, "hi.txt", "फेसबुक और इंस्टाग्राम ने जुलाई 2022 में भारत में कुल 27 मिलियन पोस्ट डिलीट किए हैं। "
        "मेटा ने कुल 1.73 मिलियन स्पैम पोस्ट, 2.3 मिलियन हिंसक पोस्ट डिलीट किए हैं।\n", published=D(2022, 9, 2))
    doc(empty_store, tmp_path, "mint.txt", "NEW DELHI: Meta cracked down on more than 27 million posts across Facebook and "
        "Instagram in July, according to its latest monthly transparency report for India.\nOf the 25 million Facebook "
        "posts, 17.3 million were spam, 2.7 million involved adult nudity and sex, 2.3 million had violent and graphic "
        "content.\n", published=D(2022, 9, 2), publisher="Mint")
    a = answer("how many of the Facebook posts Meta actioned in India in July 2022 had violent and graphic content?",
               empty_store)
    assert a.status == "answer" and a.answer.value == 2_300_000, a.message
    assert a.answer.quote.startswith("Of the 25 million Facebook posts")


def test_a_story_about_a_place_answers_beside_that_place_s_own_figures(empty_store, tmp_path):
    """A story about WhatsApp's India report states the proactive bans in a sentence naming no place;
    another story's figure of India (all bans) is the place's own, and fits "proactively" less: the
    story's figure answers, as a place's own figure would. A question the place's own figure fits
    still gets it."""
    doc(empty_store, tmp_path, "es.txt", "WhatsApp baneó 4,7 millones de cuentas en India durante marzo de 2023.\n",
        published=D(2023, 5, 2))
    doc(empty_store, tmp_path, "bl.txt", "Meta's monthly compliance report for India, published on Monday, covers "
        "March 2023.\nThe report also stated that 16,59,385 accounts were proactively banned on WhatsApp.\n",
        published=D(2023, 5, 2))
    assert answered(empty_store, "How many WhatsApp accounts in India were banned proactively in March 2023?") == 1_659_385
    assert answered(empty_store, "whatsapp india accounts banned march 2023") == 4_700_000


def test_a_platform_named_right_after_a_number_is_its_platform(empty_store, tmp_path):
    """"25 मिलियन फेसबुक पोस्ट और 2 मिलियन इंस्टाग्राम पोस्ट": Hindi names whose a number is before it, but
    a platform right after the number, before what it counts, is its own (Instagram's 2 million, not
    Facebook's); "5 million Facebook and Instagram posts" stays both services' (Meta's), and "फेसबुक से करीब
    1.95 करोड़ पोस्ट और इंस्टाग्राम से ..." Facebook's."""
    doc(empty_store, tmp_path, "hi.txt", "जुलाई 2022 महीने में 25 मिलियन फेसबुक पोस्ट और 2 मिलियन इंस्टाग्राम पोस्ट को हटा "
        "दिया गया है। कंपनी ने फेसबुक से करीब 1.95 करोड़ पोस्ट और इंस्टाग्राम से 33 लाख पोस्ट हटाए हैं। Meta removed "
        "5 million Facebook and Instagram posts in June 2022.\n", published=D(2022, 9, 1))
    platforms = {f.value: f.platform for f in empty_store.queries.figures(["1=1"], {})}
    assert (platforms[25_000_000], platforms[2_000_000]) == ("Facebook", "Instagram")
    assert (platforms[19_500_000], platforms[3_300_000], platforms[5_000_000]) == ("Facebook", "Instagram", "Meta")


def test_a_country_that_opens_the_sentence_is_the_place_of_its_numbers(empty_store, tmp_path):
    """"Turkey emerged as the country with the most content removal requests, with X complying
    with 60% of them": 60% is Turkey's, asked as "Turkey's requests", and no answer to the share
    of all requests. Countries are named in the languages the lexicon reads ("Turki")."""
    doc(empty_store, tmp_path, "x.txt",
        "In the first half of 2024, X received 18,737 information requests. Turkey emerged as the country with "
        "the most content removal requests, with X complying with 60% of them.\n", published=D(2024, 9, 26))
    a = answer("what % of Turkey's content removal requests did X comply with in H1 2024", empty_store)
    assert a.status == "answer" and a.answer.value == 60 and a.answer.location == "Türkiye", a.message
    assert answer("what % of content removal requests did X comply with in H1 2024", empty_store).answer is None
    assert country_in("Turki muncul sebagai negara") == country_in("Turkey's requests") == "Türkiye"


def test_the_european_union_is_a_place_numbers_are_stated_for(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "X reported more than 18,737 government requests for information in the first half of 2024, "
        "including 7,872 from the European Union and 3,329 from the US government.\n", published=D(2024, 9, 26))
    assert answered(empty_store, "info requests from the EU to X, Jan-Jun 2024") == 7_872
    assert answered(empty_store, "how many government information requests did X get in H1 2024") == 18_737


def test_a_list_that_names_what_it_counts_once_counts_it_for_every_number(empty_store, tmp_path):
    """"837 million pieces of content for spam, 21 million for adult nudity": the 21 million are
    pieces of content too, for nudity; "199,000 proactive enforcements involved adult sexual
    content; 87,000 concerned fraud": 87,000 proactive enforcements, for fraud."""
    doc(empty_store, tmp_path, "fb.txt",
        "In the first quarter of 2018, Facebook took action on 837 million pieces of content for spam, 21 million "
        "for adult nudity or sexual activity and 1.9 million for promoting terrorism.\n\n"
        "Of the 4.78 million Xbox enforcements in the first half of 2022, 199,000 proactive enforcements involved "
        "adult sexual content; 87,000 concerned fraud; and 54,000 involved cheating.\n", published=D(2022, 11, 15))
    assert answered(empty_store, "fb adult nudity content actioned Q1 2018") == 21_000_000
    assert answered(empty_store, "xbox proactive enforcements for fraud h1 2022") == 87_000


def test_a_number_that_says_what_it_was_for_takes_no_other_numbers_policy(empty_store, tmp_path):
    """"199,000 proactive enforcements involving adult sexual content, 87,000 for fraud": fraud is
    no policy the lexicon reads, but 87,000 says what it was for; it is no count of nudity."""
    doc(empty_store, tmp_path, "xbox.txt",
        "A further breakdown of the data reveals 199,000 proactive enforcements taken by Xbox in the first half of "
        "2022 involving adult sexual content, 87,000 for fraud, and 46,000 for profanity.\n", published=D(2022, 11, 14))
    assert answered(empty_store, "xbox adult sexual content enforcements h1 2022") == 199_000
    assert answered(empty_store, "xbox enforcements for fraud h1 2022") == 87_000
    fig = next(f for f in empty_store.queries.all_figures() if f.value == 87_000)
    assert fig.policy == "all policies"


def test_each_number_is_of_the_platform_its_own_clause_names(empty_store, tmp_path):
    """"Facebook has removed 15.3 million ..., whileInstagram has taken action against more than
    1.6 million ..." (glued by a scraper): the second number is Instagram's, not Facebook's."""
    doc(empty_store, tmp_path, "fb-ig.txt",
        "Facebook has removed 15.3 million hate speech posts between October 2019 and March 2020, whileInstagram "
        "has taken action against more than 1.6 million pieces of hate speech content in the same period.\n",
        published=D(2020, 5, 13))
    a = answer("instagram hate speech actioned oct 2019 to march 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 1_600_000 and a.answer.platform == "Instagram", a.message
    assert answered(empty_store, "facebook hate speech posts removed oct 2019 to march 2020") == 15_300_000


def test_shares_listed_in_one_sentence_are_each_what_their_own_words_say(empty_store, tmp_path):
    """"4% ... before a user reported them, 83.3% ... before any views, and 93.5% ... within 24
    hours": the subset one names is not the others'."""
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok removed 89,132,938 videos globally in the second half of 2020.\n"
        "- 4% of these videos were removed before a user reported them, 83.3% were removed before they received "
        "any views, and 93.5% were removed within 24 hours of being posted.\n", published=D(2021, 2, 24))
    assert answered(empty_store, "what share of tiktok's H2 2020 removals happened within 24 hours of posting?") == 93.5
    assert answered(empty_store, "% of tiktok videos removed jul-dec 2020 before a user reported them") == 4


def test_removed_before_a_user_reported_it_is_found_by_the_platform_not_reported_by_users(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok removed 104,543,719 videos in the first half of 2020. Of those videos, we found and removed 96.4 per "
        "cent of videos before a user reported them.", published=D(2020, 9, 22))
    assert answered(empty_store, "% of tiktok's H1 2020 removals taken down before being reported") == 96.4
    assert answer("what share of tiktok's H1 2020 removals were reported by users", empty_store).answer is None


def test_numbers_stated_for_a_country_are_that_countrys(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "In the first half of 2020, TikTok removed a total of 10,698,297 videos, wherein 37,682,924 are from India "
        "and 9,822,996 from the United States.", published=D(2020, 9, 22))
    assert answer("tiktok videos removed in India H1 2020", empty_store).answer.value == 37682924
    assert answer("How many TikTok videos were removed in the United States in H1 2020?", empty_store).answer.value == 9822996
    assert answer("tiktok videos removed in Brazil H1 2020", empty_store).answer is None


def test_the_value_a_change_started_from_is_the_previous_periods(empty_store, tmp_path):
    doc(empty_store, tmp_path, "discord.txt",
        "In the first half of 2021, CSAM reports that had action taken increased from 33 per cent to 45 per cent.",
        published=D(2021, 9, 1), title="Discord transparency report H1 2021")
    answers = {a.answer.period_label: a.answer.value for a in
               (answer(q, empty_store) for q in ("discord CSAM reports actioned percentage H2 2020",
                                                   "discord CSAM reports actioned percentage H1 2021")) if a.answer}
    assert answers == {"H2 2020": 33, "H1 2021": 45}


def test_a_sentence_without_a_period_takes_the_one_before_it(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "X published its report in September 2024. For comparison, in the second half of 2021, 11.6 million accounts "
        "were reported. Action was ultimately taken against 4.3 million accounts.", published=D(2024, 9, 25))
    assert answered(empty_store, "how many reported accounts did twitter take action against in H2 2021") == 4.3e6


def test_the_period_a_report_is_said_to_be_for_is_the_period_of_what_the_story_states(empty_store, tmp_path):
    """A story that names the report's period once ("its transparency report for July to December
    31, 2020") and its headline's year: figures that state no period of their own are of the
    report's period, not of the year."""
    doc(empty_store, tmp_path, "discord.txt",
        "Nearly 26% of Discord user reports in 2020 were acted upon\n\n"
        "This week Discord released its transparency report for July to December 31, 2020.\n\n"
        "Discord received 355,633 user reports. Harassment was the most common issue.")
    a = answer("discord user reports received jul-dec 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 355633 and a.answer.period_label == "H2 2020", a.message


def test_a_country_typed_in_lower_case_is_that_country(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "In the second half of 2019, TikTok removed 4,576,888 videos in the United States.", published=D(2020, 7, 9))
    assert answered(empty_store, "tiktok us videos removed h2 2019") == 4576888
    assert reader(empty_store).read("give us tiktok's h2 2019 video removals").location is None  # the pronoun
    assert reader(empty_store).read("tiktok eu content removed h2 2024").location == "European Union"


def test_a_countrys_part_of_a_count_counts_what_the_count_does(empty_store, tmp_path):
    # the countries' numbers say nothing of their own of what they count: the videos removed
    doc(empty_store, tmp_path, "tiktok.txt",
        "In the second half of 2019, TikTok removed 49,247,689 videos. The most came from India (16,453,360), "
        "followed by the United States (4,576,888).", published=D(2020, 7, 9))
    assert answered(empty_store, "tiktok india videos removed h2 2019") == 16453360
    assert answered(empty_store, "tiktok videos removed in the united states, h2 2019") == 4576888
    doc(empty_store, tmp_path, "staff.txt", "In 2019, TikTok removed 2,100,000 accounts. The company has 1,200 "
                                            "employees in Germany.", published=D(2020, 2, 1))
    assert answer("tiktok accounts removed in germany 2019", empty_store).answer is None  # a count of its own


def test_a_sentence_naming_nothing_it_counts_is_read_with_the_one_before(tmp_path):
    # "with 9.7% and 8.2% respectively" names nothing it counts: the sentence before says it (in a
    # store of several documents, where "downloads" alone tells little); "more than 2 billion"
    # compares with nothing, so its "as of" date is the next sentence's too
    store = Store.open(f"sqlite:///{tmp_path / 'modstats.db'}")
    try:
        doc(store, tmp_path, "caixin.txt",
            "TikTok has been downloaded more than 2 billion times as of the end of March 2020. India accounted for "
            "30% of the total, followed by China and the U.S., with 9.7% and 8.2% respectively.",
            published=D(2020, 7, 11))
        assert answered(store, "us share of tiktok downloads as of end of march 2020") == 8.2
    finally:
        store.dispose()


def test_a_publishers_initials_are_not_a_country_code(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt", "YouTube removed 1.9 million videos between January and March 2023.",
        published=D(2023, 8, 30))
    a = answer("HT Tech says YouTube removed how many videos in Q1 2023?", empty_store)  # not Haiti ("HT")
    assert a.status == "answer" and a.answer.value == 1.9e6, a.message


def test_how_many_times_something_happened_is_a_count_but_a_multiple_is_not(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok's Covid-19 information hub was viewed 2,625,049,193 times in the second half of 2020. "
        "Its banners were seen three times as often as in the first half of 2020.", published=D(2021, 2, 24))
    assert answered(empty_store, "how many times was tiktok's covid-19 information hub viewed in H2 2020") == 2625049193
    assert not [f for f in empty_store.queries.all_figures() if f.value == 3]  # "three times as often"


def test_prevalence_is_asked_as_a_share(empty_store, tmp_path):
    doc(empty_store, tmp_path, "meta.txt",
        "In the third quarter of 2021, the prevalence of hate speech on Facebook was 0.03%, or 3 views of hate "
        "speech per 10,000 views of content, down from 5 views per 10,000 in the second quarter.",
        published=D(2021, 11, 9))
    assert answered(empty_store, "fb hate speech prevalence q3 2021") == 0.03


def test_the_base_of_a_rate_is_no_count_however_the_rate_says_per(empty_store, tmp_path):
    """"7 views of hate speech for every 10,000 views", "5 out of every 10,000": 10,000 is the
    rate's base, not 10,000 pieces of content viewed (only "per 10,000" was seen before)."""
    doc(empty_store, tmp_path, "meta.txt",
        "This quarter, hate speech prevalence dropped from 0.10-0.11% to 0.07-0.08%, or 7 to 8 views of hate speech "
        "for every 10,000 views of content.", published=D(2021, 2, 11))
    doc(empty_store, tmp_path, "snap.txt",
        "During this period, our VVR was 0.08 percent, which means that out of every 10,000 views of content on "
        "Snap, eight contained content that violated our guidelines.", published=D(2021, 5, 3))
    assert not [f for f in empty_store.queries.all_figures() if f.value == 10_000]


def test_a_share_of_a_countrys_count_is_that_countrys(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "In the first half of 2024, X received 18,737 information requests, complying with about 53 percent of "
        "them. The US submitted 3,329 requests, and X disclosed information in 76 percent of those cases.",
        published=D(2024, 9, 26))
    a = answer("what % of US info requests did X disclose information for in the first half of 2024", empty_store)
    assert a.status == "answer" and a.answer.value == 76, a.message
    assert answered(empty_store, "x compliance rate on government info requests, first six months of 2024") == 53


def test_this_quarter_in_a_story_is_the_quarter_its_report_covers(empty_store, tmp_path):
    doc(empty_store, tmp_path, "mint.txt",
        "Facebook took down 9.6 million pieces of hate speech in Q1, which increased to 22.5 million in this "
        "quarter.", published=D(2020, 8, 11), title="Facebook removes more hate speech")
    assert answered(empty_store, "fb hate speech removals q2 2020") == 22.5e6  # Q3 2020 had not ended on 11 August


def test_the_same_period_last_year_is_the_reports_period_a_year_before(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "X released its transparency report for the first half of 2024. X suspended nearly 5.3 million accounts, a "
        "sharp increase from 1.6 million accounts suspended in the same period last year.", published=D(2024, 9, 26))
    assert answered(empty_store, "How many accounts did X suspend in the first half of 2023?") == 1.6e6
    assert answer("x accounts suspended 2023", empty_store).answer is None  # H1 2023 is not the year 2023


def test_a_period_compared_with_is_not_the_period_of_what_is_compared(empty_store, tmp_path):
    # "During Q3 ..., up from 2.1 million in Q2": the next sentence is about Q3, and "higher than
    # the previous quarter's 64.5%" is Q2's share, not the share before it
    doc(empty_store, tmp_path, "story.txt",
        "Spam: During Q3, Instagram removed 5.2 million posts for spam, up from 2.1 million in Q2. Its systems "
        "proactively detected 91.2% of them, well above the previous quarter's 64.5%.",
        published=D(2021, 11, 9))
    assert answered(empty_store, "instagram spam proactive rate q3 2021") == 91.2
    assert answered(empty_store, "instagram spam proactive rate q2 2021") == 64.5


@pytest.mark.parametrize("text,months", [
    ("zwischen April und Juni 11,4 Millionen Videos", (4, 6)),
    ("im zweiten Quartal", (4, 6)), ("au deuxième trimestre", (4, 6)), ("no segundo trimestre", (4, 6)),
    ("entre abril y junio", (4, 6)), ("im ersten Halbjahr", (1, 6)),
    ("in den Monaten Januar, Februar und März", (1, 3)),
])
def test_months_of_no_year_are_read_in_other_languages(text, months):
    found = [m for m in find_periods(text) if m.kind == "yearless"]
    assert [m.months for m in found] == [months]
    dated = [m.period for m in find_periods(text, D(2020, 8, 10)) if m.period]  # a date gives them their year
    assert [(p.start.month, p.end.month, p.end.year) for p in dated] == [(*months, 2020)]


def test_a_list_of_months_with_its_year_is_all_of_them():
    (m,) = find_periods("in January, February and March 2020")
    assert (m.period.start, m.period.end) == (D(2020, 1, 1), D(2020, 3, 31))


def test_thousands_parted_by_a_dot_are_read_at_the_end_of_a_sentence():
    assert [q.value for q in find_quantities("Die Zahl lag im zweiten Quartal bei 125.000.")] == [125000]
    assert [q.value for q in find_quantities("The ratio was 0.125.")] == [0.125]
    # ... and closing a bracket
    assert [q.value for q in find_quantities("gefolgt von Indien (827.000) und Brasilien (485.000).")] == [827000, 485000]


@pytest.mark.parametrize("text,value", [
    ("La hausse est de 60% par rapport au semestre précédent.", 60), ("ein Anstieg um 40 Prozent", 40),
    ("um 40 Prozent gestiegen", 40), ("um aumento de 25% em relação", 25), ("une baisse de 12 %", -12),
    ("kenaikan sebesar 10%", 10), ("Un numero in aumento del 30% rispetto all’anno precedente", 30),
    ("este tipo de solicitudes disminuyó un 4%", -4), ("выросло на 30%", 30), ("wzrost o 30%", 30),
    ("前期比10%増", 10), ("대비 40% 감소했다", -40), ("同比增长了10%", 10),
])
def test_a_change_is_read_in_other_languages(text, value):
    assert [(q.value, q.kind) for q in find_quantities(text)] == [(value, "change")]


def test_a_rise_stated_in_french_answers_by_what_percent(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fr.txt",
        "Au second semestre 2016, Twitter a suspendu 376 890 comptes pour apologie du terrorisme. La hausse est de "
        "60% par rapport au semestre précédent.", published=D(2017, 3, 21))
    assert answered(empty_store, "by what % did twitter terrorism account suspensions go up in h2 2016") == 60


def test_a_fall_stated_in_spanish_answers_by_what_percent(empty_store, tmp_path):
    doc(empty_store, tmp_path, "es.txt",
        "En el primer semestre de 2021, Twitter recibió solicitudes de información de cuentas, a pesar de que este "
        "tipo de solicitudes disminuyó un 4%.", published=D(2022, 1, 25))
    assert answered(empty_store, "by what percent did government information requests to twitter fall in h1 2021") == -4


def test_removed_after_being_reported_is_what_users_reported(empty_store, tmp_path):
    doc(empty_store, tmp_path, "li.txt",
        "Between January and June 2021, 66.1 Mn spam posts were proactively removed and 232K posts were removed "
        "after being reported.", published=D(2021, 10, 6), title="LinkedIn community report")
    assert answered(empty_store, "linkedin spam posts removed after being reported, h1 2021") == 232000
    assert answered(empty_store, "linkedin spam posts removed proactively, h1 2021") == 66.1e6


def test_a_time_of_day_counts_nothing():
    assert [q.value for q in find_quantities("Source: The Guardian April 05, 2018 14:48 UTC")] == [2018]
    assert [q.value for q in find_quantities("Jul 11, 2020 06:18 PM; archived at 22:36:22")] == [11, 2020]
    assert [q.value for q in find_quantities("removed 5 million videos at 10:00")] == [5e6]


def test_a_period_in_another_clause_is_not_a_numbers(empty_store, tmp_path):
    # "..., enquanto no primeiro trimestre esse número havia sido de 5,1 milhões": the first
    # quarter is the 5.1 million's, not the 16.8 million's; "em relação ao" compares
    doc(empty_store, tmp_path, "pt.txt",
        "No segundo trimestre de 2021, o Facebook removeu 16,8 milhões de conteúdos de automutilação, enquanto no "
        "primeiro trimestre esse número havia sido de 5,1 milhões.", published=D(2021, 8, 19))
    assert answered(empty_store, "facebook self-harm content removed q2 2021") == 16.8e6
    assert answered(empty_store, "facebook self-harm content removed q1 2021") == 5.1e6


def test_an_abbreviation_is_met_by_the_words_the_sentence_before_spells_out(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "Between January and June 2021, Twitter suspended 1.2 million accounts. Child sexual exploitation was one "
        "of the biggest categories. Nearly half a million accounts were suspended for it.", published=D(2022, 1, 25))
    assert answered(empty_store, "twtr cse suspensions h1 2021") == 500_000
    assert answered(empty_store, "twitter accounts suspended h1 2021") == 1.2e6


def test_a_family_word_the_lexicon_lists_only_in_english_is_met_by_its_cognate(empty_store, tmp_path):
    # "automatizados" is no word of the lexicon's, but shares its root with "automated"
    doc(empty_store, tmp_path, "es.txt",
        "En el cuarto trimestre de 2019, YouTube eliminó 5,9 millones de vídeos. Los sistemas automatizados "
        "detectaron 5,4 millones de ellos.", published=D(2020, 2, 27))
    assert answered(empty_store, "how many youtube videos did automated systems flag in q4 2019") == 5.4e6
    assert answered(empty_store, "youtube videos removed q4 2019") == 5.9e6


@pytest.mark.parametrize("text,label", [
    # Roman numerals
    ("Facebook menghapus 2,2 miliar akun palsu pada kuartal I-2019.", "Q1 2019"),
    ("Selama kuartal I, sistem Facebook bahkan menandai 88,3 persen konten narkoba", "Q1 2020"),
    ("durante el II trimestre de 2020", "Q2 2020"),
    # Filipino
    ("Mula January hanggang March, 19.4 milyong content ang inaksyunan ng Facebook", "Q1 2020"),
    ("kumpara sa naunang 1.2 bilyong accounts na tinanggal ng kumpanya noong fourth quarter ng 2018", "Q4 2018"),
])
def test_a_half_or_quarter_as_other_languages_write_it_is_read(text, label):
    assert [m.period.label for m in find_periods(text, D(2020, 5, 26)) if m.period] == [label]


def test_a_question_naming_no_action_is_not_answered_by_how_many_users_are_active(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fr.txt",
        "Facebook a supprimé 2,19 milliards de faux comptes au premier trimestre 2019. Les faux comptes "
        "représenteraient 5 % de ses 2,38 milliards d'utilisateurs actifs mensuels.", published=D(2019, 5, 24))
    assert answered(empty_store, "fb fake accts q1 2019") == 2.19e9
    assert answered(empty_store, "facebook monthly active users q1 2019") == 2.38e9


def test_a_part_of_a_year_asked_without_its_year_is_of_those_months(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt",
        "YouTube removed 5.9 million videos in the fourth quarter of 2019, after 8.8 million in the third quarter "
        "of 2019. In 2019 as a whole, WhatsApp banned 24 million accounts.", published=D(2020, 2, 27))
    assert answered(empty_store, "yt removals q4") == 5.9e6
    assert answered(empty_store, "youtube videos removed in the third quarter") == 8.8e6
    assert answer("whatsapp accounts banned in october", empty_store).answer is None  # a year is not October


def test_a_figure_of_no_period_is_of_no_other_month_than_its_sentence_names(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt", "WhatsApp said it banned 23.24 lakh accounts in India in October.")
    assert answered(empty_store, "whatsapp india accounts banned in october") == 2_324_000
    assert answer("whatsapp india accounts banned in november", empty_store).answer is None


def test_a_month_named_alone_in_a_terse_question_is_that_month(empty_store, tmp_path):
    """"whatsapp india bans september": September, without "in" before it; "through June" or "as of
    mid-November" bound a period, and are no month it is of."""
    doc(empty_store, tmp_path, "wa.txt", "WhatsApp banned 23.24 lakh accounts in India in October. The number of "
        "accounts blocked in October was about 13 per cent less than the 26.85 lakh accounts the messaging "
        "platform banned in September.", published=D(2022, 12, 1))
    assert answered(empty_store, "whatsapp india bans september (tribune)") == 2_685_000
    assert answered(empty_store, "whatsapp india bans october") == 2_324_000
    assert reader(empty_store).read("whatsapp india bans september").months == (9, 9)
    assert reader(empty_store).read("youtube complaints through june").months is None
    assert reader(empty_store).read("fb fake accounts closed as of mid-November").months is None


def test_a_policy_a_later_clause_names_is_not_an_earlier_number_s(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt", "YouTube removed 5.9 million videos in the fourth quarter of 2019; hate speech "
        "accounted for 108,000 of them.", published=D(2020, 2, 27))
    figures = stored(empty_store)
    assert (figures[5.9e6].policy, figures[108_000].policy) == ("all policies", "hate speech")


def test_a_german_ordinal_ends_no_sentence():
    from store.ingest.prose import sentences

    text = "Häufigster Löschgrund mit 41,3 Prozent war im 2. Quartal der Schutz von Minderjährigen. Die Zahl lag bei 125.000."
    assert [s.text for s in sentences(text, 0, len(text))] == [
        "Häufigster Löschgrund mit 41,3 Prozent war im 2. Quartal der Schutz von Minderjährigen.", "Die Zahl lag bei 125.000."]


def test_what_is_not_of_a_policy_is_none_of_it(empty_store, tmp_path):
    doc(empty_store, tmp_path, "d.txt", "Discord removed 27,410 servers and 266,075 non-spam accounts in the second half "
        "of 2020.", published=D(2021, 4, 5))
    assert stored(empty_store)[266_075].policy == "all policies"


def test_the_year_in_a_law_s_name_is_neither_a_period_nor_a_count(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt",
        "WhatsApp banned 7,420,748 accounts in India from August 1 to August 31, in compliance with the new IT Rules "
        "of 2021. It received a total of 12,461 ban appeals.")
    figures = stored(empty_store)
    assert 2021 not in figures
    assert figures[12461].period_label == figures[7420748].period_label == "Aug, year not stated"


def test_a_question_naming_only_enforcement_is_not_answered_by_its_appeals(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt",
        "WhatsApp banned 7,420,748 accounts in August 2021 and received 12,461 ban appeals.")
    assert answered(empty_store, "whatsapp bans aug 2021") == 7420748
    assert answered(empty_store, "whatsapp ban appeals aug 2021") == 12461


def test_a_month_asked_without_its_year_is_no_word_a_figure_must_say(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt", "WhatsApp banned 7,420,748 accounts in India between August 1 and August 31, 2021.")
    assert answered(empty_store, "whatsapp india bans aug 1-31") == 7420748


def test_a_table_row_is_of_the_country_its_label_names(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wm.txt",
        "Requests for Content Alteration & Takedown\nJAN – JUN 2017\nWhere did these requests come from?\n"
        "Country Received Granted\nFlag of France France 34 0\nFlag of Germany Germany 21 0\n",
        title="Wikimedia Foundation Transparency Report/June 2017")
    figures = stored(empty_store)
    assert (figures[34].location, figures[21].location) == ("France", "Germany")
    assert figures[34].platform == "Wikipedia"  # the Wikimedia Foundation's
    # a row per line, its cells parted by spaces: each number is its column's
    rows = {(f.location, f.metric): f.value for f in empty_store.queries.figures(["1=1"], {}) if f.location}
    assert rows == {("France", "Received"): 34, ("France", "Granted"): 0, ("Germany", "Received"): 21,
                    ("Germany", "Granted"): 0}
    assert answered(empty_store, "wikimedia requests received from france jan-jun 2017") == 34


SNAP_NL = """Strafrechtelijke verzoeken Verenigde Staten

Verzoeken om gebruikersinformatie ingevolge een Amerikaanse juridische procedure.

Categorie Verzoeken Accountidentificatoren Percentage verzoeken waarvoor gegevens zijn verstrekt
Totaal 6828 11188 87%
Dagvaarding 1624 3231 83%
EDR 801 911 69%
"""


def test_a_table_under_a_header_of_several_words_a_label_is_read_by_its_columns_and_heading(empty_store, tmp_path):
    """Snap's Dutch page for H2 2018: the header's labels are of several words (cut before each
    capitalised word, as many as the rows have numbers and a label), and the line naming the
    United States above it says whose rows they are."""
    doc(empty_store, tmp_path, "snap-nl.txt", SNAP_NL, title="Transparantierapport Snapchat juli - december 2018",
        published=D(2019, 3, 1))
    rows = {(f.policy, f.metric): (f.value, f.location) for f in empty_store.queries.figures(["1=1"], {})}
    assert rows[("all policies", "Verzoeken")] == (6828, "United States")  # "Totaal": no one policy
    assert rows[("Dagvaarding", "Accountidentificatoren")] == (3231, "United States")
    assert rows[("EDR", "Percentage verzoeken waarvoor gegevens zijn verstrekt")] == (69, "United States")
    assert answered(empty_store, "snap us emergency disclosure requests (EDR) h2 2018") == 801
    # a header that cuts into another number of labels than its rows have is read as nothing
    assert answer("what did snap list for information requests from non-US governments in H2 2018?",
                  empty_store).answer is None


def test_a_story_whose_address_names_a_country_is_of_it_unless_a_figure_is_the_worlds(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt",
        "WhatsApp banned 7,420,748 accounts in India from August 1 to August 31, 2021. It received a total of 12,461 "
        "ban appeals. On average 8 million accounts are banned worldwide every month.",
        url="https://pdl.ink/news/74-lakh-whatsapp-accounts-banned-in-india")
    figures = stored(empty_store)
    assert (figures[7420748].location, figures[12461].location, figures[8e6].location) == ("India", "India", "")


def test_a_story_whose_headline_names_the_world_and_a_country_is_not_that_countrys(empty_store, tmp_path):
    """"YouTube Hapus 9 Juta Video di Seluruh Dunia, Indonesia Juga Termasuk!" (9 million videos
    removed worldwide, Indonesia among them): a figure whose sentence names no place is the world's."""
    doc(empty_store, tmp_path, "id.txt", "YouTube juga mengklaim bahwa lebih dari 53 persen video tersebut telah dihapus "
        "bahkan sebelum video tersebut pertama kali ditonton pada kuartal keempat 2023.\n",
        title="YouTube Hapus 9 Juta Video di Seluruh Dunia, Indonesia Juga Termasuk!",
        url="https://gpriority.co.id/youtube-hapus-9-juta-video-di-seluruh-dunia-indonesia-juga-termasuk/", published=D(2024, 3, 20))
    assert stored(empty_store)[53].location == ""


@pytest.mark.parametrize("said", ["In a global effort to safeguard younger users, TikTok",
                                  "A nivel mundial, TikTok", "Di seluruh dunia, TikTok"])
def test_a_figure_said_of_the_world_in_a_countrys_story_is_the_worlds(empty_store, tmp_path, said):
    """ProPakistani's story of TikTok's Q4 2023 report (its address names Pakistan): "In a global
    effort ..., TikTok also deleted 19.84 million accounts" is no count of Pakistan's."""
    doc(empty_store, tmp_path, "pk.txt",
        f"TikTok removed 2,155,871 videos in Pakistan in the fourth quarter of 2023. {said} also deleted 19,840,000 "
        "accounts in the fourth quarter of 2023.", published=D(2024, 4, 1),
        url="https://propakistani.pk/2024/04/01/tiktok-removed-over-2-million-videos-in-pakistan-in-q4-2023/")
    figures = stored(empty_store)
    assert (figures[2155871].location, figures[19840000].location) == ("Pakistan", "")


def test_a_number_s_scale_and_a_calendar_year_are_no_unknown_words(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fb.txt", "Facebook estimates that 5% of its 2.45 billion user accounts are fake.",
        published=D(2020, 2, 1))
    doc(empty_store, tmp_path, "reddit.txt", "In 2019, Reddit banned 9,876 subreddits for Content Policy violations. Of "
        "those, 42% were removed for being unmoderated.", published=D(2020, 2, 1))
    assert answered(empty_store, "what share of facebook's 2.45bn user accounts are estimated fake") == 5
    assert answered(empty_store, "what share of the subreddits reddit took down for content policy violations in "
                                 "calendar 2019 were removed for being unmoderated") == 42


def test_a_question_naming_the_publisher_is_answered_by_what_it_states(empty_store, tmp_path):
    doc(empty_store, tmp_path, "hl.txt",
        "Between July and September 2020, YouTube deleted 7.9 million videos.", published=D(2020, 11, 20),
        publisher="Hardwareluxx")
    assert answered(empty_store, "how many yt videos hardwareluxx says were deleted in q3 2020") == 7.9e6


def test_daily_users_are_not_monthly_ones(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fr.txt",
        "Facebook revendique 2,38 milliards d'utilisateurs actifs par mois au premier trimestre 2019, et 1,56 milliard "
        "d'utilisateurs actifs par jour.", published=D(2019, 5, 24))
    assert answered(empty_store, "facebook daily actives q1 2019") == 1.56e9
    assert answered(empty_store, "fb monthly active users q1 2019") == 2.38e9


def test_a_german_participle_is_read_as_an_adjective_too():
    assert describe("die gelöschten Videos").actions == {"suspended"}
    assert describe("von Nutzern gemeldete Inhalte").facets == {"reported by users"}


def test_a_country_after_a_number_is_read_in_other_languages(empty_store, tmp_path):
    doc(empty_store, tmp_path, "de.txt",
        "Im zweiten Quartal 2020 löschte YouTube 11,4 Millionen Videos. Die meisten gelöschten Videos, nämlich "
        "1,02 Millionen, wurden in den USA hochgeladen.", published=D(2020, 8, 26))
    assert answered(empty_store, "youtube videos removed in the US, q2 2020") == 1.02e6


@pytest.mark.parametrize("name", ["Great Britain", "Britain", "Großbritannien", "Grande-Bretagne", "Inggris"])
def test_a_countrys_common_name_is_that_country(name):
    assert country_in(name) == "United Kingdom"


def test_a_count_of_what_came_from_a_country_is_that_countrys(empty_store, tmp_path):
    doc(empty_store, tmp_path, "de.txt",
        "Im zweiten Quartal 2020 löschte YouTube 11,4 Millionen Videos. Die Zahl der gelöschten Videos aus "
        "Deutschland lag im zweiten Quartal bei 125.000.", published=D(2020, 8, 26))
    assert answered(empty_store, "germany yt removals q2 2020") == 125000
    doc(empty_store, tmp_path, "en.txt",
        "In 2021, Snapchat removed 2,345,678 accounts. Requests from Germany and France numbered 1,234.",
        published=D(2022, 3, 1))
    assert answer("snapchat accounts removed in germany 2021", empty_store).answer is None  # two countries: neither's


def test_a_value_risen_from_is_of_the_period_before(empty_store, tmp_path):
    # "improved, from 89% in the last quarter to 95% this time": 89% is the quarter before the
    # latest; "represented from 0.22% to 0.27%" is a range of one quarter, not a rise
    doc(empty_store, tmp_path, "mint.txt",
        "Facebook said its detection rate for hate speech improved, from 89% in the last quarter to 95% this time. "
        "During the first quarter of 2018, posts with graphic violence represented from 0.22% to 0.27% of views.",
        published=D(2020, 8, 11))
    assert answered(empty_store, "facebook hate speech detection rate q1 2020") == 89
    assert answered(empty_store, "facebook hate speech detection rate q2 2020") == 95
    assert answer("facebook graphic violence views share q4 2017", empty_store).answer is None


def test_markdown_bold_is_read_through_and_quoted_as_written(empty_store, tmp_path):
    text = ("X had required users to remove **6.5 million** pieces of violating content in the first half of 2022, "
            "marking a **29 percent** increase from the second half of 2021.")
    doc(empty_store, tmp_path, "x.md", text, published=D(2024, 9, 26))
    a = answer("by what % did twitter's required content removals go up in H1 2022 vs H2 2021", empty_store)
    assert a.status == "answer" and a.answer.value == 29 and a.answer.quote == text, a.message


def test_the_news_around_a_report_does_not_name_its_period(empty_store, tmp_path):
    """ "Last month" (twice) is when things happened around the report; the period the story names
    for it ("the second half of last year") is what its other figures are of."""
    doc(empty_store, tmp_path, "caixin.txt",
        "TikTok revealed it deleted nearly 50 million videos in the second half of last year.\n\nThe report comes "
        "after the app was banned in India last month. The Indian government said last month that it was banning "
        "59 Chinese apps.\n\nThe deleted videos accounted for less than 1% of all videos posted.", published=D(2020, 7, 11))
    [share] = [f for f in empty_store.queries.all_figures() if f.value == 1]
    assert share.period_label == "H2 2019"


def test_a_story_is_about_the_platform_its_address_names_and_its_quarter_in_portuguese(empty_store, tmp_path):
    """A Portuguese story on Facebook's report (its URL says so: ".../facebook-identifica-...-no-4o-
    trimestre-de-2020") names Instagram as often as Facebook: "the social network" is Facebook."""
    doc(empty_store, tmp_path, "g1.txt",
        "A rede social identificou, ao redor do mundo, 26,9 milhões de conteúdos com discurso de ódio.\n\n"
        "No Instagram, aplicativo que também faz parte do Facebook, foram mais 6,6 milhões de conteúdos com "
        "discurso de ódio identificados durante o período.\n\n"
        "A taxa proativa passou de 26% para 49% no Facebook e de 55% para 80% no Instagram.",
        published=D(2021, 2, 11), url="https://g1.globo.com/economia/tecnologia/noticia/2021/02/11/"
        "facebook-identifica-269-milhoes-de-conteudos-com-discurso-de-odio-no-4o-trimestre-de-2020.ghtml")
    answers = {q: answer(q, empty_store) for q in ("fb hate speech q4 2020", "ig hate speech q4 2020")}
    assert {q: a.answer and a.answer.value for q, a in answers.items()} == {
        "fb hate speech q4 2020": 26.9e6, "ig hate speech q4 2020": 6.6e6}, [a.message for a in answers.values()]


def test_an_undated_document_is_kept_with_what_it_states(empty_store, tmp_path):
    doc(empty_store, tmp_path, "telegram.txt",
        "Telegram Blocks 78 Channels used by ISIS to Spread Propaganda\n\n"
        "Telegram said it has shut down 78 ISIS-related channels since mid-2015.")
    a = answer("how many ISIS channels did telegram shut down", empty_store)
    assert a.status == "answer" and a.answer.value == 78, a.message
    assert a.answer.source.published is None
    assert a.answer.period_end is None  # the end of "since mid-2015" is unknown: never invented


def test_months_an_undated_document_states_without_their_year_are_kept_so_never_given_one(empty_store, tmp_path):
    """"apagou quase 62 milhões de vídeos durante os primeiros três meses do ano" in a story
    with no date, whose only year is "desde 2019" (the reports are published since 2019): the
    62 million are of January to March of a year not stated, not of 2019 or since 2019. The
    months are of the document's year when it reports on one ("the first half of the year" in
    a story about 2019)."""
    doc(empty_store, tmp_path, "pt.txt",
        "O TikTok disse que apagou quase 62 milhões de vídeos durante os primeiros três meses do ano. "
        "Cerca de 8,5 milhões de remoções de conteúdo foram dos Estados Unidos. "
        "A empresa publica relatórios de transparência desde 2019.\n")
    a = answer("how many videos did tiktok delete", empty_store)
    assert a.status == "answer" and a.answer.value == 62e6, a.message
    assert (a.answer.period_start, a.answer.period_end, a.answer.period_label) == (None, None, "Jan–Mar, year not stated")
    for question in ("tiktok videos deleted in 2019", "tiktok videos deleted since 2019", "tiktok videos deleted q1 2019"):
        assert answer(question, empty_store).answer is None, question
    # a paragraph that states no period is of the months the story reports on, not "since 2019"
    doc(empty_store, tmp_path, "pt2.txt",
        "O Snapchat apagou quase 41 milhões de vídeos durante os primeiros três meses do ano.\n\n"
        "A empresa também baniu 7,3 milhões de contas.\n\nA empresa publica relatórios de transparência desde 2019.\n")
    a = answer("how many snapchat accounts were banned", empty_store)
    assert a.answer is not None and (a.answer.value, a.answer.period_label) == (7.3e6, "Jan–Mar, year not stated"), a.message
    doc(empty_store, tmp_path, "fb.txt", "Facebook's 2019 report: in the first six months of the year, Facebook "
                                         "removed 3.2 billion fake accounts.\n")
    assert answered(empty_store, "facebook fake accounts removed H1 2019") == 3.2e9


def test_a_count_as_of_a_date_answers_as_of_that_date_whatever_it_started_from(empty_store, tmp_path):
    """"As of the end of March, TikTok and Douyin accumulated more than 2 billion downloads.
    India accounted for 30% of the total": both as of 31 March 2020 (the story is of July
    2020), asked as "as of the end of March 2020", never as the whole of March."""
    doc(empty_store, tmp_path, "caixin.txt",
        "As of the end of March, TikTok, and its separate Chinese version Douyin, accumulated more than 2 billion "
        "downloads. India accounted for 30% of the total combined downloads of the apps.\n", published=D(2020, 7, 11))
    a = answer("combined tiktok + douyin downloads as of the end of march 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 2e9 and a.answer.period_label == "as of 31 Mar 2020", a.message
    assert answered(empty_store, "what share of combined tiktok+douyin downloads came from india, as of end march 2020") == 30
    assert answer("tiktok downloads in march 2020", empty_store).answer is None


def test_a_subset_said_in_another_language_is_that_subset(empty_store, tmp_path):
    """"captaron y eliminaron proactivamente el 89,4% de dichos vídeos": a share removed
    proactively, as "automatically detected" is; "posts proactively removed" asks for the count."""
    doc(empty_store, tmp_path, "es.txt",
        "TikTok eliminó 49.247.689 vídeos en el segundo semestre de 2019. Sus sistemas captaron y eliminaron "
        "proactivamente el 89,4% de dichos vídeos antes de que algún usuario los denunciara.\n", published=D(2020, 7, 10))
    assert answered(empty_store, "what % of the videos tiktok removed in h2 2019 were removed proactively") == 89.4
    doc(empty_store, tmp_path, "li.txt",
        "66.1 Mn spam and scam posts on LinkedIn were proactively removed in H1 2021, and 99.6% spam and scam "
        "content was automatically removed.\n", published=D(2021, 11, 3))
    assert answered(empty_store, "linkedin spam/scam posts proactively removed h1 2021") == 66.1e6


def test_a_date_in_the_url_places_relative_periods_but_is_not_the_publication_date(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fb.txt", "Facebook removed 3.2 billion fake accounts between April and September.",
        url="https://example.com/2019/11/14/facebook-fake-accounts")
    a = answer("facebook fake accounts removed Apr-Sep 2019", empty_store)
    assert a.status == "answer" and a.answer.value == 3.2e9, a.message
    assert a.answer.source.published is None


def test_a_french_article_is_read(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fr.txt",
        "Au deuxième semestre 2017, Twitter a fermé 274 460 comptes pour apologie du terrorisme.")
    assert answered(empty_store, "twitter accounts suspended for terrorism H2 2017") == 274460


def test_meta_answers_for_facebook_but_instagram_never_does(empty_store, tmp_path):
    doc(empty_store, tmp_path, "meta.txt", "In the first quarter of 2019, Meta removed 2.2 billion fake accounts.")
    assert answer("facebook fake accounts removed Q1 2019", empty_store).answer.value == 2.2e9
    doc(empty_store, tmp_path, "ig.txt", "In the third quarter of 2020, Instagram removed 6.5 million pieces of hate speech.")
    assert answer("facebook hate speech removed Q3 2020", empty_store).answer is None


@pytest.mark.parametrize("sentence", [
    "The site received over 224 million user complaints in the first half of 2024, with nearly 82 million "
    "classified as abuse and harassment.",
    "Between January and June 2024, the site received over 224 million user reports, and out of that, the largest "
    "chunk of reports, 82 million, were related to abuse and harassment.",
])
def test_a_policy_named_for_a_part_is_not_the_totals(empty_store, tmp_path, sentence):
    doc(empty_store, tmp_path, "x.txt", "X releases its first transparency report.\n\n" + sentence,
        publisher="X watcher", published=D(2024, 9, 25))
    assert answered(empty_store, "x abuse and harassment reports h1 2024") == 82_000_000
    from sqlalchemy import select

    from store.models import Figure
    with empty_store.Session() as s:
        total = s.scalars(select(Figure).where(Figure.value == 224_000_000)).one()
    assert total.policy == "all policies"  # the whole of the reports, not the harassment part


def test_a_company_named_beside_its_own_service_asks_for_that_service(empty_store, tmp_path):
    doc(empty_store, tmp_path, "meta.txt",
        "Meta publishes its quarterly report.\n\nThe social network removed 13.6 million pieces of content on Facebook "
        "for violating its violence and incitement policy in the third quarter of 2021. \"On Instagram, we removed "
        "3.3 million pieces of this content,\" Meta said.",
        publisher="DT Next", published=D(2021, 11, 11))
    question = "How much violence and incitement content did Meta remove on Instagram in the three months to September 2021?"
    assert answered(empty_store, question) == 3_300_000  # Instagram's, not its sibling Facebook's
    assert answered(empty_store, "meta facebook violence and incitement removals q3 2021") == 13_600_000


def test_numbers_in_brackets_count_what_their_labels_name(empty_store, tmp_path):
    doc(empty_store, tmp_path, "xbox.txt",
        "Xbox publishes its transparency report for the first half of 2022.\n\nIn the first half of 2022, Xbox said "
        "cheating and inauthentic accounts were responsible for 4.33 million enforcements, ahead of adult sexual "
        "content (199,000), fraud (87,000), harassment or bullying (54,000), phishing (26,000), and ‘other’ (23,000).",
        publisher="Game news", published=D(2022, 11, 15))
    assert answered(empty_store, "phishing enforcements on xbox in the six months to june 2022") == 26_000
    assert answered(empty_store, "xbox harassment or bullying enforcements h1 2022") == 54_000


def test_a_number_in_brackets_after_a_period_is_of_that_period(empty_store, tmp_path):
    doc(empty_store, tmp_path, "ig.txt",
        "Instagram's hate speech numbers.\n\nIn the case of Instagram, the company took action on less content linked "
        "to hate speech in the first quarter of 2020 (805,900) than in the fourth quarter of 2019 (843,600).",
        publisher="Explica", published=D(2020, 5, 13))
    assert answered(empty_store, "ig hate speech actioned q1 2020") == 805_900
    assert answered(empty_store, "instagram hate speech actions in the last three months of 2019") == 843_600


def test_a_number_after_in_counts_where_the_first_were_not_more_of_them(empty_store, tmp_path):
    # "78 channels ... in over 12 languages": 12 counts languages; a question about channels gets 78
    doc(empty_store, tmp_path, "telegram.txt",
        "Telegram blocks channels used by ISIS\n\nIn a Tweet, Telegram says it has shut down 78 ISIS-related "
        "channels, used to spread propaganda in over 12 languages.", published=D(2015, 11, 19))
    assert answered(empty_store, "How many ISIS-related channels did Telegram shut down?") == 78
    assert answered(empty_store, "telegram isis channels blocked") == 78
    assert answered(empty_store, "telegram isis propaganda was spread in how many languages") == 12


def test_another_number_in_a_list_counts_what_the_first_counts(empty_store, tmp_path):
    doc(empty_store, tmp_path, "x.txt",
        "According to X's report, there were approximately 67 million user reports about hateful behavior "
        "and another 40 million concerning violent conduct in the first half of 2024.", published=D(2024, 9, 26))
    figures = stored(empty_store)
    assert figures[40e6].unit == "user reports"


def test_a_question_naming_several_policies_is_answered_by_a_sentence_naming_them_all(empty_store, tmp_path):
    doc(empty_store, tmp_path, "fb.txt",
        "Facebook on Tuesday said it acted on nearly 30 million posts containing sexual pictures, terrorist "
        "propaganda or hate content in the first three months of 2018.", published=D(2018, 5, 16))
    assert answered(empty_store, "How many posts containing sexual pictures, terrorist propaganda or hate content "
                                 "did Facebook act on in the first three months of 2018?") == 30e6
    assert answer("How many posts containing terrorist propaganda or child abuse did Facebook act on in Q1 2018?",
                  empty_store).answer is None  # not all of them are said


@pytest.mark.parametrize("sentence,question,value", [
    # a count naming nothing after it counts the one thing its clause names before it
    ("Die meisten gelöschten Videos, nämlich 1,02 Millionen, wurden in den USA eingestellt.",
     "How many videos did YouTube remove in the US in the second quarter of 2020?", 1.02e6),
    ("Of the 4.8 million accounts actioned, 1.2 million of them were actually suspended.",
     "how many youtube accounts were suspended in Q2 2020", 1.2e6),
])
def test_a_count_with_no_noun_counts_what_its_clause_names(empty_store, tmp_path, sentence, question, value):
    doc(empty_store, tmp_path, "yt.txt", "YouTube im zweiten Quartal 2020\n\n" + sentence + " Das war im zweiten Quartal 2020.",
        published=D(2020, 8, 30))
    figure = stored(empty_store)[value]
    assert figure.unit in ("videos", "accounts")
    assert answered(empty_store, question) == value


def test_a_share_in_brackets_after_a_count_is_of_what_the_count_counts(empty_store, tmp_path):
    doc(empty_store, tmp_path, "xbox.txt",
        "Xbox published its transparency report for the first half of 2022. By breaking down the offenses, more "
        "than 2.33 million enforcements (57%) were for cheating and/or inauthentic accounts, and 199,000 "
        "enforcements (4%) were for adult sexual content.", published=D(2022, 11, 14))
    assert answered(empty_store, "xbox h1 2022 cheating/inauthentic enforcements as a percentage of the total") == 57
    assert answered(empty_store, "what share of xbox enforcements in h1 2022 were for adult sexual content") == 4


def test_a_number_the_question_gives_is_not_its_answer_as_another_source_rounds_it(empty_store, tmp_path):
    doc(empty_store, tmp_path, "a.txt", "X's transparency report for the first half of 2024\n\nAdditionally, the "
        "company removed or labeled over **10.6 million posts** for violating its policies, with about **5 million** "
        "categorized under its “hateful conduct” policy.", published=D(2024, 9, 26))
    doc(empty_store, tmp_path, "b.txt", "X's transparency report for the first half of 2024\n\nX acted against "
        "hateful conduct, abuse and violent content. As a result, the platform suspended around 5.3 million accounts "
        "and either removed or labeled 10.7 million posts.",
        published=D(2024, 9, 25))
    assert answered(empty_store, "of the 10.6M posts X removed or labeled in the first half of 2024, how many fell "
                                 "under hateful conduct?") == 5e6


def test_a_policy_one_item_of_a_semicolon_list_names_is_that_items_alone(empty_store, tmp_path):
    doc(empty_store, tmp_path, "xbox.txt",
        "Xbox published its transparency report for the first half of 2022. Of that 4.78 million, 199,000 proactive "
        "enforcements involved adult sexual content; 87,000 concerned fraud; and 54,000 involved harassment or "
        "bullying.", published=D(2022, 11, 14))
    figures = stored(empty_store)
    assert figures[199000].policy == "nudity" and figures[87000].policy != "nudity"


def test_a_bullet_list_completes_the_line_it_follows_and_what_a_total_leaves_out_is_not_its_policy(empty_store, tmp_path):
    doc(empty_store, tmp_path, "reddit.txt",
        "Reddit's 2019 transparency report\n"
        "- In 2019, we removed ~53M pieces of content in total, mostly for spam, exclusive of legal/copyright "
        "removals, which we track separately.\n"
        "- For Content Policy violations, we removed\n"
        "- 222k pieces of content,\n"
        "- 55.9k accounts, and\n"
        "- 21.9k subreddits.\n"
        "- Additionally, we quarantined 256 subreddits.\n", published=D(2020, 2, 24))
    figures = stored(empty_store)
    assert figures[53e6].policy != "copyright"
    assert (figures[222e3].metric, figures[55.9e3].metric) == ("pieces of content removed", "accounts suspended")
    assert "quarantined" in figures[256].metric  # the list ended: its own verb


def test_a_pages_date_stamp_is_when_it_was_published_not_what_its_figures_are_of(empty_store, tmp_path):
    doc(empty_store, tmp_path, "netzpolitik.txt",
        " date 2021-02 Die Videoplattform TikTok hat im zweiten Halbjahr 2020 fast 90 Millionen Videos entfernt, was "
        "laut dem am Mittwoch veröffentlichten Transparenzbericht weniger als ein Prozent der Videos entspricht. Die "
        "meisten Inhalte wurden mit elf Millionen in den Vereinigten Staaten entfernt.",
        url="https://netzpolitik.org/2021/transparenzbericht-tiktok-loeschte-in-sechs-monaten-fast-90-millionen-videos/")
    figures = stored(empty_store)
    assert figures[90e6].period_label == figures[11e6].period_label == "H2 2020"


def test_an_abbreviation_the_sentence_spells_out_is_what_it_says(empty_store, tmp_path):
    doc(empty_store, tmp_path, "twitter.txt",
        "Twitter transparency report. In the first half of 2018 we suspended a total of 487,363 accounts for "
        "violations related to child sexual exploitation. In the first half of 2018 we also suspended 205,156 "
        "accounts for violations of our terms of service.", published=D(2018, 12, 12))
    assert answered(empty_store, "twtr cse susp 1H18") == 487363
    assert answered(empty_store, "twtr tos susp 1H18") == 205156


def test_a_count_of_a_subset_is_of_that_subset_and_of_the_place_of_its_whole(empty_store, tmp_path):
    doc(empty_store, tmp_path, "whatsapp.txt",
        "WhatsApp's monthly report for October 2021. WhatsApp said it banned 23.24 lakh accounts in India in October "
        "2021, including 8.11 lakh accounts which were barred proactively before being flagged by users.",
        published=D(2021, 12, 1))
    doc(empty_store, tmp_path, "ig.txt",
        "Meta's report for the third quarter of 2021. On Instagram, we removed 3.3 million pieces of this content "
        "with a proactive detection rate of 96.4 per cent.", published=D(2021, 11, 9))
    assert answered(empty_store, "how many of WhatsApp's October 2021 India bans were proactive, before user flags?") == 811e3
    assert answered(empty_store, "whatsapp india bans october 2021") == 2324e3
    assert answered(empty_store, "How much content did Instagram remove in the three months to September 2021?") == 3.3e6


def test_a_table_with_numbers_grouped_by_spaces_on_a_page_naming_no_platform_is_read(empty_store, tmp_path):
    # Snap's India page in Finnish: the platform is the site's, the numbers are grouped by spaces
    doc(empty_store, tmp_path, "snap-fi.txt",
        "Sisältö- ja tili-ilmoitukset* yhteensä\n\nToimenpiteisiin johtanut sisältö yhteensä\n\n57 174\n\n13 083\n\n"
        "CSAM: Poistetut tilit yhteensä\n\nTerrorismi: Poistetut tilit yhteensä\n\n1 071\n\n0\n",
        url="https://snap.com/en-US/privacy/transparency/india-11-2021?lang=fi-FI")
    figures = stored(empty_store)
    assert {57174, 13083, 1071} <= set(figures)
    assert figures[1071].platform == "Snapchat" and figures[1071].policy == "child safety"
    assert figures[1071].period_label == "Nov 2021"


def test_every_day_and_each_month_are_rates_as_per_day_is(empty_store, tmp_path):
    doc(empty_store, tmp_path, "telegram.txt",
        "Telegram blocks ISIS channels. “Every day we block over 60 ISIS-related channels before they get any "
        "traction, more than 2,000 channels each month,” Telegram said in a post.", published=D(2016, 2, 1))
    assert answered(empty_store, "telegram isis channels blocked per day") == 60
    assert answered(empty_store, "telegram isis channels blocked per month") == 2000


def test_a_bracketed_number_after_another_bracket_counts_what_its_own_label_names(empty_store, tmp_path):
    doc(empty_store, tmp_path, "ig.txt",
        "Instagram removed content in the third quarter of 2019. This is the largest group, followed by suicide and "
        "self-injury (0.8m), child nudity and sexual exploitation (0.8m) and terrorist propaganda (0.1m).",
        published=D(2019, 11, 13))
    figures = stored(empty_store)
    assert figures[100000].policy == "terrorism"


@pytest.mark.parametrize("sentence", [
    "A plataforma também retirou 20 milhões de conteúdos de desinformação relacionados ao novo coronavírus.",
    "La plataforma retiró 20 millones de contenidos de desinformación sobre el coronavirus.",
])
def test_misinformation_as_the_other_languages_say_it(empty_store, tmp_path, sentence):
    doc(empty_store, tmp_path, "fb.txt", "Facebook no segundo trimestre de 2021. " + sentence, published=D(2021, 8, 18))
    assert stored(empty_store)[20e6].policy == "misinformation"


def test_an_arabic_story_names_its_platform_and_numbers_in_arabic(empty_store, tmp_path):
    doc(empty_store, tmp_path, "ar.txt",
        "أعلنت شبكة التواصل الاجتماعي الأمريكية تويتر أنها علقت 636 ألفًا و248 حسابًا يمجد الإرهاب وذلك في الفترة "
        "من الأول من أغسطس 2015 إلى 31 ديسمبر 2016.")
    figure = stored(empty_store)[636248]
    assert (figure.platform, figure.period_start, figure.period_end) == ("Twitter", D(2015, 8, 1), D(2016, 12, 31))


def test_a_count_of_these_is_of_the_place_of_the_count_before_it(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt",
        "WhatsApp took action and banned 7,420,748 accounts in India from August 1 to August 31, in compliance with "
        "the new IT Rules of 2021. The messaging app said, “3,506,905 of these accounts were proactively banned, "
        "before any reports from users.”", published=D(2021, 10, 1))
    figures = stored(empty_store)
    assert set(figures) == {7420748, 3506905}  # the days are no figures
    assert figures[3506905].location == "India" and figures[7420748].period_label == "Aug 2021"


def test_a_clause_opening_on_its_own_year_is_not_the_year_of_the_number_before_it(empty_store, tmp_path):
    doc(empty_store, tmp_path, "mc.txt", "While in 2018, Twitter blocked 225 URLs, in 2019 the number jumped 362 percent "
        "to 1,041.", published=D(2022, 7, 27))
    figures = stored(empty_store)
    assert (figures[225].period_label, figures[1041].period_label) == ("2018", "2019")


def test_two_coordinated_counts_share_the_period_their_clause_states_after_both(empty_store, tmp_path):
    doc(empty_store, tmp_path, "discord.txt",
        "Discord's 2022 transparency reports\n\nDiscord disabled 55,573,411 accounts and removed 68,379 servers "
        "from January to June of 2022.", published=D(2022, 10, 29))
    figures = stored(empty_store)
    assert figures[55573411].period_label == figures[68379].period_label == "H1 2022"
    doc(empty_store, tmp_path, "yt.txt",
        "YouTube's appeals in the second quarter of 2020. • 50% of appeals were successful, double the 25% success "
        "rate in Q1.", published=D(2020, 8, 25))
    assert stored(empty_store)[50].period_label == "Q2 2020"


def test_how_many_names_what_is_counted_even_of_other_things(empty_store, tmp_path):
    # "user reports of accounts and content" counts reports, not accounts or content
    doc(empty_store, tmp_path, "x.txt",
        "There were 224 million user reports of accounts and individual content in the first half of 2024; X "
        "suspended 5.3 million accounts.", published=D(2024, 9, 26))
    assert answered(empty_store, "how many user reports of accounts and content did X get in H1 2024?") == 224e6


def test_a_chart_table_with_periods_for_rows_is_read_cell_by_cell(empty_store, tmp_path):
    """A statistics site's chart data as copied: its title, a header whose labels run together
    (the first names the rows), then a row per period; "-" states nothing. Each number is its
    column's policy in its row's period; the largest column is no total of the others."""
    doc(empty_store, tmp_path, "statista.txt",
        "Number of enforcement actions taken on reported behavior violations on Twitch as of 1st half 2023, by type\n\n"
        "CharacteristicHateful Conduct, Sexual Harassment, and HarassmentViolence, Gore, Threats and Other Extreme "
        "ConductTerrorism, Terrorist Propaganda, and RecruitmentSpam and Other Community Guidelines ViolationsMisinformation\n"
        "2020 H2 61,235 7,429 67 987,239 -\n"
        "2021 H1 210,059 10,690 55 819,122 -\n"
        "2022 H2 199,769 17,691 102 703,524 26\n")
    figures = stored(empty_store)
    assert len(figures) == 13 and figures[987_239].period_label == "H2 2020" and figures[987_239].policy == "spam"
    assert answered(empty_store, "twitch spam enforcement actions h2 2020") == 987_239
    assert answered(empty_store, "twitch hateful conduct/harassment enforcements h1 2021") == 210_059
    assert answered(empty_store, "According to Statista, how many misinformation enforcement actions did Twitch take in H2 2022?") == 26
    assert answer("twitch enforcement actions h1 2021", empty_store).answer is None  # which policy? not the largest


def test_a_countrys_people_and_a_place_said_first_in_another_language_are_the_numbers_place(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt", "The latest report reveals that WhatsApp banned over 2,918,000 accounts of Indian "
        "users between January 1 - January 31, 2023.", published=D(2023, 3, 2))
    doc(empty_store, tmp_path, "tt.txt", "Além deste dado, mais de 102 milhões de vídeos do TikTok foram removidos entre "
        "janeiro e março deste ano.\nNo Brasil, 4,7 milhões de vídeos foram excluídos no primeiro trimestre deste ano. "
        "Nos Estados Unidos, foram mais de 14 milhões.", published=D(2022, 6, 30))
    places = {v: f.location for v, f in stored(empty_store).items()}
    assert (places[2_918_000], places[4_700_000], places[14_000_000], places[102_000_000]) == \
        ("India", "Brazil", "United States", "")
    assert answered(empty_store, "whatsapp india bans jan 2023") == 2_918_000
    assert answered(empty_store, "How many TikTok videos were removed in Brazil in the first quarter of 2022?") == 4_700_000


def test_a_headline_naming_a_countrys_people_places_the_figures_that_state_no_place(empty_store, tmp_path):
    """A story whose address says "...-indian-accounts-..." is about India's figures: its
    grievances count, which states no place, is India's. A question names a country by its
    people where they are what is counted ("those Indian WhatsApp bans"), not in a name ("Per
    the Indian Express")."""
    doc(empty_store, tmp_path, "wa.txt", "WhatsApp banned 2 million accounts between May 15 and June 15, 2021. "
        "345 grievances were received between the period and 204 appealed against account bans.",
        url="https://techshotsapp.com/2021/07/18/whatsapp-bans-2mn-indian-accounts-between-may-june/",
        published=D(2021, 7, 18))
    assert {f.location for f in stored(empty_store).values()} == {"India"}
    assert answered(empty_store, "how many grievances did WhatsApp receive in India in may-june 2021") == 345
    r = reader(empty_store)
    assert r.read("what % of those Indian WhatsApp bans were due to spam?").location == "India"
    assert r.read("Per the Indian Express, how many requests did TikTok get in H1 2020?").location is None


def test_the_whole_year_is_the_year_of_the_period_reported_on(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt", "Sur le dernier trimestre 2021, YouTube a supprimé quelque 3,75 millions de "
        "vidéos. Au total, sur l'ensemble de l'année, YouTube a supprimé près de 26 millions de vidéos.")
    assert stored(empty_store)[26_000_000].period_label == "2021"
    assert answered(empty_store, "youtube videos removed in 2021") == 26_000_000


def test_a_bound_of_views_is_no_count_and_a_duration_in_another_language_is_none(empty_store, tmp_path):
    doc(empty_store, tmp_path, "heise.txt", "Twitter entfernte im ersten Halbjahr 2021 4,7 Millionen Tweets. Dabei erhielten "
        "68 Prozent der entfernten Tweets weniger als 100 Impressionen, weitere 24 Prozent erhielten zwischen 100 und "
        "1000 Impressionen. TikTok-Videos erhielten mehr als 2 Millionen Aufrufe.\n"
        "TikTok ha rimosso sette milioni di account di utenti sospettati di aver meno di 13 anni.", published=D(2021, 11, 12))
    assert set(stored(empty_store)) == {4_700_000, 68, 24, 2_000_000, 7_000_000}  # not 100, 1000, 13
    assert answered(empty_store, "twitter tweets removed h1 2021") == 4_700_000


def test_what_a_question_asks_rather_than_something_else_is_what_it_asks(empty_store, tmp_path):
    doc(empty_store, tmp_path, "xbox.txt", "Vole's first Digital Transparency Report said that from January to June "
        "2022, Microsoft banned a total of 7.21 million Xbox accounts. 4.78 million of these bans were proactive, and "
        "2.53 million were reactive.", published=D(2022, 11, 15))
    assert answered(empty_store, "how many microsoft bans were reactive rather than proactive in h1 2022") == 2_530_000
    assert answered(empty_store, "how many microsoft bans were proactive instead of reactive in h1 2022") == 4_780_000


def test_each_share_of_a_list_in_another_language_says_only_its_own_subset(empty_store, tmp_path):
    doc(empty_store, tmp_path, "lavoz.txt", "TikTok eliminó 61 millones de videos en el primer trimestre de 2021. Según el "
        "informe, el 82 por ciento de esos videos fueron eliminados antes de recibir ninguna visualización, el 91 por "
        "ciento antes de ser denunciados por algún usuario y el 93 por ciento en menos de 24 horas después de ser publicados.",
        published=D(2021, 7, 1))
    assert 24 not in stored(empty_store)  # "en menos de 24 horas": a length of time
    assert answered(empty_store, "What % of the videos TikTok removed in Q1 2021 were taken down before any user "
                                 "reported them?") == 91


def test_two_months_in_an_address_are_a_range_of_them(empty_store, tmp_path):
    """".../april-juni-2021-tiktok-hapus-81-juta-video": April to June 2021, not June alone, so
    the story's figures stated for "kuartal dua (Q2) 2021" keep that quarter."""
    doc(empty_store, tmp_path, "suara.txt", "TikTok mengumumkan telah menghapus 81.518.334 video selama kuartal dua "
        "(Q2) 2021 atau 1 April hingga 30 Juni. Di periode yang sama, TikTok juga menghapus 27.518 video yang berisi "
        "misinformasi Covid-19.",
        url="https://amp.suara.com/tekno/2021/10/18/152209/april-juni-2021-tiktok-hapus-81-juta-video",
        published=D(2021, 10, 18))
    assert {f.period_label for f in stored(empty_store).values()} == {"Q2 2021"}


def test_a_script_without_capitals_is_read_sentence_by_sentence(empty_store, tmp_path):
    """Sauress' Arabic story (tests/data/real, no date): its sentences end with a full stop before
    a letter that has no capital form. Read as one sentence, the request changes at its end took
    the period named nearest before them ("منذ 2010", since 2010); read sentence by sentence, they
    are of the half the story reports on, the six months before the latest date it states."""
    text = (Path(__file__).parent / "data" / "real" / "docs" / "005-twitter-terrorism-sauress-arabic.txt").read_text(encoding="utf-8")
    doc(empty_store, tmp_path, "sauress.txt", text)
    a = answer("twitter account removal requests % change h2 2016", empty_store)
    assert a.status == "answer" and a.answer.value == 13, a.message
    assert (a.answer.period_start, a.answer.period_end) == (D(2016, 7, 1), D(2016, 12, 31))


def test_a_place_with_an_accented_capital_and_an_auxiliary_after_a_number(empty_store, tmp_path):
    """"11 775 777 ont été supprimées aux États-Unis": the place starts with "É", and "ont" (have)
    is no noun the number counts; it counts the videos its sentence names."""
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok a supprimé 89 132 938 vidéos au cours du second semestre 2020. Parmi ces vidéos, 11 775 777 ont été "
        "supprimées aux États-Unis.\n", published=D(2021, 2, 25))
    a = answer("tiktok videos removed in the us h2 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 11_775_777 and a.answer.location == "United States", a.message
    assert a.answer.unit == "videos"


def test_the_words_after_a_joining_word_are_the_next_numbers_own(empty_store, tmp_path):
    # "but"/"and"/"et": what the first number counts stops at the word joining the second to it,
    # unless the second says nothing but when ("... and 22% from April to June": 22% of reports)
    doc(empty_store, tmp_path, "discord.txt",
        "Discord published its transparency report for the second half of 2020. Discord a également interdit "
        "3 264 655 comptes pour « comportement de spam » et 266 075 à des fins non liées au spam.",
        published=D(2021, 4, 2))
    doc(empty_store, tmp_path, "discord2.txt",
        "Discord published its transparency report for 2022. They acted on 24% of user reports from January to "
        "March 2022 and 22% from April to June 2022.", published=D(2022, 9, 1))
    assert answered(empty_store, "discord spam accounts banned h2 2020") == 3264655
    assert answered(empty_store, "share of user reports Discord acted on, Apr–Jun 2022") == 22


def test_a_place_asked_that_no_figure_is_of_is_found_in_a_figures_own_sentence(empty_store, tmp_path):
    # the place was not read as the number's ("TikTok Indonesia masuk ke-5 besar dengan angka"), but
    # the number's sentence names it and no other: that figure answers, and another place gets none
    doc(empty_store, tmp_path, "suara.txt",
        "TikTok mengumumkan telah menghapus 81.518.334 video pada kuartal kedua 2021. Sedangkan video dari "
        "pengguna TikTok Indonesia masuk ke-5 besar dengan angka 4.743.066 video.", published=D(2021, 10, 14))
    assert answered(empty_store, "tiktok indonesia vids removed q2 2021") == 4743066
    assert answer("tiktok brazil vids removed q2 2021", empty_store).answer is None


def test_an_arabic_story_names_its_quarter_its_places_and_its_hours(empty_store, tmp_path):
    # the third quarter of 2025 (not the year), Egypt from "في مصر" and from the address, once its
    # escapes are decoded; not the region's total, whose sentence names six countries; 24 hours is no count
    doc(empty_store, tmp_path, "masrawy.txt",
        "أزالت منصة تيك توك أكثر من 3.02 مليون فيديو خلال الربع الثالث من عام 2025 في مصر لمخالفتها إرشادات "
        "المجتمع.\n\nكما تم حذف 95.8% من المحتوى المخالف خلال أقل من 24 ساعة.\n\nووفقًا للتقرير، قامت المنصة "
        "بإزالة أكثر من 17.41 مليون فيديو في منطقة الشرق الأوسط وشمال أفريقيا وذلك في مصر والسعودية والإمارات "
        "والعراق ولبنان والمغرب خلال الربع الثالث من عام 2025.",
        url="https://www.masrawy.com/news/details/2026/1/15/2926000/-%D8%AA%D9%8A%D9%83-%D8%AA%D9%88%D9%83-"
            "%D8%AA%D8%B2%D9%8A%D9%84-%D9%81%D9%8A%D8%AF%D9%8A%D9%88-%D8%A8%D9%85%D8%B5%D8%B1")
    figures = stored(empty_store)
    assert (figures[3.02e6].location, figures[3.02e6].period_start, figures[3.02e6].period_end) == \
        ("Egypt", D(2025, 7, 1), D(2025, 9, 30))
    assert figures[17.41e6].location == ""
    assert 24 not in figures
    assert answered(empty_store, "tiktok egypt vids removed q3 2025") == 3.02e6


def test_a_two_letter_country_code_typed_in_a_terse_question_is_that_place(empty_store, tmp_path):
    doc(empty_store, tmp_path, "vn.txt",
        "TikTok removed 102 million videos worldwide in the first quarter of 2022. It removed 2.4 million "
        "videos in Vietnam in the first quarter of 2022, and 94% of them within 24 hours. It removed 3,100 "
        "videos in Croatia in the first quarter of 2022.", published=D(2022, 6, 1))
    assert answered(empty_store, "tiktok vn vids removed q1 22") == 2.4e6
    assert answered(empty_store, "tiktok vids removed q1 22") == 102e6
    # never a unit after a number ("hr" is Croatia's code)
    assert reader(empty_store).read("tiktok vids removed within 24 hr q1 22").location is None


def test_a_pages_date_stamp_alone_names_no_period_of_its_figures(empty_store, tmp_path):
    # " date 2020-07" is when the page was published: figures that state no period of their own
    # have none ("period not stated"), not July 2020
    doc(empty_store, tmp_path, "wnp.txt",
        " date 2020-07 TikTok poinformował, że 49 mln materiałów naruszających regulamin TikToka zostało usuniętych "
        "z platformy.")
    figure = stored(empty_store)[49e6]
    assert (figure.period_start, figure.period_end) == (None, None)


def test_a_platform_glued_to_chinese_or_japanese_words_is_named():
    from store.vocabulary import platforms_in
    assert platforms_in("報告書によると、TikTokの運営会社は") == ["TikTok"]


def test_an_arabic_sentence_opening_on_its_place_is_of_that_place(empty_store, tmp_path):
    doc(empty_store, tmp_path, "maghress.txt",
        "كشفت منصة تيك توك عن حذف أكثر من 16.5 مليون فيديو خلال الربع الأول من عام 2025.\n\n"
        "في المغرب، أزالت المنصة ما مجموعه 1,040,981 فيديو مخالف.\n\nففي مصر، تم حذف 2.9 مليون فيديو خلال نفس الفترة.",
        published=D(2025, 5, 20))
    figures = stored(empty_store)
    assert (figures[1040981].location, figures[2.9e6].location, figures[16.5e6].location) == ("Morocco", "Egypt", "")


def test_a_number_in_brackets_after_a_few_words_is_of_the_label_before_the_bracket(empty_store, tmp_path):
    doc(empty_store, tmp_path, "techcrunch.txt",
        "Twitter increased enforcement of its rules in the second half of 2019, including suicide & self-harm "
        "(enforcement actions up 29%), doxxing (enforcement actions up 41%) and non-consensual nudity "
        "(enforcement actions up 109%).", published=D(2020, 8, 19))
    figures = stored(empty_store)
    assert (figures[29].policy, figures[109].policy) == ("self-harm", "nudity")
    assert answered(empty_store, "by what percent did twitter's enforcement actions on non-consensual nudity rise in h2 2019") == 109


@pytest.mark.parametrize("text", ["fake account deletions", "the fake-account removals", "every user report"])
def test_a_phrase_s_last_noun_used_as_an_adjective_is_that_phrase(text):
    assert describe(text) == describe(text.replace("account", "accounts").replace("report", "reports")) != describe("")


def test_a_countrys_government_that_made_or_ranked_with_a_number_is_its_place(empty_store, tmp_path):
    doc(empty_store, tmp_path, "ibtimes.txt",
        "Facebook said governments made 34, 946 requests in the first half of 2014. The U.S. government made 15, 433 requests, "
        "the highest. The Indian government was second with 4, 559 requests, followed by Germany with 2, 537 "
        "requests.", published=D(2014, 11, 5))
    figures = stored(empty_store)
    assert [figures[v].location for v in (34946, 15433, 4559, 2537)] == ["", "United States", "India", "Germany"]


def test_a_country_leading_a_list_or_right_before_its_number_is_its_place(empty_store, tmp_path):
    doc(empty_store, tmp_path, "hindu.txt",
        "YouTube removed 3,882,684 videos in January to March 2022. Pakistan took the sixth spot with 124,457 "
        "videos removed.", published=D(2022, 6, 1))
    doc(empty_store, tmp_path, "libero.txt",
        "TikTok ha ricevuto richieste dai governi nel primo semestre 2020. Israele ha presentato 41 richieste, "
        "la Germania 37 richieste.", published=D(2020, 9, 23))
    doc(empty_store, tmp_path, "haber.txt",
        "Twitter 2015 yılında hesap dondurdu. Dağılım şöyle: Türkiye:414, Rusya:14.", published=D(2016, 3, 1))
    doc(empty_store, tmp_path, "generation.txt",
        "TikTok a supprimé 49 millions de vidéos au second semestre 2019 : 4,6 millions pour les États-Unis.",
        published=D(2020, 1, 10))
    figures = stored(empty_store)
    assert [figures[v].location for v in (3882684, 124457, 37, 414, 4600000)] == \
        ["", "Pakistan", "Germany", "Türkiye", "United States"]
    assert answered(empty_store, "youtube videos removed q1 2022") == 3882684  # not Pakistan's


def test_the_words_after_a_share_in_brackets_are_still_its_counts(empty_store, tmp_path):
    # "10.5 million (39%) reports were issued regarding conduct": 10.5 million reports of conduct
    doc(empty_store, tmp_path, "xbox.txt",
        "Xbox players filed 27.3 million reports in the first half of 2023. 10.5 million (39%) reports were issued "
        "regarding conduct, and 3.1 million (11%) related to user-generated content. Of those, 2.8 million (53%) "
        "were suspended for child sexual exploitation. Incidents of account suspension were 2.43 million (34%) "
        "and incidents of content removal only were 196,000 (3%).", published=D(2023, 11, 1))
    figures = stored(empty_store)
    assert figures[10_500_000].unit == "reports"
    assert figures[2_800_000].policy == "child safety"
    assert "content" not in figures[2_430_000].metric  # after the aside, "and ..." is the next number's
    assert answered(empty_store, "Xbox players filed 27.3 million reports in H1 2023. How many of them concerned "
                                 "conduct?") == 10_500_000


def test_services_beyond_the_big_western_ones_are_platforms_in_their_own_scripts(empty_store, tmp_path):
    doc(empty_store, tmp_path, "koo.txt", "Koo removed 54,235 Koos in June 2021 after proactive moderation.",
        published=D(2021, 7, 2))
    doc(empty_store, tmp_path, "apple.txt", "Apple terminated 428,000 developer accounts in 2022 for fraud.",
        published=D(2023, 5, 17))
    figures = stored(empty_store)
    assert [figures[v].platform for v in (54235, 428000)] == ["Koo", "Apple"]
    assert answered(empty_store, "apple developer accounts terminated 2022") == 428000
    assert (platforms_in("2022年3月，快手平台处置违规短视频"), platforms_in("카카오는 지난해")) == (["Kuaishou"], ["Kakao"])
    assert platforms_in("a line of text: temu kangen") == []  # common words as such are no services


def test_a_month_right_after_a_count_is_its_month_of_the_reported_year(empty_store, tmp_path):
    # "173 em janeiro e 148 em fevereiro", "peaking at 65,103 in December": those months, of the year of
    # the period the document reports on (the year before, for a month after that period's end)
    doc(empty_store, tmp_path, "twitch.txt",
        "Twitch publicou o relatório do primeiro semestre de 2021. Foram 321 bans de parceiros - 173 em janeiro "
        "e 148 em fevereiro.", published=D(2021, 9, 1))
    doc(empty_store, tmp_path, "discord.txt",
        "Discord published its transparency report for the first half of 2021. User reports peaked at 65,103 in "
        "December.", published=D(2021, 9, 1))
    figures = stored(empty_store)
    assert (figures[173].period_start, figures[148].period_start, figures[65103].period_start) == \
        (D(2021, 1, 1), D(2021, 2, 1), D(2020, 12, 1))


def test_a_word_cut_short_in_a_question_is_the_word_by_the_number_it_starts(empty_store, tmp_path):
    doc(empty_store, tmp_path, "apple.txt",
        "In 2022 Apple blocked nearly 3.9 million stolen credit cards, while preventing 714,000 accounts from "
        "transacting again. The company said that 428,000 developer accounts were terminated for fraud.",
        published=D(2023, 5, 17))
    assert answered(empty_store, "apple dev accts terminated 2022") == 428000


def test_an_adverb_in_a_question_qualifies_what_is_counted_and_never_vetoes_it(seeded_sqlite):
    # ("accounts closed for knitting": a word that may be what is counted still vetoes)
    read = reader(seeded_sqlite).read
    assert "specifically" not in read("twitter accounts suspended specifically for terrorism in H2 2017").blocking
    assert "knitting" in read("twitter accounts suspended for knitting in H2 2017").blocking
    assert answered(seeded_sqlite, "how many twitter accounts were specifically suspended in H2 2017") == 274460
    assert _bare("under-13s") == "under13"  # and a word with a hyphen is found as the source writes it, "under 13"


def test_an_address_ending_in_a_date_names_its_place_in_the_part_before(empty_store, tmp_path):
    doc(empty_store, tmp_path, "rediff.txt", "Google also removed 4,05,911 pieces of content in December 2021 as a "
        "result of automated detection.", published=D(2022, 1, 31),
        url="http://rediff.com/news/report/google-deleted-94173-articles-in-december-in-india/20220131.htm")
    assert stored(empty_store)[405911].location == "India"


def test_reports_in_russian_chinese_korean_and_turkish_are_read(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tass.txt", "За 2025 год Telegram заблокировал 44,085 млн каналов и групп.",
        published=D(2026, 1, 12))
    doc(empty_store, tmp_path, "kuaishou.txt", "快手2022年3月累计封禁违规用户256,837人,累计处置侵权类举报398,139条。",
        published=D(2022, 4, 6))
    doc(empty_store, tmp_path, "kakao.txt", "카카오는 2020년 상반기에 유해 게시물 99만5535건을 삭제했다.", published=D(2020, 8, 1))
    doc(empty_store, tmp_path, "halktv.txt", "TikTok 2025 yılında Türkiye'de 2.118.000 VİDEO KALDIRILDI.", published=D(2025, 12, 1))
    figures = stored(empty_store)
    assert (figures[44_085_000].platform, figures[44_085_000].period_label) == ("Telegram", "2025")
    assert figures[256_837].metric != figures[398_139].metric  # "用户" banned, "举报" handled: parted at the comma
    assert (figures[995_535].platform, figures[995_535].period_label) == ("Kakao", "H1 2020")
    assert figures[2_118_000].platform == "TikTok"
    assert answered(empty_store, "telegram channels blocked 2025") == 44_085_000


def test_a_turkish_word_is_read_with_its_case_ending(empty_store, tmp_path):
    """Turkish glues case endings to its words: "paylaşımın kaldırılmasını talep etti" (requested the removal of
    posts) is a removal request, as "kaldırılması" is; a word English shares takes no ending."""
    assert {"requested", "suspended"} <= describe("Türkiye aynı dönemde 4 bin 325 paylaşımın kaldırılmasını talep etti.").actions
    assert describe("Twitter removedxyz 5 million videos.").actions == frozenset()
    doc(empty_store, tmp_path, "tr.txt", "Twitter'ın 2020'nin ilk yarısına ait şeffaflık raporuna göre Türkiye aynı dönemde "
        "4 bin 325 paylaşımın kaldırılmasını talep etti. Raporun yayınlanmaya başladığı Ocak 2012den Temmuz 2020ye kadar "
        "ise toplamda 45 bin 776 paylaşımın kaldırılması istendi.", published=D(2020, 8, 20))
    assert answered(empty_store, "twtr turkey content removal reqs h1 2020") == 4325


@pytest.mark.parametrize("question,label", [
    ("by what percent did discord's bans of extremist communities go up vs the first half of 2020", "H2 2020"),
    ("by what % did new twitch channels grow from the first half of 2020 to the second half", "H2 2020"),
    ("how much did removals grow from Q1 2021 to Q2 2021", "Q2 2021"),
    ("by what percent did removals fall in H2 2020", "H2 2020"),
])
def test_a_change_asked_against_a_period_is_of_the_period_after_it(empty_store, question, label):
    assert reader(empty_store).read(question).period.label == label


@pytest.mark.parametrize("question,kind", [
    ("how many enforcements fell in xbox's catch-all 'other' bucket in H1 2022", "count"),
    ("how many videos went down along with the channels YouTube closed", "count"),
    ("By how many accounts did Discord's non-spam account removals increase?", "count"),
    ("by what percent did removals go down in H2", "change"),
    ("roughly how many times larger was xbox's enforcement volume", "multiple"),
])
def test_how_many_before_what_it_counts_asks_for_a_count_whatever_happened_around_it(question, kind):
    assert describe(question).kind == kind


def test_a_day_a_document_names_without_its_year_is_the_period_of_that_days_count(empty_store, tmp_path):
    """Telegram's daily blocks, as TASS and Vedomosti report them the next day: "16 февраля Telegram
    заблокировал 187 634 группы" is 16 February 2026's count, "с начала февраля ... 2,04 млн" the
    total since 1 February; a question for one day gets that day's, not the day before's."""
    doc(empty_store, tmp_path, "tass.txt", "Telegram blocked a total of 238,800 channels and groups for violating its "
        "policies on February 15, according to updated statistics.\n", published=D(2026, 2, 16))
    doc(empty_store, tmp_path, "vedomosti.txt", "16 февраля Telegram заблокировал 187 634 группы и канала. Всего с начала "
        "февраля мессенджер применил такую меру к 2,04 млн групп и каналов.\n", published=D(2026, 2, 17))
    assert 16 not in stored(empty_store)  # the day is no count
    assert answered(empty_store, "telegram groups & channels blocked on feb 16 2026") == 187_634
    assert answered(empty_store, "telegram channels blocked february 15 2026") == 238_800
    assert answered(empty_store, "How many groups and channels had Telegram blocked since the start of February 2026?") \
        == 2_040_000


def test_the_day_a_report_came_out_is_not_the_period_it_covers(empty_store, tmp_path):
    doc(empty_store, tmp_path, "bt.txt",
        "TikTok published its transparency report on July 9, specifying that during the second half of 2019, "
        "49,247,689 videos were eliminated worldwide.\n\nAccording to the report, TikTok proactively removed 98.2 "
        "percent of these videos before users reported them.\n", published=D(2020, 8, 20))
    assert dates(stored(empty_store)[98.2]) == (D(2019, 7, 1), D(2019, 12, 31))


def test_a_policy_named_after_a_list_of_counts_is_every_counts_of_the_list(empty_store, tmp_path):
    """"19k playlists, more than 12k podcast episodes, 160 music tracks and nearly 20 albums that
    violated its hate-content policies": all four are hate content's; but a list whose items say
    their own reasons ("56,000 under violent threats, 30,000 under sensitive media and about 8,000
    for private information") gives the last reason to the last item only."""
    doc(empty_store, tmp_path, "spotify.txt", "The streaming service told Billboard that in 2022 alone it has removed 19k "
        "playlists, more than 12k podcast episodes, 160 music tracks and nearly 20 albums that violated its "
        "hate-content policies.\n", title="Spotify removed 19k playlists for hate content", published=D(2023, 3, 1))
    doc(empty_store, tmp_path, "twitter.txt", "In July to December 2018, Twitter suspended 56,000 accounts under violent "
        "threats, 30,000 under sensitive media and about 8,000 for private information.\n", published=D(2019, 4, 1))
    figures = stored(empty_store)
    assert figures[19_000].policy == figures[12_000].policy == figures[20].policy == "hate speech"
    assert figures[30_000].policy != "privacy" and figures[8_000].policy == "privacy"
    doc(empty_store, tmp_path, "discord.txt", "Discord disabled 532,498 accounts and removed 15,163 servers for child safety "
        "reasons, most of which were flagged for uploading abuse material (images and videos).\n", published=D(2022, 11, 2))
    assert stored(empty_store)[532_498].policy == "child safety"  # the reason named first after the list, not a later one
    assert answered(empty_store, "spotify playlists removed for hate content 2022") == 19_000


def test_a_sentence_wrapped_over_lines_is_read_whole_and_quoted_as_written(empty_store, tmp_path):
    """A text broken at a fixed width: "53,494,911 videos were" ends one line and "removed through
    automated systems" starts the next. The sentence is read across the break; its quote keeps it."""
    text = ("During Q1 2023, a total of 91,003,510 videos were removed globally, which accounts for\n"
            "approximately 0.6% of all videos uploaded to TikTok. Out of these, 53,494,911 videos were\n"
            "removed through automated systems, while 6,209,835 videos were restored after review.\n")
    doc(empty_store, tmp_path, "wrapped.txt", text, published=D(2023, 7, 21))
    a = answer("How many TikTok videos were removed through automated systems in the first quarter of 2023?", empty_store)
    assert a.status == "answer" and a.answer.value == 53_494_911, a.message
    assert a.answer.quote == "Out of these, 53,494,911 videos were\nremoved through automated systems, while 6,209,835 videos were restored after review."


def test_a_total_and_its_parts_named_by_other_words_of_one_family_are_a_whole_and_its_parts(empty_store, tmp_path):
    # "каналов" and "сообществ" are both channels: the largest count, at least the others together, is the total
    doc(empty_store, tmp_path, "tass.txt", "За 2025 год Telegram заблокировал 44,085 млн каналов и групп. Среди "
        "заблокированных оказалось свыше 950 000 сообществ.", published=D(2026, 1, 12))
    assert answered(empty_store, "How many Telegram groups and channels were blocked in 2025?") == 44_085_000


def test_a_number_a_question_states_as_context_says_which_report_it_asks_about(empty_store, tmp_path):
    doc(empty_store, tmp_path, "q3.txt", "YouTube removed 1,667,587 channels in the third quarter of 2018. 4.5% of "
        "the channels taken down were removed for child safety.", published=D(2018, 12, 13))
    doc(empty_store, tmp_path, "q3-2023.txt", "In the third quarter of 2023 YouTube deleted 20,592,341 channels. 5.5% "
        "of the channels were removed for child safety.", published=D(2023, 12, 1))
    assert answered(empty_store, "In the YouTube report with ~1.7 million channels deleted, what percentage of "
                                 "deleted channels were removed for child safety?") == 4.5


@pytest.mark.parametrize("text,country", [("vi phạm pháp luật Việt Nam", "Vietnam"), ("in Nederland", "Netherlands"),
                                          ("Almanya: 1 Brezilya:1", "Germany"), ("Niemcy i Polska", "Poland")])
def test_countries_are_named_in_more_languages_but_not_by_words_of_their_own(text, country):
    assert country in places_in(text)
    assert "France" not in places_in(text) and not places_in("того же года")  # "pháp luật" is the law; "того": "of that"


@pytest.mark.parametrize("text,country", [("in Verbindung mit Russland", "Russian Federation"), ("en Corée du Sud", "South Korea"),
                                          ("pengguna di Tiongkok", "China"), ("seguido da Rússia", "Russian Federation"),
                                          ("Güney Kore hükümeti", "South Korea")])
def test_countries_are_named_as_people_write_them_not_only_by_their_official_names(text, country):
    assert places_in(text) == {country}  # ISO 3166 says "Russische Föderation", "République de Corée"


@pytest.mark.parametrize("text,countries", [
    ("受領した要請のうち88%が日本の捜査機関からのものでした。", ["Japan"]),
    ("最も削除件数が多いのは米国(1390万件)で、2位がロシア(690万件)、その次にインドネシア(620万件)", ["United States", "Russian Federation", "Indonesia"]),
    ("美国和俄罗斯", ["United States", "Russian Federation"]), ("인도네시아와 러시아", ["Indonesia", "Russian Federation"]),
    ("범죄인 인도 요청", []),  # Korean's two-syllable names are words too: "인도" is India, and extradition
])
def test_countries_are_found_inside_unspaced_chinese_japanese_and_korean_text(text, countries):
    assert countries_in(text) == countries  # the longest name first: インドネシア is not インド


@pytest.mark.parametrize("text,countries", [
    ("मेटा ने दिसंबर 2023 में भारत में फेसबुक की", ["India"]),  # Hindi: Python's \w parts "भारत" into "भ", "रत"
    ("సింగపూర్ రెండవ స్థానంలో ఉండగా", ["Singapore"]),  # Telugu glues its case endings on: "in Singapore"
    ("భారతదేశంలో 22.5 లక్షలకు పైగా", ["India"]),
])
def test_countries_are_found_in_hindi_and_telugu(text, countries):
    assert countries_in(text) == countries


def test_a_hindi_story_gives_each_number_the_platform_named_before_it(empty_store, tmp_path):
    """Hindi says whose a number is before it ("फेसबुक की 13 नीतियों में 19.8 मिलियन": across Facebook's 13
    policies, 19.8 million), and names its platforms in Devanagari; a number of two platforms named
    together is the company's; "आईटी नियम, 2021" (the IT Rules, 2021) is a law, not the period."""
    doc(empty_store, tmp_path, "hi.txt",
        "मेटा ने अपने प्लेटफॉर्म फेसबुक और इंस्टाग्राम से करीब 2.29 करोड़ पोस्ट को हटा दिया है. "
        "मेटा ने दिसंबर 2023 में भारत में फेसबुक की 13 नीतियों में 19.8 मिलियन से अधिक कंटेंट और इंस्टाग्राम के लिए 12 नीतियों में "
        "2 करोड़ से अधिक कंटेंट हटा दिए हैं। मेटा ने अपनी मासिक रिपोर्ट में आईटी नियम, 2021 के अनुपालन में कहा कि कुल 6,578 "
        "रिपोटरें पर कार्रवाई की।", published=D(2024, 2, 2))
    figures = stored(empty_store)
    assert (figures[22_900_000].platform, figures[19_800_000].platform, figures[20_000_000].platform) == ("Meta", "Facebook", "Instagram")
    assert figures[6578].period_label == "Dec 2023"
    assert answered(empty_store, "ig india removals dec 2023") == 20_000_000


def test_a_russian_policy_is_read_in_any_of_its_cases(empty_store, tmp_path):
    """Russian declines every word: "детская порнография" (child pornography) is said "с детской
    порнографией", "сексуальное насилие над детьми" "сексуального насилия над детьми"; and "о ..."
    (about) says what a number of a list is about, taking no other item's policy."""
    doc(empty_store, tmp_path, "ru.txt",
        "Роскомнадзор потребовал от Telegram удалить более 10 тыс. единиц контента с детской порнографией, "
        "13 тыс. публикаций о средствах для обхода блокировок и 1,4 тыс. постов о суициде. С начала 2026 года "
        "Telegram заблокировал 78,8 тыс. каналов за связь с материалами сексуального насилия над детьми.",
        published=D(2026, 2, 27))
    figures = stored(empty_store)
    assert (figures[10_000].policy, figures[1_400].policy, figures[78_800].policy) == ("child safety", "self-harm", "child safety")
    assert figures[13_000].policy == "all policies"
    assert answered(empty_store, "telegram channels blocked for CSAM since the start of 2026") == 78_800


def test_a_telugu_story_names_its_platform_after_its_numbers(empty_store, tmp_path):
    doc(empty_store, tmp_path, "te.txt", "ఆగస్టు నెలలో 23.28 లక్షల భారతీయుల ఖాతాలను నిషేధించినట్లు వాట్సాప్ తెలిపింది. "
        "వాట్సాప్ తాజా నివేదిక ప్రకారం 598 ఫిర్యాదులు అందాయి.", published=D(2021, 10, 2))
    figures = stored(empty_store)
    assert (figures[2_328_000].platform, figures[598].platform) == ("WhatsApp", "WhatsApp")


def test_a_country_before_its_number_in_japanese_is_that_numbers(empty_store, tmp_path):
    doc(empty_store, tmp_path, "sputnik.txt", "TikTokは7月から9月までの間に8100万件の動画を削除した。最も削除件数が多いのは"
        "米国(1390万件)で、2位がロシア(690万件)と続いている。\n", published=D(2021, 10, 14))
    figures = stored(empty_store)
    assert (figures[13_900_000].location, figures[6_900_000].location) == ("United States", "Russian Federation")
    assert answered(empty_store, "tiktok us vids removed jul-sep 2021") == 13_900_000


def test_a_word_that_begins_a_countrys_name_is_no_adjective_of_its_people():
    assert places_in("Kritik an der Ukraine, der NATO und dem Westen") == {"Ukraine"}  # not Western Sahara
    assert places_in("Saudi and Indian users") == {"Saudi Arabia", "India"}


def test_a_country_joined_to_another_word_names_no_place(empty_store, tmp_path):
    """"als der US-Konzern 77.671 Meldungen ... verarbeiten musste": the US company, not the US's
    complaints (NetzDG's are Germany's); nor is a "UK-based" firm's number the UK's."""
    assert places_in("der US-Konzern und die EU-Kommission, eine UK-based firm") == frozenset()
    doc(empty_store, tmp_path, "netzdg.txt", "Das sind mehr als doppelt so viele wie im ersten Halbjahr 2021, als der "
        "US-Konzern 77.671 Meldungen für 67.028 Inhalte verarbeiten musste.\n", published=D(2022, 7, 29),
        title="NetzDG: Facebook bekommt mehr Beschwerden")
    a = answer("How many NetzDG complaints did Facebook process in the first half of 2021?", empty_store)
    assert a.status == "answer" and a.answer.value == 77_671 and not a.answer.location, a.message


def test_a_number_stated_for_a_country_by_its_common_name_in_another_language_is_that_countrys(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt-ru.txt", "Im zweiten Quartal 2025 hat Google etwa 11.000 YouTube-Kanäle gelöscht. "
        "2.194 Kanäle standen in Verbindung mit Russland und verbreiteten pro-russische Narrative.\n", published=D(2025, 7, 22))
    a = answer("How many of the YouTube channels Google removed in Q2 2025 were linked to Russia?", empty_store)
    assert a.status == "answer" and a.answer.value == 2_194, a.message


def test_a_service_named_by_a_common_word_is_read_in_a_question_only_as_it_writes_itself(empty_store):
    read = reader(empty_store).read
    assert read("what % of law-enforcement requests did LINE respond to in H2 2018?").features.platforms == {"LINE"}
    assert read("how many koo posts removed june 2021").features.platforms == {"Koo"}  # no English word: any case
    hotline = read("hotline reports in line with policy h2 2018")
    assert not hotline.features.platforms and "=LINE" not in hotline.asked


def test_one_days_count_is_no_answer_about_its_month(empty_store, tmp_path):
    doc(empty_store, tmp_path, "daily.txt", "On January 1, 2026 Telegram blocked 543,000 groups and channels.",
        published=D(2026, 2, 17))
    assert answer("How many telegram groups and channels were blocked in January 2026?", empty_store).answer is None
    assert answered(empty_store, "telegram channels blocked on 1 january 2026") == 543000


def test_a_year_an_address_names_is_no_period_reported_when_it_had_not_ended_by_the_date(empty_store, tmp_path):
    doc(empty_store, tmp_path, "macrumors.txt", "Apple says it prevented fraud in 2023 alone. Over 1.7 million apps were "
        "rejected in 2023 for not meeting its standards.\n\nApple said the drop came from new efforts. More than 153 "
        "million fraudulent customer accounts were blocked.", published=D(2024, 5, 14),
        url="https://macrumors.com/2024/05/14/apple-fraud-prevention-analysis-2024")
    assert stored(empty_store)[153_000_000].period_label == "2023"


def test_a_value_a_count_fell_from_last_year_is_of_the_year_before_the_one_reported(empty_store, tmp_path):
    doc(empty_store, tmp_path, "macrumors.txt", "Apple rejected over 1.7 million apps in 2023. 118,000 developer accounts "
        "were terminated, down from 428,000 last year.", published=D(2024, 5, 14))
    figures = stored(empty_store)
    assert (figures[118_000].period_label, figures[428_000].period_label) == ("2023", "2022")


def test_a_month_later_in_a_counts_clause_is_its_month(empty_store, tmp_path):
    doc(empty_store, tmp_path, "rediff.txt",
        "Google received 31,497 complaints in the month of December (December 1-31, 2021) from users in India. "
        "Google removed 61,114 pieces of content based on those complaints in November.", published=D(2022, 1, 31))
    figures = stored(empty_store)
    assert (figures[31497].period_label, figures[61114].period_label) == ("Dec 2021", "Nov 2021")


def test_a_sentence_naming_no_place_is_of_the_place_the_sentence_before_it_in_its_paragraph_names(empty_store, tmp_path):
    """"Jumlah video terbanyak yang dihapus adalah dari negara India. Ada sebanyak 2,2 juta video ...":
    the country with the most removals is named, then its count; a paragraph after it is not of it."""
    doc(empty_store, tmp_path, "yt-id.txt",
        "YouTube menghapus 8,1 juta video dari seluruh dunia pada kuartal keempat 2023. Jumlah video terbanyak "
        "yang dihapus adalah dari negara India. Ada sebanyak 2,2 juta video yang tidak memenuhi pedoman "
        "komunitas YouTube.\n\nSelain itu, YouTube menghapus 20,6 juta kanal pada periode yang sama.\n",
        published=D(2024, 3, 22))
    assert answered(empty_store, "How many videos did YouTube remove in India in Q4 2023?") == 2_200_000
    assert answer("how many youtube channels were deleted in india in q4 2023", empty_store).answer is None


def test_the_day_a_report_came_out_is_not_the_period_of_its_numbers(empty_store, tmp_path):
    """Mint: "... in July ... The 31 August report shows Meta took action against around 25 million
    posts on Facebook": the day dates the report, the numbers are July's. A report named by the
    months it covers still names its period."""
    doc(empty_store, tmp_path, "mint.txt",
        "Meta cracked down on more than 27 million posts across Facebook and Instagram in July. The 31 August "
        "report shows Meta took action against around 25 million posts on Facebook. Meta said it received 626 "
        "complaints about posts on Facebook.", published=D(2022, 9, 2))
    doc(empty_store, tmp_path, "apple.txt", "Apple received 30,184 requests in its July-December 2016 report.",
        published=D(2017, 5, 2))
    figures = stored(empty_store)
    assert {figures[v].period_label for v in (27_000_000, 25_000_000, 626)} == {"Jul 2022"}
    assert figures[30184].period_label == "H2 2016"


def test_so_many_of_every_ten_thousand_is_a_rate_asked_for_as_one(empty_store, tmp_path):
    """Meta's "7 to 8 views of hate speech for every 10,000 views": a rate, not a count of 7. A terse
    question gets the count of what was removed; one asking per 10,000 gets the rate, said so."""
    doc(empty_store, tmp_path, "meta.txt",
        "In the fourth quarter of 2020, hate speech prevalence on Facebook was 7 to 8 views of hate speech for every "
        "10,000 views of content. Facebook removed 26.9 million pieces of hate speech content in the fourth quarter of 2020.",
        published=D(2021, 2, 11))
    assert answered(empty_store, "fb hate speech q4 2020") == 26_900_000
    a = answer("how many views of hate speech per 10,000 views did facebook see in q4 2020", empty_store)
    assert a.status == "answer" and a.answer.value == 7 and "per 10,000" in a.message, a.message


def test_a_number_in_a_story_about_one_country_is_that_countrys_when_nothing_else_answers(empty_store, tmp_path):
    """A story that names one country, anywhere ("Indian accounts" after the number), and not the
    world: a question naming that country gets its unplaced number. A global report naming a
    country, or a story naming two, does not answer for either."""
    doc(empty_store, tmp_path, "hbl.txt",
        "Meta has taken action against 3.84 crore pieces of content across 13 policies for Facebook in March. "
        "The company also banned over 47 lakh Indian accounts on WhatsApp.", published=D(2023, 5, 3))
    doc(empty_store, tmp_path, "cio.txt",
        "TikTok has released its fourth global Transparency Report. TikTok removed 89 million videos in the "
        "second half of 2020. The report also lists requests from India.", published=D(2021, 2, 25))
    doc(empty_store, tmp_path, "two.txt",
        "YouTube removed 5.9 million videos in the fourth quarter of 2019. Courts in Germany and Brazil asked "
        "for more.", published=D(2020, 2, 28))
    assert answered(empty_store, "fb india content actioned march 2023") == 38_400_000
    assert answer("How many TikTok videos were removed in India in H2 2020?", empty_store).answer is None
    assert answer("youtube videos removed in germany q4 2019", empty_store).answer is None


def test_a_part_of_a_whole_the_question_states_is_of_the_place_the_sentence_before_names(empty_store, tmp_path):
    doc(empty_store, tmp_path, "securityweek.txt",
        "Facebook received 35,051 government requests in the second half of 2014. The U.S. made 14,274 "
        "requests in the second half of 2014. The requests in the second half of the year dealt with 21,731 "
        "accounts.", published=D(2015, 4, 24))
    assert answered(empty_store, "Facebook got 14,274 US government data requests in H2 2014. How many accounts "
                                 "did those requests concern?") == 21731
    # a question that states no such whole is not answered by a sentence that names no place
    assert answer("how many accounts did US government requests to facebook concern in h2 2014", empty_store).answer is None


def test_a_period_in_brackets_that_say_more_is_not_the_numbers(empty_store, tmp_path):
    doc(empty_store, tmp_path, "pravda.txt",
        "Google veröffentlichte seinen Bericht. Im Jahr 2023 stellte die Taliban-Polizei bei Google 19 Anträge auf "
        "Löschung (im Jahr 2022 war es nur einer). YouTube removed 5 million videos (in the first quarter of 2020).",
        published=D(2025, 7, 20))
    figures = stored(empty_store)
    assert (figures[19].period_start, figures[5e6].period_start) == (D(2023, 1, 1), D(2020, 1, 1))


def test_from_a_number_in_the_previous_period_to_another_the_other_is_of_the_reported_period(empty_store, tmp_path):
    doc(empty_store, tmp_path, "linkedin.txt",
        "LinkedIn published its report for the second half of 2021. The number of fake accounts it removed before "
        "anyone reported them has jumped from 3.7 million in the previous period, to 4.4 million now.",
        published=D(2022, 5, 1))
    figures = stored(empty_store)
    assert (figures[3.7e6].period_start, figures[4.4e6].period_start) == (D(2021, 1, 1), D(2021, 7, 1))


def test_a_number_joined_to_the_one_before_is_described_by_its_own_words(empty_store, tmp_path):
    doc(empty_store, tmp_path, "vnanet.txt",
        "TikTok removed 2.4 million videos in Vietnam in the first quarter of 2022. Of the videos, 92.5% were "
        "removed by scanning technology and 88.7% were deleted before they were viewed. A mere 2% of appeals in "
        "Q1 2022 and 0.6% in Q2 2022.", published=D(2022, 6, 1))
    figures = stored(empty_store)
    assert "scanning" not in figures[88.7].metric and "appeals" in figures[0.6].metric


@pytest.mark.parametrize("question,place", [
    ("how many content removal requests did the Chinese government send Google in 2022", "China"),
    ("how many requests did the Indian government make to Facebook in H1 2014", "India"),
    ("requests from Brazilian courts to remove content in 2021", "Brazil"),
    # ... or its requests, which its government or courts made
    ("During the first half of 2015, how many tweets were removed following Turkish requests?", "Türkiye"),
    ("twitter accounts under turkish legal demands h2 2017", "Türkiye"),
])
def test_a_countrys_government_or_courts_named_by_its_people_is_that_place(seeded_sqlite, question, place):
    assert reader(seeded_sqlite).read(question).location == place


def test_than_it_did_during_a_period_is_what_a_change_is_compared_with(empty_store, tmp_path):
    doc(empty_store, tmp_path, "adweek.txt",
        "Twitter published its report for the first half of 2019. It suspended 119% more accounts for these "
        "offenses than it did during the second half of 2018.", published=D(2019, 10, 30))
    figure = stored(empty_store)[119]
    assert (figure.period_start, figure.compare_start) == (D(2019, 1, 1), D(2018, 7, 1))


def test_a_number_after_a_comparison_is_of_the_period_compared_unless_said_of_the_other(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tass.txt",
        "TASS calculated that in 2025 Telegram blocked nearly 2.7 times more channels and groups than in 2024 — "
        "totaling more than 44 million. During the first half of 2021, Twitter took action against more than 4.8 "
        "million accounts — an increase from the same period the year prior, when the company took action against "
        "just 1.9 million accounts.", published=D(2026, 2, 16))
    figures = stored(empty_store)
    assert (figures[44e6].period_start, figures[1.9e6].period_start) == (D(2025, 1, 1), D(2020, 1, 1))


def test_how_many_is_answered_by_a_count_before_a_share(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tiktok.txt",
        "TikTok published its report for the second half of 2020. Automated systems removed 8,022,000 videos in "
        "the second half of 2020, and 62% of the removed videos were removed by automated systems in the second "
        "half of 2020.", published=D(2021, 2, 24))
    assert answered(empty_store, "how many videos did tiktok's automated systems remove in the second half of 2020") == 8022000
    assert answered(empty_store, "what share of tiktok's removed videos did automated systems remove in h2 2020") == 62


@pytest.mark.parametrize("question,kind", [
    ("how many percent more accounts did Twitter suspend in H1 2019 than in H2 2018", "change"),
    ("what % fewer videos did youtube remove in q2 2020", "change"),
    ("how many percent of videos were removed before any views", "percent"),
])
def test_how_many_percent_more_asks_for_a_change(seeded_sqlite, question, kind):
    assert reader(seeded_sqlite).read(question).features.kind == kind


def test_a_value_compared_with_is_the_earlier_periods_only_where_a_change_or_an_earlier_time_is_said(empty_store, tmp_path):
    doc(empty_store, tmp_path, "discord.txt",
        "Discord's transparency report covers January to June 2020. Spam, meanwhile, appears to be the most "
        "actionable issue, with 65.72 percent of reports leading to some kind of action, compared to 13.26 percent "
        "of harassment reports.\n", published=D(2020, 8, 20))
    doc(empty_store, tmp_path, "tiktok.txt",
        "Chez TikTok, la sécurité des mineurs s’impose comme la raison principale des suppressions, à hauteur de 43,7% pour "
        "ce deuxième trimestre 2022 contre 41,7% au trimestre précédent.\n", published=D(2022, 9, 30))
    doc(empty_store, tmp_path, "meta.txt",
        "Secondo i dati ufficiali di Meta, 8,2 milioni di contenuti di bullismo sono stati eliminati su Facebook "
        "tra aprile e giugno 2022, in calo rispetto ai 9,5 milioni.\n", published=D(2022, 8, 25))
    s = stored(empty_store)
    # two kinds of report of one period, compared: both of the period reported on
    assert dates(s[13.26]) == (D(2020, 1, 1), D(2020, 6, 30))
    # "contre 41,7% au trimestre précédent", "in calo rispetto ai 9,5 milioni": the quarter before
    assert dates(s[41.7]) == (D(2022, 1, 1), D(2022, 3, 31))
    assert dates(s[43.7]) == (D(2022, 4, 1), D(2022, 6, 30))
    assert dates(s[9.5e6]) == (D(2022, 1, 1), D(2022, 3, 31))


def test_a_month_opening_a_sentence_is_its_counts_month_of_the_year_just_stated(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt",
        "Sunday, July 25\nWhatsApp banned 7,954,000 accounts in January 2024. Comparatively, between January 1 and "
        "January 31, 2023, a total of 2,918,000 WhatsApp accounts were banned. In February, 4,597,400 accounts "
        "faced bans.\n", published=D(2024, 3, 5))
    s = stored(empty_store)
    assert dates(s[2_918_000]) == (D(2023, 1, 1), D(2023, 1, 31))
    assert dates(s[4_597_400]) == (D(2023, 2, 1), D(2023, 2, 28))


def test_the_day_of_a_month_with_no_year_is_no_count(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tg.txt",
        "Sunday, July 25\nParis, May 16: Telegram blocked 15,000 channels. The peak, 224,011 cases, was recorded on "
        "March 23. Telegram said it removed 4 million posts.\n", published=D(2024, 7, 25))
    assert sorted(stored(empty_store)) == [15_000, 224_011, 4_000_000]


def test_a_place_in_the_name_of_a_publisher_a_question_cites_is_no_place_asked(empty_store, tmp_path):
    doc(empty_store, tmp_path, "sputnik.txt",
        "TikTok removed 91,445,802 videos worldwide from July to September 2021.\n",
        published=D(2022, 2, 9), publisher="Sputnik Japan (sputniknews.jp)")
    doc(empty_store, tmp_path, "jp.txt", "TikTok removed 1,204,000 videos in Japan from July to September 2021.\n",
        published=D(2022, 2, 10), publisher="Nikkei")
    for question in ("How many videos did TikTok remove from July to September 2021, per Sputnik Japan?",
                     "tiktok vids removed q3 2021 (sputnik jp)"):
        assert reader(empty_store).read(question).location is None, question
        assert answered(empty_store, question) == 91_445_802, question
    assert answered(empty_store, "How many videos did TikTok remove in Japan from July to September 2021?") == 1_204_000


def test_a_country_in_the_name_of_a_publisher_is_no_place_asked_though_no_figure_is_of_it(empty_store, tmp_path):
    doc(empty_store, tmp_path, "cnn.txt", "En el primer semestre de 2021, Twitter continuó recibiendo solicitudes de "
        "gobiernos para obtener información de cuentas, a pesar de que este tipo de solicitudes disminuyó un 4%.", published=D(2022, 1, 25), publisher="CNN Chile")
    question = "Per CNN Chile, by what percent did government requests for account information to Twitter fall in H1 2021?"
    assert reader(empty_store).read(question).location is None
    assert answered(empty_store, question) == -4
    assert reader(empty_store).read("twitter government requests in Chile h1 2021").location == "Chile"


def test_a_place_setting_the_scene_before_a_platform_is_its_numbers_place(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt", "In India, WhatsApp banned 2,069,000 accounts in October 2021.\n", published=D(2021, 12, 1))
    doc(empty_store, tmp_path, "tt.txt", "In the United States, TikTok removed 1,204,000 videos in Q3 2021.\n", published=D(2021, 12, 1))
    s = stored(empty_store)
    assert (s[2_069_000].location, s[1_204_000].location) == ("India", "United States")


def test_a_word_the_lexicon_does_not_know_lowers_an_answer_unless_it_says_what_why_or_what_was_done(empty_store, tmp_path):
    """An unknown word that only qualifies what is counted ("absolute number", "under-13s") costs the
    figure some score; one saying what is counted ("pizzas"), why ("for knitting") or what was done
    to it ("were rejected") still leaves no figure of something else as the answer."""
    doc(empty_store, tmp_path, "yt.txt", "In 2022, YouTube deleted 6 million videos in India.\n", published=D(2023, 3, 1))
    assert answered(empty_store, "how many yt videos (absolute number) were deleted in india in 2022") == 6_000_000
    read = reader(empty_store).read("how many yt videos (absolute number) were deleted in india in 2022")
    assert read.blocking == ("absolute",) and read.decisive == ()
    for question, word in (("how many pizzas did youtube delete in india in 2022", "pizzas"),
                           ("how many youtube videos were deleted for knitting in india in 2022", "knitting"),
                           ("how many youtube videos were rejected in india in 2022", "rejected")):
        assert word in reader(empty_store).read(question).decisive, question
        assert answer(question, empty_store).answer is None, question


def test_what_how_many_counts_is_the_object_asked_not_one_naming_why(empty_store, tmp_path):
    doc(empty_store, tmp_path, "reddit.txt", "In 2021, Reddit removed about 88,000 images.\n", published=D(2022, 6, 1))
    q = reader(empty_store).read("How many subreddits did Reddit remove for content policy violations in 2021?")
    assert q.features.objects == {"channels"}
    assert answer("How many subreddits did Reddit remove for content policy violations in 2021?", empty_store).answer is None
    assert answered(empty_store, "How much content did Reddit remove in 2021?") == 88_000


def test_a_count_of_one_kind_of_content_does_not_answer_a_question_about_another(empty_store, tmp_path):
    doc(empty_store, tmp_path, "yt.txt", "Between October and December 2023, YouTube removed 9 million videos.\n",
        published=D(2024, 3, 1))
    doc(empty_store, tmp_path, "tt.txt", "In Nigeria, TikTok removed 2.2 million ads in Q2 2024.\n", published=D(2024, 9, 1))
    assert answered(empty_store, "yt video removals oct-dec 2023") == 9_000_000
    assert answer("yt comment removals oct-dec 2023", empty_store).answer is None
    # (the singular of a word the store knows, "comments", is no typo of another, "coment")
    assert reader(empty_store).read("yt comment removals oct-dec 2023").text == "yt comment removals oct-dec 2023"
    assert answer("tiktok nigeria vids removed q2 2024", empty_store).answer is None
    assert answered(empty_store, "tiktok nigeria ads removed q2 2024") == 2_200_000


def test_a_policy_after_followed_by_is_the_next_items_not_the_number_before(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tw.txt",
        "Twitter's report for July to December 2021 says impersonation is the second most common reason for account "
        "suspension, accounting for 169,396 account suspensions, followed by illegal or certain regulated goods or "
        "services, accounting for 119,508 account suspensions.\n", published=D(2022, 8, 1))
    s = stored(empty_store)
    assert (s[169_396].policy, s[119_508].policy) == ("impersonation", "drugs")
    assert answered(empty_store, "twitter impersonation suspensions 2H21") == 169_396


def test_numbers_listed_with_respectively_take_the_policies_in_their_places_or_none(empty_store, tmp_path):
    doc(empty_store, tmp_path, "tw.txt",
        "In its report for July to December 2021, Twitter says impersonation is the most common reason, followed by "
        "illegal or certain regulated goods or services and sensitive media, accounting for 119,508 and 118,356 "
        "account suspensions, respectively.\n", published=D(2022, 8, 1))
    doc(empty_store, tmp_path, "ds.txt",
        "In the first half of 2021, Discord disabled accounts for harassment and spam, accounting for 3,245 and 4,390 "
        "account suspensions, respectively.\n", published=D(2021, 9, 1))
    s = stored(empty_store)
    # (the lexicon names no "sensitive media": it cannot tell which number is regulated goods')
    assert (s[119_508].policy, s[118_356].policy) == ("all policies", "all policies")
    assert (s[3_245].policy, s[4_390].policy) == ("harassment", "spam")


def test_a_policy_named_in_quotation_marks_before_a_number_is_that_numbers(empty_store, tmp_path):
    """"posts related to “violent content” accounted for 2.2 million and “abuse and harassment” for
    2.6 million": the quotation marks end each number's words, but the name they hold is its policy."""
    doc(empty_store, tmp_path, "x.txt", "The report highlighted that posts related to “violent content” accounted for "
        "**2.2 million** and “abuse and harassment” for **2.6 million**, in the first half of 2024.\n",
        title="X transparency report", published=D(2024, 9, 30))
    figures = stored(empty_store)
    assert (figures[2_200_000].policy, figures[2_600_000].policy) == ("violence", "harassment")
    assert answered(empty_store, "abuse & harassment posts removed/labeled by X in Jan-Jun 2024") == 2_600_000


def test_a_document_naming_a_year_and_a_quarter_of_it_as_often_reports_on_the_quarter(empty_store, tmp_path):
    """"its first report of 2018" and "in the first quarter of 2018", named once each: a figure whose
    sentence names no period is of the quarter (it was of the whole year, the later-ending one)."""
    doc(empty_store, tmp_path, "fb.txt", "Facebook published its first enforcement report of 2018 on Tuesday.\n\n"
        "In the first quarter of 2018, it disabled 583 million fake accounts.\n\n"
        "The company said its systems are getting better.\n\n"
        "It also took action on 1.9 million pieces of terrorist content.\n", published=D(2018, 5, 16))
    assert dates(stored(empty_store)[1_900_000]) == (D(2018, 1, 1), D(2018, 3, 31))


def test_a_day_written_as_an_ordinal_ends_no_sentence_and_is_no_count(empty_store, tmp_path):
    """"1. Januar 2020 – 30. Juni 2020", "Veröffentlicht: 18. Dezember 2020": the full stop after a
    day is no sentence's end, so 1, 30 and 18 are no counts, and the report's half is its period."""
    doc(empty_store, tmp_path, "snap.txt", "Transparenzbericht\n1. Januar 2020 – 30. Juni 2020\n"
        "Veröffentlicht: 18. Dezember 2020\nSnapchat hat im Berichtszeitraum 3.872.218 Inhaltsteile entfernt.\n",
        publisher="Snap", published=D(2020, 12, 18))
    figures = stored(empty_store)
    assert not {1, 18, 30} & set(figures)
    assert dates(figures[3_872_218]) == (D(2020, 1, 1), D(2020, 6, 30))


def test_in_korean_a_number_is_of_the_period_said_before_it(empty_store, tmp_path):
    """"올해 상반기에 총 6만6224개 계정의 정보를 정부에 제공했다고 밝혔다. 이는 지난해 하반기 2만1536개와
    비교해...": when comes before what, so "last year's second half" after 66,224 is 21,536's, and
    66,224 is of this year's first half."""
    doc(empty_store, tmp_path, "naver.txt", "NAVER(035420)(네이버)가 30일 투명성보고서를 펴내고, 올해 상반기에 총 6만6224개 "
        "계정의 정보를 정부에 제공했다고 밝혔다. 이는 지난해 하반기 2만1536개와 비교해 3배에 달하는 것이다.\n",
        publisher="뉴스토마토", published=D(2015, 7, 30))
    figures = stored(empty_store)
    assert dates(figures[66_224]) == (D(2015, 1, 1), D(2015, 6, 30))
    assert dates(figures[21_536]) == (D(2014, 7, 1), D(2014, 12, 31))


def test_a_question_naming_a_countrys_people_asks_about_that_country(empty_store, tmp_path):
    """"what share of those Vietnamese videos came down within 24 hours": Vietnam's figure, and
    "Vietnamese" is no other word to look for in its sentence (not "ese", what was left of it)."""
    doc(empty_store, tmp_path, "vn.txt", "TikTok removed 1.2 million videos in the first quarter of 2022.\n\n"
        "Within 24 hours of posting, 94% of the offending videos were taken down from social media.\n",
        title="TikTok removes over a million violating videos in Vietnam", published=D(2022, 5, 20))
    assert answered(empty_store, "And what share of those Vietnamese videos came down within 24 hours of posting?") == 94


def test_a_month_a_dated_story_names_without_its_year_is_the_latest_one_and_its_other_numbers_are_of_it(empty_store, tmp_path):
    """An Indian monthly report as the press writes it up: "during April", "in the month of August",
    no year; the month is the last one before the story, and the story's other numbers, which name
    no period, are of it too. A law's year ("the new IT rules 2021") is not when anything was counted,
    and a line giving only a date ("June 02, 2024") is when the page was written, not a period."""
    doc(empty_store, tmp_path, "helm.txt",
        "Meta removed over 17 million pieces of content violating policies in India during April, including "
        "11.6 million on Facebook and 5.4 million on Instagram. The actions were taken in response to 17,124 "
        "reports received through the Indian grievance mechanism. Under the new IT Rules 2021, the company must "
        "publish monthly compliance reports.\nJune 02, 2024\n", published=D(2024, 6, 2))
    figures = stored(empty_store)
    assert {figures[v].period_label for v in (17e6, 11.6e6, 5.4e6, 17_124)} == {"Apr 2024"}
    doc(empty_store, tmp_path, "bs.txt",
        " date 2022-10-01 received 37,282 complaints from Indian users in the month of August in compliance with "
        "the new IT Rules, 2021. The tech giant also removed a total of 551,659 pieces of bad content.\n\n"
        "Under the new IT rules 2021, big digital and social media platforms have to publish monthly compliance "
        "reports.", publisher="Business Standard", published=D(2022, 10, 1),
        url="https://www.business-standard.com/article/technology/google-received-37-282-complaints-from-users-in-august")
    figures = stored(empty_store)
    assert dates(figures[37_282]) == dates(figures[551_659]) == (D(2022, 8, 1), D(2022, 8, 31))


def test_a_line_giving_only_a_date_dates_a_page_that_gives_no_other(empty_store, tmp_path):
    doc(empty_store, tmp_path, "wa.txt", "WhatsApp banned 2.3 million Indian accounts in the month of October.\n"
        "November 14, 2022 09:12\n")
    assert dates(stored(empty_store)[2.3e6]) == (D(2022, 10, 1), D(2022, 10, 31))


def test_a_headline_naming_a_country_and_the_world_in_turkish_or_japanese_makes_no_story_that_countrys(empty_store, tmp_path):
    """"Twitter: İçerik kaldırma talebinde Türkiye dünya birincisi" (Turkey first in the world for removal
    requests): the story's numbers of no country are the world's; one its sentence says is Turkey's
    ("Türkiye'nin talepleri sonucu", Turkey's requests, with Turkish's case ending) is Turkey's."""
    doc(empty_store, tmp_path, "mepa.txt",
        "Twitter, 2018 yılının ikinci yarısında terörü teşvik ettiği gerekçesiyle 166 bin 513 hesabı askıya aldı.\n\n"
        "Türkiye'nin talepleri sonucu 72 hesap kapatıldı.\n",
        title="Twitter: İçerik kaldırma talebinde Türkiye dünya birincisi")
    figures = stored(empty_store)
    assert (figures[166_513].location, figures[166_513].period_label) == ("", "H2 2018")
    assert answered(empty_store, "how many accounts did twitter close on turkey's requests in h2 2018") == 72


def test_the_same_period_a_year_before_in_one_german_word_is_the_numbers_said_with_it(empty_store, tmp_path):
    """Welt on YouTube's NetzDG report: "im Vorjahreszeitraum" (in the year-earlier period) is the period of
    the number it follows or brings in ("mit 83.784"), not of the number before, nor of one after it."""
    doc(empty_store, tmp_path, "welt.txt",
        "Zwar lagen im zweiten Halbjahr 2019 die Hassrede-Beschwerden bei YouTube mit 80.824 etwas unter dem "
        "Vorjahreszeitraum mit 83.784. Über alle Kategorien hinweg wurden in der zweiten Jahreshälfte 2019 "
        "insgesamt 71.907 Inhalte gelöscht, ein deutlicher Anstieg zum Vorjahreszeitraum mit 54.644.\n\n"
        "Trotz der vielen Beschwerden über Inhalte – insgesamt allein 277.478 im zweiten Halbjahr 2019 gegenüber "
        "250.957 im Vorjahreszeitraum – blieben durchschnittlich fast drei Viertel (74 Prozent) der Beschwerden "
        "erfolglos.\n", published=D(2020, 4, 1))
    f = stored(empty_store)
    assert {v: f[v].period_label for v in (80_824, 83_784, 71_907, 54_644, 277_478, 250_957, 74)} == {
        80_824: "H2 2019", 83_784: "H2 2018", 71_907: "H2 2019", 54_644: "H2 2018", 277_478: "H2 2019",
        250_957: "H2 2018", 74: "H2 2019"}


def test_trademark_is_a_category_of_its_own_not_copyright(empty_store, tmp_path):
    """Google's Indian reports count copyright and trademark complaints apart; a question on one is
    never answered with the other's number."""
    doc(empty_store, tmp_path, "bs.txt",
        "Google received 37,282 complaints from Indian users in August 2022. Most of the complaints were related "
        "to copyright violations (35,649), while other categories included trademark, court order and others.",
        published=D(2022, 10, 1))
    assert answered(empty_store, "google india aug 2022 copyright complaints") == 35_649
    assert answer("Google India Aug 2022: trademark complaints - the count", empty_store).answer is None
    doc(empty_store, tmp_path, "rediff.txt",
        "Google removed 94,173 pieces of content in December 2021 in India: copyright (93,693), trademark (438).",
        published=D(2022, 1, 31))
    assert answered(empty_store, "pieces of content google removed in india for trademark in december 2021") == 438


def test_a_headline_ranking_countries_makes_no_story_one_countrys(empty_store, tmp_path):
    """Moneycontrol's ".../india-among-top-4-countries-to-ask-twitter-to-remove-content...": the story is
    about Twitter's world report; its numbers that name no country are the world's, not India's."""
    doc(empty_store, tmp_path, "mc.txt",
        "Twitter said that the site received 53,000 legal requests to remove content from governments between "
        "January 1 and June 30, 2022. \"The top requesting countries were Japan, South Korea, Turkey and India,\" "
        "the report said.", published=D(2023, 4, 26),
        url="https://www.moneycontrol.com/news/business/india-among-top-4-countries-to-ask-twitter-to-remove-"
            "content-request-user-data-report-10480921.html")
    assert stored(empty_store)[53_000].location == ""
    assert answered(empty_store, "legal requests to remove content governments sent twitter h1 2022") == 53_000


@pytest.mark.parametrize("text", [
    "el 98,9% de este contenido fue eliminado antes de que los usuarios lo denunciaran",
    "environ 92,4% des vidéos ont été supprimées par TikTok avant que les utilisateurs ne les signalent",
    "avant qu'un utilisateur ne le signale",
    "bevor Nutzer sie meldeten",
    "prima che gli utenti le segnalassero",
    "antes de serem denunciados",
])
def test_before_users_reported_it_in_the_lexicons_other_languages_is_found_by_the_platform(text):
    assert describe(text).facets == {"flagged by internal tools"}


def test_a_share_removed_before_users_reported_it_in_spanish_answers_the_question_in_english(empty_store, tmp_path):
    doc(empty_store, tmp_path, "nacion.txt",
        "TikTok eliminó contenido de odio y extremismo violento en el primer semestre de 2025. La plataforma aclaró "
        "que el 98,9% de este contenido fue eliminado antes de que los usuarios lo denunciaran, y el 94% fue "
        "retirado en un plazo inferior a 24 horas.", published=D(2025, 11, 20))
    assert answered(empty_store, "% of TikTok's H1 2025 hate/extremism removals taken down before any user report") == 98.9


def test_a_day_beside_a_period_does_not_keep_the_period_from_the_next_sentence(empty_store, tmp_path):
    """Fast Company: "... ends with data, published July 28, 2022, for July through December of 2021. That
    report revealed that Twitter fielded 11,460 requests ...": the day is when the report came out; the
    next sentence's numbers are of the half year."""
    doc(empty_store, tmp_path, "fc.txt",
        "Had Twitter stuck to its usual cadence, we would have seen a report documenting the first half of 2022. "
        "Instead, the transparency timeline ends with data, published July 28, 2022, for July through December of "
        "2021. That report revealed that Twitter fielded 11,460 requests for information and removed 5,103,156 "
        "items.", published=D(2023, 2, 22))
    figures = stored(empty_store)
    assert figures[11_460].period_label == figures[5_103_156].period_label == "H2 2021"


def test_a_forum_threads_number_after_its_address_hides_no_period(empty_store, tmp_path):
    """".../apple-shares-...-requests-from-july-1-to-december-31-2017.2120189": the thread's number after
    the last dot is no file extension to keep; the address names the period the story reports on, as
    its text does not (it names only the year before's, to compare)."""
    doc(empty_store, tmp_path, "mr.txt",
        "Worldwide, Apple received a total of 29,718 requests covering 309,362 devices and provided data 79 percent "
        "of the time. Apple received a similar number of requests from July to December 2016.",
        url="https://forums.macrumors.com/threads/apple-shares-latest-transparency-report-outlining-government-"
            "data-requests-from-july-1-to-december-31-2017.2120189")
    assert stored(empty_store)[29_718].period_label == "H2 2017"


def test_the_one_month_a_sentence_names_is_its_numbers_month(empty_store, tmp_path):
    """"Google had received 26,087 complaints ... and removed 61,114 pieces ... in November, while 3,75,468
    pieces of content were removed as a result of automated detection", in a story on December: every
    number of that sentence is November's, not only the one "in November" follows."""
    doc(empty_store, tmp_path, "google-in.txt",
        "Google received 31,497 complaints from users and removed 94,173 pieces of content based on those complaints "
        "in December, the tech giant said in its monthly transparency report.\n"
        "In addition to reports from users, Google also removed 4,05,911 pieces of content in December as a result "
        "of automated detection.\n"
        "Google had received 26,087 complaints from users and removed 61,114 pieces of content based on those "
        "complaints in November, while 3,75,468 pieces of content were removed as a result of automated detection.\n",
        published=D(2022, 1, 31), title="Google removed 94,173 pieces of content in December")
    periods = {f.value: f.period_label for f in empty_store.queries.figures(["1=1"], {}) if f.platform == "Google"}
    assert periods[375_468] == periods[26_087] == periods[61_114] == "Nov 2021"
    assert periods[405_911] == "Dec 2021"
    assert answered(empty_store, "google content removed by automated detection in november 2021") == 375_468


PINTEREST_DE = """Pinterest Transparenzbericht 2020

Vereinigte Staaten

Art der Anfragen Anfragen Auskünfte teilweise erteilt Konten   Benachrichtigte Konten**
Vorladungen 28 28 34 3
Gerichtsbeschlüsse  3 3 5 0
Richterliche Anordnungen 14 14 15 2
Gesamt 46 46 55 5
"""


def test_a_header_whose_gap_parts_two_labels_is_read_by_the_one_cut_that_fits_its_rows(empty_store, tmp_path):
    """Pinterest's German table for H1 2020: "Benachrichtigte Konten**" after a gap of spaces is one
    label, though German capitalises both of its words; the words before the gap are four. The one
    way of reading the header as five labels gives each of the rows' four numbers its column."""
    doc(empty_store, tmp_path, "pinterest-de.txt", PINTEREST_DE, published=D(2020, 9, 1),
        title="Pinterest Transparenzbericht Januar bis Juni 2020")
    rows = {(f.policy, f.metric): f.value for f in empty_store.queries.figures(["1=1"], {})}
    assert rows[("Vorladungen", "Konten")] == 34
    assert rows[("Vorladungen", "Benachrichtigte Konten")] == 3
    assert rows[("Richterliche Anordnungen", "Anfragen")] == 14
    assert rows[("all policies", "Konten")] == 55  # "Gesamt": the total of every kind of request


def test_a_removal_a_request_or_court_order_asked_for_is_no_removal(empty_store, tmp_path):
    """"We received a court order to remove 860 orkut profiles": 860 were asked for; the 834 that
    Google removed are the removals."""
    doc(empty_store, tmp_path, "google-2012.txt",
        "Google transparency report, January to June 2012.\n"
        "We received a court order to remove 860 orkut profiles for impersonation. We removed 834 of the "
        "profiles, which fell within the scope of the order. There were 1,791 requests from government "
        "officials around the world to remove 17,746 pieces of content.\n", published=D(2012, 10, 25))
    figures = stored(empty_store)
    assert figures[860].metric == "accounts requested"
    assert figures[17746].metric == "pieces of content requested"
    assert figures[834].metric == "accounts suspended"


def test_the_policies_a_total_ranges_over_are_none_of_them_its_own(empty_store, tmp_path):
    """"Around 235,000 reports were sent to Discord's Trust & Safety team, ranging from cybercrime to
    harassment": the reports of every kind, not of harassment."""
    doc(empty_store, tmp_path, "discord.txt",
        "Around 235,000 reports were sent to Discord's Trust & Safety team in the first half of 2020, ranging "
        "from cybercrime to harassment.\n", published=D(2020, 8, 25))
    assert stored(empty_store)[235000].policy == "all policies"


def test_removal_requests_are_requests_and_a_year_of_these_is_a_count(empty_store, tmp_path):
    """bianet on Twitter's H1 2015 report: "310 content removal requests" were asked for, not removed;
    "1978 of these requests" is a count, not the year 1978 (nor the period of the sentence after it)."""
    doc(empty_store, tmp_path, "bianet.txt",
        "Twitter published a Transparency Report for the period between January and June 2015.\n"
        "Security units and other institutions made 310 content removal requests from Twitter. 1978 of these "
        "requests were related to different twitter accounts. As a result of the requests, 125 twitter accounts "
        "were suspended while 1667 tweets were removed.\n", published=D(2015, 8, 12))
    figures = stored(empty_store)
    assert figures[310].metric == "pieces of content requested"
    assert figures[1978].period_label == figures[1667].period_label == "H1 2015"
    assert figures[1667].metric == "tweets removed"


SHARECHAT_MARCH = """Transparency Report
ShareChat is publishing this monthly transparency report for March 2022.
1. Law Enforcement Requests
This report includes the number of legal notices received for ShareChat from law enforcement authorities.
| Law enforcement requests received | Requests where user data was provided | Requests wherein takedown/ban action was taken basis violation of community guidelines | 
|---|---|---|
| 9 | 8 | 2 | 
March 2022
2. User Complaints
| Total number of user complaints received | 
|---|
| 70,00,911 | 
March 2022
"""


def test_a_markdown_tables_numbers_are_read_under_their_columns_and_a_sections_number_is_none(empty_store, tmp_path):
    """ShareChat's monthly report copied as markdown: "| 9 | 8 | 2 |" under its header's three labels,
    "| 70,00,911 |" under its one; "1." and "2." number its sections and count nothing."""
    doc(empty_store, tmp_path, "sharechat.txt", SHARECHAT_MARCH, title="ShareChat Transparency Report March 2022")
    figures = {f.metric: f.value for f in empty_store.queries.figures(["1=1"], {})}
    assert figures["Law enforcement requests received"] == 9
    assert figures["Requests where user data was provided"] == 8
    assert figures["Total number of user complaints received"] == 7_000_911
    assert "a number stated" not in figures  # "1.", "2."
    assert answered(empty_store, "sharechat user complaints mar 2022") == 7_000_911


TWITTER_REMOVALS_2014 = """Removal requests

Latest report: Removal requests

July 1 - December 31, 2014

CountryRemoval requests - Court OrdersRemoval requests - Gov’t agency, police, otherPercentage where some content withheldAccounts specifiedAccounts withheldTweets withheld
Argentina 0 1 0% 2 0 0
Australia - - - - - -
Brazil 27 0 30%* 191 5* 101*
4 15 21% 26 0 19
Turkey 328 149 50%* 2,642 62* 1820*
TOTAL 376 420 13% 3,236 85* 1,982*

The majority of these requests came from Turkey (477), Russia (91), and Germany (43).
"""


def test_a_table_under_a_header_run_together_is_read_across_empty_rows_and_footnote_marks(empty_store, tmp_path):
    """Twitter's removal-requests page for H2 2014: its header's labels run together, its rows are
    spaced, a country with no requests has a row of dashes and one row has lost its label; numbers carry
    footnote marks ("30%*"). A column naming a part of what it counts ("Removal requests - Court Orders")
    is a breakdown: Turkey's removal requests are the 477 the text states, not its court orders alone."""
    doc(empty_store, tmp_path, "twitter-2014.txt", TWITTER_REMOVALS_2014, publisher="Twitter",
        url="https://transparency.twitter.com/removal-requests/2014/jul-dec")
    rows = {(f.location, f.metric, f.breakdown): f.value for f in empty_store.queries.figures(["1=1"], {})}
    assert rows[("Brazil", "Accounts specified", "")] == 191
    assert rows[("Brazil", "Percentage where some content withheld", "")] == 30
    assert rows[("Türkiye", "Tweets withheld", "")] == 1820
    assert rows[("Türkiye", "Removal requests", "Court Orders")] == 328
    assert rows[("", "Accounts specified", "")] == 3236  # TOTAL: no one country's
    assert answered(empty_store, "How many removal requests did Turkey send Twitter in H2 2014?") == 477


def test_a_count_in_brackets_after_a_share_counts_what_the_share_says(empty_store, tmp_path):
    """"of the 3,431 Koos reported by the Community, 14.5 percent (498) were removed": 498 were removed,
    as the share says; it is no figure of "14.5 percent"."""
    doc(empty_store, tmp_path, "koo.txt",
        "The report for July 2021 shows that of the 3,431 Koos reported by the Community, 14.5 percent (498) "
        "were removed, while other action was taken against 2,933.\n", published=D(2021, 8, 10), publisher="Koo")
    assert stored(empty_store)[498].metric == "were removed"
    assert answered(empty_store, "koo community-reported koos removed jul 2021") == 498


def test_a_share_beside_one_whose_words_name_a_policy_is_not_of_it_when_it_says_what_it_is_of(empty_store, tmp_path):
    """Sputnik Japan on TikTok's Q3 2021 report: 51% were of minor safety; the 16.6% beside it concerned
    illegal activities (words the lexicon does not know), so it is no share of minor safety."""
    doc(empty_store, tmp_path, "sputnik-ja.txt",
        "TikTokは2021年7月から9月までの間に、9100万本以上の動画を削除した。\n"
        "統計によると、削除された動画のうち、51%は未成年の安全に関連していたほか、16.6%が非合法的な活動への関与が指摘されたという。\n",
        published=D(2021, 10, 20))
    figures = stored(empty_store)
    assert figures[51].policy == "child safety"
    assert figures[16.6].policy != "child safety"


def test_counted_says_a_count_is_asked_not_what_is_counted(empty_store):
    """"how many bans of Twitch partner streamers were counted?": "counted" says the kind of number, as
    "how many" and "tally" do; it is no word a source must state."""
    q = reader(empty_store).read("In January 2021, how many bans of Twitch partner streamers were counted?")
    assert q.features.kind == "count"
    assert not {w for w in q.asked if w.startswith("count")}


def test_a_difference_said_as_an_increase_of_is_no_count(empty_store, tmp_path):
    """"31,778 device requests ..., an increase of 500 from the first half of 2018": 500 is how many more,
    not how many; asked for Apple's device requests, the answer is 31,778."""
    doc(empty_store, tmp_path, "apple.txt",
        "Apple said governments made 31,778 device requests between January 1 and June 30, 2019, an increase "
        "of 500 from the first half of 2018.\n", published=D(2019, 12, 20))
    assert 500 not in stored(empty_store)
    assert answered(empty_store, "apple device reqs h1 2019") == 31_778


def test_what_was_done_before_the_next_number_after_and_is_done_to_it_alone(empty_store, tmp_path):
    doc(empty_store, tmp_path, "rediff.txt",
        "In November 2021, Google received 26,087 complaints from users and removed 61,114 pieces of content in "
        "India. Facebook removed 5 million videos and 2 million comments in 2020.", published=D(2021, 12, 31))
    figures = stored(empty_store)
    assert "removed" not in figures[26087].metric and figures[61114].metric == "pieces of content removed"
    assert figures[2e6].metric == "comments removed"  # (an action said before both is still both's)


def test_what_an_article_counts_is_read_in_the_lexicons_later_languages_too(empty_store, tmp_path):
    """The lexicon's families in Danish, Swedish, Czech, Romanian, Greek and Ukrainian, among the fourteen
    languages added last (store/lexicon_languages.json), answer the English question."""
    doc(empty_store, tmp_path, "more.txt",
        "I alt har TikTok fjernet 102.305.516 videoer i første kvartal af 2022.\n\n"
        "Under 2021 raderade Facebook 4 412 konton för hatpropaganda.\n\n"
        "V roce 2020 YouTube odstranil 9 300 000 videí.\n\n"
        "În 2023, TikTok a eliminat 2.100.000 de conturi false.\n\n"
        "Το 2019 το Twitter ανέστειλε 166.513 λογαριασμούς για τρομοκρατία.\n\n"
        "У 2022 році Meta видалила 1 907 акаунтів.\n",
        published=D(2024, 3, 1))
    assert answered(empty_store, "tiktok videos removed q1 2022") == 102_305_516
    assert answered(empty_store, "how many youtube videos were removed in 2020") == 9_300_000
    assert answered(empty_store, "twitter accounts suspended for terrorism 2019") == 166_513
    figures = stored(empty_store)
    assert figures[9_300_000].metric.endswith(" removed") and figures[1_907].metric.endswith(" suspended")


def test_a_story_about_a_platform_the_lexicon_does_not_list_is_that_platforms(empty_store, tmp_path):
    # the name its headline gives and its text writes as a name ("Trustpilot", "Yelp"), not the
    # known platform it names in passing (Google): a question naming it is answered by its figures
    # alone, and one naming the other story's platform never by them
    doc(empty_store, tmp_path, "trustpilot.txt",
        "Trustpilot Removed 2.2m Fake Reviews, Report Shows\n\nTrustpilot removed 2.2 million fake reviews in "
        "2020, a report shows. Reviews on Trustpilot are checked by software; Google was not involved.",
        published=D(2021, 5, 4))
    doc(empty_store, tmp_path, "yelp.txt",
        "Yelp Releases Trust & Safety Report\n\nIn 2020, Yelp closed 51,300 user accounts for violating its "
        "policies. The report says Yelp removed 1,500 reviews too.", published=D(2021, 2, 1))
    figures = stored(empty_store)
    assert (figures[2.2e6].platform, figures[51300].platform) == ("Trustpilot", "Yelp")
    assert answered(empty_store, "trustpilot fake revs removed 2020") == 2.2e6
    closed = answer("trustpilot user accounts closed 2020", empty_store).answer
    assert closed is None or closed.platform == "Trustpilot"
    assert answer("yelp fake reviews removed 2021", empty_store).answer is None


@pytest.mark.parametrize("headline,text,name", [
    ("Trustpilot Removes Millions Of Fake Reviews", "Trustpilot has removed 2.7 million reviews. On Trustpilot’s "
     "platform ...", "Trustpilot"),
    ("Etsy’s first transparency report shows it shut down 168k accounts", "Etsy’s report ... at Etsy, the "
     "marketplace", "Etsy"),
    # a word set in capitals is written as a name; a name that is no English word before one that is
    ("Riot Games ban almost 9,000 VALORANT cheaters", "VALORANT, by Riot Games. Riot says VALORANT players "
     "who cheat are banned, reports Riot.", "Valorant"),
    ("Роскомнадзор: заблокировали 885 тысяч сайтов", "по требованию Роскомнадзора ... В Роскомнадзоре уточнили",
     "Роскомнадзор"),
    # a name written with a small first letter and a capital after it
    ("How eBay is Protecting Brands and Buyers", "In 2023, eBay blocked 4 million listings. Sellers on eBay were ...",
     "eBay"),
    # words its text also writes in lower case, or only inside a longer name, or that the lexicon reads
    ("Transparency Report Shows Removals", "Our Transparency Report shows removals. Read the Transparency "
     "Report; the report shows more.", None),
    ("Fake Reviews Removed In March", "Fake Reviews were removed in March ... Fake Reviews ... March", None),
    # a sentence's first word is not written among lower-case words
    ("While Reviews Grew, Removals Fell", "Removals fell. While reviews grew, removals fell. While accounts ...", None),
])
def test_the_name_a_story_is_about_is_its_headlines_word_its_text_writes_as_a_name(headline, text, name):
    from store.ingest.prose import document_subject

    found = document_subject(headline, None, text)
    assert (found[0] if found else None) == name


def test_a_story_with_no_headline_is_about_the_name_its_publisher_gives_and_its_text_writes():
    # a press release on markets.ft.com: no title, an address of no words, the release "by Yelp"
    from store.ingest.prose import document_subject

    text = "In 2024, Yelp removed over 185,100 reported reviews. Yelp closed 551,200 accounts. Reviews on Yelp ..."
    assert document_subject("", "https://markets.ft.com/data/announce/detail?dockey=600-2025", text,
                            "markets.ft.com (Business Wire release by Yelp)") == ("Yelp", 3)
    assert document_subject("", "https://markets.ft.com/data/announce/detail?dockey=600-2025", text) is None


def test_a_platform_learned_from_a_story_is_named_in_its_own_script_or_in_latin_letters(empty_store, tmp_path):
    doc(empty_store, tmp_path, "rkn.txt",
        "Роскомнадзор: итоги года\n\nВ 2023 году по требованию Роскомнадзора заблокировали 885 тысяч сайтов. "
        "В Роскомнадзоре уточнили это.", published=D(2024, 1, 17))
    assert stored(empty_store)[885000].platform == "Роскомнадзор"
    assert answered(empty_store, "roskomnadzor sites blocked 2023") == 885000
    assert answered(empty_store, "Роскомнадзор сайтов 2023") == 885000


def test_a_learned_platform_other_stories_name_without_being_about_it_finds_their_figures(empty_store, tmp_path):
    # "Kominfo" is one story's platform; another, about Facebook, quotes what Kominfo blocked there
    doc(empty_store, tmp_path, "kominfo.txt",
        "Kominfo Temukan 1.929 Berita Hoaks\n\nKominfo menemukan 1.929 berita hoaks terkait Covid-19 pada 2021. "
        "Kominfo juga melaporkan hal itu.", published=D(2021, 10, 3))
    doc(empty_store, tmp_path, "facebook.txt",
        "Facebook content blocked in Indonesia\n\nKominfo blocked 2,548,743 gambling posts on Facebook in 2024.",
        published=D(2024, 6, 26))
    assert stored(empty_store)[1929].platform == "Kominfo"
    assert answered(empty_store, "kominfo gambling posts blocked 2024") == 2548743


def test_a_learned_platform_a_question_names_is_not_a_word_its_figures_sentence_must_say(empty_store, tmp_path):
    # as "Twitter" is not: the platform is the figure's, here said only in its story's address and last lines
    doc(empty_store, tmp_path, "travelnews.txt",
        "Over 2 million reviews removed\n\nIn 2020, over two million review entries were removed, 8.6% of all "
        "entries.\n\nMore about Tripadvisor: Tripadvisor is a travel site.", published=D(2021, 4, 27),
        url="https://www.travelnews.ch/tourismuswelt/20142-tripadvisor-entfernte-2020-ueber-2-millionen.html")
    assert stored(empty_store)[8.6].platform == "Tripadvisor"
    assert answered(empty_store, "tripadvisor % removed 2020") == 8.6
    assert "tripadvisor" not in reader(empty_store).read("tripadvisor % removed 2020").asked


def test_of_one_sentence_s_numbers_the_one_counting_the_noun_asked_answers(empty_store, tmp_path):
    """"disabled 176,137 listings from 42,526 sellers in response to DMCA takedown requests": the
    words around both numbers are the sentence's; "how many listings" counts listings, "how many
    sellers" sellers. A number naming nothing it counts ("fraud (87,000)") is no other noun's."""
    doc(empty_store, tmp_path, "etsy.txt",
        "Etsy Transparency Report 2014\n\nEtsy published its first transparency report. The company also "
        "disabled 176,137 listings from 42,526 sellers in response to DMCA takedown requests in 2014.",
        published=D(2015, 7, 2))
    question = "How many listings did Etsy disable in response to DMCA takedown requests in 2014?"
    assert answered(empty_store, question) == 176_137
    assert answered(empty_store, question.replace("listings", "sellers")) == 42_526


def test_a_learned_name_written_with_a_capital_inside_is_read_however_typed(empty_store, tmp_path):
    """"eBay" is in subtitles' word list as "ebay", but a name written with a capital inside it is no
    word: "ebay items removed 2023" names eBay. A question eBay's own figures do not answer ("fake
    reviews") is not answered by them for naming eBay either."""
    doc(empty_store, tmp_path, "ebay.txt",
        "How eBay is Protecting Brands and Buyers\n\nAs a leading e-commerce marketplace, eBay is committed to "
        "making our platform a place where buyers can trust. In 2023, eBay proactively removed approximately 3.2 "
        "million potentially counterfeit and prohibited items.", published=D(2024, 3, 5))
    assert stored(empty_store)[3.2e6].platform == "eBay"
    assert reader(empty_store).read("ebay items removed 2023").features.platforms == {"eBay"}
    assert answered(empty_store, "ebay items removed 2023") == 3.2e6
    assert answer("ebay fake reviews removed 2023", empty_store).answer is None


def test_an_english_question_meets_a_sentence_in_another_language_by_the_words_that_translate_it(empty_store, tmp_path):
    # neither sentence writes an English word the question asks: the dictionary's translations say
    # which one is about court orders ("Gerichtsbeschlüsse") and which about insults ("Beleidigung")
    doc(empty_store, tmp_path, "pinterest-de.txt",
        "Pinterest hat seinen Transparenzbericht für das erste Halbjahr 2020 veröffentlicht. Darin nennt das "
        "Unternehmen die Zahl der Anfragen von Behörden und Nutzern.\n\n"
        "Im ersten Halbjahr 2020 gingen bei Pinterest 120 Beschwerden wegen Beleidigung ein.\n\n"
        "Im selben Halbjahr erhielt Pinterest 15 Gerichtsbeschlüsse.",
        title="Pinterest: Transparenzbericht", published=D(2020, 9, 1))
    assert answered(empty_store, "pinterest court orders h1 2020") == 15
    assert answered(empty_store, "pinterest insult complaints h1 2020") == 120


@pytest.mark.parametrize("lines, words", [
    # FreeDict's older dictionaries: translations unindented, notes and cross-references indented
    (["Rezension <fem>, Besprechung <fem> [kritische] , Kritik <fem>", "         Note: of a book",
      " see: {reviews}"], ["rezension", "besprechung", "kritik"]),
    # WikDict's: numbered senses, each followed by an English gloss
    (["1. resensi, ulasan", "account intended as a critical evaluation", "2. tinjauan", "judicial reassessment"],
     ["resensi", "ulasan", "tinjauan"]),
    # a phrase is no single word's translation ("edebiyat ve fikir mecmuası"); "to" before a verb goes
    (["1. edebiyat ve fikir mecmuası", "2. to review"], ["review"]),
])
def test_a_dictionary_entry_gives_its_single_word_translations(lines, words):
    from store.translations import _translations

    assert _translations(lines) == words


def test_of_a_sentences_numbers_in_another_language_the_one_by_the_translated_word_answers(empty_store, tmp_path):
    # "Rezensionen" (reviews) is in the sentence of both numbers, and by the 40 only
    doc(empty_store, tmp_path, "pinterest-h2-de.txt",
        "Pinterest hat seinen Transparenzbericht für das zweite Halbjahr 2020 veröffentlicht. Darin nennt das "
        "Unternehmen die Zahl der Anfragen von Behörden und Nutzern.\n\n"
        "Im zweiten Halbjahr 2020 gingen bei Pinterest 15 Gerichtsbeschlüsse ein, dazu kamen 40 Rezensionen.",
        title="Pinterest: Transparenzbericht", published=D(2021, 3, 1))
    assert answered(empty_store, "pinterest court orders h2 2020") == 15
    assert answered(empty_store, "pinterest reviews h2 2020") == 40


def test_a_word_every_freedict_dictionary_gives_is_read_in_a_sentence_in_that_language(empty_store, tmp_path):
    # "Vorladungen" (subpoenas): the table is made from every FreeDict dictionary Debian packages, with up to
    # 16 different words for each English one (the table before had no German word for "subpoena")
    doc(empty_store, tmp_path, "pinterest-legal-de.txt",
        "Pinterest hat seinen Transparenzbericht für das erste Halbjahr 2020 veröffentlicht. Darin nennt das "
        "Unternehmen die Zahl der Anfragen von Behörden.\n\n"
        "Im ersten Halbjahr 2020 erhielt Pinterest 28 Vorladungen. Sie betrafen 46 Konten.",
        title="Pinterest: Transparenzbericht", published=D(2020, 9, 1))
    assert answered(empty_store, "pinterest subpoenas h1 2020") == 28
    assert answered(empty_store, "how many accounts did pinterest's h1 2020 subpoenas concern") == 46


def test_of_a_words_translations_a_form_of_one_kept_before_it_is_no_other_word():
    from store.translations import _distinct

    # "berichte" is found as "bericht" is, by its first letters; the kept forms are different words
    assert _distinct(["bericht", "konto", "berichte", "konten", "令状", "令状書"]) == ["bericht", "konto", "令状", "令状書"]


def test_a_word_reached_through_two_other_languages_dictionaries_is_a_translation():
    from store.translations import through_others

    # English "material" is German "Material" and Polish "materiał"; both dictionaries into Russian say
    # "материал"; "ткань" (cloth) only the Polish one does, so it is not kept
    direct = {"de": {"materi": ["material"]}, "pl": {"materi": ["materiał"]}}
    pairs = {"de": {"material": [["материал, материа́л", "Sammelbegriff für Rohstoffe"]]},
             "pl": {"materiał": [["1. ткань", "to, z czego się szyje", "2. материал", "to, z czego są wytwarzane"]]}}
    assert through_others(direct, pairs, english=set()) == {"materi": ["материал"]}


def test_of_one_sentences_tied_numbers_the_one_next_to_a_translated_word_asked_answers(empty_store, tmp_path):
    # each share's words run on past the next one ("oro (22%), mientras que ... plata (17%)"): both read
    # both tiers, and the tier written right by a number says which it is
    doc(empty_store, tmp_path, "pubg-es.txt",
        "PUBG Mobile publicó su informe semanal de cuentas baneadas por trampas entre el 11 y el 17 de diciembre "
        "de 2020. PUBG Mobile baneó 1.000 cuentas.\n\nLa mayoría de las cuentas baneadas eran de nivel oro (22%), mientras que el siguiente grupo "
        "más numeroso era el de nivel plata (17%).", title="PUBG Mobile: cuentas baneadas", published=D(2020, 12, 20))
    assert answered(empty_store, "what share of pubg mobile accounts banned dec 11-17 2020 were gold tier?") == 22
    assert answered(empty_store, "what share of pubg mobile accounts banned dec 11-17 2020 were silver tier?") == 17


def test_an_arabic_translation_is_found_without_its_article_inside_the_word_it_is_glued_to(empty_store, tmp_path):
    # the dictionary writes "المضيف" (the host); the sentence "مضيف بث مباشر" (live-stream host)
    doc(empty_store, tmp_path, "tiktok-ar.txt",
        "أعلنت منصة تيك توك عن نتائج تقرير تطبيق إرشادات المجتمع للربع الأول من عام 2025 في منطقة الشرق الأوسط "
        "وشمال أفريقيا. وشهدت المنصة حظر 44,121 مضيف بث مباشر خلال الربع الأول من عام 2025.",
        published=D(2025, 6, 20))
    assert answered(empty_store, "how many hosts did tiktok ban in q1 2025") == 44121


def test_regenerating_translations_without_dictionaries_says_so_and_keeps_the_table(tmp_path, monkeypatch):
    from store import translations

    table = tmp_path / "translations.json.gz"
    table.write_bytes(b"kept")
    monkeypatch.setattr(translations, "DICTD", tmp_path / "dictd")
    monkeypatch.setattr(translations, "PATH", table)
    with pytest.raises(SystemExit, match="no FreeDict dictionaries"):
        translations.write()
    assert table.read_bytes() == b"kept"


def test_a_question_naming_no_platform_finds_an_old_story_by_its_words_among_many_newer_figures(empty_store, tmp_path):
    # more figures of later months than a question naming no platform reads by date (CANDIDATE_LIMIT):
    # the database's full-text index finds the older sentence that says what is asked
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    platforms = ["YouTube", "TikTok", "Facebook", "Instagram", "Snapchat", "Pinterest", "Reddit", "Discord", "Twitch",
                 "LinkedIn", "Tumblr", "Telegram"]
    lines = [f"In {month} {year}, {platform} removed {1000 + 37 * i:,} videos."
             for i, (year, month, platform) in enumerate((y, m, p) for y in (2021, 2022, 2023) for m in months for p in platforms)]
    assert len(lines) > CANDIDATE_LIMIT
    doc(empty_store, tmp_path, "removals.txt", "Monthly removals\n\n" + "\n".join(lines), published=D(2024, 1, 10))
    doc(empty_store, tmp_path, "match.txt",
        "Match Group publishes its first safety report\n\nIn 2019 we catch and neutralize 85% of potentially "
        "improper accounts in the first four hours, before they reach anyone.", published=D(2020, 2, 1))
    assert answered(empty_store, "what % of potentially improper accounts are neutralized in the first four hours?") == 85
