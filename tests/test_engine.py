"""The answer engine's promises, beyond the question set: the JSON contract, merging of
agreeing statements, disagreement shown side by side, contradictions never answered, new
documents answerable at once, and no input that can crash it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import answer, answer_figure, reader
from store.ingest import Meta, ingest_paths

def stored(store, tmp_path, text: str, **meta):
    """``store`` with one more document holding ``text``, ingested as a curator would."""
    doc = tmp_path / f"doc{len(list(tmp_path.iterdir()))}.txt"
    doc.write_text(text, encoding="utf-8")
    assert not ingest_paths(store, [doc], Meta(**meta)).failed
    return store


CONTRACT_KEYS = {"value", "unit", "qualifier", "display", "metric", "policy", "platform", "period", "quote", "source", "sources", "score"}


def test_answer_follows_the_json_contract(seeded_sqlite):
    d = answer("suspensions H2 2017", seeded_sqlite).to_dict()
    assert set(d) == {"status", "answer", "alternatives", "message"}
    assert d["status"] == "answer"
    a = d["answer"]
    assert CONTRACT_KEYS <= set(a)
    assert (a["value"], a["unit"], a["platform"], a["display"]) == (274460, "accounts", "Twitter", "274,460")
    assert a["period"] == {"start": "2017-07-01", "end": "2017-12-31", "label": "H2 2017"}
    assert set(a["source"]) >= {"title", "publisher", "url", "published"}
    assert a["source"]["published"] == "2018-04-05"
    assert "274,460" in a["quote"] and "274,460" in d["message"]


def test_a_rounded_statement_agrees_with_the_exact_one(seeded_sqlite):
    """'over 270,000' and '274,460' for H2 2017 are one fact: the exact value answers, and
    the rounded one is not offered as a rival."""
    r = answer("how many accounts did twitter suspend in the last half of 2017", seeded_sqlite)
    assert r.answer.value == 274460
    assert all(alt.value != 270000 for alt in r.alternatives)


def test_one_fact_from_three_documents_says_three_sources(seeded_sqlite):
    r = answer("how many ISIS accounts did Twitter shut down since mid-2015?", seeded_sqlite)
    assert r.status == "answer"
    assert (r.answer.value, r.answer.sources) == (125000, 3)
    assert r.answer.period_start == dt.date(2015, 7, 1)
    assert "3 sources" in r.message


@pytest.mark.parametrize("question", [
    "facebook suspensions H2 2017",          # platform
    "suspensions H1 2017",                   # period
    "how many tweets were removed in H2 2017",  # metric
    "hate speech suspensions H2 2017",       # policy
    "suspensions in Germany H2 2017",        # location
])
def test_a_contradicted_question_gets_no_number_but_the_nearest_figures(seeded_sqlite, question):
    r = answer(question, seeded_sqlite)
    assert r.status == "no_answer" and r.answer is None
    assert r.alternatives, "the nearest figures are offered"
    assert "no figure" in r.message.lower()


def test_an_unspecific_question_lists_the_candidates(seeded_sqlite):
    r = answer("twitter terrorism suspensions", seeded_sqlite)
    assert r.status == "ambiguous" and r.answer is None
    values = {a.value for a in r.alternatives}
    assert {274460, 1200000, 125000} <= values


@pytest.mark.parametrize("text,reason", [("", "Ask me"), ("   ", "Ask me"), ("x" * 1001, "1,001 characters")])
def test_not_a_question_is_invalid_with_a_reason(seeded_sqlite, text, reason):
    r = answer(text, seeded_sqlite)
    assert r.status == "invalid" and r.answer is None and reason in r.message


def test_sources_that_disagree_stand_side_by_side(store, tmp_path):
    doc = tmp_path / "rival.md"
    doc.write_text(
        "---\ntitle: A rival count\npublisher: Example Wire\npublished: 2018-04-06\n---\n"
        "Twitter suspended 280,000 accounts for terrorism in the second half of 2017.\n",
        encoding="utf-8",
    )
    assert not ingest_paths(store, [doc]).failed
    r = answer("suspensions H2 2017", store)
    assert r.status == "ambiguous", "equally supported values: the engine cannot pick one"
    shown = {a.value for a in r.alternatives}
    assert {274460, 280000} <= shown, "neither value is silently dropped"
    assert "disagree" in r.message


def test_a_tenth_of_a_count_is_a_part_of_it_not_a_source_that_disagrees(store, tmp_path):
    stored(store, tmp_path, "During the first half of 2020, Twitter took action against 1.9 million accounts.",
           publisher="Wire A", published=dt.date(2020, 11, 2))
    # a story that does not name the policy its smaller count is of
    stored(store, tmp_path, "During the first half of 2020, Twitter took action against 4,658 accounts for violations of this policy.",
           publisher="Wire B", published=dt.date(2020, 11, 3))
    r = answer("how many accounts did twitter take action against in h1 2020", store)
    assert r.status == "answer" and r.answer.value == 1_900_000
    assert 4658 not in {a.value for a in r.alternatives}, "a part is no rival value of the whole"


def test_a_source_that_states_the_same_number_too_does_not_disagree(store, tmp_path):
    """"239,388 requests related to 415,642 accounts": a story that states the 239,388 requests agrees with
    the one that does, though its 415,642 accounts were read under the same name."""
    stored(store, tmp_path, "Meta: in the second half of 2022, the number of user data requests from the world's "
           "governments increased 0.8% from 237,414 to 239,388.", publisher="Wire A", published=dt.date(2023, 5, 10))
    stored(store, tmp_path, "Meta: for comparison, in the second half of 2022, there were 239,388 requests related to "
           "415,642 accounts.", publisher="Wire B", published=dt.date(2023, 5, 11))
    r = answer("How many user data requests did governments send Meta in the back half of 2022?", store)
    assert r.status == "answer" and r.answer.value == 239_388, r.message


def test_a_new_document_is_answerable_at_once_and_without_code(store, tmp_path):
    doc = tmp_path / "yt.md"
    doc.write_text("YouTube removed 1,234,567 videos for violent extremism in Q3 2019.\n", encoding="utf-8")
    assert answer("youtube extremism videos removed Q3 2019", store).status == "no_answer"
    assert not ingest_paths(store, [doc], Meta(publisher="YouTube", published=dt.date(2019, 11, 1))).failed
    r = answer("how many videos did youtube take down for terrorism in the third quarter of 2019", store)
    assert r.status == "answer"
    assert (r.answer.value, r.answer.unit, r.answer.platform) == (1234567, "videos", "YouTube")
    assert r.answer.source.publisher == "YouTube"


def test_a_clicked_candidate_answers_with_that_figure(seeded_sqlite):
    alts = answer("twitter terrorism suspensions", seeded_sqlite).alternatives
    chosen = answer_figure(alts[1].figure_id, seeded_sqlite)
    assert chosen.status == "answer" and chosen.answer.value == alts[1].value
    assert answer_figure(10**9, seeded_sqlite).status == "no_answer"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_no_text_crashes_the_engine_or_gets_an_invented_number(seeded_sqlite, text):
    r = answer(text, seeded_sqlite)
    assert r.status in {"answer", "ambiguous", "no_answer", "invalid"}
    if r.answer is not None:  # whatever it answered is a stored figure, quoted verbatim
        assert r.answer.quote and r.answer.source.filename


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    platform=st.sampled_from(["facebook", "youtube", "tiktok", "reddit", "discord"]),
    year=st.integers(2005, 2030),
    half=st.sampled_from(["H1", "H2", "Q1", "Q2", "Q3", "Q4"]),
)
def test_a_platform_with_no_figures_never_gets_a_number(seeded_sqlite, platform, year, half):
    r = answer(f"{platform} terrorism suspensions {half} {year}", seeded_sqlite)
    assert r.status == "no_answer" and r.answer is None


def test_a_number_in_the_question_picks_the_figure_that_states_it(seeded_sqlite):
    r = answer("did twitter suspend 1.2 million accounts?", seeded_sqlite)
    assert r.status == "answer" and r.answer.value == 1_200_000


@pytest.mark.parametrize("place", ["in the US", "in the U.S.", "in the UK", "in Brazil"])
def test_a_country_written_as_people_write_it_is_a_place(seeded_sqlite, place):
    r = answer(f"how many accounts did twitter ban for terrorism in H2 2017 {place}", seeded_sqlite)
    assert r.status == "no_answer" and r.answer is None


@pytest.mark.parametrize("question,place", [
    ("how many Turkey-reported accounts did Twitter remove in H2 2017", "Türkiye"),
    ("in what % of the Turkish-reported cases did Twitter withhold content", "Türkiye"),
    ("YouTube entries among the Russian-flagged material Google blocked", "Russian Federation"),
    ("russian gov removal requests to google 2022", "Russian Federation"),
    ("twitter suspensions in Guinea-Bissau", "Guinea-Bissau"),
])
def test_a_country_or_its_people_joined_to_another_word_is_a_place(seeded_sqlite, question, place):
    assert reader(seeded_sqlite).read(question).location == place


def test_a_word_joined_of_words_read_is_no_unknown_word(seeded_sqlite):
    assert not reader(seeded_sqlite).read("how many Turkey-reported accounts did Twitter remove in H2 2017").blocking


def test_us_in_lower_case_is_a_pronoun(seeded_sqlite):
    assert answer("tell us twitter suspensions H2 2017", seeded_sqlite).answer.value == 274460


def test_the_latest_of_several_periods_answers_a_question_asking_for_it(seeded_sqlite):
    assert answer("twitter terrorism suspensions", seeded_sqlite).status == "ambiguous"
    r = answer("latest twitter terrorism suspensions", seeded_sqlite)
    assert r.status == "answer" and r.answer.value == 274460  # H2 2017, not Aug 2015 - Dec 2017


@pytest.mark.parametrize("words,start,end", [
    ("last year", dt.date(2017, 1, 1), dt.date(2017, 12, 31)),
    ("this year", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),
    ("last quarter", dt.date(2018, 1, 1), dt.date(2018, 3, 31)),
    ("last half", dt.date(2017, 7, 1), dt.date(2017, 12, 31)),
    ("last month", dt.date(2018, 3, 1), dt.date(2018, 3, 31)),
])
def test_relative_periods_count_from_today(words, start, end):
    from bot.understanding import RELATIVE_RE, relative_period

    p = relative_period(RELATIVE_RE.search(f"suspensions {words}"), dt.date(2018, 4, 5))
    assert (p.start, p.end) == (start, end)


def test_a_change_between_two_periods_is_the_change_stated_for_the_later(seeded_sqlite):
    r = answer("by what percent did twitter's terrorism suspensions change from H1 2017 to H2 2017", seeded_sqlite)
    assert r.status == "answer" and abs(r.answer.value) == 8.4 and r.answer.period_label == "H2 2017"


def test_a_publishers_initials_are_not_a_country():
    from store.vocabulary import country_in

    assert country_in("HT Tech says YouTube removed almost 2 mn videos") is None
    assert country_in("video removals in DE") == "Germany"


def test_a_document_about_a_half_says_so_in_its_url(store, tmp_path):
    """A story whose sentences name no period, published months later: its URL says which half."""
    doc = tmp_path / "xbox.txt"
    doc.write_text("Xbox suspended 4.8 million accounts, the company said on Monday.\n", encoding="utf-8")
    meta = Meta(url="https://example.com/xbox-suspended-accounts-in-first-half-of-2022/", published=dt.date(2022, 11, 15))
    assert not ingest_paths(store, [doc], meta).failed
    r = answer("xbox accounts suspended h1 2022", store)
    assert r.status == "answer" and r.answer.value == 4.8e6 and r.answer.period_label == "H1 2022"
    assert answer("xbox accounts suspended h2 2022", store).answer is None


def test_a_headline_year_does_not_blur_the_half_the_text_names(store, tmp_path):
    stored(store, tmp_path, "TikTok published its report for the first half of 2020 on Tuesday.\n\n"
                            "The company received 1,768 requests for user information.\n",
           title="TikTok's 2020 transparency report", published=dt.date(2020, 9, 22))
    r = answer("how many requests for user information did tiktok receive in h1 2020", store)
    assert r.status == "answer" and r.answer.value == 1768 and r.answer.period_label == "H1 2020"


def test_a_rounded_statement_without_a_qualifier_agrees_with_the_precise_one(store, tmp_path):
    for name, value in (("a.txt", "2.2 billion"), ("b.txt", "2.19 billion")):
        (tmp_path / name).write_text(f"Facebook removed {value} fake accounts in Q1 2019.\n", encoding="utf-8")
    assert not ingest_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"], Meta(published=dt.date(2019, 6, 1))).failed
    r = answer("facebook fake accounts removed q1 2019", store)
    assert r.status == "answer" and r.answer.value == 2.19e9 and r.answer.sources == 2


def test_a_statement_cut_short_agrees_with_the_precise_one(store, tmp_path):
    """"11.7 million" of 11,775,777: publishers cut figures short as often as they round them.
    Never a one-digit statement ("11 million" cut from 11.7 million says too little)."""
    for name, value in (("a.txt", "11,775,777"), ("b.txt", "11.7 million")):
        (tmp_path / name).write_text(f"TikTok removed {value} videos in the United States in H2 2020.\n", encoding="utf-8")
    assert not ingest_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"], Meta(published=dt.date(2021, 2, 24))).failed
    r = answer("tiktok videos removed in the us h2 2020", store)
    assert r.status == "answer" and r.answer.value == 11_775_777 and r.answer.sources == 2, r.message


def test_a_policy_said_by_a_word_of_its_root_is_said(store, tmp_path):
    """"violent threats" says the violence the question asks about, though the stemmer keeps
    "violent" and "violence" apart."""
    stored(store, tmp_path, "Twitter's accounts actioned rose in every area in the second half of 2019. The only area to "
                            "see a decline was violent threats, which saw a 5% decrease in the number of accounts "
                            "actioned.\n", published=dt.date(2020, 5, 1))
    r = answer("By what percentage did Twitter's accounts actioned for violent threats fall in H2 2019?", store)
    assert r.status == "answer" and abs(r.answer.value) == 5, r.message


def test_a_german_article_is_read_with_its_period(store, tmp_path):
    stored(store, tmp_path, "Die Moderatoren von YouTube löschten zwischen Oktober und November 2019 insgesamt 5.887.021 Videos.\n",
           published=dt.date(2020, 3, 3))
    r = answer("how many videos did youtube delete between october and november 2019", store)
    assert r.status == "answer" and r.answer.value == 5887021 and r.answer.period_label == "Oct–Nov 2019"


def test_an_inflected_word_of_another_language_reads_as_its_family():
    from bot.understanding import terms

    assert "=suspended" in terms("Von den zwischen Oktober und November gelöschten Videos")  # of "gelöscht"
    assert "=suspended" in terms("Este trimestre eliminamos vídeos")  # of "eliminado"


def test_what_is_non_spam_is_no_answer_about_spam(store, tmp_path):
    stored(store, tmp_path, "Discord removed a total of 27,410 servers and 266,075 non-spam accounts in the second half "
                            "of 2020.\n", published=dt.date(2021, 4, 5))
    assert answer("discord spam accounts banned h2 2020", store).answer is None
    assert answer("how many accounts did discord remove for spam in h2 2020", store).answer is None
    a = answer("discord non-spam accounts removed h2 2020", store)
    assert a.status == "answer" and a.answer.value == 266_075, a.message


def test_each_number_of_a_sentence_counts_what_is_said_next_to_it(store, tmp_path):
    stored(store, tmp_path, "In the second half of 2021, action was ultimately taken against 4.3 million Twitter accounts, "
                            "with a total of 1.3 million suspended.\n", published=dt.date(2022, 7, 28))
    suspended = answer("twitter accounts suspended h2 2021", store)
    assert suspended.status == "answer" and suspended.answer.value == 1.3e6
    actioned = answer("twitter accounts actioned h2 2021", store)
    assert actioned.status == "answer" and actioned.answer.value == 4.3e6


@pytest.mark.parametrize("text,country", [("in Turkey", "Türkiye"), ("from Russia", "Russian Federation"),
                                          ("seguido do Paquistão", "Pakistan"), ("folgen Indien", "India"),
                                          ("from the EU", "European Union"), ("de l'Union européenne", "European Union"),
                                          ("seguido de EE. UU.", "United States"), ("Os EUA", "United States"),
                                          ("negli Usa", "United States"), ("aus der BRD", "Germany"),
                                          ("Türkiye'nin talepleri", "Türkiye"), ("Almanya'dan", "Germany")])
def test_countries_by_the_names_people_and_other_languages_use(text, country):
    from store.vocabulary import country_in

    assert country_in(text) == country


def test_a_country_with_its_number_in_brackets_is_that_numbers_place(store, tmp_path):
    stored(store, tmp_path, "O país que mais teve vídeos do TikTok excluídos no segundo semestre de 2020 foi os Estados Unidos "
                            "(11,7 milhões), seguido do Paquistão (8,2 milhões).\n", published=dt.date(2021, 2, 25))
    r = answer("tiktok videos removed in pakistan h2 2020", store)
    assert r.status == "answer" and r.answer.value == 8.2e6 and r.answer.location == "Pakistan"


def test_a_kind_of_number_set_aside_is_never_the_answer(seeded_sqlite):
    r = answer("how many of twitter's H2 2017 terror suspensions came from government reports (count, not %)", seeded_sqlite)
    assert r.answer is None or r.answer.unit != "percent"


def test_a_terse_question_naming_an_action_asks_for_a_count_not_a_share(store, tmp_path):
    """"fb hate speech removed apr-jun 2020" asks what was removed: a document stating only the
    share of it found proactively has no answer to it; prevalence, a share of views, is a share."""
    stored(store, tmp_path, "Around 95% of the hate speech removed by Facebook during the second quarter of 2020 was "
                            "proactively identified. The prevalence of hate speech on Facebook was 0.1% in Q2 2020.\n",
           published=dt.date(2020, 8, 11))
    assert answer("fb hate speech removed apr-jun 2020", store).answer is None
    r = answer("facebook hate speech proactive rate Q2 2020", store)
    assert r.status == "answer" and r.answer.value == 95
    r = answer("facebook hate speech prevalence Q2 2020", store)
    assert r.status == "answer" and r.answer.value == 0.1


def test_an_abbreviation_of_a_word_the_lexicon_reads_as_a_family_is_that_word(store, tmp_path):
    """"misinfo" is not a word the lexicon lists, but it begins "misinformation", which the
    lexicon reads as a policy area: a figure stated of misinformation has what was asked."""
    stored(store, tmp_path, "TikTok said 51,505 videos were removed for promoting misinformation in the second half of "
                            "2020.\n\nTikTok said 9,000 videos were removed for promoting scams in the second half of 2020.\n",
           published=dt.date(2021, 2, 24))
    r = answer("tiktok misinfo vids removed h2 2020", store)
    assert r.status == "answer" and r.answer.value == 51505, r.message


def test_three_letters_abbreviate_the_start_of_a_word_of_the_lexicon_only(store, tmp_path):
    """"gov" is "government" (its start, and a word the lexicon reads), as "govt" is; a name a
    story quotes ("The Sun") is never what three letters are taken to abbreviate."""
    stored(store, tmp_path, "In 2013, Tumblr received 462 requests from government agencies for user data, and "
                            "1,200 requests from users to remove content.\n\nThe Sunday Times reported it on Sunday.\n",
           published=dt.date(2014, 2, 5))
    r = answer("tumblr gov requests 2013", store)
    assert r.status == "answer" and r.answer.value == 462, r.message
    read = reader(store).read("according to the sun, tumblr requests 2013")
    assert "sunday" not in read.text and "sunday" not in " ".join(read.asked)


def test_the_whole_a_question_asks_a_part_of_is_no_part_of_what_it_asks(store):
    """"Of the accounts Twitter actioned, how many were suspended": suspended is what is asked
    (weighed in full); actioned says of what, and weighs less."""
    for question in ("of the accounts twitter actioned jan-jun 2021, how many were actually suspended",
                     "And of those accounts Twitter actioned in H1 2021, how many were suspended?"):
        read = reader(store).read(question)
        assert "=actioned" in read.asked and read.core == frozenset({"=suspended"}), read.core
    assert "=accounts" in reader(store).read("how many accounts did twitter suspend in h1 2021").core


def test_how_many_comments_is_answered_by_a_count_of_comments_not_of_videos(store, tmp_path):
    """Videos and comments are both content; a count whose unit is the noun asked, in the
    question's words or a kin of them ("commenti"), answers "how many comments"."""
    stored(store, tmp_path, "In all, 7,845,400 individual videos were removed from YouTube between July and September 2018.\n",
           published=dt.date(2018, 12, 14))
    stored(store, tmp_path, "Da luglio a settembre 2018 YouTube ha rimosso 7,8 milioni di video e 224 milioni di commenti.\n",
           published=dt.date(2018, 12, 14))
    r = answer("How many comments did YouTube remove between July and September 2018?", store)
    assert r.status == "answer" and r.answer.value == 224e6, r.message
    assert answer("How many videos did YouTube remove between July and September 2018?", store).answer.value == 7845400


