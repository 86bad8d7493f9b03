"""Discharge readiness in the Spanish UI (both databases): the header's readiness tooltips, the
Discharge step's checklist and the refused sign-off read in Spanish, with the right numbers,
names as entered and the education titles in Spanish."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.discharge_helpers import Stay, seed_stay
from transitions.db.appointments_models import HomeService, PendingTest
from transitions.db.models import Encounter, MedicationEntry
from transitions.domain.appointments import HomeServiceKind, PatientNotification
from transitions.domain.education.catalog import load_catalog
from transitions.domain.enums import MedicationList, MedicationSource
from transitions.services import education, readiness
from transitions.services.education import TeachingEntry
from transitions.services.readiness import Readiness
from transitions.services.uow import Actor, UnitOfWork
from ui.context import AppContext
from ui.i18n import install_translators, remove_translators
from ui.workspace.discharge import DischargeStep
from ui.workspace.readiness_bar import ReadinessBar

MakeUow = Callable[[], UnitOfWork]


@pytest.fixture
def spanish_ui(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    from tests.ui.test_translations import TS, ut

    directory = tmp_path_factory.mktemp("qm-readiness")
    ut.lrelease(TS, directory / "transitions_es.qm")
    assert install_translators(qapp, "es", directory=str(directory))
    yield
    remove_translators(qapp)


@pytest.fixture
def nurse_ctx(ctx: AppContext, admin: Actor) -> AppContext:
    ctx.actor = Actor(admin.user_id, admin.username, "Dana Lee, RN", roles=frozenset({"nurse"}))
    return ctx


@pytest.fixture
def stay(make_uow: MakeUow, nurse_ctx: AppContext) -> tuple[Stay, str, str]:
    """Two home medicines undecided, no PCP follow-up, a pending result nobody owns, a home
    service without a start date, one item left at "needs reinforcement" without a plan, no
    packet, no risk score. Returns the stay and that item's Spanish module and item titles."""
    stay = seed_stay(make_uow, with_user=False)
    with make_uow() as uow:
        s = uow.session
        encounter = s.get(Encounter, stay.id)
        assert encounter is not None
        encounter.medications.append(
            MedicationEntry(
                list_kind=MedicationList.HOME, drug_name="metoprolol", dose="25 mg",
                route="oral", frequency="twice daily", source=MedicationSource.PATIENT,
                recorded_at=encounter.admit_time,
            )
        )  # fmt: skip
        s.add(
            PendingTest(
                encounter_id=stay.id, test_name="Blood culture", expected_on=encounter.admit_time,
                notify_by=PatientNotification.PHONE, recorded_by="feed",
            )
        )  # fmt: skip
        s.add(
            HomeService(
                encounter_id=stay.id, kind=HomeServiceKind.OXYGEN,
                description="Oxygen concentrator", recorded_by="rn.lee",
            )
        )  # fmt: skip
        uow.commit()
    actor = nurse_ctx.require_actor()
    with make_uow() as uow:
        view = education.get_education(uow, actor, stay.id)
    module = view.modules[0]
    item = module.items[0]
    entry = TeachingEntry(
        module.module_id, item.item_id, "patient", "verbal", "needs_reinforcement"
    )
    with make_uow() as uow:
        education.record_teaching(uow, actor, stay.id, entry)
    spec = load_catalog().get(module.module_id)
    return stay, spec.title.es, spec.item(item.item_id).title.es


def shot(qtbot: QtBot, texts: list[str], path: str) -> None:
    """A picture of tooltip texts (tooltips themselves are not in a widget's grab)."""
    label = QLabel("\n\n".join(texts))
    label.setMargin(8)
    qtbot.addWidget(label)
    label.setFixedSize(label.sizeHint())
    label.grab().save(path)


def readiness_of(make_uow: MakeUow, ctx: AppContext, stay_id: int) -> Readiness:
    with make_uow() as uow:
        return readiness.stay_readiness(uow, ctx.require_actor(), stay_id)


