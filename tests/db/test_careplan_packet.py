"""The packet's "My goals" section from the stay's goals, in the patient's language (PDF text)."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from tests.careplan_seed import UowFactory, seed_stay, user_actor
from transitions.domain.careplan import GoalStatus
from transitions.services import goals, packets
from transitions.services.goals import GoalInput


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_my_goals_in_english_and_spanish(make_uow: UowFactory) -> None:
    stay = seed_stay(make_uow, language="es", resources=False)
    nurse = user_actor(make_uow, "nurse")
    made = []
    for words, target, by in (
        ("Quiero caminar a la iglesia", "Walk 10 minutes twice a day", date(2026, 12, 16)),
        ("Weigh myself", "Every morning; call if up 2 lb in a day", date(2026, 12, 3)),
        ("Dropped goal", "Not printed", date(2026, 12, 10)),
    ):
        with make_uow() as uow:
            made.append(goals.add_goal(uow, nurse, stay.encounter_id, GoalInput(words, target, by)))
    with make_uow() as uow:  # only active goals are printed
        goals.set_goal_status(uow, nurse, made[2], GoalStatus.REVISED, expected_version=1)

    with make_uow() as uow:  # the patient's language (Spanish) by default
        spanish = text_of(packets.generate_packet(uow, nurse, encounter_id=stay.encounter_id).pdf)
    assert "Mis metas" in spanish and "Mi meta, en mis palabras" in spanish
    assert "\u201cQuiero caminar a la iglesia\u201d" in spanish
    assert "Walk 10 minutes twice a day" in spanish
    assert "16 de diciembre de 2026" in spanish
    # soonest target first
    assert spanish.index("Weigh myself") < spanish.index("Quiero caminar")
    assert "Dropped goal" not in spanish

    with make_uow() as uow:
        english = text_of(
            packets.generate_packet(uow, nurse, encounter_id=stay.encounter_id, language="en").pdf
        )
    assert "My goals" in english and "How I will know I am on track" in english
    assert "Thursday, December 3, 2026" in english
