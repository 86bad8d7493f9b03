"""Demo assessments on both databases: some current inpatients assessed, needs from the same
rules as the service, deterministic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sqlalchemy import func, select

from tests.db.test_demo import TODAY
from transitions.config import SiteConfig
from transitions.db.assessment_models import Assessment, AssessmentAnswer, Need
from transitions.db.engine import Database
from transitions.demo.generator import generate_demo
from transitions.services import assessment
from transitions.services.uow import Actor, UnitOfWork

UowFactory = Callable[[], UnitOfWork]


def test_demo_assesses_some_inpatients_with_a_few_positive_screens(
    database: Database, site: SiteConfig, make_uow: UowFactory, actor: Actor
) -> None:
    generate_demo(database, patients=120, seed=7, today=TODAY, tz=site.timezone)
    with make_uow() as uow:
        session = uow.session
        assessed = session.scalars(select(Assessment.encounter_id).order_by(Assessment.id)).all()
        domains = Counter(session.scalars(select(Need.domain)).all())
        answers = session.scalar(select(func.count()).select_from(AssessmentAnswer))
    assert len(assessed) >= 4
    assert answers is not None and answers > 40 * len(assessed) // 2
    assert {"food", "transportation", "housing", "utilities", "functional"} <= {
        d.value for d in domains
    }
    # the service sees the same needs the generator wrote, and agrees they are positive
    for encounter_id in assessed:
        with make_uow() as uow:
            view = assessment.get_assessment(uow, actor, encounter_id)
        positive = {s.domain.value for s in view.screens if s.positive}
        assert {n.domain for n in view.needs} == positive
        assert all(a.recorded_by == "demo" for a in view.answers.values() if not a.derived)
    states = []
    for encounter_id in assessed:
        with make_uow() as uow:
            stay = assessment.load_stay(uow, encounter_id)
            states.append(assessment.assessment_readiness(uow, stay)[0])
    assert {"done", "warning", "in_progress"} <= set(states)