def test_readiness_reads_in_spanish(
    qtbot: QtBot,
    spanish_ui: None,
    nurse_ctx: AppContext,
    stay: tuple[Stay, str, str],
    make_uow: MakeUow,
    message_boxes: object,
) -> None:
    seeded, module_es, item_es = stay
    shown = readiness_of(make_uow, nurse_ctx, seeded.id)
    english = {p for s in shown.steps.values() for p in s.problems}
    english |= {i.detail for i in shown.red_checklist}

    # -- the workspace header's readiness bar ------------------------------------------------
    bar = ReadinessBar()
    qtbot.addWidget(bar)
    bar.show_readiness(shown)
    tips = {key: button.toolTip().split("\n") for key, button in bar.buttons.items()}
    assert tips["medications"][1:] == [
        "2 medicamentos de casa sin decisión",
        "2 problemas de seguridad por resolver o aceptar",  # the two omissions
        "La conciliación de medicamentos no está firmada",
    ]
    appointments = tips["appointments"][1:]
    assert appointments[0].startswith(
        "No hay seguimiento programado con atención primaria: vence el "
    )
    assert appointments[1:] == [
        "El resultado pendiente «Blood culture» no tiene un clínico responsable",
        "El servicio a domicilio «Oxygen concentrator» no tiene fecha de inicio",
    ]
    assert tips["education"][1] == f"{module_es}: «{item_es}» necesita refuerzo y no tiene plan"
    assert tips["packet"][1:] == ["Aún no se ha impreso el paquete de alta"]
    assert tips["risk"][1:] == ["Riesgo de reingreso (LACE, HOSPITAL) sin calcular"]
    overall = bar.overall.toolTip().split("\n")
    assert (
        "○ Plan para los resultados pendientes al alta: Sin clínico responsable para: Blood culture"
        in overall
    )  # noqa: E501
    services = next(line for line in overall if "Oxygen concentrator" in line)
    assert services.endswith("Oxygen concentrator: sin fecha de inicio")
    everything = [line for lines in tips.values() for line in lines] + overall
    leaked = [line for line in everything if any(text and text in line for text in english)]
    assert not leaked, leaked
    shot(qtbot, [b.toolTip() for b in bar.buttons.values()] + [bar.overall.toolTip()],
         "/tmp/i18n-readiness-tooltips-es.png")  # fmt: skip

    # -- the Discharge step's lists ----------------------------------------------------------
    step = DischargeStep(nurse_ctx, seeded.id)
    qtbot.addWidget(step)
    step.resize(1200, 860)
    step.show()
    qtbot.waitExposed(step)
    step.reload()
    rows = {step.items_model.row_at(r).key: r for r in range(step.items_model.rowCount())}

    def item_tip(key: str) -> str:
        return str(step.items_model.index(rows[key], 3).data(Qt.ItemDataRole.ToolTipRole))

    assert item_tip("pending_results") == "Sin clínico responsable para: Blood culture"
    assert item_tip("medrec_signed") == (
        "2 medicamentos de casa sin decisión; 2 problemas de seguridad por resolver o aceptar; "
        "La conciliación de medicamentos no está firmada"
    )
    assert item_tip("education") == "1 módulo enseñado"  # singular: Qt plural forms
    assert item_tip("phone_call").startswith("Llamada de seguimiento creada al alta, para el ")
    assert item_tip("language") == "Inglés; no necesita intérprete"
    steps = {step.steps_model.row_at(r).key: r for r in range(step.steps_model.rowCount())}
    medications = step.steps_model.index(steps["medications"], 2)
    assert medications.data(Qt.ItemDataRole.ToolTipRole) == "\n".join(tips["medications"][1:])
    tips_in_step = [
        str(model.index(r, column).data(Qt.ItemDataRole.ToolTipRole))
        for model, column in ((step.items_model, 3), (step.steps_model, 2))
        for r in range(model.rowCount())
    ]
    leaked = [tip for tip in tips_in_step if any(text and text in tip for text in english)]
    assert not leaked, leaked
    qtbot.wait(50)
    step.grab().save("/tmp/i18n-discharge-step-es.png")
    shot(qtbot, tips_in_step, "/tmp/i18n-discharge-tooltips-es.png")

    # -- the sign-off refused by the service (e.g. another workstation changed the stay) -------
    step.explanation = lambda: ""  # type: ignore[method-assign]
    step.disposition_combo.setCurrentIndex(step.disposition_combo.findData("home"))
    step._update_buttons()
    step.discharge_patient()
    qtbot.wait(50)
    step.grab().save("/tmp/i18n-discharge-refused-es.png")
    qtbot.waitUntil(lambda: not step._loading)  # the checklist reloaded after the refusal
    assert step.error_label.isVisibleTo(step)  # and the refusal is still there to read
    refused = step.error_label.text().split("\n")
    assert refused[0] == "El alta fue rechazada:"
    assert (
        "Medicamentos conciliados según las guías (lo certifica la enfermera): impide el alta "
        "(política del centro): 2 medicamentos de casa sin decisión; 2 problemas de seguridad "
        "por resolver o aceptar; La conciliación de medicamentos no está firmada"
    ) in refused
    assert any(
        line.startswith("Plan para los resultados pendientes al alta: falta; acéptelo indicando un "
                        "motivo: Sin clínico responsable para: Blood culture")
        for line in refused
    )  # fmt: skip
    leaked = [line for line in refused if any(text and text in line for text in english)]
    assert not leaked, leaked


