"""The packet prints what the workflows recorded: signed medicines in their groups and the
education that was taught, with its warning signs (both databases; text read back with pypdf)."""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader

from tests.db.test_medrec import nurse, seed
from transitions.domain.education.enums import Learner, Method, TeachBackResult
from transitions.domain.medrec.workflow import DecisionKind
from transitions.services import education, medrec, packets
from transitions.services.education import TeachingEntry
from transitions.services.medrec import MedInput
from transitions.services.uow import Actor, UnitOfWork

MakeUow = Callable[[], UnitOfWork]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _reconcile(make_uow: MakeUow, stay: int, ids: dict[str, int]) -> None:
    rn = nurse()
    steps: list[tuple[str, DecisionKind, dict[str, object]]] = [
        ("furosemide", DecisionKind.CONTINUE, {}),
        (
            "metformin",
            DecisionKind.CHANGE,
            {
                "change": MedInput(drug="metformin", dose="1,000 mg", route="po", frequency="BID"),
                "reason_code": "dose_adjusted_clinical",
                "reason_text": "A1c 9.1",
            },
        ),
        ("Eliquis", DecisionKind.STOP, {"reason_code": "replaced"}),
        ("enoxaparin", DecisionKind.STOP, {"reason_code": "inpatient_only"}),
        ("insulin glargine", DecisionKind.NEW, {}),
    ]
    view = None
    for drug, kind, extra in steps:
        with make_uow() as uow:
            view = medrec.decide(uow, rn, ids[drug], kind, **extra)  # type: ignore[arg-type]
    assert view is not None
    for problem in view.problems:
        if problem.blocking and not problem.acknowledged:
            with make_uow() as uow:
                view = medrec.acknowledge(uow, rn, stay, problem.key, "discussed with team")
    with make_uow() as uow:
        medrec.sign(uow, rn, stay, expected_version=view.version_id)


def test_packet_has_signed_medicines_and_taught_education(make_uow: MakeUow, actor: Actor) -> None:
    stay, ids = seed(make_uow)
    with make_uow() as uow:
        before = packets.generate_packet(uow, actor, encounter_id=stay, language="en")
    assert "not final" in text_of(before.pdf)

    _reconcile(make_uow, stay, ids)
    with make_uow() as uow:
        education.record_teaching(
            uow,
            actor,
            stay,
            TeachingEntry(
                module_id="heart-failure",
                item_id="daily-weight",
                learner=Learner.PATIENT,
                method=Method.VERBAL,
                result=TeachBackResult.UNDERSTOOD,
            ),
        )
    with make_uow() as uow:
        after = packets.generate_packet(uow, actor, encounter_id=stay, language="en")
    assert after.new and after.info.version > before.info.version
    text = text_of(after.pdf)
    assert "not final" not in text
    for heading in ("NEW", "CHANGED", "KEEP TAKING", "STOP TAKING"):
        assert heading in text, heading
    assert "insulin glargine" in text and "metformin" in text and "Eliquis" in text
    assert "A1c 9.1" in text  # why the dose changed
    assert "Heart failure" in text
    assert "You gain 2 to 3 pounds in one day" in text  # call your doctor if
    with make_uow() as uow:
        spanish = packets.generate_packet(uow, actor, encounter_id=stay, language="es")
    assert "Sube de 2 a 3 libras" in text_of(spanish.pdf)