def test_taken_down_is_a_removal_not_a_change():
    from store.vocabulary import describe

    assert describe("what % of tiktok videos came down before they got any views").kind == "percent"
    assert describe("suspensions were down 8.4%").kind == "change"


def test_a_sentence_naming_its_own_policy_is_not_of_the_one_before(store, tmp_path):
    """The sentence before names child safety; this one names spam: its number is no child
    safety count, however well it says what was removed."""
    stored(store, tmp_path, "On YouTube, violations of child safety made up 3.8 million cases (33.5 percent) in the second "
                            "quarter of 2020. 3.2 million videos (28.3 percent) were classified as spam or removed for scams.\n",
           published=dt.date(2020, 8, 25))
    r = answer("yt child safety vids removed q2 2020", store)
    assert not (r.answer and r.answer.value == 3.2e6), r.message
    assert answer("yt spam vids removed q2 2020", store).answer.value == 3.2e6


def test_a_policy_said_in_the_sentence_before_is_the_figures(store, tmp_path):
    stored(store, tmp_path, "Facebook also published data on hate speech appeals.\n"
                            "About these contents, the social network received 2.3 million claims between October 2019 and "
                            "March 2020.\n", published=dt.date(2020, 5, 13))
    r = answer("how many appeals did facebook receive about hate speech from october 2019 to march 2020", store)
    assert r.status == "answer" and r.answer.value == 2.3e6


