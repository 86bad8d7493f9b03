"""Opening a patient's workspace (every step's data) against hand-written SQL for the same data.

The workspace is built with every registered step (``ui.workspace.steps.workspace_steps``) on a
recording task runner: it runs each task the workspace and its steps submit, at once and in
order (as the one worker thread would), and adds up the time of the task functions only — the
database work and the building of each step's view on the worker — not the widgets. The
baseline fetches the same rows with hand-written SQL (32 statements: the stay with its
patient, unit, attending and PCP, diagnoses, allergies, labs, medicines, prior use, readmissions,
the reconciliation with its decisions, acknowledgements and signed versions, the site drugs,
appointments and their history, pending results, home services, risk scores, the provider and
clinic directory, the education plan, decisions and teach-back records, the packet versions, and
for the assessment, care plan and readiness steps the assessment, its answers, needs, referrals
with their resources, goals with their links, follow-up tasks, discharge acknowledgements, the
PCP summary's last delivery and the packet's printing events) and writes the view audit event,
in one transaction. Median over the first current stays of the
benchmark nurse's ward, each opened once (a warm-up stay first).

    python -m benchmarks.workspace --size 100k [--postgres] [--stays 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, select, text

from benchmarks import dataset
from benchmarks.startup import BENCH_USER, ensure_bench_user
from transitions.config import load_site_config
from transitions.db.engine import Database
from transitions.db.models import User
from transitions.services import auth, encounters
from transitions.services.encounters import StayFilter
from transitions.services.uow import Actor, UnitOfWork

STAY_SQL = [
    """SELECT e.*, p.*, u.code, u.name, a.family_name, a.given_name, a.credentials,
              g.family_name, g.given_name, g.credentials, d.display_name
       FROM encounter e JOIN patient p ON p.id = e.patient_id
       LEFT JOIN unit u ON u.id = e.unit_id LEFT JOIN provider a ON a.id = e.attending_id
       LEFT JOIN provider g ON g.id = p.pcp_id LEFT JOIN app_user d ON d.id = e.discharged_by_id
       WHERE e.id = :id""",
    "SELECT * FROM diagnosis WHERE encounter_id = :id ORDER BY principal DESC, rank",
    "SELECT * FROM allergy WHERE patient_id = :patient ORDER BY id",
    "SELECT * FROM lab_result WHERE encounter_id = :id ORDER BY observed_at",
    "SELECT * FROM medication_entry WHERE encounter_id = :id ORDER BY id",
    """SELECT sum(CASE WHEN o.encounter_class = 'emergency' THEN 1 ELSE 0 END),
              sum(CASE WHEN o.encounter_class = 'inpatient' THEN 1 ELSE 0 END)
       FROM encounter o WHERE o.patient_id = :patient AND o.id <> :id
         AND o.admit_time >= :since AND o.admit_time < :admit""",
    """SELECT o.id, o.visit_number, o.admit_time, l.planned FROM encounter o
       LEFT JOIN readmission_link l ON l.encounter_id = o.id
       WHERE o.readmission_of_id = :id OR o.id = :index_stay ORDER BY o.admit_time""",
    "SELECT * FROM medrec_reconciliation WHERE encounter_id = :id",
    "SELECT * FROM medrec_decision WHERE encounter_id = :id ORDER BY id",
    "SELECT * FROM medrec_acknowledgement WHERE encounter_id = :id",
    "SELECT * FROM medrec_signed_version WHERE encounter_id = :id ORDER BY revision",
    "SELECT * FROM site_drug ORDER BY id",
    "SELECT * FROM appointment WHERE encounter_id = :id ORDER BY starts_at",
    """SELECT c.* FROM appointment_change c JOIN appointment a ON a.id = c.appointment_id
       WHERE a.encounter_id = :id ORDER BY c.changed_at""",
    "SELECT * FROM pending_test WHERE encounter_id = :id ORDER BY id",
    "SELECT * FROM home_service WHERE encounter_id = :id ORDER BY id",
    "SELECT * FROM risk_assessment WHERE encounter_id = :id",
    """SELECT p.*, c.name, c.phone, c.opening_hours, c.accepts_new_patients FROM provider p
       LEFT JOIN clinic c ON c.id = p.clinic_id ORDER BY p.family_name, p.given_name, p.id""",
    "SELECT * FROM clinic ORDER BY name, id",
    "SELECT * FROM education_plan WHERE encounter_id = :id",
    "SELECT * FROM education_module_decision WHERE encounter_id = :id",
    "SELECT * FROM education_record WHERE encounter_id = :id ORDER BY taught_at",
    """SELECT id, version, language, large_print, paper, sha256, size_bytes, page_count,
              created_at, created_by FROM discharge_packet WHERE encounter_id = :id
       ORDER BY version""",
    # the assessment, care plan and readiness steps' data (the workspace shows them too)
    "SELECT * FROM assessment WHERE encounter_id = :id",
    "SELECT * FROM assessment_answer WHERE encounter_id = :id ORDER BY recorded_at, id",
    "SELECT * FROM need WHERE encounter_id = :id ORDER BY id",
    """SELECT r.*, c.name FROM referral r JOIN community_resource c ON c.id = r.resource_id
       WHERE r.encounter_id = :id ORDER BY r.referred_on, r.id""",
    """SELECT g.*, l.kind, l.need_id, l.appointment_id, l.referral_id, l.module_id
       FROM care_goal g LEFT JOIN care_goal_link l ON l.goal_id = g.id
       WHERE g.encounter_id = :id ORDER BY g.id, l.id""",
    "SELECT * FROM followup_task WHERE encounter_id = :id",
    "SELECT * FROM discharge_acknowledgement WHERE encounter_id = :id",
    """SELECT method, sent_at, sent_by, recipient, sequence FROM pcp_summary_delivery
       WHERE encounter_id = :id ORDER BY sequence DESC LIMIT 1""",
    """SELECT entity_id, occurred_at, username FROM audit_event WHERE patient_id = :patient
         AND entity = 'discharge_packet' AND action IN ('print', 'export', 'reprint')
       ORDER BY occurred_at, id""",
]
AUDIT_SQL = """INSERT INTO audit_event (occurred_at, username, workstation, patient_id, entity,
               entity_id, action) VALUES (CURRENT_TIMESTAMP, 'benchmark', 'bench', :patient,
               'encounter', :visit, 'view')"""


def hand_written(db: Database, stay_id: int) -> None:
    with db.engine.begin() as connection:
        stay = connection.execute(text(STAY_SQL[0]), {"id": stay_id}).mappings().one()
        params = {
            "id": stay_id,
            "patient": stay["patient_id"],
            "since": stay["admit_time"],  # any bound of the same type: the shape is the point
            "admit": stay["admit_time"],
            "index_stay": stay["readmission_of_id"] or 0,
        }
        for statement in STAY_SQL[1:]:
            connection.execute(text(statement), params).all()
        connection.execute(
            text(AUDIT_SQL), {"patient": stay["patient_id"], "visit": stay["visit_number"]}
        )


class RecordingRunner:
    """Runs each task at once, in order; adds up the seconds spent in the task functions."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.tasks = 0

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        started = time.perf_counter()
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to the step, as the real runner does
            self.seconds += time.perf_counter() - started
            self.tasks += 1
            on_error(exc)
            return
        self.seconds += time.perf_counter() - started
        self.tasks += 1
        on_success(result)


