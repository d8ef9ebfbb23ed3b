"""How the listener modules hand their dependencies to Bolt.

Listeners are plain module-level functions whose first parameters are their dependencies
(the ``Service``, a thread pool) and whose remaining parameters are Bolt's injected arguments
(``ack``, ``say``, ``respond``, ``client``, ``event``, ``command``, ``action``, ``body``,
``context``). ``bind(listener, service)`` fixes the dependencies with ``functools.partial``;
Bolt reads the partial's remaining parameter names and injects those. Unit tests call the
functions directly with a service and mocked ``ack``/``say``/``respond``/``client``.

Why not ``context["service"]`` set by a middleware: Bolt deep-copies the context for lazy
listeners, and a Service (with its database engine) must not be copied."""

from __future__ import annotations

import functools
from typing import Callable


def bind(listener: Callable, *deps) -> Callable:
    """``listener`` with its leading dependency parameters filled in. The partial keeps the
    listener's name (Bolt logs lazy listeners by name) but deliberately has no
    ``__wrapped__``: Bolt would unwrap it and try to inject the dependencies itself."""
    bound = functools.partial(listener, *deps)
    bound.__name__ = listener.__name__  # type: ignore[attr-defined]
    bound.__qualname__ = listener.__qualname__  # type: ignore[attr-defined]
    return bound


def acknowledge(ack) -> None:
    """The acknowledgement of events and clicks whose work runs in a lazy listener."""
    ack()
