"""Charts of series (bot.chart): a real PNG of the series, its title and alt text saying what
is counted and every value, gaps visible; and ``modstats ask --chart``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from bot import chart
from bot.answers import Gap
from bot.engine import answer
from store.db import Store
from store.ingest import Meta, ingest_paths

DATA = Path(__file__).parent / "data" / "trends"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def trends_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('chart') / 'modstats.db'}"
    s = Store.open(url, seed=False)
    ingest_paths(s, sorted(DATA.glob("*.csv")), Meta(None, None, None, None))
    s.dispose()
    return url


@pytest.fixture(scope="module")
def series(trends_url):
    s = Store.open(trends_url, seed=False)
    a = answer("reddit spam suspensions over time", s)
    s.dispose()
    assert a.status == "series"
    return a.series


def test_the_chart_is_a_png_of_the_series(series):
    png = chart.render(series)
    assert png.startswith(PNG)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (800, 450)
    # the line is drawn: the line colour is in the picture
    rgb = image.convert("RGB")
    assert (0x1F, 0x6F, 0xEB) in {c for _, c in rgb.getcolors(maxcolors=1 << 20)}


def test_title_and_alt_text_say_what_is_counted_and_every_value(series):
    assert chart.title(series) == "Reddit: accounts suspended — spam, H1 2021 to H1 2023"
    alt = chart.alt_text(series)
    assert "H1 2021: 100; H2 2021: 150; H1 2022: 120; H2 2022: no figure; H1 2023: 90" in alt


def test_values_are_readable():
    assert [chart._short(v, "accounts") for v in (950, 12_500, 3_400_000, 1_200_000_000)] == ["950", "12.5K", "3.4M", "1.2B"]
    assert chart._short(75, "percent") == "75%"


def test_a_gap_is_drawn_as_a_gap(series):
    assert isinstance(series[3], Gap)
    filled = [p for p in series if not isinstance(p, Gap)]
    assert chart.render(series) != chart.render(tuple(filled))


def test_cli_writes_the_chart(trends_url, tmp_path, monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", trends_url)
    path = tmp_path / "chart.png"
    assert main(["ask", "--json", "--chart", str(path), "reddit spam suspensions over time"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["status"] == "series" and d["chart"] == str(path)
    assert path.read_bytes().startswith(PNG)
    # not a series: no chart, and stderr says why
    other = tmp_path / "none.png"
    assert main(["ask", "--chart", str(other), "reddit spam suspensions H1 2022"]) == 0
    assert not other.exists() and "not a series" in capsys.readouterr().err


# --- the first chart of a process (the speed itself is measured by benchmarks/charts.py) ------

def _python(code: str, env: dict) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).parent.parent)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs a directory nobody can write in (/proc)")
def test_without_a_writable_home_the_font_list_is_built_once_not_per_process(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPL"))}
    env.update(HOME="/proc/modstats-no-home", TMPDIR=str(tmp_path))  # matplotlib's own cache can't be made
    code = "import os; from bot import chart; chart.warm(); print(os.environ['MPLCONFIGDIR'])"
    first = _python(code, env)
    assert first.returncode == 0, first.stderr
    folder = Path(first.stdout.strip())
    assert folder.parent == tmp_path  # one lasting folder of modstats', not a new temporary one
    fonts = list(folder.glob("fontlist-*.json"))
    assert len(fonts) == 1 and "temporary cache directory" not in first.stderr
    built = fonts[0].stat().st_mtime_ns
    second = _python(code, env)
    assert second.returncode == 0 and Path(second.stdout.strip()) == folder
    assert fonts[0].stat().st_mtime_ns == built  # read, not built again


def test_the_slack_app_has_the_chart_library_loaded_before_it_serves(tmp_path):
    import os

    code = (
        "import sys\n"
        "from bot.slack.app import create_app\n"
        "from bot.slack.settings import HTTP, Settings\n"
        "from store.db import Store\n"
        f"url = 'sqlite:///{tmp_path / 'modstats.db'}'\n"
        "assert 'matplotlib' not in sys.modules\n"
        "settings = Settings.from_env({'SLACK_BOT_TOKEN': 'xoxb-test', 'SLACK_SIGNING_SECRET': 's', 'DATABASE_URL': url}, mode=HTTP)\n"
        "create_app(settings, Store.open(url, seed=False), token_verification=False)\n"
        "print('matplotlib.figure' in sys.modules and 'matplotlib.backends.backend_agg' in sys.modules)\n"
    )
    done = _python(code, dict(os.environ))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
