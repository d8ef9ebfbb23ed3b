"""Numbers as the documents state them, each with its qualifier, and the digit shapes that are
not counts (phone numbers, rates, money, numbers glued to words)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.numbers import FOREIGN_QUALIFIERS, find_quantities


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, f"{text!r}: {found}"
    q = found[0]
    assert text[q.start : q.end] == q.text  # the span is where the number is
    return q


FORMS = [
    # text, value, kind, qualifier
    ("274,460 accounts", 274460, "count", None),
    ("1.2 million accounts", 1_200_000, "count", None),
    ("93 percent of accounts", 93, "percent", None),
    ("93% of accounts", 93, "percent", None),
    ("a 12 per cent share", 12, "percent", None),
    ("an 8.4 percent decrease from", -8.4, "change", None),
    ("a 8.4 percent decrease from", -8.4, "change", None),
    ("down 50 percent from the previous period", -50, "change", None),
    ("a 12% increase", 12, "change", None),
    ("rose 12 percent", 12, "change", None),
    ("a drop of 12 percent", -12, "change", None),
    ("India made up 33% of the total", 33, "percent", None),  # a share, not a rise ("up 33%")
    ("spam takes up 40% of removals", 40, "percent", None),
    ("removals shot up 40%", 40, "change", None),
    ("appeals have only fallen by 14%", -14, "change", None),
    ("harmful content removed grows 11%", 11, "change", None),
    ("roughly three-quarters of those accounts", 75, "percent", "roughly"),
    ("three quarters of those accounts", 75, "percent", None),
    ("less than one percent of accounts", 1, "percent", "less than"),
    ("at least 125,000 accounts", 125_000, "count", "at least"),
    ("over 270,000 accounts", 270_000, "count", "over"),
    ("more than 125,000 accounts", 125_000, "count", "more than"),
    ("A total over 1.2 million Twitter accounts", 1_200_000, "count", "over"),
    ("in excess of 3,000 posts", 3000, "count", "in excess of"),
    ("nearly 2.5 billion posts", 2_500_000_000, "count", "nearly"),
    ("ten million videos", 10_000_000, "count", None),
    ("1.5bn posts", 1_500_000_000, "count", None),
    ("10k accounts", 10_000, "count", None),
    # as other languages write them; their qualifiers read as English ones
    ("plus de trois milliards de faux comptes", 3_000_000_000, "count", "more than"),
    ("pas moins de 2,19 milliards de faux comptes", 2_190_000_000, "count", "at least"),
    ("Fast sechs Millionen Videos", 6_000_000, "count", "nearly"),
    ("8,2 milhões", 8_200_000, "count", None),
    ("22,4 juta laporan", 22_400_000, "count", None),
    ("2.2 bilyong fake accounts", 2_200_000_000, "count", None),  # Filipino
    ("5 lakh accounts", 500_000, "count", None),  # Indian English
    ("1.2 crore videos", 12_000_000, "count", None),
    ("51,505videos were removed", 51_505, "count", None),  # glued to its noun by a scraper
    ("a total of 7.126 million enforcement actions", 7_126_000, "count", None),
    ("YouTube sólo restableció 23.000, al considerar", 23_000, "count", None),  # thousands ending a clause
    ("about 13 per cent less than the accounts banned in September", -13, "change", "about"),  # compared
    ("un 60% más que en el período anterior", 60, "change", None),  # ... as the other languages compare
    ("soit 13% de moins que le semestre précédent", -13, "change", None),
    ("60 Prozent mehr als im Vorjahr", 60, "change", None),
    ("il 60% in più rispetto al periodo precedente", 60, "change", None),
    ("60% más de las cuentas", 60, "percent", None),  # no comparison: a share
    ("quasi 62 milioni di video", 62_000_000, "count", "nearly"),  # Italian
    ("oltre sette milioni di account", 7_000_000, "count", "over"),
    ("il 20,9 per cento dei contenuti", 20.9, "percent", None),
    ("Nearly half a million accounts were suspended", 500_000, "count", "nearly"),
    ("No Instagram, o número foi de 458 mil.", 458_000, "count", None),  # mil: thousand
    ("Outras três mil contas", 3_000, "count", None),
    ("Facebook borró tres mil 200 millones de cuentas", 3_200_000_000, "count", None),  # thousands of millions
    ("menandai 88,3 persen konten narkoba", 88.3, "percent", None),  # Indonesian
    ("علقت 376 الفًا و890 حسابًا", 376_890, "count", None),  # Arabic: thousands and units
    ("أزال 1.5 مليار حساب مزيف", 1_500_000_000, "count", None),
    ("ما يمثل زيادة ب60 بالمائة مقارنة بالفترة السابقة", 60, "change", None),
    ("لكنها شملت 13 بالمائة أقل من الحسابات", -13, "change", None),
    ("Governments made 103% more legal requests than during the first half", 103, "change", None),
    # multiples of another number
    ("twice as many as the previous six months", 2, "multiple", None),
    ("about 5x more content for copyright", 5, "multiple", "about"),
    ("a 4X increase in the number of moderators", 4, "multiple", None),
    ("increased almost tenfold", 10, "multiple", "almost"),
    ("a 3-fold increase in video removals", 3, "multiple", None),
    ("more than four times the number suspended", 4, "multiple", "more than"),
    ("nearly triple the previous quarter", 3, "multiple", "nearly"),
    ("YouTube doubled the number of videos removed", 2, "multiple", None),
    # abbreviated scales (Polish, Dutch, Italian), Indian grouping, Telugu lakh, Chinese and Japanese 万
    ("49 mln materiałów naruszających regulamin", 49e6, "count", None),
    ("2,5 mld kont", 2.5e9, "count", None),
    ("12 tys. kont", 12e3, "count", None),
    ("వీటిలో 10,08,000 వినియోగదారుల నుండి", 1008000, "count", None),
    ("ఆగస్టు నెలలో 23.28 లక్షల భారతీయుల ఖాతాలను", 2328000, "count", None),
    ("違反により、9140万件の動画を削除した", 91.4e6, "count", None),
    ("これはこのプラットフォームに存在する動画全体の1%に達する", 1, "percent", None),
    # ... and hundred-millions and ten-thousands with their rest, Korean counters glued on
    ("삭제된 게시물은 3853만3533건으로", 38533533, "count", None),
    ("총 6만6224개 계정의", 66224, "count", None),
    ("총 4345건의 압수영장을", 4345, "count", None),
    ("1億2000万件", 1.2e8, "count", None),
    ("Interventi totali\n692.132\n", 692132, "count", None),  # a table's cell, alone on its line: thousands
    ("заблокировано 44,085 млн каналов", 44.085e6, "count", None),  # a decimal comma before a scale of its language
    ("累计封禁违规用户256,837人", 256837, "count", None),
    ("平均月活躍用戶為 5.780 億,同比", 5.78e8, "count", None),
    ("governments made 34, 946 requests", 34946, "count", None),  # a scraper's space after the comma
    ("with 41% more accounts subject to actions", 41, "change", None),  # more of something: a change
    ("мессенджер применил такую меру к 2,04 млн групп и каналов", 2.04e6, "count", None),  # Russian
    ("общее число заблокированных сообществ достигло почти 7,5 млн", 7.5e6, "count", None),
    ("जिनमें से 22.7 प्रतिशत को हटा दिया गया", 22.7, "percent", None),  # Hindi percent, lakh, crore
    ("कुल 60 लाख से भी अधिक उपयोगकर्ताओं", 6e6, "count", None),
    ("2 करोड़ खाते", 2e7, "count", None),
    ("Volgens YouTube waren 85 procent van de verwijderde kanalen spamaccounts", 85, "percent", None),  # Dutch
    ("около 30 процентов жалоб", 30, "percent", None),  # Russian
    ("90 persennya belum pernah ditonton", 90, "percent", None),  # Indonesian, its suffix glued on
]


@pytest.mark.parametrize("text,value,kind,qualifier", FORMS, ids=[f[0] for f in FORMS])
def test_number_forms(text, value, kind, qualifier):
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.kind == kind
    assert q.qualifier == qualifier
    if qualifier:  # the qualifier is part of the quoted expression, as written or in English
        assert qualifier in q.text.lower() or any(
            word in q.text.lower() and english == qualifier for word, english in FOREIGN_QUALIFIERS.items())


def test_a_sentence_with_several_numbers_keeps_each_with_its_own_qualifier():
    text = ("Twitter’s internal tools were responsible for flagging 93 percent of over 270,000 "
            "accounts suspended in the last reporting period, and roughly three-quarters of those "
            "accounts were booted before their first tweet, Twitter said.")
    got = [(q.value, q.kind, q.qualifier) for q in find_quantities(text)]
    assert got == [(93, "percent", None), (270_000, "count", "over"), (75, "percent", "roughly")]


def test_less_than_one_percent_and_a_change_in_one_sentence():
    text = ("Governments reported less than one percent of the recently suspended accounts, "
            "down 50 percent from the previous reporting period, according to Twitter.")
    got = [(q.value, q.kind, q.qualifier) for q in find_quantities(text)]
    assert got == [(1, "percent", "less than"), (-50, "change", None)]


NOT_COUNTS = [
    "call 555-123-4567",
    "(555) 123-4567",
    "+1 415 555 0100",
    "+40.0757.104.166",
    "R. Moldova: 069717726",
    "555.123.4567",
    "(2863/hr)",
    "(0/hr)",
    "$5 million in fines",
    "spending $1,000",
    "€300",
    "£20m fine",
    "5 million dollars",
    "5,000 euros",
    "USD 5,000",
    "abc123 accounts",
    "123abc",
    "mp3s",
    "23/32",
    "one of them",  # a bare number word is not a count
    "twice a year",  # a frequency, not a multiple
    "the double-check",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_shapes_that_are_not_counts(text):
    assert find_quantities(text) == []


def test_times_is_a_multiple_only_against_another_number():
    assert [(q.kind, q.value) for q in find_quantities("the hub was viewed 193 times.")] == [("count", 193)]
    assert [(q.kind, q.value) for q in find_quantities("5 times more accounts")] == [("multiple", 5)]


def test_a_like_count_is_a_number_but_its_rate_is_not():
    # "7836 likes (2863/hr)": the module reads 7836 (the reader decides it is not a moderation
    # figure); the rate never is a number.
    assert [q.value for q in find_quantities("7836 likes (2863/hr)")] == [7836]


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**11))
def test_any_comma_grouped_count_reads_back(n):
    q = one(f"Twitter removed {n:,} accounts.")
    assert q.value == n and q.kind == "count" and q.qualifier is None


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 999), st.integers(0, 9), st.sampled_from(["thousand", "million", "billion"]))
def test_scaled_decimals_read_back(whole, tenth, scale):
    q = one(f"about {whole}.{tenth} {scale} posts")
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert q.value == pytest.approx((whole + tenth / 10) * factor)
    assert q.qualifier == "about"


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 99), st.integers(0, 9), st.booleans())
def test_changes_carry_their_direction(whole, tenth, down):
    word = "decrease" if down else "increase"
    q = one(f"a {whole}.{tenth} percent {word} from the preceding period")
    assert q.kind == "change"
    assert q.value == pytest.approx((-1 if down else 1) * (whole + tenth / 10))


@pytest.mark.parametrize("text,value,kind", [
    ("taleplerinin yüzde 74'ünün Türkiye ve Rusya'dan geldiğini", 74, "percent"),  # Turkish: percent before
    ("oranı %74 oldu", 74, "percent"),
    ("toplamda 4 bin 953 hesap hakkında bilgi istendi", 4953, "count"),  # "bin": thousand
    ("yüzde 44 arttı ve 86 bin 314e çıktı", 86314, "count"),
    ("Türkiye 166 bin hesap kapatıldı", 166_000, "count"),
    ("TikTok 4,2 milyon içerik kaldırdı", 4_200_000, "count"),
    ("dünya genelinde 6,2 milyondan fazla görüntü kaldırdı", 6_200_000, "count"),  # a case ending on the scale
])
def test_numbers_as_turkish_writes_them(text, value, kind):
    assert (value, kind) in [(q.value, q.kind) for q in find_quantities(text)]


def test_turkish_says_more_than_after_the_number():
    """"6,2 milyondan fazla görüntü": more than 6.2 million (the ablative, then "fazla"), not 6.2 million
    "fazla"; "2 milyon fazla" (two million more) is no bound."""
    (q,) = find_quantities("dünya genelinde 6,2 milyondan fazla görüntü kaldırdı")
    assert (q.value, q.qualifier, q.text) == (6_200_000, "more than", "6,2 milyondan fazla")
    assert [x.qualifier for x in find_quantities("500'den fazla hesap")] == ["more than"]
    assert [x.qualifier for x in find_quantities("2 milyon fazla")] == [None]


def test_bin_is_a_thousand_only_in_turkish():
    assert [q.value for q in find_quantities("the 5 bin bags")] == [5]


def test_ten_thousands_and_thousands_in_japanese_and_korean():
    assert [q.value for q in find_quantities("投稿削除要請が6万9千件")] == [69_000]
    assert [q.value for q in find_quantities("3만5천건")] == [35_000]
    # ... and thousands with their rest, as Korean writes them ("2만4천845건" was read as 20,004 and 845)
    assert [q.value for q in find_quantities("시정요구 건수는 2만4천845건으로 지난해 상반기 8천405건보다")] == [24_845, 8_405]
    assert [q.value for q in find_quantities("'접속차단'이 116.4% 늘어난 1만 5천305건으로")] == [116.4, 15_305]
    # ... and the rest written apart in digits, before the word it counts ("19만 6,878개" was 190,000 and 6,878),
    # but not a year after a number of ten-thousands
    assert [q.value for q in find_quantities("트위터는 전 세계에서 19만 6,878개의 계정, 4만 3,387건의 콘텐츠에 대해")] == [196_878, 43_387]
    assert [q.value for q in find_quantities("3만 2020년")] == [30_000, 2020]


@pytest.mark.parametrize("text", [
    "Subreddit-aihekanavia suljettiin 473 prosenttia enemmän",  # Finnish
    "en økning på 473 prosent",  # Norwegian
    "473 százalékkal több",  # Hungarian
    "a crescut cu 473 la sută",  # Romanian
    "το 473 τοις εκατό",  # Greek
    "на 473 відсотків",  # Ukrainian
])
def test_a_percent_in_words_of_more_languages_is_a_share_not_a_count(text):
    (q,) = find_quantities(text)
    assert (q.value, q.kind) == (473, "percent")


def test_a_turkish_percent_said_first_takes_its_decimal_comma():
    """Turkish says the percent first and writes a decimal comma, with a case ending glued on:
    "yüzde 8,7'si" is 8.7%, as "yüzde 94'ü" is 94%; "%8,7" too."""
    text = "Makineler tarafından tespit edilen içeriklerin yüzde 8,7’si tek bir görüntüleme bile almamışken, %30,5'i"
    assert [(q.value, q.kind) for q in find_quantities(text)] == [(8.7, "percent"), (30.5, "percent")]


def test_a_number_glued_to_the_korean_word_before_it_is_part_of_that_word():
    """Korean writes its words apart: "코로나19" is COVID-19, not 19 of anything. A number after a
    scale of its own ("6만1734") is read whole."""
    text = "코로나19 관련 가짜뉴스가 확산하자 틱톡은 2만건을 삭제했다. 6만1734개 계정"
    assert [q.value for q in find_quantities(text)] == [20_000, 61_734]


@pytest.mark.parametrize("text,value", [
    ("con un total de 3 millones, 136 mil 897 videos que fueron bajados", 3_136_897),  # the Mexican press
    ("con apenas un millón 857 mil 403 videos", 1_857_403),
    ("857 mil 403 videos", 857_403),
    ("tres mil 200 millones de cuentas", 3_200_000_000),
    ("Toplam 5 bin 14 talepte bulunan Türkiye'yi", 5014),  # Turkish, in a sentence of no letter only it writes
    ("फेसबुक की 13 नीतियों में 19.8 मिलियन से अधिक कंटेंट", 19_800_000),  # Hindi writes "million" too
])
def test_numbers_written_in_words_and_digits(text, value):
    assert value in [q.value for q in find_quantities(text)]


@pytest.mark.parametrize("text,values", [
    ("37 subpoenas, two court orders and 39 warrants", [37, 2, 39]),
    ("Pinterest received just two government content removal requests from January", [2]),
    ("Nine of the content alteration or takedown requests we received", [9]),
    ("action was taken against two of these accounts", [2]),
    # a span of time, or what figures are sorted by, is no count; nor "one"
    ("two years ago, in one of the reports", []),
    ("The following three reasons for suspensions are", []),
    ("five times more often", [5]),  # (a multiple)
])
def test_a_small_number_in_words_counts_the_plural_noun_after_it(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize("stated,qualifier,exact,says", [
    (600_000, "more than", 636_248, True),  # a headline's bound
    (600_000, "more than", 900_000, False),  # ... that far below is another number
    (2.2e9, None, 2_190_000_000, True),  # rounded to its digits
    (8e6, None, 8_200_000, True),
    (8e6, None, 8_600_000, False),  # "8 million" rounds 8.2 million, not 8.6 million
    (5.2e6, None, 5_296_870, True),  # cut short
    (5.3e6, None, 5_200_000, False),
])
def test_a_number_as_stated_states_an_exact_one_it_rounds_or_bounds(stated, qualifier, exact, says):
    from store.numbers import states
    assert states(stated, qualifier, exact, 0.25) is says



@pytest.mark.parametrize("text,value", [
    ("fjernet 13,6 millioner videoer", 13_600_000),  # Danish
    ("πάνω από 18,5 εκατομμύρια λογαριασμοί", 18_500_000),  # Greek
    ("8,3 miljardia julkaisua", 8_300_000_000),  # Finnish
    ("சுமார் 3,2 பில்லியன் கணக்குகளை", 3_200_000_000),  # Tamil
    ("2,5 milioane de conturi", 2_500_000),  # Romanian
    ("เป็นจำนวนทั้งสิ้น 33.6 ล้านบัญชี", 33_600_000),  # Thai: the scale glued to the word it counts
])
def test_a_scale_in_any_language_the_cldr_writes_scales_the_number(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize("text,value", [
    ("2 کروڑ 81 لاکھ سے زائد ویڈیوز", 28_100_000),  # Urdu: 2 crore 81 lakh
    ("2 crore 81 lakh videos", 28_100_000),
    ("5 million 300 thousand accounts", 5_300_000),
])
def test_a_number_of_one_scale_and_its_rest_in_a_smaller_one_is_one_number(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


def test_numbers_of_two_scales_apart_or_of_the_same_scale_stay_two():
    assert [q.value for q in find_quantities("1 million 2 million")] == [1e6, 2e6]
    assert [q.value for q in find_quantities("removed 5 million, 300 thousand were restored")] == [5e6, 3e5]


def test_a_year_with_a_footnotes_number_after_it_is_no_count():
    # Yelp's report: "... up 3% from 2021.1 About 75% of these reviews ..." (footnote 1); a decimal stays one
    text = "Approximately 21 million reviews were contributed in 2022, up 3% from 2021.1 About 75% of these"
    assert [q.value for q in find_quantities(text)] == [21e6, 2022, 3, 75]
    assert [q.value for q in find_quantities("a score of 2019.5 points")] == [2019.5]


def test_thousands_grouped_by_apostrophes_as_switzerland_writes_them_are_one_number():
    # travelnews.ch: "Insgesamt bestrafte Tripadvisor ... 34'605 Häuser ... und sperrte 20'299 Mitglieder aus"
    text = "bestrafte 34'605 Häuser und sperrte 20'299 Mitglieder aus; 1’234’567 Konten. In the 1990's, it's 12'3"
    assert [q.value for q in find_quantities(text)] == [34605, 20299, 1234567, 1990, 12, 3]
