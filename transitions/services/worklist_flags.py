"""What the worklist and the workspace header show beside each stay, beyond the stay itself:
education progress, positive BOOST 8P items, and BOOST's pharmacist-review suggestion.

One call per list load, batched over the listed stays; counts and flags only (no patient text),
so no audit event of its own — the list view that asks for it is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from transitions.services.permissions import require
from transitions.services.uow import Actor, UnitOfWork

if TYPE_CHECKING:  # the workflows' modules load with the first flags, after the list is shown
    from transitions.domain.education.progress import Progress
    from transitions.domain.medrec.workflow import BoostReview

#: Lists longer than this get no flags (the page asks the user to pick a ward instead).
MAX_FLAGGED_STAYS = 1_500


@dataclass(frozen=True)
class StayFlags:
    education: Progress | None
    boost_positive: tuple[str, ...]
    pharmacist_review: BoostReview | None

    @property
    def education_label(self) -> str:
        return self.education.label() if self.education else ""

    def boost_labels(self, language: str = "en") -> list[str]:
        from transitions.domain.education.catalog import boost_items

        items = boost_items()
        return [items[key].label.get(language) for key in self.boost_positive if key in items]

    @property
    def pharmacist_review_suggested(self) -> bool:
        return bool(self.pharmacist_review and self.pharmacist_review.suggested)


def stay_flags(uow: UnitOfWork, actor: Actor, encounter_ids: Sequence[int]) -> dict[int, StayFlags]:
    """Flags for up to :data:`MAX_FLAGGED_STAYS` stays (extra ids are ignored)."""
    from transitions.services import education
    from transitions.services.medrec_view import pharmacist_review_suggestions

    require(actor, "stay.view")
    ids = list(dict.fromkeys(encounter_ids))[:MAX_FLAGGED_STAYS]
    progress = education.education_progress(uow, actor, ids)
    boost = education.boost_positive(uow, actor, ids)
    review = pharmacist_review_suggestions(uow, ids)
    return {
        stay_id: StayFlags(
            education=progress.get(stay_id),
            boost_positive=boost.get(stay_id, ()),
            pharmacist_review=review.get(stay_id),
        )
        for stay_id in ids
    }
