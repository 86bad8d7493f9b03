"""Render the main screens to PNG files for review (not a test).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshots [out_dir]
    TRANSITIONS_UI_LANGUAGE=es ... (the Spanish UI; `make translations` first)

Builds a temporary SQLite database with a realistic synthetic ward (the demo generator when it
exists, else a smaller hand-made ward), signs in, and saves screenshots to ``screenshots/``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from transitions.config import SiteConfig, load_site_config
from transitions.db import migrate
from transitions.db.engine import Database
from transitions.db.models import (
    Allergy,
    Diagnosis,
    Encounter,
    LabResult,
    MedicationEntry,
    Patient,
    Provider,
    Unit,
)
from transitions.domain.encounter_status import EncounterStatus
from transitions.domain.enums import (
    AdmissionType,
    AllergySeverity,
    CodeSystem,
    EncounterClass,
    MedicationList,
    MedicationSource,
    Sex,
)
from transitions.services import auth
from transitions.services.uow import UnitOfWork
from ui.context import AppContext
from ui.dialogs.database import DatabaseConnectionDialog
from ui.dialogs.first_admin import CreateAdminDialog
from ui.dialogs.sign_in import SignInDialog
from ui.i18n import install_translators, ui_language
from ui.main_window import MainWindow
from ui.tasks import SynchronousRunner
from ui.workspace.page import PatientWorkspace

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "screenshots only 1"

FAMILY = [
    "Quigley",
    "Abernathy",
    "Quintero",
    "Nakamura",
    "Okonkwo",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Kowalski",
    "Brennan",
    "Alvarez",
    "Dubois",
    "Fitzgerald",
    "Ivanova",
    "Jensen",
    "Kaur",
    "Larsen",
    "Mbeki",
    "Nguyen",
    "Oyelaran",
    "Petrov",
    "Rossi",
    "Santos",
    "Tanaka",
    "Umarov",
    "Varga",
    "Whitaker",
    "Yilmaz",
    "Zimmerman",
    "Castillo",
]
GIVEN_F = [
    "Maren",
    "Lucía",
    "Aiko",
    "Ngozi",
    "Astrid",
    "Layla",
    "Camille",
    "Agnieszka",
    "Siobhan",
    "Rosa",
    "Elena",
]
GIVEN_M = [
    "Joel",
    "Tomasz",
    "Chidi",
    "Erik",
    "Karim",
    "Julien",
    "Declan",
    "Mateo",
    "Viktor",
    "Hiro",
    "Amir",
]
DIAGNOSES = [
    ("I50.23", "Acute on chronic systolic (congestive) heart failure"),
    ("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation"),
    ("J18.9", "Pneumonia, unspecified organism"),
    ("N17.9", "Acute kidney failure, unspecified"),
    ("A41.9", "Sepsis, unspecified organism"),
    ("E11.9", "Type 2 diabetes mellitus without complications"),
    ("I10", "Essential (primary) hypertension"),
    ("I48.91", "Unspecified atrial fibrillation"),
    ("N18.3", "Chronic kidney disease, stage 3 (moderate)"),
    ("F03.90", "Unspecified dementia without behavioral disturbance"),
]
MEDS = [
    ("furosemide", "40 mg", "oral", "daily"),
    ("metformin", "500 mg", "oral", "BID"),
    ("lisinopril", "10 mg", "oral", "daily"),
    ("apixaban", "5 mg", "oral", "BID"),
    ("atorvastatin", "40 mg", "oral", "nightly"),
    ("albuterol HFA", "2 puffs", "inhaled", "q4h"),
    ("insulin glargine", "18 units", "subcutaneous", "nightly"),
]
ALLERGIES = [
    ("penicillin", "hives"),
    ("sulfa drugs", "rash"),
    ("codeine", "nausea"),
    ("latex", None),
]


def seed_hand_made(uow: UnitOfWork, now: datetime, patients: int = 48) -> None:
    rng = random.Random(7)
    s = uow.session
    units = [
        Unit(code="4W", name="4 West Medicine", active=True),
        Unit(code="5E", name="5 East Cardiology", active=True),
        Unit(code="6N", name="6 North Surgery", active=True),
    ]
    s.add_all(units)
    doctors = [
        Provider(family_name="Okafor", given_name="Ada", credentials="MD"),
        Provider(family_name="Reyes", given_name="Daniel", credentials="MD"),
        Provider(family_name="Chen", given_name="Wei", credentials="DO"),
    ]
    s.add_all(doctors)
    s.flush()
    for n in range(patients):
        female = n % 2 == 0
        language = "es" if n % 7 == 3 else ("vi" if n % 11 == 5 else "en")
        patient = Patient(
            mrn=f"{400100 + n * 37:07d}",
            family_name=FAMILY[n % len(FAMILY)],
            given_name=rng.choice(GIVEN_F if female else GIVEN_M),
            birth_date=date(1935 + rng.randint(0, 60), rng.randint(1, 12), rng.randint(1, 28)),
            sex=Sex.FEMALE if female else Sex.MALE,
            preferred_language=language,
            interpreter_needed=language != "en",
            phone=f"(555) 01{n % 10}-{1000 + n:04d}",
            address_line=f"{10 + n} Elm Street",
            city="Riverside",
            state="NY",
            postal_code="10999",
            caregiver_name="Sam " + FAMILY[(n + 3) % len(FAMILY)] if n % 3 == 0 else None,
            caregiver_relation="daughter" if n % 3 == 0 else None,
            caregiver_phone="(555) 014-2222" if n % 3 == 0 else None,
            pcp=doctors[n % 3],
            preferred_pharmacy="Main Street Pharmacy, (555) 019-3000",
        )
        for substance, reaction in rng.sample(ALLERGIES, k=rng.choice([0, 0, 1, 2])):
            patient.allergies.append(
                Allergy(substance=substance, reaction=reaction, severity=AllergySeverity.MODERATE)
            )
        admit = now - timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 20))
        plan_offset = rng.choice([None, 0, 0, 0, 1, 1, 2, 3])
        planned = None
        status = EncounterStatus.ADMITTED
        if plan_offset is not None:
            planned = (now + timedelta(days=plan_offset)).replace(
                hour=rng.choice([15, 16, 17, 19]), minute=0, second=0, microsecond=0
            )
            status = rng.choice([EncounterStatus.DISCHARGE_PLANNED, EncounterStatus.READY])
        stay = Encounter(
            visit_number=f"V{900000 + n}",
            patient=patient,
            encounter_class=EncounterClass.INPATIENT,
            unit_id=units[n % 3].id,
            room=str(400 + (n % 3) * 100 + n),
            bed="AB"[n % 2],
            admit_time=admit,
            planned_discharge_time=planned,
            admission_type=AdmissionType.EMERGENCY,
            hospital_service="MED",
            attending_id=doctors[(n + 1) % 3].id,
            status=status,
        )
        for rank, (code, text) in enumerate(rng.sample(DIAGNOSES, k=rng.randint(2, 5)), start=1):
            stay.diagnoses.append(
                Diagnosis(
                    code_system=CodeSystem.ICD10CM,
                    code=code,
                    description=text,
                    principal=rank == 1,
                    rank=rank,
                )
            )
        drawn = now - timedelta(hours=6)
        for loinc, name, value, unit in (
            ("718-7", "Hemoglobin", "11.2", "g/dL"),
            ("2951-2", "Sodium", "133", "mmol/L"),
            ("2823-3", "Potassium", "4.1", "mmol/L"),
            ("2160-0", "Creatinine", "1.4", "mg/dL"),
        ):
            stay.labs.append(
                LabResult(
                    loinc_code=loinc, name=name, value=Decimal(value), unit=unit, observed_at=drawn
                )
            )
        for drug, dose, route, freq in rng.sample(MEDS, k=rng.randint(2, 6)):
            stay.medications.append(
                MedicationEntry(
                    list_kind=MedicationList.HOME,
                    drug_name=drug,
                    dose=dose,
                    route=route,
                    frequency=freq,
                    prn=drug.startswith("albuterol"),
                    source=rng.choice(list(MedicationSource)[:3]),
                    recorded_at=admit + timedelta(hours=2),
                )
            )
        s.add(stay)
    uow.commit()


def build_database(path: Path, site: SiteConfig, now: datetime) -> Database:
    db = Database.open(f"sqlite:///{path}")
    migrate.upgrade(db.engine)
    try:
        from transitions.demo.generator import generate_demo  # type: ignore[import-not-found]
    except ImportError:
        with UnitOfWork(db, site, now=lambda: now) as uow:
            seed_hand_made(uow, now)
    else:
        tz = site.timezone
        generate_demo(db, patients=300, seed=7, today=now.astimezone(tz).date(), tz=tz)
    return db


def save(widget: QWidget, out: Path, name: str) -> Path:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    target = out / name
    widget.grab().save(str(target))
    print(target)
    return target


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else REPO / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    app.setApplicationName("Transitions")
    install_translators(app, ui_language())  # TRANSITIONS_UI_LANGUAGE=es for the Spanish UI
    site = load_site_config()
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(Path(tmp) / "screens.db", site, now)
        with UnitOfWork(db, site) as uow:
            actor = auth.create_first_admin(uow, "mgarcia", "María García, RN", PASSWORD, PASSWORD)

        sign_in = SignInDialog(site.hospital_name)
        sign_in.prefill("mgarcia")
        sign_in.show()
        save(sign_in, out, "01-sign-in.png")
        sign_in.show_error("The user name or password is not right.")
        save(sign_in, out, "02-sign-in-error.png")
        sign_in.close()

        admin = CreateAdminDialog(site.min_password_length)
        admin.edits["username"].setText("admin")
        admin.edits["display_name"].setText("Ward Administrator")
        admin.show()
        admin.show_error("The password must be at least 12 characters long.", "password")
        save(admin, out, "03-create-admin.png")
        admin.close()

        database = DatabaseConnectionDialog(
            "Cannot open database 'postgresql+psycopg://ward:***@db.hospital.local:5432/"
            "transitions': connection refused",
            "postgresql+psycopg://ward:***@db.hospital.local:5432/transitions",
        )
        database.show()
        save(database, out, "04-database.png")
        database.close()

        ctx = AppContext(db, site, SynchronousRunner(), actor=actor)
        window = MainWindow(ctx)
        window.resize(1400, 850)
        window.start()
        save(window, out, "05-worklist.png")

        rows = window.worklist.model.rows()
        chosen = max(rows, key=lambda r: (r.interpreter_needed, r.length_of_stay_days))
        with UnitOfWork(db, site) as uow:
            from transitions.services.encounters import get_stay

            rich = [
                r
                for r in rows
                if len(get_stay(uow, actor, encounter_id=r.encounter_id).allergies) >= 1
                and len(get_stay(uow, actor, encounter_id=r.encounter_id).diagnoses) >= 3
            ]
        chosen = rich[0] if rich else chosen
        page = window.open_stay(chosen)
        assert isinstance(page, PatientWorkspace)
        save(window, out, "06-workspace.png")

        interpreted = [
            r for r in rows if r.interpreter_needed and r.encounter_id != chosen.encounter_id
        ]
        if interpreted:
            window.open_stay(interpreted[0])
            save(window, out, "07-workspace-interpreter.png")

        window.show_worklist()
        worklist = window.worklist
        worklist.unit_combo.setCurrentIndex(1)
        worklist.date_combo.setCurrentIndex(1)  # Planned today
        save(window, out, "08-worklist-today.png")
        worklist.search_edit.setText("zzz")
        save(window, out, "09-worklist-empty.png")
        window.close()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
