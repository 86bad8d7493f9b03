"""Synthetic HL7 v2 ADT messages (fictional people) for the interface tests."""

from __future__ import annotations


def adt(
    event: str,
    *,
    control_id: str = "C1",
    mrn: str = "MR1001",
    authority: str = "GHH",
    visit: str = "V9001",
    patient_class: str = "I",
    unit: str = "4W",
    admit: str = "202611200830",
    discharge: str = "",
    disposition: str = "",
    family: str = "Testperson",
    given: str = "Alma",
    birth: str = "19480314",
    extra: str = "",
) -> str:
    segments = [
        f"MSH|^~\\&|ADT|GHH|TRANS|GHH|20261125090000||ADT^{event}^ADT_A01|{control_id}|P|2.5",
        f"EVN|{event}|20261125090000",
        f"PID|1||{mrn}^^^{authority}^MR~999-99-9999^^^SSA^SS||{family}^{given}^Q||{birth}|F|||"
        "12 Elm St^^Springfield^IL^62701||(217)555-0100||spa",
        "NK1|1|Testperson^Ben|SPO^Spouse|12 Elm St^^Springfield^IL|(217)555-0101",
        f"PV1|1|{patient_class}|{unit}^412^A||||1234567890^Okafor^Ada|||MED|||||||||"
        f"{visit}^^^{authority}^VN|||||||||||||||||{disposition}||||||||{admit}|{discharge}",
    ]
    if extra:
        segments.append(extra)
    return "\r".join(segments)
