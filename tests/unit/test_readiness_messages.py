"""Readiness messages: every key the services use has an English template and a UI translation
template with no value the message does not carry; a key without a template shows its text."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from transitions.domain.appointments import WarningCode
from transitions.services.readiness_messages import (
    ENGLISH,
    Message,
    MessageKey,
    joined,
    say,
    text_only,
    texts,
)

REPO = Path(__file__).resolve().parents[2]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_has_an_english_template() -> None:
    assert set(ENGLISH) == set(MessageKey)


def test_the_services_use_only_declared_keys() -> None:
    """``MessageKey.X`` in the services names a member (mypy checks it too); no service builds a
    ``Message`` from a bare string key."""
    used: set[str] = set()
    for path in (REPO / "transitions").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "MessageKey"
            ):
                used.add(node.attr)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Message"
                and path.name != "readiness_messages.py"
            ):
                pytest.fail(f"{path}: build messages with say(MessageKey...), not Message(...)")
    assert used, "the scan found no message keys"
    assert used <= set(MessageKey.__members__)


def test_say_fills_the_english_text_and_keeps_the_values() -> None:
    m = say(MessageKey.MEDS_UNDECIDED, n=2)
    assert m.key == "medications.undecided" and m.text == "2 home medicine(s) without a decision"
    assert m.param("n") == 2
    one = say(MessageKey.ASSESSMENT_UNANSWERED, section="Social needs", section_es="x", n=1)
    assert one.text == "Social needs: 1 question not answered"
    assert say(MessageKey.ASSESSMENT_UNANSWERED, section="S", n=3).text.endswith(
        "questions not answered"
    )
    both = joined([m, say(MessageKey.MEDS_NOT_SIGNED)])
    assert both.key == MessageKey.JOINED and len(both.parts) == 2
    assert both.text == "2 home medicine(s) without a decision; the reconciliation is not signed"
    assert joined([m]) is m
    assert texts([m, text_only("as written")]) == (m.text, "as written")


@pytest.mark.usefixtures("qapp")
def test_every_key_has_a_ui_template_using_only_the_message_values() -> None:
    """A new key without a translation template fails here."""
    from ui.workspace import readiness_text as rt
    from ui.workspace.appointments import labels as appointment_labels

    assert rt.translated_keys() == set(MessageKey)
    assert not set(rt.PLAIN) & rt.COUNTED
    derived = {"need"}  # from "domain"
    for key in MessageKey:
        english = ENGLISH[key]
        known = set().union(
            *(fields(t) for t in (english if isinstance(english, tuple) else (english,)))
        )
        if key in rt.PLAIN:
            assert fields(rt.PLAIN[key]) <= known | derived, key
        if key in rt.COUNTED:
            template = rt.ReadinessMessage().counted(key, 2)
            assert template is not None and "%n" not in template  # Qt put the number in
            assert fields(template) <= known | derived, key
            assert "n" in known, f"{key}: a counted message needs the value n"
    # appointment warnings use the appointments step's sentences, one per warning code
    assert set(appointment_labels._WARNINGS) == set(WarningCode)


@pytest.mark.usefixtures("qapp")
def test_ui_text_of_messages_in_english() -> None:
    from ui.workspace.readiness_text import message_text

    assert message_text(say(MessageKey.MEDS_UNDECIDED, n=2)) == (
        "2 home medicine(s) without a decision"
    )
    assert message_text(say(MessageKey.RED_CALL_DUE, due="2026-11-30")) == (
        "Follow-up call due 30 Nov 2026"
    )
    need = say(
        MessageKey.CAREPLAN_NEED_NO_REFERRAL,
        need="medication cost",
        domain="medication_cost",
        description="cannot afford",
    )
    assert message_text(need) == "Medication cost need (cannot afford): no referral"
    # unknown key (a frozen record) or a value missing: the English text as it is
    assert message_text(text_only("as written at sign-off")) == "as written at sign-off"
    assert message_text(Message("some.future.key", "future text")) == "future text"
    broken = Message(MessageKey.PENDING_UNOWNED.value, "pending result 'x' has no owner")
    assert message_text(broken) == "pending result 'x' has no owner"
    both = joined([say(MessageKey.RED_NO_PHONE), text_only("old")])
    assert message_text(both) == "No phone number on file for the follow-up call; old"


def test_no_bare_english_problem_strings_left_in_the_readiness_services() -> None:
    """The readiness services spell no problem as an f-string any more: each is a keyed
    message (the English lives in ENGLISH)."""
    pattern = re.compile(r"problems\.append\(f?\"|return (True|False), f?\"")
    for name in ("readiness_steps.py", "red_checklist.py", "readiness_careplan.py"):
        source = (REPO / "transitions/services" / name).read_text(encoding="utf-8")
        assert not pattern.search(source), name