def test_a_policy_named_in_another_language_answers_a_question_about_it(store, tmp_path):
    stored(store, tmp_path, "YouTube hat im zweiten Quartal 2020 insgesamt 11,4 Millionen Videos gelöscht. "
                            "Etwa 14 Prozent wurden aufgrund von Nacktheit oder sexuellen Inhalten gelöscht.\n", published=dt.date(2020, 9, 1))
    r = answer("what share of youtube's q2 2020 video removals were for nudity", store)
    assert r.status == "answer" and r.answer.value == 14


def test_without_a_policy_asked_the_total_answers_not_one_policys_part(store, tmp_path):
    stored(store, tmp_path, "In the first half of 2024, X suspended 5.3 million accounts. "
                            "The primary reason for the suspensions was child safety, with 2.8 million accounts suspended.\n", published=dt.date(2024, 9, 25))
    r = answer("x accts suspended h1 2024", store)
    assert r.status == "answer" and r.answer.value == 5.3e6


def test_the_past_two_quarters_is_not_the_latest_quarter(store, tmp_path):
    stored(store, tmp_path, "Facebook has disabled over 1.2 billion fake accounts in the past two quarters. "
                            "Facebook also said it removed 583 million fake accounts in the first quarter of 2018.\n", published=dt.date(2018, 5, 15))
    r = answer("How many fake accounts did Facebook disable in Q1 2018?", store)
    assert r.status == "answer" and r.answer.value == 583e6
    # they are the last two quarters that had ended by the article's date
    r = answer("fb fake accounts disabled oct 2017 to mar 2018", store)
    assert r.status == "answer" and r.answer.value == 1.2e9 and r.answer.period_label == "Oct 2017 – Mar 2018"


