"""Transitions: hospital discharge transitions of care, without a screen.

This package holds the product's rules, database and services. It never imports Qt or ``ui``
(an import-linter contract in ``make lint`` keeps it that way).
"""

__version__ = "0.1.0"
