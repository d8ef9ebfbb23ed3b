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

A table copied row by row may instead lose the space between its cells, each row one line:

    Total Content & Account Reports*Total Content EnforcedTotal Unique Accounts Enforced
    57,37310,4977,153

A label glued to the next ("EnforcedTotal") parts the header's cells, and the digits below it
part into as many numbers, in the document's own thousands grouping, only when they part one
way ("57,373", "10,497", "7,153"); "9600" under two columns (960 and 0, or 9 and 600) is left
unread rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from store.numbers import Quantity, find_quantities
from store.periods import Period, find_periods

MAX_CELL = 80  # characters: a longer line is prose, not a cell
SPACED_RE = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")
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
    period: Period | None = None  # of a table whose rows are periods ("2020 H1 19,532 3,825 ..."): the row's
    title: str = ""  # ... and what its numbers count, as the line above its header says
    heading: str = ""  # the line above a table's header ("Strafrechtelijke verzoeken Verenigde Staten"): whose rows they are
    breakdown: str = ""  # the part of it the column counts, when its label names one ("Removal requests - Court Orders")


def cell_rows(text: str, start: int, end: int) -> tuple[list[CellFigure], set[int]]:
    """The numbers of the cell-per-line tables in ``text[start:end]``, labelled, and where the
    lines of glued tables start (their numbers are never read as sentences')."""
    lines = [(start + m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
             for m in re.finditer(r"[^\n]+", text[start:end]) if m.group().strip()]
    out, glued = _glued_tables(lines)
    piped, taken = _pipe_tables(lines)
    out += piped
    glued |= taken
    spaced, taken = _spaced_tables(lines, glued)
    out += spaced
    glued |= taken
    for run in _runs(lines, glued):
        out += _read_run(text, run)
    return [_parted(c) for c in out], glued


PART_RE = re.compile(r"(?P<whole>.+?)\s+[-–—:]\s+(?P<part>.+)")  # "Removal requests - Court Orders"


def _parted(c: CellFigure) -> CellFigure:
    """A column named as a part of what it counts ("Removal requests - Court Orders", "Removal requests -
    Gov’t agency, police, other") counts that, broken down by the part: a question about removal requests
    is not answered by the court orders' share of them."""
    m = PART_RE.fullmatch(c.column)
    return replace(c, column=m.group("whole"), breakdown=m.group("part")) if m and c.row is not None else c


def _runs(lines: list[tuple[int, str]], glued: set[int]) -> list[list[Cell]]:
    """Consecutive cells (short lines), split where a line of prose or of a glued table comes
    between."""
    runs: list[list[Cell]] = [[]]
    for s, stripped in lines:
        cell = None if s in glued else _cell(stripped, s)
        if cell is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(cell)
    return [r for r in runs if any(c.quantity for c in r) and any(not c.quantity for c in r)]


def _cell(line: str, start: int) -> Cell | None:
    if len(line) > MAX_CELL:
        return None
    # a cell holding one number grouped by plain spaces, as French or Finnish print it ("57 174")
    found = find_quantities(line.replace(" ", "\u202f")) if SPACED_RE.fullmatch(line) else find_quantities(line)
    found = [replace(q, text=line[q.start : q.end]) for q in found]  # as printed
    if len(found) == 1 and not NOT_CONTENT_RE.sub("", line[: found[0].start] + line[found[0].end :]) \
            and not find_periods(line, None):  # "2021" on its own is a year, not a count
        return Cell(start, start + len(line), line, found[0])
    if SENTENCE_END_RE.search(line) or any(ch.isdigit() for ch in line) and found:
        return None  # a sentence, or a line with a number in its words: prose
    return Cell(start, start + len(line), line, None)


MAX_GLUED = 200  # characters: a glued table's row (its label, then its digits)
MAX_GLUED_HEADER = 400  # characters: a glued header row of a few long labels (a chart's, "CharacteristicHateful Conduct, ...")
MAX_LABEL = 200  # characters: a longer "label" is prose, and no name of a policy or a metric
GLUE_RE = re.compile(r"(?<=[a-z*†)])(?=[A-Z])")  # "EnforcedTotal", "Reports*Total": two cells run together
GLUED_ROW_RE = re.compile(r"^(?P<label>.*?[^\W\d_*†)/]|.*?[*†)])?(?P<digits>[0-9][0-9,]*|[0-9][0-9.]*)$")
# a number as the row groups its thousands ("57,373" or "57.373")
NUMBER_RES = {sep: re.compile(rf"0|[1-9][0-9]{{0,2}}(?:{re.escape(sep)}[0-9]{{3}})*") for sep in ",."}


def _glued_tables(lines: list[tuple[int, str]]) -> tuple[list[CellFigure], set[int]]:
    """The numbers of tables copied without the space between cells, and the lines they take
    (by their start). Under a header whose labels run together, a line of digits alone is
    its values, and a label glued to digits is a row (the header's first column names the
    rows); each is read when its digits part into its columns' numbers in exactly one way.
    A line under such a header that parts several ways is read as nothing."""
    out: list[CellFigure] = []
    taken: set[int] = set()
    heads: list[str] | None = None
    header: int = 0  # where the header in force starts
    title = ""
    for i, (start, line) in enumerate(lines):
        labels = _glued_labels(line)
        m = GLUED_ROW_RE.match(line) if len(line) <= MAX_GLUED else None
        if labels:  # (taken once a line under it is: over rows with spaces, it is read by _spaced_tables)
            heads, header = labels, start
            title = lines[i - 1][1] if i else ""
            continue
        if heads is not None and (by_period := _period_row(line, start, heads, title)):
            out += by_period  # "2020 H1 19,532 3,825 20 11,308 734,837 -" under its columns (a chart's data table)
            taken |= {header, start}
            continue
        if heads is None or m is None:
            heads = None
            continue
        taken |= {header, start}
        label, digits = m.group("label"), m.group("digits")
        columns = heads[1:] if label else heads
        parts = _partings(digits, len(columns))
        if len(parts) != 1:
            heads = None if not label else heads
            continue
        first = start if label else header
        at = start + m.start("digits") - first
        for column, (a, b) in zip(columns, parts[0]):
            q = Quantity(at + a, at + b, float(re.sub(r"[,.]", "", digits[a:b])), "count", None, digits[a:b])
            out.append(CellFigure(q, column, label.strip() if label else None, first, start + len(line)))
        if not label:
            heads = None  # a header's values: the table ends
    return out, taken


# a row of a table whose rows are periods: "2020 H1 19,532 3,825 20 11,308 734,837 -" ("-": none stated)
PERIOD_ROW_RE = re.compile(r"(?P<label>(?:19|20)[0-9]{2}(?:[ \t]+(?:H[12]|Q[1-4]))?|(?:H[12]|Q[1-4])[ \t]+(?:19|20)[0-9]{2}"
                           r"|[A-Z][a-z]{2,8}\.?[ \t]+(?:19|20)[0-9]{2})(?P<cells>(?:[ \t]+(?:[0-9][0-9,.]*%?|[-–—]))+)")
# what a chart's title says its numbers are of, less when and how they are broken down
TITLE_TAIL_RE = re.compile(r"^(?:the\s+)?number\s+of\s+|\s+(?:as\s+of|from|between|in|during)\s+.*$|,\s*by\s+\w+.*$", re.IGNORECASE)


def _period_row(line: str, start: int, heads: list[str], title: str) -> list[CellFigure]:
    """The numbers of a row labelled with a period under a glued header whose first label names
    the rows ("Characteristic", as statistics sites print a chart's data), one per column."""
    m = PERIOD_ROW_RE.fullmatch(line)
    if m is None:
        return []
    periods = find_periods(m.group("label"), None)
    cells = list(re.finditer(r"[^ \t]+", m.group("cells")))
    if len(periods) != 1 or periods[0].period is None or len(cells) != len(heads) - 1:
        return []
    out = []
    at = m.start("cells")
    title = TITLE_TAIL_RE.sub("", title)
    title = title if len(title) <= MAX_LABEL else ""
    for head, cell in zip(heads[1:], cells):
        found = find_quantities(cell.group())
        if len(found) != 1:
            continue  # "-": not stated
        q = found[0]
        out.append(CellFigure(replace(q, start=q.start + at + cell.start(), end=q.end + at + cell.start()), head,
                              None, start, start + len(line), periods[0].period, title))
    return out


SPACED_HEADER_RE = re.compile(r"[A-Z][\w&/-]*(?:[ \t]+[A-Z][\w&/-]*){2,6}")  # "Country Received Granted"
# a label, its numbers (each may carry a footnote's mark: "Brazil 27 0 30%* 191 5* 101*")
ROW_RE = re.compile(r"(?P<label>[^\W\d][^\d\n]*?)(?P<numbers>(?:[ \t]+[0-9][0-9,.]*%?[*†‡]*){1,6})")
CELL_NUMBER_RE = re.compile(r"[0-9][0-9,.]*%?")  # one of a row's numbers
EMPTY_ROW_RE = re.compile(r"(?:[^\W\d][^\d\n]*?)?(?:[ \t]*[-–—])+|(?:[0-9][0-9,.]*%?[*†‡]*[ \t]*)+")  # "Australia - - -", "4 15 21% 26": no label


def _spaced_tables(lines: list[tuple[int, str]], glued: set[int]) -> tuple[list[CellFigure], set[int]]:
    """The numbers of tables copied a row per line with spaces between the cells, under a header
    of one-word labels ("Country Received Granted" / "Flag of France France 34 0"): each row's
    label, then one number per column after the first. A row of any other number of numbers
    ends the table. Returns the numbers and the lines they take (by their start)."""
    out: list[CellFigure] = []
    taken: set[int] = set()
    heads: list[str] | None = None
    heading = ""
    for i, (start, line) in enumerate(lines):
        if start in glued:
            heads = None
            continue
        if SPACED_HEADER_RE.fullmatch(line):
            heads, heading = line.split(), _heading(lines, i)
            continue
        if heads is None and (labels := _header_of(line, lines[i + 1][1] if i + 1 < len(lines) else "")):
            heads, heading = labels, _heading(lines, i)
            continue
        m = ROW_RE.fullmatch(line) if heads else None
        numbers = list(CELL_NUMBER_RE.finditer(m.group("numbers"))) if m else []
        if m is None or len(numbers) != len(heads) - 1:
            if heads and EMPTY_ROW_RE.fullmatch(line):
                taken.add(start)  # a row of no data ("Australia - - - - - -"), or of no label: the table goes on
                continue
            heads = None
            continue
        taken.add(start)
        at = m.start("numbers")
        for head, n in zip(heads[1:], numbers):
            found = find_quantities(n.group())
            if len(found) != 1:
                continue
            q = found[0]
            out.append(CellFigure(replace(q, start=q.start + at + n.start(), end=q.end + at + n.start()), head,
                                  _label(m.group("label")), start, start + len(line), heading=heading))
    return out, taken


PIPE_ROW_RE = re.compile(r"\|(?:[^|\n]*\|)+")  # "| 9 | 8 | 2 |": a markdown table's row
PIPE_RULE_RE = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")  # "|---|---|": the line under its header


def _pipe_tables(lines: list[tuple[int, str]]) -> tuple[list[CellFigure], set[int]]:
    """The numbers of markdown tables ("| Law enforcement requests received | ... |", "|---|---|",
    "| 9 | 8 | 2 |"): each number under its column's label, its row's label the row's first cell
    when that holds no number. A row of another number of cells ends the table. Returns the numbers
    and the lines they take (by their start)."""
    out: list[CellFigure] = []
    taken: set[int] = set()
    for i in range(1, len(lines)):
        if not PIPE_RULE_RE.fullmatch(lines[i][1]) or not PIPE_ROW_RE.fullmatch(lines[i - 1][1]):
            continue
        heads = [_label(c) for c in lines[i - 1][1].strip("|").split("|")]
        if len(heads) != lines[i][1].count("|") - 1:
            continue
        heading = _heading(lines, i - 1)
        taken |= {lines[i - 1][0], lines[i][0]}
        for start, line in lines[i + 1 :]:
            if not PIPE_ROW_RE.fullmatch(line) or line.count("|") - 1 != len(heads):
                break
            taken.add(start)
            bars = [j for j, ch in enumerate(line) if ch == "|"]
            cells = [(a + 1, b) for a, b in zip(bars, bars[1:])]
            first = line[cells[0][0] : cells[0][1]].strip()
            row = _label(first) if first and not find_quantities(first) else None
            for head, (a, b) in zip(heads, cells):
                found = find_quantities(line[a:b])
                if len(found) != 1 or not head or (row is not None and (a, b) == cells[0]):
                    continue
                q = found[0]
                out.append(CellFigure(replace(q, start=q.start + a, end=q.end + a), head, row, start, start + len(line),
                                      heading=heading))
    return out, taken


def _heading(lines: list[tuple[int, str]], header: int) -> str:
    """The short lines of no number just above a table's header, nearest last: its heading
    ("Vereinigte Staaten"; "Strafrechtelijke verzoeken Verenigde Staten" above a line of
    explanation)."""
    above = []
    for _, line in reversed(lines[max(0, header - 2) : header]):
        if len(line) > MAX_LABEL or any(ch.isdigit() for ch in line):
            break
        above.append(line)
    return "\n".join(reversed(above))


GAP_RE = re.compile(r"[ \t]{2,}")


def _header_of(line: str, below: str) -> list[str] | None:
    """A header of labels of several words ("Categorie Verzoeken Accountidentificatoren Percentage
    verzoeken waarvoor gegevens zijn verstrekt"), read by the row under it ("Totaal 6828 11188
    87%": a label and three numbers, so four labels): cut where two spaces or more stand, else
    before each capitalised word but one after a short lowercase word ("Art der Anfragen"). A
    header that cuts into another number of labels is not read (never guessed)."""
    if len(line) > MAX_GLUED_HEADER or SENTENCE_END_RE.search(line) or any(ch.isdigit() for ch in line) \
            or (m := ROW_RE.fullmatch(below)) is None:
        return None
    k = len(CELL_NUMBER_RE.findall(m.group("numbers")))
    if k < 2:
        return None
    if (glued := _glued_labels(line)) is not None and len(glued) == k + 1:
        return glued  # labels run together: "CountryRemoval requests - Court OrdersRemoval requests - ..."
    cells = GAP_RE.split(line.strip())
    if len(cells) == k + 1:
        return cells
    # a gap always parts two labels; the words between two gaps are one label, or as many as
    # their capitals cut them into (German capitalises every noun: "Art der Anfragen Anfragen
    # Auskünfte teilweise erteilt Konten   Benachrichtigte Konten**" is five labels, the last one
    # after the gap): the one way of reading them all that gives as many labels as columns
    readings = [label for label in product(*[{(cell,), _capital_cut(cell)} for cell in cells])
                if sum(len(c) for c in label) == k + 1]
    return [name for cut in readings[0] for name in cut] if len(readings) == 1 else None


def _capital_cut(cell: str) -> tuple[str, ...]:
    """A header's words cut before each capitalised word, but one after a short lowercase word."""
    groups: list[list[str]] = []
    words = cell.split()
    for j, w in enumerate(words):
        after_short = j and words[j - 1].islower() and len(words[j - 1]) <= 3
        if j == 0 or (w[:1].isupper() and not after_short):
            groups.append([w])
        else:
            groups[-1].append(w)
    return tuple(" ".join(g) for g in groups)


def _glued_labels(line: str) -> list[str] | None:
    if len(line) > MAX_GLUED_HEADER or SENTENCE_END_RE.search(line) or any(ch.isdigit() for ch in line):
        return None
    cuts = [0] + [m.start() for m in GLUE_RE.finditer(line)] + [len(line)]
    labels = [_label(line[a:b]) for a, b in zip(cuts, cuts[1:])]
    return labels if len(cuts) >= 3 and all(len(label) <= MAX_LABEL for label in labels) else None


def _partings(digits: str, k: int) -> list[list[tuple[int, int]]]:
    """The ways (two at most: one is all a reader needs to know) to part ``digits`` into
    ``k`` numbers, each written as the document groups thousands: their spans."""
    number = NUMBER_RES["." if "." in digits else ","]
    ends = [[e for e in range(a + 1, len(digits) + 1) if number.fullmatch(digits, a, e)
             and (e == len(digits) or digits[e].isdigit())] for a in range(len(digits))]

    @lru_cache(maxsize=None)
    def ways(at: int, k: int) -> tuple[tuple[tuple[int, int], ...], ...]:
        if k == 0 or at == len(digits):
            return ((),) if k == 0 and at == len(digits) else ()
        found = tuple(((at, e),) + rest for e in ends[at] for rest in ways(e, k - 1))
        return found[:2]

    return [list(w) for w in ways(0, k)]


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
