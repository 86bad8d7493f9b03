"""Live refresh: when another workstation changes a stay, the worklist and the open workspaces
show it without anyone pressing F5.

A QTimer polls :func:`transitions.services.live.open_change_feed` (PostgreSQL LISTEN/NOTIFY,
drained without blocking; SQLite a read of new audit events). On a change:

* the worklist reloads, keeping its unit/date filters, search text and selected stay;
* an open workspace of a patient who changed (ids looked up on the worker) reloads its header
  and stay summary only — the steps with forms are left alone so nobody's unsaved typing is
  thrown away.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from transitions.services import encounters
from transitions.services.encounters import StayDetail
from transitions.services.live import ChangeFeed, open_change_feed, patients_of_stays
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.tasks import bound_to
from ui.worklist.page import WorklistPage
from ui.workspace.page import PatientWorkspace

log = logging.getLogger(__name__)

POLL_MS = 3000


class _Opening:
    """The feed until the real one is open: hears nothing."""

    def poll(self) -> set[int | None]:
        return set()

    def close(self) -> None:
        pass


class LiveRefresh(QObject):
    def __init__(
        self,
        ctx: AppContext,
        worklist: WorklistPage,
        workspaces: object,
        interval_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        """``workspaces``: a callable returning the open :class:`PatientWorkspace` pages."""
        super().__init__(parent)
        self.ctx = ctx
        self.worklist = worklist
        self._workspaces = workspaces
        self.feed: ChangeFeed = _Opening()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self._keep: int | None = None
        self._stopped = False
        worklist.loaded.connect(self._restore_selection)  # the whole list, not its first page
        # Opened on the worker (PostgreSQL: a connection of its own), not the GUI thread; created
        # before the worklist's first load is queued, so no change after that load is missed.
        db = ctx.db
        ctx.runner.run(
            lambda: open_change_feed(db),
            bound_to(self, self._feed_opened),
            bound_to(self, self._feed_failed),
        )

    def _feed_opened(self, feed: ChangeFeed) -> None:
        if self._stopped:
            feed.close()
            return
        self.feed = feed
        self.timer.start()

    def _feed_failed(self, exc: Exception) -> None:
        log.warning("cannot follow other workstations' changes: %s", type(exc).__name__)

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()
        self.feed.close()

    def poll(self) -> None:
        changed = self.feed.poll()
        if changed:
            self.apply(changed)

    def apply(self, patients: set[int | None]) -> None:
        self._reload_worklist()
        pages: list[PatientWorkspace] = list(self._workspaces())  # type: ignore[operator]
        if not pages:
            return
        ids = [p.encounter_id for p in pages]
        db = self.ctx.db

        def owners(_uow: UnitOfWork) -> dict[int, int]:  # on the worker, never the UI thread
            return patients_of_stays(db, ids)

        def reload(owned: dict[int, int]) -> None:
            for page in self._workspaces():  # type: ignore[operator]
                if None in patients or owned.get(page.encounter_id) in patients:
                    self._reload_workspace_header(page)

        self.ctx.submit(owners, bound_to(self, reload), bound_to(self, lambda _exc: None))

    # -- worklist ----------------------------------------------------------------------------
    def _reload_worklist(self) -> None:
        index = self.worklist.table.currentIndex()
        row = self.worklist.proxy.row_at(index.row()) if index.isValid() else None
        self._keep = row.encounter_id if row is not None else None
        self.worklist.reload()

    def _restore_selection(self) -> None:
        keep, self._keep = self._keep, None
        if keep is None:
            return
        proxy = self.worklist.proxy
        for proxy_row in range(proxy.rowCount()):
            row = proxy.row_at(proxy_row)
            if row is not None and row.encounter_id == keep:
                self.worklist.table.selectRow(proxy_row)
                return

    # -- workspaces --------------------------------------------------------------------------
    def _reload_workspace_header(self, page: PatientWorkspace) -> None:
        actor = self.ctx.require_actor()
        encounter_id = page.encounter_id

        def work(uow: UnitOfWork) -> StayDetail:
            return encounters.get_stay(uow, actor, encounter_id=encounter_id)

        def show(detail: StayDetail) -> None:
            page.detail = detail
            page.header.show_detail(detail)
            summary = page.steps.get("summary")
            if summary is not None:
                summary.set_detail(detail)
            page.reload_readiness()

        self.ctx.submit(work, bound_to(page, show), bound_to(page, lambda _exc: None))