def test_a_country_after_its_number_in_italian_is_that_numbers_place(store, tmp_path):
    stored(store, tmp_path, "TikTok ha rimosso nei primi tre mesi del 2021 oltre sette milioni di account di utenti "
                            "sospettati di aver meno di 13 anni: la popolare app ha circa un miliardo di membri, "
                            "di cui oltre 100 milioni negli Usa.\n", published=dt.date(2021, 6, 30))
    r = answer("tiktok accounts removed q1 2021", store)
    assert r.status == "answer" and r.answer.value == 7e6


def test_a_question_about_what_was_not_done_gets_no_number(store, tmp_path):
    stored(store, tmp_path, "In 2019, Reddit received 110 requests from government entities to remove content, "
                            "of which it complied with 37.3%.\n", published=dt.date(2020, 2, 1))
    assert answer("how many government removal requests did reddit receive in 2019", store).answer.value == 110
    r = answer("how many government removal requests did reddit NOT comply with in 2019", store)
    assert r.answer is None and r.status == "no_answer"


def test_a_question_naming_its_source_gets_that_sources_figure(store, tmp_path):
    for name, publisher, value in (("a.txt", "TomoNews", "1,007"), ("b.txt", "Example Wire", "1,034")):
        (tmp_path / name).write_text(f"Google received around {value} government requests to remove content "
                                     "in the second half of 2011.\n", encoding="utf-8")
        assert not ingest_paths(store, [tmp_path / name], Meta(publisher=publisher, published=dt.date(2012, 6, 18))).failed
    r = answer("google government content removal requests h2 2011, per the tomonews story", store)
    assert r.status == "answer" and r.answer.value == 1007 and r.answer.source.publisher == "TomoNews"


