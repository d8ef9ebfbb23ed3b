"""Periods resolve as issue 2 states: every form the seed documents and questions use, closed
ranges, open starts resolved up to the publication date, and the document's own reporting
period and the one before it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.periods import Mention, Period, find_periods, label_for, previous, span

D = dt.date
PUBLISHED = D(2018, 4, 5)


def only(text: str, reference: dt.date | None = PUBLISHED) -> Mention:
    """The single period expression in ``text``; it must cover all of it."""
    found = find_periods(text, reference)
    assert len(found) == 1, f"{text!r}: {found}"
    m = found[0]
    assert text[m.start : m.end].strip() == text.strip(), f"{text!r}: matched only {text[m.start:m.end]!r}"
    return m


CLOSED = [
    # the forms of the seed documents
    ("the last half of 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("between Aug. 1, 2015 and Dec. 31, 2017", D(2015, 8, 1), D(2017, 12, 31)),
    ("the last six months of 2017", D(2017, 7, 1), D(2017, 12, 31)),
    # the forms of questions
    ("H2 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("2H17", D(2017, 7, 1), D(2017, 12, 31)),
    ("second half of 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("Jul–Dec 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("Jul-Dec 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("last six months of 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("first half of 2017", D(2017, 1, 1), D(2017, 6, 30)),
    ("H1 2017", D(2017, 1, 1), D(2017, 6, 30)),
    ("Q3 2016", D(2016, 7, 1), D(2016, 9, 30)),
    ("3Q16", D(2016, 7, 1), D(2016, 9, 30)),
    ("the fourth quarter of 2019", D(2019, 10, 1), D(2019, 12, 31)),
    ("2017", D(2017, 1, 1), D(2017, 12, 31)),
    ("Aug 2015 to Dec 2017", D(2015, 8, 1), D(2017, 12, 31)),
    ("2018Q2", D(2018, 4, 1), D(2018, 6, 30)),
    ("Jul-Sep 2020", D(2020, 7, 1), D(2020, 9, 30)),
    ("12/31/2010", D(2010, 12, 31), D(2010, 12, 31)),
    ("July 2015", D(2015, 7, 1), D(2015, 7, 31)),
    ("February 2016", D(2016, 2, 1), D(2016, 2, 29)),  # a leap year ends on the 29th
]


# periods as articles in other languages, and a few more English forms, write them
WRITTEN = [
    ("zwischen Oktober und November 2019", D(2019, 10, 1), D(2019, 11, 30)),
    ("entre el 1 de julio y el 31 de diciembre de 2019", D(2019, 7, 1), D(2019, 12, 31)),
    ("la segunda mitad de 2019", D(2019, 7, 1), D(2019, 12, 31)),
    ("Na última metade de 2020", D(2020, 7, 1), D(2020, 12, 31)),
    ("au dernier trimestre 2019", D(2019, 10, 1), D(2019, 12, 31)),
    ("en diciembre de 2019", D(2019, 12, 1), D(2019, 12, 31)),
    ("from Aug. 1, 2015, through Dec. 31, 2016", D(2015, 8, 1), D(2016, 12, 31)),
    ("from 2020's second half", D(2020, 7, 1), D(2020, 12, 31)),
    ("in the first part of 2022", D(2022, 1, 1), D(2022, 6, 30)),
    ("from January to June of 2022", D(2022, 1, 1), D(2022, 6, 30)),
    ("durante los tres últimos meses de 2019", D(2019, 10, 1), D(2019, 12, 31)),
    ("os primeiros seis meses de 2020", D(2020, 1, 1), D(2020, 6, 30)),
    ("les trois derniers mois de 2019", D(2019, 10, 1), D(2019, 12, 31)),
    ("nel secondo semestre 2020", D(2020, 7, 1), D(2020, 12, 31)),  # Italian
    ("tra aprile e giugno 2021", D(2021, 4, 1), D(2021, 6, 30)),
    ("في الفترة من أبريل إلى سبتمبر 2018", D(2018, 4, 1), D(2018, 9, 30)),  # Arabic
    ("خلال الربع الثالث من عام 2025", D(2025, 7, 1), D(2025, 9, 30)),  # ... its quarters and halves
    ("للربع الأول 2021", D(2021, 1, 1), D(2021, 3, 31)),
    ("كان النصف الثاني من العام 2017", D(2017, 7, 1), D(2017, 12, 31)),
    ("जून 2021 की उसकी रिपोर्ट", D(2021, 6, 1), D(2021, 6, 30)),  # Hindi
    ("tussen januari en juni 2022", D(2022, 1, 1), D(2022, 6, 30)),  # Dutch
    ("od stycznia do czerwca 2022", D(2022, 1, 1), D(2022, 6, 30)),  # Polish, months "of" (genitive)
    ("od ledna do června 2022", D(2022, 1, 1), D(2022, 6, 30)),  # Czech
    ("1 Haziran-31 Aralık 2015 dönemini kapsayan", D(2015, 6, 1), D(2015, 12, 31)),  # Turkish
    ("Zwischen Anfang Januar und Ende Juni 2022 wurden", D(2022, 1, 1), D(2022, 6, 30)),  # the part of a month: whole months
    ("from the beginning of January to the end of June 2022", D(2022, 1, 1), D(2022, 6, 30)),
    ("mid-may to mid-june 2021", D(2021, 5, 1), D(2021, 6, 30)),
    ("de principios de enero a finales de junio de 2022", D(2022, 1, 1), D(2022, 6, 30)),
    ("in the second month of 2022", D(2022, 2, 1), D(2022, 2, 28)),  # a month by its place in the year
    ("the 11th month of 2021", D(2021, 11, 1), D(2021, 11, 30)),
    ("dihapus YouTube dalam kuartal-III tahun 2018.", D(2018, 7, 1), D(2018, 9, 30)),  # Indonesian, a hyphen before the ordinal
    # a span ending on a day: the month, quarter, year or week up to it, not that one day
    ("for the month ending August 25, 2021", D(2021, 7, 26), D(2021, 8, 25)),  # India's IT Rules months
    ("for the month ending November 30, 2021", D(2021, 11, 1), D(2021, 11, 30)),
    ("in the year ended 31 March 2022", D(2021, 4, 1), D(2022, 3, 31)),
    ("the quarter ending 30 June 2020", D(2020, 4, 1), D(2020, 6, 30)),
    ("the 12 months to 30 June 2023", D(2022, 7, 1), D(2023, 6, 30)),
    ("the week ending 5 March 2022", D(2022, 2, 27), D(2022, 3, 5)),
    ("the fiscal year ending June 2022", D(2021, 7, 1), D(2022, 6, 30)),
    # the first or last quarters of a year, as several languages write them
    ("in the first three quarters of 2019", D(2019, 1, 1), D(2019, 9, 30)),
    ("Sur les trois premiers trimestres 2019, Facebook", D(2019, 1, 1), D(2019, 9, 30)),
    ("los tres primeros trimestres de 2019", D(2019, 1, 1), D(2019, 9, 30)),
    ("die ersten drei Quartale 2019", D(2019, 1, 1), D(2019, 9, 30)),
    ("the last two quarters of 2018", D(2018, 7, 1), D(2018, 12, 31)),
    # Turkish puts "between" after the two ends ("X ile Y arasında")
    ("YouTube, Ekim 2019 ile Aralık 2019 arasında 5.8 milyon videoyu", D(2019, 10, 1), D(2019, 12, 31)),
    # an aside after the first end of "between ... and ..."
    ("entre 16 de agosto de 2022, início da campanha eleitoral, e 8 de janeiro de 2023, dia dos ataques",
     D(2022, 8, 16), D(2023, 1, 8)),
    ("from January 2019, when it began, to March 2020", D(2019, 1, 1), D(2020, 3, 31)),
    # Indonesian writes a quarter with a cardinal after it too ("quarter four")
    ("pada kuartal empat 2021 sebanyak 85 juta video", D(2021, 10, 1), D(2021, 12, 31)),
    # ... and "from X until Y" by suffixes, with or without the apostrophe
    ("Ocak 2012den Temmuz 2020ye kadar ise toplamda 4 bin 953 hesap", D(2012, 1, 1), D(2020, 7, 31)),
    ("2015'ten 2017'ye kadar", D(2015, 1, 1), D(2017, 12, 31)),
    # quarters in every language's word for one (the CLDR's), after an ordinal digit, numeral or word, whatever
    # its case ending, or before it; then a year
    ("I alt har TikTok fjernet 102.305.516 videoer i første kvartal af 2022.", D(2022, 1, 1), D(2022, 3, 31)),
    ("Discord w drugim kwartale 2022 roku zbanował", D(2022, 4, 1), D(2022, 6, 30)),
    ("пришлось на IV квартал 2025 г. – более 17,416 млн", D(2025, 10, 1), D(2025, 12, 31)),
    ("รายงานประจำไตรมาสที่ 2 ของปี 2022 โดย", D(2022, 4, 1), D(2022, 6, 30)),
    ("în trimestrul al II-lea 2024 au fost", D(2024, 4, 1), D(2024, 6, 30)),
    ("tijekom trećeg kvartala 2018. izbrisao", D(2018, 7, 1), D(2018, 9, 30)),
    ("(1ο τρίμηνο 2021)", D(2021, 1, 1), D(2021, 3, 31)),
    ("पहली तिमाही 2023 में", D(2023, 1, 1), D(2023, 3, 31)),
    # days of one month "between" two of them, with their articles (the first day is no count)
    ("between 11 and 17 December 2020", D(2020, 12, 11), D(2020, 12, 17)),
    ("entre el 11 y el 17 de diciembre de 2020", D(2020, 12, 11), D(2020, 12, 17)),
    ("zwischen 3. und 9. Mai 2021", D(2021, 5, 3), D(2021, 5, 9)),
    # ... and halves, by each language's word for one, after the same ordinals
    ("В первом полугодии 2023 года по требованию Роскомнадзора заблокировали", D(2023, 1, 1), D(2023, 6, 30)),
    ("во втором полугодии 2022 г.", D(2022, 7, 1), D(2022, 12, 31)),
    ("w pierwszym półroczu 2023 usunięto", D(2023, 1, 1), D(2023, 6, 30)),
    ("in het eerste halfjaar 2023 werden", D(2023, 1, 1), D(2023, 6, 30)),
    ("i første halvår 2021 blev", D(2021, 1, 1), D(2021, 6, 30)),
    # ... not a count of quarters ("two quarters"), nor the first of several
    ("zwei Quartale 2020", D(2020, 1, 1), D(2020, 12, 31)),
    ("Sur les trois premiers trimestres 2019, Facebook", D(2019, 1, 1), D(2019, 9, 30)),
]


@pytest.mark.parametrize("text,start,end", WRITTEN, ids=[c[0] for c in WRITTEN])
def test_periods_as_other_languages_and_looser_english_write_them(text, start, end):
    found = [m for m in find_periods(text, PUBLISHED) if m.period]
    assert [(m.period.start, m.period.end) for m in found] == [(start, end)]


@pytest.mark.parametrize("text,months", [
    ("the first three months of the year", (1, 3)), ("os primeiros três meses do ano", (1, 3)),
    ("die ersten sechs Monate des Jahres", (1, 6)), ("les trois derniers mois de l'année", (10, 12)),
    ("the first half of the year", (1, 6)), ("between April and September", (4, 9)),
    ("entre el 1 de enero y el 30 de junio", (1, 6)), ("between 1 April and 30 September", (4, 9)),
])
def test_months_without_their_year_are_read_as_those_months_and_placed_by_the_date(text, months):
    assert [(m.kind, m.months) for m in find_periods(text)] == [("yearless", months)]
    (m,) = find_periods(text, D(2022, 1, 10))  # the latest such months that had ended by then
    assert (m.period.start.month, m.period.end.month, m.period.end.year) == (*months, 2021)


@pytest.mark.parametrize("text,start,end", [
    ("16 февраля Telegram заблокировал", D(2026, 2, 16), D(2026, 2, 16)),  # a day of no year: of the date's year
    ("On February 16, Telegram blocked", D(2026, 2, 16), D(2026, 2, 16)),
    ("Dne 16. února Telegram zablokoval", D(2026, 2, 16), D(2026, 2, 16)),
    ("on 3 March", D(2025, 3, 3), D(2025, 3, 3)),  # ... the latest such day by the date
    ("Всего с начала февраля мессенджер", D(2026, 2, 1), D(2026, 2, 17)),  # since a month: up to the date
    ("Since the start of February, it blocked", D(2026, 2, 1), D(2026, 2, 17)),
    ("С начала 2026 г. общее число", D(2026, 1, 1), D(2026, 2, 17)),
    ("Od začátku roku činí", D(2026, 1, 1), D(2026, 2, 17)),
])
def test_a_day_or_a_start_of_no_year_is_placed_by_the_publication_date(text, start, end):
    (m,) = [m for m in find_periods(text, D(2026, 2, 17)) if m.period]
    assert (m.period.start, m.period.end) == (start, end)
    if "2026" not in text:
        assert not [m for m in find_periods(text) if m.period]  # no date: no period


@pytest.mark.parametrize("text", ["telegram communities blocked ytd 2026", "2026 ytd", "year-to-date 2026"])
def test_year_to_date_of_a_named_year_runs_from_its_start(text):
    (m,) = [m for m in find_periods(text) if m.period]
    assert (m.kind, m.period.start, m.period.end) == ("since", D(2026, 1, 1), None)
    (m,) = [m for m in find_periods(text, D(2026, 2, 17)) if m.period]
    assert (m.period.start, m.period.end) == (D(2026, 1, 1), D(2026, 2, 17))


@pytest.mark.parametrize("text", ["in September 4 million videos were removed", "am September 4 Millioune Videoen"])
def test_a_month_before_a_scaled_number_is_no_day(text):
    assert not [m for m in find_periods(text, D(2023, 10, 17)) if m.period and m.period.start == m.period.end]


@pytest.mark.parametrize("text", ["desde 2019", "seit 2019", "depuis 2019", "sejak 2019"])
def test_since_as_other_languages_write_it_is_an_open_start(text):
    assert [(m.kind, m.period.start) for m in find_periods(text)] == [("since", D(2019, 1, 1))]


@pytest.mark.parametrize("text,end", [
    ("as of the end of March 2020", D(2020, 3, 31)), ("as of end march 2020", D(2020, 3, 31)),
    ("as of the end of 2017", D(2017, 12, 31)), ("through Dec 31 2016", D(2016, 12, 31)),
    ("By December 2020", D(2020, 12, 31)), ("by the end of 2019", D(2019, 12, 31)),
])
def test_as_of_a_date_is_all_there_was_by_then_from_any_start(text, end):
    (m,) = find_periods(text)
    assert (m.period.start, m.period.end) == (None, end) and m.period.label == f"as of {end:%-d %b %Y}"


def test_a_range_is_not_read_as_of_its_end():
    assert find_periods("from Aug 2015 through Dec 2017")[0].period.label == "Aug 2015 – Dec 2017"
    (m,) = find_periods("As of the end of March, TikTok had", D(2020, 7, 11))  # the latest March by the date
    assert (m.period.start, m.period.end) == (None, D(2020, 3, 31))


def test_a_number_after_a_month_is_not_its_year():
    """"zwischen April und Juni 11,4 Millionen": 11 is a count, not the year 2011; in
    "January 1 – June 30", 30 is a day, as the first month has one, not the year 2030."""
    assert not [m for m in find_periods("zwischen April und Juni 11,4 Millionen Videos") if m.period]
    found = find_periods("In the first half of 2020 (January 1 – June 30), 104,543,719 videos were removed")
    assert [m.period.label for m in found if m.period] == ["H1 2020"]
    assert [m.period.label for m in find_periods("Jul-Dec '17")] == ["H2 2017"]


@pytest.mark.parametrize("text,months", [
    ("löschte Facebook im ersten Halbjahr 22.826 Inhalte", (1, 6)),
    ("in Q3 9 million videos were removed", (7, 9)),
    ("in the second half 1,200 accounts", (7, 12)),
])
def test_a_part_of_a_year_followed_by_a_count_is_read_and_the_count_is_no_year(text, months):
    """A number right after "im ersten Halbjahr" or "Q3" is a count (22.826, 9 million), not the
    year of that part: the part is read, with no year, as it is without the number."""
    assert [(m.kind, m.months) for m in find_periods(text)] == [("yearless", months)]
    assert [m.period.label for m in find_periods("im ersten Halbjahr 2022 und Q3 '21")] == ["H1 2022", "Q3 2021"]


@pytest.mark.parametrize("text,start,end", [
    ("2015년 상반기", D(2015, 1, 1), D(2015, 6, 30)), ("2022年第三季度", D(2022, 7, 1), D(2022, 9, 30)),
    ("2018年7月～12月", D(2018, 7, 1), D(2018, 12, 31)), ("2018年7-12月", D(2018, 7, 1), D(2018, 12, 31)), ("2022年3月", D(2022, 3, 1), D(2022, 3, 31)),
    ("2019년", D(2019, 1, 1), D(2019, 12, 31)), ("2022 年 2 月", D(2022, 2, 1), D(2022, 2, 28)),
    # without a year: placed by the date, as "the second half" is ("지난해": last year)
    ("지난해 하반기", D(2017, 7, 1), D(2017, 12, 31)), ("7월부터 12월까지", D(2017, 7, 1), D(2017, 12, 31)),
    ("下半期", D(2017, 7, 1), D(2017, 12, 31)), ("3月", D(2018, 3, 1), D(2018, 3, 31)),
    # ... and Russian months, of the month and in it
    ("13 ноября 2025", D(2025, 11, 13), D(2025, 11, 13)), ("с января по июнь 2024", D(2024, 1, 1), D(2024, 6, 30)),
    ("марте 2022", D(2022, 3, 1), D(2022, 3, 31)),
    ("Quý III năm 2025", D(2025, 7, 1), D(2025, 9, 30)),  # Vietnamese: the part, its ordinal, then "year"
])
def test_chinese_japanese_and_korean_periods(text, start, end):
    m = only(text)
    assert (m.kind, m.period.start, m.period.end) == ("closed", start, end)


@pytest.mark.parametrize("text,start,end", CLOSED, ids=[c[0] for c in CLOSED])
def test_closed_period_forms_resolve_to_their_dates(text, start, end):
    m = only(text)
    assert m.kind == "closed"
    assert (m.period.start, m.period.end) == (start, end)


@pytest.mark.parametrize("text", ["H2 2017", "2H17", "second half of 2017", "Jul–Dec 2017",
                                  "last six months of 2017", "the last half of 2017", "second-half-2017"])
def test_every_name_for_the_second_half_of_2017_gets_one_label(text):
    assert only(text).period.label == "H2 2017"


@pytest.mark.parametrize("text", ["since the middle of 2015", "since mid-2015", "since mid 2015"])
def test_open_start_runs_up_to_the_publication_date(text):
    m = only(text, D(2016, 2, 5))
    assert m.kind == "since"
    assert (m.period.start, m.period.end) == (D(2015, 7, 1), D(2016, 2, 5))
    assert m.period.label.startswith("since Jul 2015")


def test_open_start_without_a_reference_stays_open():
    m = only("since mid-2015", None)
    assert (m.period.start, m.period.end) == (D(2015, 7, 1), None)
    assert m.period.label == "since Jul 2015"


def test_open_start_depends_on_the_reference_date():
    a = only("since mid-2015", D(2016, 2, 5)).period
    b = only("since mid-2015", D(2018, 4, 5)).period
    assert a.start == b.start and a.end != b.end


@pytest.mark.parametrize("text", ["the preceding reporting period", "the previous reporting period",
                                  "the prior period"])
def test_the_preceding_reporting_period_is_the_one_before_the_documents(text):
    m = only(text)
    assert m.kind == "previous" and m.period is None
    # resolved against the document's reporting period (store.ingest.prose) with previous()
    assert previous(span(2017, 7, 2017, 12)) == span(2017, 1, 2017, 6)
    assert previous(span(2016, 7, 2016, 9)) == span(2016, 4, 2016, 6)


@pytest.mark.parametrize("text", ["the last reporting period", "the latest reporting period", "recently"])
def test_the_current_reporting_period_is_the_documents(text):
    m = only(text)
    assert m.kind == "current" and m.period is None  # the document's own period, in prose


def test_periods_are_found_inside_a_seed_sentence_with_offsets():
    sentence = ("A total over 1.2 million Twitter accounts were taken down for violating the platform’s "
                "rules prohibiting the promotion of terrorism between Aug. 1, 2015 and Dec. 31, 2017, "
                "including 274,460 during the last six months of 2017, Twitter said Thursday.")
    found = find_periods(sentence, PUBLISHED)
    assert [sentence[m.start : m.end] for m in found] == [
        "between Aug. 1, 2015 and Dec. 31, 2017",
        "the last six months of 2017",
    ]
    assert [(m.period.start, m.period.end) for m in found] == [
        (D(2015, 8, 1), D(2017, 12, 31)),
        (D(2017, 7, 1), D(2017, 12, 31)),
    ]


@pytest.mark.parametrize("text", ["274,460 accounts", "93 percent", "7836 likes (2863/hr)", "069717726",
                                  "+40.0757.104.166", "version 3.2017", "example.com/2017abc", "23/32"])
def test_numbers_that_are_not_periods(text):
    assert find_periods(text, PUBLISHED) == []


@pytest.mark.parametrize("text", ["2/30/2017", "Feb 29 2017", "31 February 2016", "2017-02-30", "since Feb 29 2017",
                                  "between Feb 30, 2017 and Dec 31, 2017", "2017Q5", "Q5 2017", "H3 2017", "H2 1850"])
def test_an_impossible_date_or_part_is_no_period_and_not_its_year_either(text):
    for reference in (None, PUBLISHED):
        assert [(m.kind, m.period, m.start, m.end) for m in find_periods(text, reference)] == [("invalid", None, 0, len(text))]


def test_last_year_this_quarter_last_month_resolve_against_the_reference():
    ref = D(2018, 4, 5)
    got = {t: find_periods(t, ref)[0].period for t in ("last year", "this quarter", "last month", "last quarter")}
    assert {t: (p.start, p.end) for t, p in got.items()} == {
        # "this quarter" in a document of 5 April 2018 counts a quarter that had ended: Q1
        "last year": (D(2017, 1, 1), D(2017, 12, 31)), "this quarter": (D(2018, 1, 1), D(2018, 3, 31)),
        "last month": (D(2018, 3, 1), D(2018, 3, 31)), "last quarter": (D(2018, 1, 1), D(2018, 3, 31)),
    }
    assert [(m.kind, m.period) for m in find_periods("last year")] == [("relative", None)]
    (m,) = find_periods("this quarter", D(2018, 6, 30))  # the day it ends: that quarter
    assert (m.period.start, m.period.end) == (D(2018, 4, 1), D(2018, 6, 30))


def test_since_a_start_after_the_reference_has_no_end_rather_than_one_before_it():
    (m,) = find_periods("since mid-2015", D(2010, 6, 1))
    assert (m.period.start, m.period.end) == (D(2015, 7, 1), None)


def test_a_backwards_range_is_not_read_as_one_period():
    found = find_periods("Dec 2017 to Aug 2015")
    assert [(m.period.start, m.period.end) for m in found] == [
        (D(2017, 12, 1), D(2017, 12, 31)),
        (D(2015, 8, 1), D(2015, 8, 31)),
    ]


# --- properties ---------------------------------------------------------------------------

years = st.integers(1995, 2045)


@settings(max_examples=150, deadline=None)
@given(years, st.integers(1, 2))
def test_half_labels_parse_back_to_the_same_half(year, half):
    p = span(year, 1 if half == 1 else 7, year, 6 if half == 1 else 12)
    assert p.label == f"H{half} {year}"
    m = only(p.label)
    assert (m.period.start, m.period.end) == (p.start, p.end)
    assert only(f"{half}H{year % 100:02d}").period == p


@settings(max_examples=150, deadline=None)
@given(years, st.integers(1, 4))
def test_quarter_labels_parse_back_to_the_same_quarter(year, quarter):
    p = span(year, 3 * quarter - 2, year, 3 * quarter)
    assert p.label == f"Q{quarter} {year}"
    assert only(p.label).period == p
    assert only(f"{year}Q{quarter}").period == p


@settings(max_examples=120, deadline=None)
@given(years, st.integers(1, 12), st.integers(0, 40))
def test_any_span_of_whole_months_round_trips_through_its_label(year, month, extra):
    last = year * 12 + month - 1 + extra
    p = span(year, month, last // 12, last % 12 + 1)
    m = only(p.label)
    assert (m.period.start, m.period.end) == (p.start, p.end), p.label


@settings(max_examples=120, deadline=None)
@given(st.dates(D(1995, 1, 1), D(2045, 12, 31)), st.integers(0, 900))
def test_any_span_of_days_round_trips_through_its_label(start, days):
    end = start + dt.timedelta(days=days)
    label = label_for(start, end)
    m = only(label)
    assert (m.period.start, m.period.end) == (start, end), label


@settings(max_examples=120, deadline=None)
@given(years, st.integers(1, 12), st.sampled_from([1, 3, 6, 12, 24]))
def test_previous_is_adjacent_and_of_equal_length(year, month, n):
    last = year * 12 + month - 1 + n - 1
    p = span(year, month, last // 12, last % 12 + 1)
    before = previous(p)
    assert before.end + dt.timedelta(days=1) == p.start
    assert before.months() == p.months() == n
    assert before.start.day == 1


def test_previous_of_a_period_without_a_start_is_unknown():
    assert previous(Period(None, D(2016, 2, 5))) is None


def test_days_of_months_without_their_year_are_no_numbers():
    # "De los vídeos eliminados entre el 1 de enero y el 30 de junio de este año": 1 and 30 are days
    text = "De los vídeos eliminados entre el 1 de enero y el 30 de junio de este año, cerca de 49 millones"
    (m,) = find_periods(text, D(2020, 9, 22))
    assert (m.period.start, m.period.end) == (D(2020, 1, 1), D(2020, 6, 30))
    assert text[m.start:m.end] == "entre el 1 de enero y el 30 de junio de este año"  # the days are its words


@pytest.mark.parametrize("text", ["Telegram blocks over 2000 ISIS channels each month", "it removed about 2000 videos",
                                  "telegram-blocks-over-2000-isis-channels-each-month"])
def test_a_number_after_over_or_about_is_a_count_not_a_year(text):
    assert find_periods(text.replace("-", " ")) == []


@pytest.mark.parametrize("text", ["Facebook видалила 1907 сторінок, груп і акаунтів",
                                  "Facebook's Russia-linked takedown of 1907 assets: Instagram accounts removed?"])
def test_a_number_before_the_webs_years_written_alone_is_a_count_not_a_year(text):
    assert find_periods(text) == []


def test_a_year_before_the_webs_is_still_a_year_after_in_or_since():
    assert [m.period.label for m in find_periods("in 1985 and since 1998")] == ["1985", "since Jan 1998"]


def test_the_same_period_the_year_prior_is_a_year_before():
    text = "from the same period the year prior, when the company took action against just 1.9 million"
    assert [m.kind for m in find_periods(text, D(2021, 9, 1))] == ["yearago"]


@pytest.mark.parametrize("text,months", [("from August 1 to August 31, in compliance", (8, 8)),
                                         ("nel primo trimestre di quest'anno", (1, 3)),
                                         ("no segundo trimestre deste ano", (4, 6))])
def test_a_part_of_this_year_in_the_other_languages_is_of_the_dates_year(text, months):
    (m,) = find_periods(text, D(2021, 10, 1))
    assert (m.period.start, m.period.end.month) == (D(2021, months[0], 1), months[1])


@pytest.mark.parametrize("text,start,end", [
    # an Indian monthly report's month, in a story that gives no year: those days, not two whole months
    ("received 874 grievances between June 26-July 25, and took action", D(2022, 6, 26), D(2022, 7, 25)),
    ("between May 15 to June 15 using", D(2022, 5, 15), D(2022, 6, 15)),
    ("from 26 December to 25 January", D(2021, 12, 26), D(2022, 1, 25)),
    # ... the latest such days that had ended by the date
    ("between August 26 and September 25", D(2021, 8, 26), D(2021, 9, 25)),
    # months alone stay whole months
    ("between June and July", D(2022, 6, 1), D(2022, 7, 31)),
])
def test_days_of_two_months_with_no_year_are_those_days_of_the_latest_such_span(text, start, end):
    (m,) = find_periods(text, D(2022, 9, 2))
    assert (m.period.start, m.period.end) == (start, end)
    (yearless,) = find_periods(text)  # with no date to place them: the months, no year
    assert yearless.period is None and yearless.months == (start.month, end.month)


def test_a_terse_day_span_typed_without_spaces_is_read():
    """"twtr india grievances jul26-aug25 2021": the month's report as India's IT Rules count it."""
    (m,) = find_periods("twtr india grievances jul26-aug25 2021")
    assert (m.period.start, m.period.end) == (D(2021, 7, 26), D(2021, 8, 25))
    assert [m.period.label for m in find_periods("jul-sep 2020")] == ["Q3 2020"]


@pytest.mark.parametrize("text,start,end", [
    ("during the first six months of this year", D(2022, 1, 1), D(2022, 6, 30)),
    ("the first three months of last year", D(2021, 1, 1), D(2021, 3, 31)),
])
def test_the_first_months_of_this_or_last_year_count_from_the_date(text, start, end):
    found = [m for m in find_periods(text, D(2022, 11, 15)) if m.period]
    assert [(m.period.start, m.period.end) for m in found] == [(start, end)]


def test_a_pages_date_stamp_is_no_period_of_what_it_says():
    assert [m.kind for m in find_periods(" date 2020-07 TikTok usunął 49 mln materiałów")] == ["stamp"]


def test_the_year_ago_period_is_not_during_the_year():
    assert [m.kind for m in find_periods("1.8 billion during the year-ago period", D(2022, 11, 30))] == ["yearago"]


@pytest.mark.parametrize("text,label", [
    ("Twitter, 2020 yılının ilk 6 ayına ait şeffaflık raporunu açıkladı", "H1 2020"),  # Turkish: the year first
    ("2018 yılının ikinci yarısında", "H2 2018"),
    ("2020'nin ilk yarısında", "H1 2020"),
    ("2021'in üçüncü çeyreğinde", "Q3 2021"),
    ("Bu rakam 2019un Temmuz-Aralık döneminde 478di", "H2 2019"),
    ("2018 yılının son altı ayında", "H2 2018"),
    ("Über alle Kategorien hinweg wurden in der zweiten Jahreshälfte 2019 insgesamt", "H2 2019"),
    ("fue durante el último cuarto de 2022 cuando dieron de baja", "Q4 2022"),
])
def test_halves_and_quarters_as_more_languages_write_them(text, label):
    assert [m.period.label for m in find_periods(text) if m.period] == [label]


def test_a_laws_year_in_lower_case_after_its_initials_is_no_period():
    assert [m.kind for m in find_periods("Under the new IT rules 2021, big platforms have to publish")] == ["name"]
    assert [m.period.label for m in find_periods("the rules 2021 changed") if m.period] == ["2021"]


@pytest.mark.parametrize("text", [
    "डिलीट किए एक महीने में 2.7 करोड़ पोस्ट, IT Rule 2021,जाने",  # the singular, in a Hindi headline
    "फेसबुक और इंस्टाग्राम ने आईटी एक्ट 2021 के तहत यह कार्रवाई की है",  # "IT Act" as Hindi writes the English words
    "आईटी रूल्स 2021 के तहत",
])
def test_a_laws_year_as_hindi_stories_name_it_is_no_period(text):
    assert [m.kind for m in find_periods(text)] == ["name"]


@pytest.mark.parametrize("text,start,end", [
    ("Twitter has blocked 1,122 URLs in 2022 till June, data provided by the ministry shows", D(2022, 1, 1), D(2022, 6, 30)),
    ("in 2021 up to September", D(2021, 1, 1), D(2021, 9, 30)),
    ("in 2020 (through March)", D(2020, 1, 1), D(2020, 3, 31)),
    # "till" a month of a year: all there was by its end, as "until" and "through" are
    ("blocked till June 2022", None, D(2022, 6, 30)),
])
def test_a_year_up_to_a_month_of_it_is_those_months(text, start, end):
    (m,) = [m for m in find_periods(text, D(2022, 8, 1)) if m.period]
    assert (m.period.start, m.period.end) == (start, end)


@pytest.mark.parametrize("text,start,end", [
    ("în perioada 31 martie - 21 aprilie 2025 am eliminat", dt.date(2025, 3, 31), dt.date(2025, 4, 21)),  # Romanian
    ("od 1. júla do 31. decembra 2019", dt.date(2019, 7, 1), dt.date(2019, 12, 31)),  # Slovak
    ("з 1 січня по 30 червня 2023 року", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),  # Ukrainian
])
def test_months_in_any_language_the_cldr_names_them_are_read_beside_a_date(text, start, end):
    periods = [m.period for m in find_periods(text) if m.period]
    assert [(p.start, p.end) for p in periods] == [(start, end)]


def test_a_month_name_far_from_any_number_is_no_date():
    """Romanian "martie" (March) beside no day or year dates nothing (nor makes "2025" a month of it)."""
    assert [m.period.label for m in find_periods("martie a fost o lună grea; raportul din 2025") if m.period] == ["2025"]
