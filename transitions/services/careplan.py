"""The care plan of a stay (issue 7, slice B) in one place for other areas: importing this
module registers the ``referrals`` and ``goals`` stay sections and the FHIR export contributor.

Public: :func:`careplan_warnings` and :func:`careplan_readiness` (guided discharge), and the
services of :mod:`.community_resources`, :mod:`.referrals` and :mod:`.goals`.
"""

from __future__ import annotations

from transitions.services import goals, interop_careplan, referrals
from transitions.services.referrals import careplan_readiness, careplan_warnings

__all__ = ["careplan_readiness", "careplan_warnings", "goals", "interop_careplan", "referrals"]
