"""The limits that keep every command's time and memory bounded, in one place.

Each is enforced where its input is read, with a message naming the file (and line) and the
limit; the README ("Limits") lists them. Text fields have no constant here: their limit is the
column's length in ``store.models`` (checked before anything is written).
"""

from __future__ import annotations

#: A prose document (text or Markdown) larger than this is refused before it is read.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
#: A line (paragraph) of a prose document longer than this, in characters, is refused.
MAX_LINE_CHARS = 1_000_000
#: A prose document stating more figures than this is refused (real reports state hundreds).
MAX_FIGURES_PER_DOCUMENT = 10_000
#: YAML front matter: its size, how deep its values nest (anchors and aliases are refused).
MAX_FRONT_MATTER_BYTES = 16 * 1024
MAX_FRONT_MATTER_DEPTH = 5
#: A CSV/TSV record (one line, or the lines of a quoted field) and the columns of a header.
MAX_CSV_LINE_BYTES = 1024 * 1024
MAX_CSV_COLUMNS = 1000
#: ``modstats ask --json -``: a stdin line longer than this (bytes) is answered ``invalid``
#: without being kept in memory.
MAX_STDIN_LINE_BYTES = 64 * 1024
#: Years a figure's period may fall in: moderation statistics are neither ancient nor future.
MIN_YEAR, MAX_YEAR = 1900, 2099
#: A message printed for a file is cut to this many characters (a header of a million columns
#: must not become a megabyte "one-line" error).
MAX_MESSAGE_CHARS = 500
#: How long an SQLite writer waits for another one to finish (a million-row ingest takes
#: minutes) before giving up with a message.
SQLITE_BUSY_TIMEOUT_S = 600

# How many texts (quoted sentences, questions) each per-text cache of the reader and the engine
# keeps: a question reads at most a few hundred; more only holds memory (the sentences of a
# store with 100,000 of them held several hundred MB).
TEXT_CACHE = 4096
# Of the sentences a store quotes, how many the question reader keeps to weigh how telling each
# term is (an even sample of them; every `modstats ask` process builds its reader from them, so
# all of them would make that cost, and the memory, grow with the store: 12,966 fuzz texts took
# 3 to 9 s).
QUOTED_SAMPLE = 2000
# Characters of a document kept with each prose citation, from just before its quote: the
# heading or sentence a quote follows ("Of those, 6.7 million were flagged").
QUOTE_CONTEXT = 300
# Of a store's metric and policy names, how many are read for their words where an even sample
# tells as much as all of them (term weights; the words of a platform's own metrics): a
# prose-heavy store names 50,000 metrics in its documents' words, and reading them all took
# seconds.
NAMES_SAMPLE = 2000