def test_a_sentence_naming_several_policies_does_not_give_one_to_every_number(store, tmp_path):
    stored(store, tmp_path, "In its report, Facebook revealed that it deleted 865.8 million posts in the first quarter of 2018, "
                            "mostly spam, while hate speech and graphic violence made up a small share.\n", published=dt.date(2018, 5, 15))
    assert answer("fb hate speech posts removed q1 2018", store).answer is None
    r = answer("fb posts deleted q1 2018", store)
    assert r.status == "answer" and r.answer.value == 865.8e6


def test_the_whole_answers_before_its_parts_when_no_policy_is_asked(store, tmp_path):
    stored(store, tmp_path, "YouTube removed 1.6 million channels in the third quarter of 2018, mostly for spam. "
                            "73,924 channels were taken down for nudity in the third quarter of 2018, "
                            "and 26,529 channels in the third quarter of 2018 for child safety.\n", published=dt.date(2018, 12, 14))
    r = answer("How many channels did YouTube remove in July–September 2018?", store)
    assert r.status == "answer" and r.answer.value == 1.6e6
    assert answer("youtube channels removed for nudity q3 2018", store).answer.value == 73924


def test_a_storys_largest_count_is_the_total_it_breaks_down_several_ways(store, tmp_path):
    """One story's counts of one thing and period, broken down two ways (by how found, by policy):
    the parts add up to more than the total, but the largest is still the total it breaks down."""
    stored(store, tmp_path, "In the fourth quarter of 2021, YouTube removed 3.75 million videos. Of these 3.75 million videos, "
                            "3.45 million were removed in the fourth quarter of 2021 after automated flagging. About 1.2 million "
                            "videos were removed in the fourth quarter of 2021, 31.5% of the total.\n", published=dt.date(2022, 3, 1))
    r = answer("yt vids removed q4 2021", store)
    assert r.status == "answer" and r.answer.value == 3.75e6, r.message


