"""Tables copied from a web page as text: one cell per line.

A transparency page's table pasted as text loses its grid but keeps its order, header cells
first, then each row's label and its numbers:

    Reason / Content reports* / Content enforced / Unique accounts enforced
    Hate speech / 447 / 62 / 62

(one per line, often with blank lines between), or a header row with the values under it:

    Total content reports* / Total content enforced / 49,445 / 11,260

Read as sentences, each number stands alone and says nothing of what it counts. ``cell_rows``
finds such runs of short lines and gives each number its column's label (what it counts) and
its row's label (the policy area), quoting the row as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.numbers import Quantity, find_quantities
from store.periods import find_periods

MAX_CELL = 80  # characters: a longer line is prose, not a cell
SENTENCE_END_RE = re.compile(r"[.!?]['\"”’)]*$")
NOT_CONTENT_RE = re.compile(r"[\s*†‡%]+")


@dataclass(frozen=True)
class Cell:
    start: int  # offsets in the document
    end: int
    text: str
    quantity: Quantity | None  # the number a numeric cell holds (offsets within the cell)


@dataclass(frozen=True)
class CellFigure:
    quantity: Quantity  # offsets within the quote
    column: str  # what the number counts: its column's label
    row: str | None  # the row's label, None for a header row with its values under it
    quote_start: int  # the row as printed: from its first label to its last number
    quote_end: int


def cell_rows(text: str, start: int, end: int) -> list[CellFigure]:
    """The numbers of the cell-per-line tables in ``text[start:end]``, labelled."""
    out: list[CellFigure] = []
    for run in _runs(text, start, end):
        out += _read_run(text, run)
    return out


def _runs(text: str, start: int, end: int) -> list[list[Cell]]:
    """Consecutive cells (short lines), split where a line of prose comes between."""
    runs: list[list[Cell]] = [[]]
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        s = start + m.start() + (len(line) - len(line.lstrip()))
        cell = _cell(stripped, s)
        if cell is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(cell)
    return [r for r in runs if any(c.quantity for c in r) and any(not c.quantity for c in r)]


def _cell(line: str, start: int) -> Cell | None:
    if len(line) > MAX_CELL:
        return None
    found = find_quantities(line)
    if len(found) == 1 and not NOT_CONTENT_RE.sub("", line[: found[0].start] + line[found[0].end :]) \
            and not find_periods(line, None):  # "2021" on its own is a year, not a count
        return Cell(start, start + len(line), line, found[0])
    if SENTENCE_END_RE.search(line) or any(ch.isdigit() for ch in line) and found:
        return None  # a sentence, or a line with a number in its words: prose
    return Cell(start, start + len(line), line, None)


def _read_run(text: str, run: list[Cell]) -> list[CellFigure]:
    """Labels then numbers, group by group. A group with more labels than numbers is a row
    (column labels, then the row's label) when the table goes on with rows of as many
    numbers; otherwise, like a group of as many labels as numbers, it is a header row with
    its values under it (after a title). One label under known columns is the next row."""
    groups: list[tuple[list[Cell], list[Cell]]] = []
    i = 0
    while i < len(run):
        labels, numbers = [], []
        while i < len(run) and run[i].quantity is None:
            labels.append(run[i])
            i += 1
        while i < len(run) and run[i].quantity is not None:
            numbers.append(run[i])
            i += 1
        groups.append((labels, numbers))
    out: list[CellFigure] = []
    columns: list[str] | None = None
    for g, (labels, numbers) in enumerate(groups):
        m, k = len(labels), len(numbers)
        rows_follow = g + 1 < len(groups) and len(groups[g + 1][0]) == 1 and len(groups[g + 1][1]) == k
        row: Cell | None = None
        if m == 1 and columns is not None and len(columns) == k:
            row, heads = labels[0], columns  # the next row of a table whose columns are known
        elif not m or not k or m < k:
            columns = None  # more numbers than labels: not a table this reader can place
            continue
        elif m > k and rows_follow:
            row, heads = labels[-1], [_label(c.text) for c in labels[-k - 1 : -1]]
            columns = heads
        else:
            heads, columns = [_label(c.text) for c in labels[-k:]], None  # a header row, its values under it
        first = row.start if row is not None else labels[-k].start
        for head, cell in zip(heads, numbers):
            q = cell.quantity
            at = cell.start - first
            out.append(CellFigure(
                Quantity(q.start + at, q.end + at, q.value, q.kind, q.qualifier, q.text),
                head, _label(row.text) if row is not None else None, first, numbers[-1].end,
            ))
    return out


def _label(cell: str) -> str:
    """A cell's text as a name: without footnote marks and list bullets."""
    return re.sub(r"^[\s•·*–—-]+|[\s*†‡:]+$", "", cell) or cell
