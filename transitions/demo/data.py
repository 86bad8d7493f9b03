"""The demo hospital's data files (``resources/demo/*.json``) as typed, validated objects.

Loading checks every ICD-10-CM code with :func:`check_diagnosis_code` and every drug reference
against the medication catalog, so a typo in a data file fails loudly instead of producing a
demo with invalid codes.
"""

from __future__ import annotations

from bisect import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from random import Random
from typing import Any, Generic, TypeVar

from transitions.domain.codes import check_diagnosis_code, discharge_dispositions
from transitions.domain.enums import AdmissionType, AllergySeverity, CodeSystem
from transitions.resources import load_json

T = TypeVar("T")


@dataclass(frozen=True)
class Weighted(Generic[T]):
    """Items with relative weights; :meth:`pick` draws one with a given random generator."""

    items: tuple[T, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def of(cls, pairs: Iterable[tuple[T, float]]) -> Weighted[T]:
        listed = list(pairs)
        if not listed:
            raise ValueError("a weighted choice needs at least one item")
        return cls(tuple(item for item, _ in listed), tuple(accumulate(w for _, w in listed)))

    def pick(self, rng: Random) -> T:
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True)
class Drug:
    name: str
    drug_class: str
    doses: tuple[str, ...]
    route: str
    frequencies: tuple[str, ...]
    prn: bool
    indication: str


@dataclass(frozen=True)
class RegimenGroup:
    """Taken with probability ``p``: one option (one or more drugs) and optionally a code."""

    p: float
    options: Weighted[tuple[str, ...]] | None
    code: str | None
    min_age: int


@dataclass(frozen=True)
class Condition:
    key: str
    codes: Weighted[str]
    prevalence: tuple[float, float]  # at age 50, at age 90
    sex: str | None
    female_factor: float
    regimen: tuple[RegimenGroup, ...]
    labs: Mapping[str, float]

    def probability(self, age: int, female: bool) -> float:
        p50, p90 = self.prevalence
        t = min(max((age - 50) / 40, -0.75), 1.1)
        p = max(p50 + (p90 - p50) * t, 0.0)
        if female and self.female_factor != 1.0:
            p *= self.female_factor
        return min(p, 0.95)


@dataclass(frozen=True)
class OrderSpec:
    """An inpatient order written out in full; ``instead`` replaces it for allergic patients."""

    drug: str
    dose: str
    route: str
    frequency: str
    prn: bool
    indication: str
    instead: OrderSpec | None


@dataclass(frozen=True)
class OrderGroup:
    p: float
    options: Weighted[OrderSpec]


@dataclass(frozen=True)
class GeneralOrder:
    """An order most current inpatients get (VTE prophylaxis, PRNs), with its conditions."""

    p: float
    spec: OrderSpec
    unless_home_class: frozenset[str]
    unless_profile: frozenset[str]
    only_profile: frozenset[str]
    only_condition: frozenset[str]


@dataclass(frozen=True)
class Profile:
    key: str
    age: tuple[int, int, int]
    female: float
    placement: Weighted[tuple[str, str]]
    admission_type: Weighted[AdmissionType]
    los: tuple[int, int, int]
    principal: Weighted[str]
    with_codes: tuple[str, ...]
    secondary: tuple[tuple[str, float], ...]
    conditions: Mapping[str, float]
    acuity: int
    ed_codes: tuple[str, ...]
    related: tuple[str, ...]
    disposition: Weighted[str]
    labs: Mapping[str, float]
    regimen: tuple[RegimenGroup, ...]
    orders: tuple[OrderGroup, ...]


@dataclass(frozen=True)
class LabSpec:
    key: str
    loinc: str
    name: str
    unit: str
    female: tuple[float, float]
    male: tuple[float, float]
    low: float
    high: float
    decimals: int
    multiplicative: bool


@dataclass(frozen=True)
class AllergySpec:
    substance: str
    reactions: Weighted[tuple[str, AllergySeverity]]
    avoid: frozenset[str]


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    floor: int
    phone: str


@dataclass(frozen=True)
class ProviderSpec:
    given: str
    family: str
    credentials: str
    specialty: str
    clinic: str | None
    attends: tuple[str, ...]
    pcp: bool
    languages: tuple[str, ...]


@dataclass(frozen=True)
class NameSet:
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]


@dataclass(frozen=True)
class City:
    name: str
    zips: tuple[str, ...]


