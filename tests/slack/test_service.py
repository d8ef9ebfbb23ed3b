"""The Slack layer's store work on SQLite and PostgreSQL: the event ledger shared by
processes, the question log, feedback, the catalog."""

from __future__ import annotations

import threading

from sqlalchemy import text

from bot.slack.service import Service


def test_event_ledger_lets_exactly_one_process_claim_an_event(store):
    # two Services = two worker processes: separate memories, one database
    a, b = Service(store), Service(store)
    assert a.claim_event("Ev1") is True
    assert b.claim_event("Ev1") is False
    assert a.claim_event("Ev1") is False
    results = []
    services = [Service(store) for _ in range(8)]
    threads = [threading.Thread(target=lambda s=s: results.append(s.claim_event("EvRace"))) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] * 7 + [True]


def test_every_question_is_logged_and_feedback_lands_on_its_row(store):
    svc = Service(store)
    reply = svc.ask("suspensions H2 2017", team="T1", channel="C1", user="U1")
    assert reply.ok and reply.question_id is not None
    no = svc.ask("x" * 20_000, team="T1", channel="C1", user="U2")
    assert no.answer.status == "invalid"
    assert svc.feedback(reply.question_id, "up", "U9") is True
    assert svc.feedback(10**9, "up", "U9") is False
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT text, status, figure_id, team_id, channel_id, user_id, latency_ms, feedback, "
                                 "feedback_user_id FROM questions ORDER BY id")).all()
    assert rows[0][:6] == ("suspensions H2 2017", "answer", reply.answer.answer.figure_id, "T1", "C1", "U1")
    assert rows[0][6] >= 0 and rows[0][7:] == ("up", "U9")
    assert rows[1][1] == "invalid" and len(rows[1][0]) == 20_000


def test_picked_figure_and_shared_answer(store):
    svc = Service(store)
    amb = svc.ask("twitter", team=None, channel=None, user=None)
    assert amb.answer.status == "ambiguous"
    fid = amb.answer.alternatives[0].figure_id
    picked = svc.figure(fid, amb.question_id)
    assert picked.answer.answer.figure_id == fid
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT figure_id FROM questions WHERE id = :i"), {"i": amb.question_id}).scalar() == fid
    first = svc.ask("suspensions H2 2017", team=None, channel=None, user=None)
    shared = svc.shared(first.question_id, first.answer.answer.figure_id)
    assert shared.answer.message == first.answer.message


def test_catalog_examples_all_answer(store):
    cat = Service(store).catalog()
    assert "Twitter" in cat.platforms and cat.figures > 0 and cat.documents == 4
    assert cat.examples
    from bot.engine import answer

    assert all(answer(q, store).status == "answer" for q in cat.examples)
