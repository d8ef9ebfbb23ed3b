"""Answers as a person reads them: the plain-text ``message`` of every Answer (what the CLI
prints, and Slack's notification fallback)."""

from __future__ import annotations

from bot.answers import FigureView


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

