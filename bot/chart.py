"""A series as a PNG chart (matplotlib, headless Agg backend): the title says what is
counted, where and by whom; the y axis is in the unit, with readable numbers (12.5M, 930K,
75%); periods are labelled as people write them (Q3 2023, H2 2017); a period with no stored
figure is a visible gap in the line, marked "no figure". ``alt_text`` describes it in words.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import textwrap
from functools import lru_cache
from pathlib import Path

from bot.answers import FigureView, Gap, format_value, unit_words

WIDTH, HEIGHT, DPI = 8.0, 4.5, 100  # 800 x 450 pixels: readable in a Slack thread
LINE, GAP_COLOUR = "#1f6feb", "#9a9a9a"


def title(points) -> str:
    first = next(p for p in points if isinstance(p, FigureView))
    where = f", {first.location}" if first.location else ""
    what = unit_words(first.unit, first.metric)
    return f"{first.platform}: {what} — {first.policy}{where}, {points[0].period_label} to {points[-1].period_label}"


def alt_text(points) -> str:
    values = "; ".join(f"{p.period_label}: {'no figure' if isinstance(p, Gap) else _qualified(p)}" for p in points)
    return f"Line chart of {title(points)}. {values}. Stored figures only; source quotes in the message."


def render(points) -> bytes:
    """The PNG of a series (FigureViews and Gaps in period order)."""
    font_cache_home()
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # Agg, whatever backend is configured
    from matplotlib.figure import Figure  # no pyplot: no global state, safe in worker threads
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figures = [p for p in points if isinstance(p, FigureView)]
    unit = figures[0].unit
    labels = [p.period_label for p in points]
    values = [None if isinstance(p, Gap) else p.value for p in points]
    xs = list(range(len(points)))

    fig = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    # None breaks the line: a gap stays a gap
    ax.plot(xs, [float("nan") if v is None else v for v in values], color=LINE, linewidth=2, marker="o", markersize=4)
    top = max(v for v in values if v is not None)
    bottom = min(0.0, min(v for v in values if v is not None))
    ax.set_ylim(bottom, top * 1.15 if top > 0 else 1)
    for x, v in zip(xs, values):
        if v is None:
            ax.axvspan(x - 0.4, x + 0.4, color=GAP_COLOUR, alpha=0.15, linewidth=0)
            ax.annotate("no figure", (x, top * 0.05 if top > 0 else 0), ha="center", fontsize=8, color=GAP_COLOUR, rotation=90)
    if len(points) <= 12:  # few points: every value written on the chart
        for x, v in zip(xs, values):
            if v is not None:
                ax.annotate(_short(v, unit), (x, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=8)
    step = -(-len(points) // 10)  # at most 10 period labels
    ax.set_xticks(xs[::step], labels[::step], rotation=45 if len(points) > 6 else 0, ha="right" if len(points) > 6 else "center", fontsize=9)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: _short(y, unit)))
    ax.set_ylabel(_axis_label(figures[0]))
    # the title as figure text: an axes title is re-placed around the tick labels on every draw (slow)
    fig.text(0.5, 0.97, "\n".join(textwrap.wrap(title(points), 80)), fontsize=11, ha="center", va="top")
    ax.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.text(0.01, 0.01, f"Source: {sources_note(figures)} — stored figures via modstats", fontsize=7, color="#555555")
    fig.subplots_adjust(left=0.1, right=0.97, top=0.86, bottom=0.24 if len(points) > 6 else 0.14)  # fixed: tight_layout costs ~100 ms
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def sources_note(figures) -> str:
    """'Meta Community Standards Enforcement Report (12 editions), Meta': the documents in a
    few words (every quote and row is in the message beside the chart)."""
    titles = sorted({p.source.title or p.source.filename for p in figures})
    publishers = sorted({p.source.publisher for p in figures if p.source.publisher})
    if len(titles) <= 2:
        text = "; ".join(titles)
    else:
        common = os.path.commonprefix(titles)
        common = re.sub(r"[,(–-][^,(–-]*$", "", common).strip()  # up to the last whole part ("…Report, Q" -> "…Report")
        text = f"{common} ({len(titles)} editions)" if len(common) >= 12 else f"{len(titles)} documents"
    if len(publishers) == 1 and publishers[0] not in text:
        text += f", {publishers[0]}"
    return text[:160]


def _qualified(p: FigureView) -> str:
    return f"{p.qualifier} {p.display}" if p.qualifier else p.display


def _axis_label(v: FigureView) -> str:
    if v.unit == "percent":
        return "percent"
    if v.unit == "percent change":
        return "change, percent"
    if v.unit and v.unit.lower() not in v.metric.lower():
        return f"{v.metric} ({v.unit})"
    return v.metric


def _short(value: float, unit: str) -> str:
    """12.5M, 930K, 1.2B, 75%: a value as the eye reads it on an axis."""
    if unit.startswith("percent"):
        return format_value(value, "percent")
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= scale:
            return f"{value / scale:,.1f}".rstrip("0").rstrip(".") + suffix
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


@lru_cache(maxsize=1)
def font_cache_home() -> str | None:
    """matplotlib keeps the list of the system's fonts in its cache directory
    (~/.cache/matplotlib). Where that cannot be written (no home directory, a read-only one: a
    service account, a container) it scans the fonts again into a new temporary directory in
    every process, so each worker's first chart would pay for it. Then matplotlib is given one
    lasting directory of modstats' own (MPLCONFIGDIR), and the list is built once. Returns the
    directory set, or None when matplotlib's own will do (or MPLCONFIGDIR is set already)."""
    if os.environ.get("MPLCONFIGDIR") or not sys.platform.startswith(("linux", "freebsd")):
        return None  # elsewhere matplotlib's own defaults are left alone
    try:
        home: Path | None = Path.home()
    except RuntimeError:
        home = None
    defaults = [Path(os.environ.get(var) or home / sub) / "matplotlib"
                for var, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"))] if home else []
    if defaults and all(_writable(d) for d in defaults):
        return None
    from platformdirs import user_cache_path

    for candidate in (user_cache_path("modstats", appauthor=False) / "matplotlib",
                      Path(tempfile.gettempdir()) / f"modstats-matplotlib-{os.getuid()}"):
        if _writable(candidate):
            os.environ["MPLCONFIGDIR"] = str(candidate)
            return str(candidate)
    return None


def _writable(folder: Path) -> bool:
    """A directory this user owns and can write (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder.is_dir() and os.access(folder, os.W_OK) and folder.stat().st_uid == os.getuid()
    except (OSError, RuntimeError):
        return False


def warm() -> None:
    """Import matplotlib and draw once (fonts loaded, caches filled), so the first chart a
    user asks for is as quick as the rest (the Slack app calls this at start)."""
    import datetime as dt

    from bot.answers import SourceView

    src = SourceView("warm-up", None, None, None, "warm-up")
    point = lambda m, v: FigureView(0, v, "accounts", None, "accounts suspended", "all", "modstats", "", "",  # noqa: E731
                                    dt.date(2020, m, 1), dt.date(2020, m, 28), f"{m}/2020", "", src)
    render((point(1, 1.0), point(2, 2.0)))
