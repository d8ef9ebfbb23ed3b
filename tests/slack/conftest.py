from __future__ import annotations

import shutil

import pytest

from store.db import Store
from fake_slack_api import FakeSlack
from slack_harness import Server


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """A seeded SQLite file, copied for each server so they start fast."""
    path = tmp_path_factory.mktemp("template") / "modstats.db"
    Store.open(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def fake_slack():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def server(fake_slack, seeded_template, tmp_path_factory):
    """The app under gunicorn (2 workers) on SQLite, shared by the end-to-end tests."""
    folder = tmp_path_factory.mktemp("server")
    db = folder / "modstats.db"
    shutil.copy(seeded_template, db)
    srv = Server(fake_slack, f"sqlite:///{db}", workers=2, log_path=folder / "server.log").start()
    srv.db_url = f"sqlite:///{db}"
    yield srv
    srv.stop()


_servers: list[Server] = []


@pytest.fixture(autouse=True)
def _remember_server(request):
    if "server" in request.fixturenames:
        _servers.append(request.getfixturevalue("server"))
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        socket_mode = item.funcargs.get("slack") if hasattr(item, "funcargs") else None  # test_socket_mode_ws
        if socket_mode is not None:
            report.sections.append(("socket mode log (tail)", "\n".join(socket_mode[2].log().splitlines()[-40:])))
        elif _servers:
            report.sections.append(("server log (tail)", "\n".join(_servers[-1].log().splitlines()[-40:])))