@dataclass(frozen=True)
class DemoData:
    units: tuple[UnitSpec, ...]
    clinics: tuple[Mapping[str, Any], ...]
    providers: tuple[ProviderSpec, ...]
    pharmacies: tuple[str, ...]
    state: str
    area_codes: tuple[str, ...]
    languages: Weighted[str]
    interpreter_share: Mapping[str, float]
    names: Mapping[str, NameSet]
    streets: tuple[str, ...]
    address_units: tuple[str, ...]
    cities: Weighted[City]
    relations_older: Weighted[str]
    relations_younger: Weighted[str]
    drugs: Mapping[str, Drug]
    conditions: Mapping[str, Condition]
    general_regimen: tuple[RegimenGroup, ...]
    profiles: Mapping[str, Profile]
    profile_choice: Weighted[Profile]
    general_orders: tuple[GeneralOrder, ...]
    acuity: Mapping[int, tuple[Weighted[int], Weighted[int]]]  # prior admissions, ED visits
    default_disposition: Weighted[str]
    labs: tuple[LabSpec, ...]
    allergy_none_share: float
    allergy_count: Weighted[int]
    allergies: Weighted[AllergySpec]
    descriptions: Mapping[str, str]  # ICD-10-CM code -> description

    def all_codes(self) -> list[str]:
        return sorted(self.descriptions)


def _pairs(raw: Sequence[Sequence[Any]]) -> list[tuple[Any, float]]:
    return [(item[0], float(item[1])) for item in raw]


def _regimen(
    raw: Sequence[Mapping[str, Any]], drugs: Mapping[str, Drug]
) -> tuple[RegimenGroup, ...]:
    groups = []
    for entry in raw:
        options = [(tuple(option.split("+")), weight) for option, weight in _pairs(entry["one_of"])]
        for combo, _ in options:
            for name in combo:
                if name not in drugs:
                    raise ValueError(f"demo data: drug '{name}' is not in medications.json")
        groups.append(
            RegimenGroup(
                p=float(entry["p"]),
                options=Weighted.of(options) if options else None,
                code=entry.get("code"),
                min_age=int(entry.get("min_age", 0)),
            )
        )
    return tuple(groups)


def _order(raw: Mapping[str, Any]) -> OrderSpec:
    instead = raw.get("instead")
    return OrderSpec(
        drug=raw["drug"],
        dose=raw["dose"],
        route=raw["route"],
        frequency=raw["frequency"],
        prn=bool(raw.get("prn", False)),
        indication=raw["indication"],
        instead=_order(instead) if instead else None,
    )


def _order_groups(raw: Sequence[Mapping[str, Any]]) -> tuple[OrderGroup, ...]:
    return tuple(
        OrderGroup(
            p=float(g["p"]),
            options=Weighted.of((_order(spec), float(w)) for spec, w in g["one_of"]),
        )
        for g in raw
    )


def _profile(
    raw: Mapping[str, Any],
    order_sets: Mapping[str, Any],
    data: Mapping[str, Any],
    drugs: Mapping[str, Drug],
) -> Profile:
    orders = raw["orders"]
    disposition = raw.get("disposition", data["disposition"])
    return Profile(
        key=raw["key"],
        age=(int(raw["age"][0]), int(raw["age"][1]), int(raw["age"][2])),
        female=float(raw["female"]),
        placement=Weighted.of(((u, s), float(w)) for u, s, w in raw["placement"]),
        admission_type=Weighted.of((AdmissionType(t), w) for t, w in _pairs(raw["admission_type"])),
        los=(int(raw["los"][0]), int(raw["los"][1]), int(raw["los"][2])),
        principal=Weighted.of(_pairs(raw["principal"])),
        with_codes=tuple(raw["with"]),
        secondary=tuple((c, float(p)) for c, p in raw["secondary"]),
        conditions={k: float(v) for k, v in raw["conditions"].items()},
        acuity=int(raw["acuity"]),
        ed_codes=tuple(raw["ed_codes"]),
        related=tuple(raw["related"]),
        disposition=Weighted.of(_pairs(disposition)),
        labs={k: float(v) for k, v in raw["labs"].items()},
        regimen=_regimen(raw["regimen"], drugs),
        orders=_order_groups(order_sets[orders] if isinstance(orders, str) else orders),
    )


def _codes_of(profiles: Iterable[Profile], conditions: Iterable[Condition]) -> set[str]:
    codes: set[str] = set()
    groups: list[RegimenGroup] = []
    for p in profiles:
        codes.update(p.principal.items, p.with_codes, p.ed_codes, (c for c, _ in p.secondary))
        groups.extend(p.regimen)
    for c in conditions:
        codes.update(c.codes.items)
        groups.extend(c.regimen)
    codes.update(g.code for g in groups if g.code)
    return codes


