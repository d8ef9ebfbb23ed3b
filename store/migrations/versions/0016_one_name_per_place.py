"""figures.location: one name per place, the one an article's figures are stored under

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

Google's and TikTok's downloads name countries their own way ("Turkey", "Russia", "Czech
Republic"); the prose reader stores an article's figures under the country's one name
("Türkiye", "Russian Federation", "Czechia"). A question about Turkey then found only one of
the two: with the starter library stored, "how many tweets did Twitter remove on Turkey's
requests" got no answer from the article that states it. Ingest now stores every place by its
one name (``store.vocabulary.canonical_place``); this renames the places already stored. A
figure's identity includes its place: a renamed figure takes its new fingerprint, and one that
becomes another stored figure hands that figure its citations.
"""
import sqlalchemy as sa
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from store.ingest.statements import Stated
    from store.periods import Period
    from store.vocabulary import canonical_place

    conn = op.get_bind()
    places = [p for (p,) in conn.execute(sa.text("SELECT DISTINCT location FROM figures WHERE location <> ''"))]
    renamed = {p: canonical_place(p) for p in places if canonical_place(p) != p}
    for old, new in renamed.items():
        rows = conn.execute(sa.text(
            "SELECT f.id, f.platform, f.metric, f.policy, f.breakdown, f.unit, f.period_start, f.period_end, "
            "f.compare_start, f.compare_end, f.value, "
            "EXISTS (SELECT 1 FROM citations c WHERE c.figure_id = f.id AND c.row IS NOT NULL) "
            "FROM figures f WHERE f.location = :old"), {"old": old}).all()
        for id_, platform, metric, policy, breakdown, unit, start, end, cstart, cend, value, in_table in rows:
            compare = Period(_date(cstart), _date(cend), "") if cstart or cend else None
            fingerprint = Stated(platform, metric, policy, Period(_date(start), _date(end), ""), value, unit, "",
                                 location=new, breakdown=breakdown, compare=compare, revisable=in_table).fingerprint()
            same = conn.execute(sa.text("SELECT id FROM figures WHERE fingerprint = :fp"), {"fp": fingerprint}).scalar()
            if same is not None and same != id_:  # the fact is stored under its one name already
                conn.execute(sa.text("UPDATE citations SET figure_id = :same WHERE figure_id = :id"), {"same": same, "id": id_})
                conn.execute(sa.text("DELETE FROM figures WHERE id = :id"), {"id": id_})
            else:
                conn.execute(sa.text("UPDATE figures SET location = :new, fingerprint = :fp WHERE id = :id"),
                             {"new": new, "fp": fingerprint, "id": id_})
    if renamed:  # the names the vocabulary is built from, and the slices a search walks
        conn.execute(sa.text("DELETE FROM figure_names WHERE kind = 'location'"))
        conn.execute(sa.text("INSERT INTO figure_names (kind, name) SELECT DISTINCT 'location', location FROM figures "
                             "WHERE location <> ''"))
        conn.execute(sa.text("DELETE FROM figure_slices"))
        conn.execute(sa.text("INSERT INTO figure_slices (platform, location, breakdown, policy) "
                             "SELECT DISTINCT platform, location, breakdown, policy FROM figures"))


def _date(value):
    """A date as SQLite returns it (text) or PostgreSQL (a date)."""
    import datetime as dt

    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def downgrade() -> None:
    pass  # the old names are not kept: a downgraded store answers under the one name