SAMPLE = {
    "n": 2, "total": 6, "done": 4, "version": 3, "deadline": "2026-12-03", "due": "2026-11-30",
    "when": "2026-11-26 09:15", "language": "es", "domain": "food", "need": "food",
    "section": "Social needs", "section_es": "Necesidades sociales", "module": "Heart failure",
    "module_es": "Insuficiencia cardíaca", "item": "Daily weights", "item_es": "Pesarse a diario",
    "description": "Food insecurity", "description_es": "Inseguridad alimentaria",
    "code": "no_pcp_follow_up", "tier": "high", "message": "no PCP follow-up booked",
}  # fmt: skip


def test_every_message_key_reads_in_spanish(spanish_ui: None) -> None:
    """Each key, with sample values, gives a Spanish sentence (not the English fallback)."""
    import string

    from transitions.services.readiness_messages import (
        ENGLISH,
        MessageKey,
        joined,
        say,
    )
    from ui.workspace.readiness_text import message_text

    for key in MessageKey:
        template = ENGLISH[key]
        templates = template if isinstance(template, tuple) else (template,)
        names = {f for t in templates for _, f, _, _ in string.Formatter().parse(t) if f}
        if key is MessageKey.JOINED:
            message = joined([say(MessageKey.RED_NO_PHONE), say(MessageKey.PACKET_NONE)])
        else:
            params = {name: SAMPLE.get(name, "Ana Ruiz") for name in names}
            if key is MessageKey.APPOINTMENT_WARNING:
                params.update(code="no_pcp_follow_up", deadline="2026-12-03", tier="high")
            if "domain" in params or key.value.startswith("careplan.need"):
                params.update(domain="food", description_es="Inseguridad alimentaria")
            for name in ("section", "module", "item", "description"):
                if name in params:
                    params[f"{name}_es"] = SAMPLE[f"{name}_es"]
            message = say(key, **params)
        spanish = message_text(message)
        assert spanish and spanish != message.text, key
        assert "{" not in spanish and "%n" not in spanish, (key, spanish)
    unanswered = say(MessageKey.ASSESSMENT_UNANSWERED, section="Social needs",
                     section_es="Necesidades sociales", n=1)  # fmt: skip
    assert message_text(unanswered) == "Necesidades sociales: 1 pregunta sin responder"
    need = say(MessageKey.CAREPLAN_NEED_NO_REFERRAL, need="food", domain="food",
               description="Food insecurity", description_es="Inseguridad alimentaria")  # fmt: skip
    assert (
        message_text(need) == "Necesidad «Alimentación» (Inseguridad alimentaria): sin derivación"
    )