def test_the_parts_of_a_whole_another_document_states_are_not_sources_that_disagree(store, tmp_path):
    """One article gives the half's total, another three counts that make up part of it: the
    total answers, and the parts are not shown as sources disagreeing with it."""
    stored(store, tmp_path, "Twitter suspended about 1.3 million accounts in the second half of 2021.\n",
           published=dt.date(2022, 7, 28))
    stored(store, tmp_path, "In the second half of 2021, Twitter's three review teams suspended 169,396 accounts, "
                            "119,508 accounts and 118,356 accounts.\n", published=dt.date(2022, 7, 30))
    r = answer("twtr accts suspended 2h 2021", store)
    assert r.status == "answer" and r.answer.value == 1.3e6 and not r.alternatives, r.message


def test_of_facts_that_fit_alike_the_one_said_in_the_questions_own_words_answers(store, tmp_path):
    """"passou de 26% no 3º trimestre para 49% no 4º trimestre no Facebook e de 55% para 80% no
    Instagram": 49% and 55% were both read as Facebook's Q4 hate-speech share; the question's own
    word "facebook" is next to 49% only."""
    stored(store, tmp_path, "O Facebook divulgou seu relatório sobre discurso de ódio. A taxa \"proativa\" nessa categoria "
           "passou de 26% no 3º trimestre para 49% no 4º trimestre no Facebook e de 55% para 80% no Instagram, segundo o "
           "relatório.", publisher="G1", published=dt.date(2021, 2, 11))
    r = answer("facebook hate speech proactive rate 4Q20", store)
    assert r.status == "answer" and r.answer.value == 49, r.message


