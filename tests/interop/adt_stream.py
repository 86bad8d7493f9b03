"""A seeded, varied ADT stream (fictional people) for the batch-ingest tests: admissions, ED
registrations, transfers, updates with diagnoses, allergies and labs, discharges, late updates,
cancellations and their undo, readmissions within 30 days, person updates, duplicates, two
assigning authorities sharing MRNs and visit numbers, unknown wards and doctors, and messages
that must be quarantined (unknown stays, illegal transitions, unreadable text)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

FAMILIES = ["Testperson", "Samplewood", "Examplar", "Mockley", "Fictus", "Placeholt"]
GIVEN = ["Alma", "Ben", "Cora", "Dev", "Eli", "Faye", "Gus", "Hana"]
DIAGNOSES = [
    ("I50.23", "Acute on chronic systolic heart failure", "I10"),
    ("E11.9", "Type 2 diabetes", "I10"),
    ("J44.1", "COPD with exacerbation", "I10"),
    ("N18.4", "CKD stage 4", "I10"),
    ("C34.90", "Lung cancer", "I10"),
    ("I21.4", "NSTEMI", "I10"),
    ("ZZZ.99", "Not a code", "I10"),
    ("84114007", "Heart failure", "SCT"),
    ("42731", "Atrial fibrillation", "I9"),
]
ALLERGENS = ["Penicillin", "penicillin", "Latex", "Sulfa", "Codeine"]


def _ts(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M")


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.serial = 0

    def message(
        self,
        event: str,
        when: datetime,
        person: dict[str, str],
        visit: dict[str, str] | None,
        *,
        discharge: datetime | None = None,
        extra: list[str] | None = None,
    ) -> str:
        self.serial += 1
        rng = self.rng
        control = f"S{self.serial:05d}"
        segments = [
            f"MSH|^~\\&|ADT|{person['authority']}|TRANS|GHH|{_ts(when)}||ADT^{event}|{control}|P|2.5",
            f"EVN|{event}|{_ts(when)}",
            f"PID|1||{person['mrn']}^^^{person['authority']}^MR||{person['family']}^"
            f"{person['given']}||{person['birth']}|{rng.choice(['F', 'M', 'X', ''])}|||"
            f"{rng.randint(1, 99)} Elm St^^Springfield^IL^62701||(217)555-01{rng.randint(10, 99)}"
            f"||{rng.choice(['en', 'spa', '', 'vie'])}",
        ]
        if rng.random() < 0.3:
            segments.append("PD1||||1234567890^Okafor^Ada")
        if rng.random() < 0.3:
            segments.append("NK1|1|Testperson^Ben|SPO^Spouse||(217)555-0101")
        if visit is not None:
            unit = rng.choice(["4W", "4W", "4W", "9Z", ""])
            doctor = rng.choice(["1234567890^Okafor^Ada", "^Okafor^Ada", "^Nobody^Ned", ""])
            disposition = rng.choice(["01", "03", "06", "XX"]) if discharge else ""
            admission = rng.choice(["E", "R", "U", "ZZ", ""])
            pv1 = (
                f"PV1|1|{visit['class']}|{unit}^4{rng.randint(10, 30)}^A|{admission}|||{doctor}"
                f"|||{rng.choice(['MED', 'ONC', 'CAR'])}|||||||||{visit['number']}^^^"
                f"{person['authority']}^VN|||||||||||||||||{disposition}||||||||"
                f"{visit['admit']}|{_ts(discharge) if discharge else ''}"
            )
            segments.append(pv1)
            if rng.random() < 0.2:
                expected = datetime.strptime(visit["admit"], "%Y%m%d%H%M") + timedelta(days=4)
                segments.append(f"PV2|||||||||{expected:%Y%m%d%H%M}")
        segments.extend(extra or [])
        return "\r".join(segments)

    def clinical(self, when: datetime) -> list[str]:
        rng = self.rng
        extra = []
        for n in range(rng.randint(0, 3)):
            code, text, system = rng.choice(DIAGNOSES)
            principal = "1" if rng.random() < 0.3 else ""
            extra.append(f"DG1|{n + 1}||{code}^{text}^{system}||||||||||||{principal}")
        for n in range(rng.randint(0, 2)):
            extra.append(f"AL1|{n + 1}|DA|^{rng.choice(ALLERGENS)}|{rng.choice(['MO', 'SV', ''])}")
        if rng.random() < 0.4:
            loinc, value = rng.choice([("718-7", "11.2"), ("2951-2", "131"), ("718-7", "x")])
            observed = _ts(when - timedelta(hours=rng.randint(0, 30)))
            extra.append(f"OBX|1|NM|{loinc}^Lab^LN||{value}|g/dL|||||F|||{observed}")
        return extra


def adt_stream(count: int = 400, seed: int = 2026) -> list[bytes]:
    """``count`` messages (give or take a visit) in a plausible but imperfect arrival order."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    timed: list[tuple[datetime, int, str]] = []
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    people = []
    for n in range(max(count // 12, 3)):
        authority = "GHH" if n % 5 else "OTH"
        mrn = f"MR{n % 17:04d}"  # some MRNs exist in both authorities
        people.append(
            {
                "authority": authority,
                "mrn": mrn,
                "family": rng.choice(FAMILIES),
                "given": rng.choice(GIVEN),
                "birth": f"19{rng.randint(30, 90)}0{rng.randint(1, 9)}1{rng.randint(0, 9)}",
            }
        )
    visit_no = 0
    order = 0
    while len(timed) < count:
        person = rng.choice(people)
        if rng.random() < 0.1:
            person = {**person, "family": rng.choice(FAMILIES) + "-Lee"}
        visit_no += 1
        number = f"V{visit_no:05d}"
        if person["authority"] == "OTH" and rng.random() < 0.5:
            number = f"V{rng.randint(1, visit_no):05d}"  # also used by the other authority
        admit = start + timedelta(hours=rng.randint(0, 24 * 300))
        ed = rng.random() < 0.2
        visit = {"class": "E" if ed else rng.choice(["I", "I", "I", "O", ""]), "number": number}
        visit["admit"] = _ts(admit)
        out = admit + timedelta(hours=rng.randint(4, 24 * 9))
        events: list[tuple[str, datetime, datetime | None]]
        if ed:
            events = [("A04", admit, None), ("A03", out, out)]
        else:
            events = [("A01", admit, None)]
            events += [
                ("A08", admit + timedelta(hours=k + 1), None) for k in range(rng.randint(0, 2))
            ]
            if rng.random() < 0.2:
                events.append(("A02", admit + timedelta(hours=5), None))
            flow = rng.random()
            if flow < 0.1:
                events.append(("A11", admit + timedelta(hours=6), None))
                if rng.random() < 0.5:
                    events.append(("A01", admit + timedelta(hours=7), None))
            else:
                events.append(("A03", out, out))
                if flow < 0.25:
                    events.append(("A13", out + timedelta(hours=1), None))
                    events.append(("A03", out + timedelta(hours=30), out + timedelta(hours=30)))
                if flow > 0.85:
                    events.append(("A08", out + timedelta(hours=2), None))
                if 0.8 < flow < 0.85:
                    events.append(("A11", out + timedelta(hours=3), None))
        if rng.random() < 0.1:
            events.append(("A31", admit + timedelta(hours=2), None))
        for event, when, discharge in events:
            extra = writer.clinical(when) if event in {"A01", "A04", "A08", "A03"} else []
            text = writer.message(
                event,
                when,
                person,
                None if event in {"A28", "A31"} else visit,
                discharge=discharge,
                extra=extra,
            )
            jitter = timedelta(hours=rng.choice([0, 0, 0, 0, -2, 3, -30]))
            order += 1
            timed.append((when + jitter, order, text))
            if rng.random() < 0.04:  # the sender resends it
                order += 1
                timed.append((when + jitter + timedelta(minutes=5), order, text))
    garbage = [
        "hello world",
        "MSH|^~\\&|LAB|GHH|TRANS|GHH|202601010000||ORU^R01|G1|P|2.5\rPID|1",
        "MSH|^~\\&|ADT|GHH|TRANS|GHH|202601010000||ADT^A99|G2|P|2.5\rPID|1",
        "MSH|^~\\&|ADT|GHH|TRANS|GHH|202601010000||ADT^A01|G3|P|2.5\rEVN|A01\rPV1|1|I",
        "MSH|^~\\&|ADT|GHH|TRANS|GHH|202601010000||ADT^A01|G4|P|2.5\rPID|1||NEW1^^^GHH^MR||"
        "\rPV1|1|I|4W" + "|" * 16 + "NV1^^^GHH^VN",
    ]
    for n, text in enumerate(garbage):
        timed.append((start + timedelta(days=30 * n + 1), -n, text))
    timed.sort(key=lambda item: (item[0], item[1]))
    return [text.encode("utf-8") for _, _, text in timed[: count + len(garbage)]]
