"""The Slack layer: a Bolt app built by ``app.create_app(settings, store)``.

Everything that knows about Slack (payloads, ``say``/``respond``, Block Kit) lives in this
package; it calls the one answer function, ``bot.engine.answer``, like the CLI does.
"""