def test_how_often_a_report_comes_out_is_no_average_asked(store, tmp_path):
    """"Meta's India monthly report": where the number was published, not a count per month."""
    stored(store, tmp_path, "Meta took action against 4.61 million pieces of content on Instagram in March 2023, "
                            "according to its monthly report.\n", published=dt.date(2023, 5, 2))
    r = answer("Meta's monthly report for March 2023 - how many Instagram pieces of content did it take action on?", store)
    assert r.status == "answer" and r.answer.value == 4.61e6, r.message
    assert answer("Instagram pieces of content actioned per month in March 2023 on average", store).answer is None


def test_not_the_total_asks_for_a_part_not_for_no_count(store, tmp_path):
    """"just that policy, not the 13-policy total": a count of the part, not "anything but a count"."""
    stored(store, tmp_path, "Facebook actioned 13 million pieces of content across 13 policies in March 2023, "
                            "including 260,000 pieces of content for bullying and harassment.\n", published=dt.date(2023, 5, 2))
    r = answer("facebook bullying & harassment actions in march 2023 - just that policy, not the 13-policy total", store)
    assert r.status == "answer" and r.answer.value == 260000, r.message
    assert answer("facebook bullying & harassment actions in march 2023 (the share, not the count)", store).answer is None


def test_not_another_number_asks_for_a_count_still(store, tmp_path):
    """"pieces removed because of user complaints (not the automated-detection number)": another count is set
    aside, not every count; "(the share, not the count)" still sets counts aside."""
    stored(store, tmp_path, "In January 2022, Google removed 93,693 pieces of content in India based on user complaints, "
                            "and 4,05,911 pieces of content as a result of automated detection.\n", published=dt.date(2022, 3, 2))
    r = answer("Google India January 2022: pieces removed because of user complaints (not the automated-detection number)", store)
    assert r.status == "answer" and r.answer.value == 93_693, r.message
    assert answer("Google India January 2022: pieces removed because of user complaints (the share, not the count)",
                  store).answer is None


def test_child_pornography_is_child_safety_not_adult_nudity(store, tmp_path):
    """"child porn" was read as its last word's family (nudity): a question about it contradicted
    the child-safety figures that answer it, and a nudity figure could answer it instead."""
    stored(store, tmp_path, "In the first half of 2021, Twitter suspended 453,754 accounts for child sexual exploitation "
                            "and 27,000 accounts for adult nudity.\n", published=dt.date(2022, 1, 25))
    r = answer("twitter child porn suspensions h1 2021", store)
    assert r.status == "answer" and r.answer.value == 453754, r.message


def test_a_number_whose_own_sentence_names_only_the_place_asked_answers_for_that_place(store, tmp_path):
    """"Xは2024年下半期、日本政府の要請の83.64%に対応した" (X met 83.64% of the Japanese government's requests
    in H2 2024): the number is not read as Japan's, but its own sentence names Japan and no other place,
    so it answers a question about Japan as surely as one naming no place; scored lower, as the looser
    readings of a place are (a sentence before, a headline), it fell under the threshold."""
    stored(store, tmp_path, "Xは2024年下半期、日本政府の要請の83.64%に対応した。\n", published=dt.date(2025, 5, 20))
    r = answer("For the July-December 2024 reporting period, what rate did X comply with Japan's removal requests at (%)?", store)
    assert r.status == "answer" and r.answer.value == 83.64, r.message


