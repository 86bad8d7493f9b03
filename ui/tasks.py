"""Running database work off the UI thread.

Threading rules (the whole contract; read before adding a screen):

* Every service call runs inside ``TaskRunner.run(fn, on_success, on_error)``. ``fn`` runs on the
  one worker thread; it opens its own ``UnitOfWork``, does one user action and returns plain,
  immutable data (frozen dataclasses, lists of them). It never touches a widget.
* ``on_success(result)`` / ``on_error(exc)`` always run on the main (GUI) thread, one at a time,
  in submission order. Only they touch widgets.
* One worker means database work is serialised: a slow query delays the next one, but two screens
  never race on the same connection, and SQLite never sees concurrent writers from this process.
* A callback may arrive after its widget was closed: wrap it with :func:`bound_to` so it is
  dropped when the owner is gone.
* Tests use :class:`SynchronousRunner`: ``fn`` and the callback run immediately, in order.

The shape follows anki's ``TaskManager.run_in_background`` (executor + closures posted back to
the main thread) and picard's ``run_task``/``to_main`` (with a synchronous fake in tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from transitions.logging_setup import where_it_failed

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskRunner(Protocol):
    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None: ...


def bound_to(owner: QObject, callback: Callable[[T], None]) -> Callable[[T], None]:
    """``callback``, but a no-op once ``owner`` (a widget) has been deleted."""

    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


def _deliver(
    result: Any, error: BaseException | None, on_success: Callable[[Any], None], on_error: Any
) -> None:
    try:
        if error is None:
            on_success(result)
        elif isinstance(error, Exception):
            on_error(error)
        else:  # KeyboardInterrupt and friends: not ours to swallow
            raise error
    except Exception as exc:  # a bug in a callback must not take the event loop down
        # type and code locations only: the message may hold patient data
        log.error("a task callback failed: %s", where_it_failed(exc))


# The callback dispatch every runner uses, for tasks that deliver several results (AppContext).
deliver = _deliver


class SynchronousRunner:
    """Runs the task and its callback at once, on the calling thread (tests, scripts)."""

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to on_error, like the real runner
            _deliver(None, exc, on_success, on_error)
            return
        _deliver(result, None, on_success, on_error)


class BackgroundRunner(QObject):
    """One worker thread for database work; callbacks are queued back to the main thread.

    Create it on the main thread. ``busy_changed(True)`` fires when work starts and
    ``busy_changed(False)`` when the queue is empty again (for a status-bar indicator).
    """

    busy_changed = Signal(bool)
    _closure_ready = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="transitions-db")
        self._pending = 0
        self._closed = False
        # Emitted from the worker thread; the receiver lives on the main thread, so Qt queues it.
        self._closure_ready.connect(self._run_closure, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        if self._closed:
            log.warning("task submitted after shutdown; ignored")
            return
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future = self._executor.submit(fn)
        future.add_done_callback(partial(self._on_done, on_success=on_success, on_error=on_error))

    def _on_done(
        self,
        future: Future[Any],
        *,
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        # Worker thread: hand a closure to the main thread, touch nothing else.
        if future.cancelled() or self._closed:
            return
        error = future.exception()
        result = None if error is not None else future.result()
        closure = partial(_deliver, result, error, on_success, on_error)
        if shiboken6.isValid(self):
            self._closure_ready.emit(closure)

    @Slot(object)
    def _run_closure(self, closure: Callable[[], None]) -> None:
        self._pending -= 1
        try:
            closure()
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work, drop queued tasks, and (by default) wait for the running one."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=True)
