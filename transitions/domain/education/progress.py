"""Teaching progress: which items are done, and which need reinforcement.

An item counts as done when its latest teaching record says "understood", or, for an item
whose teach-back is optional, "not applicable". Teach-back is required on key items and, when
the BOOST screen found poor health literacy, on every item (Project BOOST; AHRQ Teach-Back).
"needs reinforcement" and "unable to teach back" leave the item open and are counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from transitions.domain.education.enums import TeachBackResult

OPEN_RESULTS = frozenset({TeachBackResult.NEEDS_REINFORCEMENT, TeachBackResult.UNABLE})


@dataclass(frozen=True)
class Progress:
    done: int
    required: int
    needs_reinforcement: int

    @property
    def complete(self) -> bool:
        return self.required > 0 and self.done >= self.required

    def label(self) -> str:
        text = f"{self.done}/{self.required}"
        if self.needs_reinforcement:
            text += f" ({self.needs_reinforcement} to reinforce)"
        return text


def teach_back_required(key_item: bool, poor_health_literacy: bool) -> bool:
    return key_item or poor_health_literacy


def item_done(result: TeachBackResult | None, teach_back_is_required: bool) -> bool:
    if result is TeachBackResult.UNDERSTOOD:
        return True
    return result is TeachBackResult.NOT_APPLICABLE and not teach_back_is_required


def compute_progress(
    items: Iterable[tuple[str, bool]],
    latest: Mapping[str, TeachBackResult],
    poor_health_literacy: bool,
) -> Progress:
    """``items``: (item key, is a key item) of every active module; ``latest``: the latest
    result per item key."""
    done = required = reinforce = 0
    for item_key, key_item in items:
        required += 1
        result = latest.get(item_key)
        if item_done(result, teach_back_required(key_item, poor_health_literacy)):
            done += 1
        elif result in OPEN_RESULTS:
            reinforce += 1
    return Progress(done, required, reinforce)