@cache
def demo_data() -> DemoData:
    """Load and check the demo data files (once per process)."""
    hospital = load_json("demo", "hospital.json")
    people = load_json("demo", "people.json")
    meds = load_json("demo", "medications.json")
    cond = load_json("demo", "conditions.json")
    prof = load_json("demo", "profiles.json")
    allergy = load_json("demo", "allergies.json")

    drugs = {
        name: Drug(
            name=name,
            drug_class=d["class"],
            doses=tuple(d["doses"]),
            route=d["route"],
            frequencies=tuple(d["frequency"]),
            prn=bool(d.get("prn", False)),
            indication=d["indication"],
        )
        for name, d in meds["drugs"].items()
    }
    conditions = {
        key: Condition(
            key=key,
            codes=Weighted.of(_pairs(c["codes"])),
            prevalence=(float(c["prevalence"][0]), float(c["prevalence"][1])),
            sex=c.get("sex"),
            female_factor=float(c.get("female_factor", 1.0)),
            regimen=_regimen(c["regimen"], drugs),
            labs={k: float(v) for k, v in c.get("labs", {}).items()},
        )
        for key, c in cond["conditions"].items()
    }
    profiles = {p["key"]: _profile(p, prof["order_sets"], prof, drugs) for p in prof["profiles"]}
    for p in profiles.values():
        unknown = (set(p.conditions) - set(conditions)) | (set(p.related) - set(profiles))
        if unknown:
            raise ValueError(f"demo profile '{p.key}' names unknown keys: {sorted(unknown)}")
    valid_dispositions = discharge_dispositions()
    for weighted in [p.disposition for p in profiles.values()]:
        bad = set(weighted.items) - set(valid_dispositions)
        if bad:
            raise ValueError(f"demo data: unknown discharge dispositions {sorted(bad)}")
    descriptions: dict[str, str] = {}
    for code in sorted(_codes_of(profiles.values(), conditions.values())):
        normalized, description = check_diagnosis_code(CodeSystem.ICD10CM, code)
        if normalized != code:
            raise ValueError(f"demo data: write ICD-10-CM code '{code}' as '{normalized}'")
        descriptions[code] = description or code

    general_orders = tuple(
        GeneralOrder(
            p=float(g["p"]),
            spec=_order(g),
            unless_home_class=frozenset(g.get("unless_home_class", ())),
            unless_profile=frozenset(g.get("unless_profile", ())),
            only_profile=frozenset(g.get("only_profile", ())),
            only_condition=frozenset(g.get("only_condition", ())),
        )
        for g in prof["general_orders"]
    )
    acuity = {
        int(level): (
            Weighted.of((n, float(w)) for n, w in enumerate(v["prior_admissions"])),
            Weighted.of((n, float(w)) for n, w in enumerate(v["ed_visits"])),
        )
        for level, v in prof["acuity"].items()
    }
    labs = tuple(
        LabSpec(
            key=lab["key"],
            loinc=lab["loinc"],
            name=lab["name"],
            unit=lab["unit"],
            female=(float(lab["female"][0]), float(lab["female"][1])),
            male=(float(lab["male"][0]), float(lab["male"][1])),
            low=float(lab["min"]),
            high=float(lab["max"]),
            decimals=int(lab["decimals"]),
            multiplicative=bool(lab.get("multiplicative", False)),
        )
        for lab in prof["labs"]
    )
    allergies = Weighted.of(
        (
            AllergySpec(
                substance=a["substance"],
                reactions=Weighted.of(
                    ((r, AllergySeverity(s)), float(w)) for r, s, w in a["reactions"]
                ),
                avoid=frozenset(a["avoid"]),
            ),
            float(a["weight"]),
        )
        for a in allergy["substances"]
    )
    names = {
        lang: NameSet(tuple(n["female"]), tuple(n["male"]), tuple(n["family"]))
        for lang, n in people["names"].items()
    }
    return DemoData(
        units=tuple(
            UnitSpec(u["code"], u["name"], int(u["floor"]), u["phone"]) for u in hospital["units"]
        ),
        clinics=tuple(hospital["clinics"]),
        providers=tuple(
            ProviderSpec(
                given=p["given"],
                family=p["family"],
                credentials=p["credentials"],
                specialty=p["specialty"],
                clinic=p.get("clinic"),
                attends=tuple(p.get("attends", ())),
                pcp=bool(p.get("pcp", False)),
                languages=tuple(p.get("languages", ())),
            )
            for p in hospital["providers"]
        ),
        pharmacies=tuple(hospital["pharmacies"]),
        state=people["state"],
        area_codes=tuple(people["area_codes"]),
        languages=Weighted.of(_pairs(people["languages"])),
        interpreter_share={k: float(v) for k, v in people["interpreter_share"].items()},
        names=names,
        streets=tuple(people["streets"]),
        address_units=tuple(people["units"]),
        cities=Weighted.of(
            (City(c["name"], tuple(c["zips"])), float(c["weight"])) for c in people["cities"]
        ),
        relations_older=Weighted.of(_pairs(people["caregiver_relations"]["older"])),
        relations_younger=Weighted.of(_pairs(people["caregiver_relations"]["younger"])),
        drugs=drugs,
        conditions=conditions,
        general_regimen=_regimen(cond["general_regimen"], drugs),
        profiles=profiles,
        profile_choice=Weighted.of(
            (profiles[p["key"]], float(p["weight"])) for p in prof["profiles"]
        ),
        general_orders=general_orders,
        acuity=acuity,
        default_disposition=Weighted.of(_pairs(prof["disposition"])),
        labs=labs,
        allergy_none_share=float(allergy["none_share"]),
        allergy_count=Weighted.of(
            (n + 1, float(w)) for n, w in enumerate(allergy["count_weights"])
        ),
        allergies=allergies,
        descriptions=descriptions,
    )
