"""Answers as a person reads them: the plain-text ``message`` of every Answer (what the CLI
prints, and Slack's notification fallback)."""

from __future__ import annotations

from bot.answers import FigureView, Gap, unit_words


def source_line(v: FigureView) -> str:
    s = v.source
    parts = [f"“{s.title}”" if s.title else s.filename]
    parts.append(s.publisher or "publisher not named")
    if s.published:
        parts.append(f"{s.published:%-d %b %Y}")
    if s.row:  # a table's row; a PDF report's page
        parts.append(f"{s.filename}, {'page' if s.filename.lower().endswith('.pdf') else 'row'} {s.row}")
    line = ", ".join(parts)
    if s.url:
        line += f" ({s.url})"
    if v.sources > 1:
        line += f" — reported by {v.sources} sources"
    return line


def what(v: FigureView) -> str:
    """'274,460 accounts suspended — Twitter, terrorism, H2 2017'"""
    where = f", {v.location}" if v.location else ""
    extra = f", {v.breakdown}" if v.breakdown else ""
    return f"{v.headline} — {v.platform}, {v.policy}{where}{extra}, {period(v)}"


def period(v: FigureView) -> str:
    if v.compared_with:
        return f"{v.period_label} compared with {v.compared_with}"
    if v.period_start and v.period_end and v.period_label and not v.period_label.startswith(("since", "a ")):
        if v.period_start != v.period_end:
            return f"{v.period_label} ({v.period_start:%-d %b %Y} – {v.period_end:%-d %b %Y})"
    return v.period_label


def answer(v: FigureView, disagree: tuple[FigureView, ...] = ()) -> str:
    lines = [what(v), f"“{v.quote}”", f"Source: {source_line(v)}"]
    for r in v.revisions:
        lines.append(f"Revised: first published as {r.display} in “{r.source.title}”"
                     + (f" ({r.source.published:%-d %b %Y})" if r.source.published else ""))
    for d in disagree:
        lines.append(f"Another source disagrees: {d.headline} — {source_line(d)}")
    return "\n".join(lines)


def ambiguous(views: tuple[FigureView, ...]) -> str:
    lines = ["Several figures fit that question; which one do you mean?"]
    lines += [f"• {what(v)}" for v in views]
    return "\n".join(lines)


def disagreement(views: tuple[FigureView, ...]) -> str:
    lines = ["Sources disagree on this figure:"]
    lines += [f"• {v.headline} — {source_line(v)}" for v in views]
    return "\n".join(lines)


def no_answer(near: tuple[FigureView, ...], why: str | None = None) -> str:
    line = f"I have no figure that answers that: {why}." if why else "I have no figure that answers that."
    if not near:
        return line[:-1] + ", nor any close to it."
    return "\n".join([line + " The nearest I have:"] + [f"• {what(v)}" for v in near])



# --- answers beyond one figure (bot.analysis) -------------------------------------------------

COMPUTED = "computed by modstats from the stored figures"


def fact(v: FigureView) -> str:
    """What a series counts: 'Content Actioned — Facebook, Hate Speech'"""
    where = f", {v.location}" if v.location else ""
    extra = f", {v.breakdown}" if v.breakdown else ""
    return f"{unit_words(v.unit, v.metric)} — {v.platform}, {v.policy}{where}{extra}"


def short_source(v: FigureView) -> str:
    s = v.source
    name = f"“{s.title}”" if s.title else s.filename
    return f"{name}, {s.filename} row {s.row}" if s.row else name


def series(points) -> str:
    """One fact over time: a line per period (a gap says so), each with its source."""
    figures = [p for p in points if isinstance(p, FigureView)]
    first = figures[0]
    lines = [f"{fact(first)}, {points[0].period_label} to {points[-1].period_label}:"]
    for p in points:
        if isinstance(p, Gap):
            lines.append(f"• {p.period_label}: no figure stored")
        else:
            q = f"{p.qualifier} " if p.qualifier else ""
            lines.append(f"• {p.period_label}: {q}{p.display} — “{p.quote}” ({short_source(p)})")
    documents = {}
    for p in figures:  # each document once (its rows are named above)
        s = p.source
        documents.setdefault((s.title, s.publisher, s.url), p)
    for (title, publisher, url), p in documents.items():
        line = ", ".join(x for x in (f"“{title}”" if title else p.source.filename, publisher or "publisher not named") if x)
        lines.append(f"Source: {line}" + (f" ({url})" if url else ""))
    return "\n".join(lines)


def derived_line(v: FigureView) -> str:
    """'Computed by modstats: Facebook minus Instagram = 2.6 million Content Actioned'"""
    a, b = v.derived.parts
    q = f"{v.qualifier} " if v.qualifier else ""
    if v.derived.op == "difference":
        return f"Difference ({COMPUTED}): {q}{v.display} ({a.display} − {b.display})"
    if v.derived.op == "ratio":
        return f"Ratio ({COMPUTED}): {q}{v.display} ({a.display} ÷ {b.display})"
    return f"{v.derived.op} ({COMPUTED}): {q}{v.display}"


def comparison(items, names: list[str]) -> str:
    lines = ["Side by side:"]
    for name, v in zip(names, items):
        lines.append(f"• {name}: {what(v)}")
        lines.append(f"  “{v.quote}”" if not v.derived else "  " + derived_parts(v))
        lines.append(f"  Source: {source_line(v)}")
    lines += [derived_line(v) for v in items if v.derived and v.derived.op != "sum"]
    return "\n".join(lines)


def cannot_compare(name: str, got) -> str:
    first = got.message.splitlines()[0] if got.message else "no figure"
    return "\n".join([f"I cannot compare those. For “{name}”: {first}"]
                     + [f"• {what(v)}" for v in got.alternatives])


def derived_parts(v: FigureView) -> str:
    return " + ".join(f"{p.period_label} {(p.qualifier + ' ') if p.qualifier else ''}{p.display}" for p in v.derived.parts)


def derived_total(v: FigureView) -> str:
    lines = [f"{what(v)} — {COMPUTED}: {derived_parts(v)}"]
    for p in v.derived.parts:
        lines += [f"• {p.period_label}: {p.headline}", f"  “{p.quote}”", f"  Source: {source_line(p)}"]
    return "\n".join(lines)


def not_comparable(items, names: list[str]) -> str:
    lines = ["I cannot compare those: the figures I have for the two sides count different things:"]
    lines += [f"• {name}: {what(v)}" for name, v in zip(names, items)]
    return "\n".join(lines)
