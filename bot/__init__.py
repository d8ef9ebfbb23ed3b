"""modstats' answering side: the engine, its readers and renderers, the CLI and the Slack app.

An answering process holds many long-lived objects (the question reader's vocabulary, the
per-text caches of the reader and the engine), and Python's default collector thresholds
(700, 10, 10) scan them all every few hundred questions: a 40-100 ms pause inside whichever
question triggers it (on a million-figure store, the slowest of 20,000 fuzz questions went
from 64 ms to 100-120 ms). Collections run less often; the memory they free is the same
(peak 82-83 MB either way over those 20,000 questions).
"""

import gc

gc.set_threshold(50_000, 50, 100)