def bench_user(db: Database) -> Actor:
    ensure_bench_user(db)
    with UnitOfWork(db, load_site_config()) as uow:
        user = uow.session.scalar(select(User).where(User.username == BENCH_USER))
        assert user is not None
        return auth.actor_for(user, auth.unit_ids_of(uow, user.id))


def measure(db: Database, stays: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.workspace.page import PatientWorkspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    site = load_site_config()
    actor = bench_user(db)
    with UnitOfWork(db, site) as uow:
        rows = encounters.list_stays(uow, actor, StayFilter.worklist(), limit=stays + 1)
    runner = RecordingRunner()
    ctx = AppContext(db, site, runner, actor=actor)
    statements = [0]

    def count(*_args: Any) -> None:
        statements[0] += 1

    opened, baseline, counts = [], [], []
    for n, row in enumerate(rows):
        runner.seconds, runner.tasks, statements[0] = 0.0, 0, 0
        event.listen(db.engine, "before_cursor_execute", count)
        page = PatientWorkspace(ctx, row)
        page.reload()
        event.remove(db.engine, "before_cursor_execute", count)
        assert page.detail is not None, "the stay did not load"
        page.deleteLater()
        started = time.perf_counter()
        hand_written(db, row.encounter_id)
        if n:  # the first stay warms caches and connections
            opened.append(runner.seconds * 1000)
            baseline.append((time.perf_counter() - started) * 1000)
            counts.append(statements[0])
    app.processEvents()
    return {
        "open_ms": statistics.median(opened),
        "sql_ms": statistics.median(baseline),
        "statements": statistics.median(counts),
        "tasks": runner.tasks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", choices=sorted(dataset.ENCOUNTER_SIZES), default="100k")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--stays", type=int, default=20)
    args = parser.parse_args(argv)
    print("| database | open a workspace | hand-written SQL | ratio | statements | tasks |")
    print("|---|---|---|---|---|---|")
    for kind in ["sqlite", "postgresql"] if args.postgres else ["sqlite"]:
        db = dataset.database(kind, dataset.ENCOUNTER_SIZES[args.size])
        r = measure(db, args.stays)
        db.dispose()
        print(
            f"| {kind} ({args.size}) | {r['open_ms']:.1f} ms | {r['sql_ms']:.1f} ms "
            f"| {r['open_ms'] / r['sql_ms']:.1f}x | {r['statements']:.0f} | {r['tasks']} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