def test_a_companys_services_joined_in_a_question_ask_for_the_companys_number(store, tmp_path):
    """"Meta ... across FB + IG", "Meta (fb+ig)", or the services joined with no company named ("Facebook and
    Instagram ... combined"): the company's number for its services together, which a story states, not two
    platforms' numbers to add up. Two companies' services joined ("Twitter and Facebook") get no number, and say
    why (test_reading_as_it_comes)."""
    stored(store, tmp_path, "Meta took action against 27 million pieces of content across Facebook and Instagram in "
                            "July 2022. Facebook actioned 25 million pieces of content in July 2022, and Instagram "
                            "2 million.\n", published=dt.date(2022, 9, 1))
    r = answer("total posts Meta acted on across FB + IG in July 2022?", store)
    assert r.status == "answer" and r.answer.value == 27e6 and r.answer.platform == "Meta", r.message
    r = answer("Facebook and Instagram pieces of content actioned in July 2022 combined", store)
    assert r.status == "answer" and r.answer.value == 27e6 and r.answer.platform == "Meta", r.message


def test_a_month_asked_inside_a_part_of_a_year_the_question_names_is_that_years_month(store, tmp_path):
    """"... reached 321 in early 2021. How many of them were in February?": February 2021, not the
    first half of 2021 (nor February of any year)."""
    stored(store, tmp_path, "Twitch banned 173 partners in January 2021 and 148 partners in February 2021, "
                            "321 partner bans in the first half of 2021.\n", published=dt.date(2021, 3, 8))
    r = answer("Twitch partner bans reached 321 in early 2021, counting repeats. How many of them were in February?", store)
    assert r.status == "answer" and r.answer.value == 148, r.message


def test_of_facts_that_fit_equally_the_one_more_documents_state_answers(store, tmp_path):
    """An Italian story gives four hate-speech counts of one quarter; a Brazilian one gives one of
    them. Asked "fb hate speech q4 2020", the number both state answers (the question alone
    cannot tell the four apart; two sources agreeing can). Each document counts once, however
    often it repeats a number; with no number stated by more documents than another, the
    candidates are listed."""
    stored(store, tmp_path,
           "Su Facebook, nel quarto trimestre del 2020, la società ha agito su 6,4 milioni di contenuti di odio organizzato, "
           "su 9,8 milioni di contenuti di incitamento all'odio nei gruppi, su 26,9 milioni di contenuti di incitamento "
           "all'odio e su 25,2 milioni di contenuti di incitamento all'odio rilevati in modo proattivo.",
           publisher="Il Giornale del Molise", published=dt.date(2021, 5, 20))
    r = answer("fb hate speech q4 2020", store)
    assert r.status == "ambiguous" and {a.value for a in r.alternatives} >= {6_400_000, 26_900_000}
    stored(store, tmp_path, "O Facebook removeu 26,9 milhões de conteúdos com discurso de ódio entre outubro e dezembro de 2020.",
           publisher="G1", published=dt.date(2021, 2, 11))
    r = answer("fb hate speech q4 2020", store)
    assert r.status == "answer" and r.answer.value == 26_900_000, r.message


def test_an_item_deep_in_a_list_is_read_with_the_line_the_list_follows(store, tmp_path):
    """"- Threads = 145", the last of a dozen items under "negative content blocked by Kominfo as of
    26 June 2024": what it counts is said above the list, not by the items just before it."""
    items = [("Twitter", "1.401.927"), ("Meta", "619.537"), ("Google", "29.332"), ("TikTok", "7.680"),
             ("Telegram", "6.607"), ("MiChat", "3.686"), ("Bigo Live", "1.772"), ("Snack Video", "440"),
             ("Threads", "145")]
    stored(store, tmp_path, "Berikut daftar media sosial yang kontennya diblokir Kominfo per 26 Juni 2024.\n"
           + "".join(f"- {name} = {count}\n" for name, count in items), published=dt.date(2024, 6, 27))
    r = answer("how many Threads posts had Kominfo blocked as of 26 June 2024?", store)
    assert r.status == "answer" and r.answer.value == 145, r.message


def test_a_name_of_two_words_typed_as_one_is_that_name_and_a_service_is_its_companys(store, tmp_path):
    """"gplay" is Google Play, a name of two words typed as one (the first letter of the first,
    the second whole); a Google Play question is answered by what a sentence says Google did
    there, Google Play being Google's."""
    stored(store, tmp_path, "In 2022, Google Play blocked 1.43 million policy-violating apps from being published. "
           "Google added that it had banned 1,73,000 'bad accounts' in 2022.", publisher="Livemint",
           published=dt.date(2023, 4, 28))
    a = answer("gplay apps blocked 2022", store)
    assert a.status == "answer" and a.answer.value == 1_430_000, a.message
    a = answer("gplay bad dev accts banned 2022", store)
    assert a.status == "answer" and a.answer.value == 173_000, a.message
    assert answer("gplay apps blocked 2021", store).answer is None
