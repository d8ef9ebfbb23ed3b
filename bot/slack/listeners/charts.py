"""A series answer's chart, uploaded into the thread or DM where the question was asked."""

from __future__ import annotations

import logging

from bot.answers import SERIES

log = logging.getLogger("modstats.slack")


def upload_chart(client, reply, channel: str | None, thread_ts: str | None) -> bool:
    """Upload the PNG of ``reply``'s series (files_upload_v2: files.getUploadURLExternal, the
    upload, files.completeUploadExternal) into ``channel``/``thread_ts``. Nothing for other
    answers; a failure is logged (the numbers are already in the thread)."""
    answer = reply.answer if reply is not None else None
    if client is None or answer is None or answer.status != SERIES or not channel:
        return False
    from bot.chart import alt_text, render, title

    try:
        png = render(answer.series)
        kwargs = {"thread_ts": thread_ts} if thread_ts else {}
        client.files_upload_v2(channel=channel, content=png, filename="modstats-chart.png",
                               title=title(answer.series)[:250], alt_txt=alt_text(answer.series)[:1000], **kwargs)
        return True
    except Exception as exc:  # noqa: BLE001 - the answer's numbers went out; the chart is extra
        log.error("could not upload the chart: %s: %s", type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "")
        return False
