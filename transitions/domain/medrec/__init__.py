"""Medication reconciliation rules: drug vocabulary, sig parsing and the discharge checks.

Pure code over the data in ``resources/drugs/``; no database. Entry points:
:func:`~transitions.domain.medrec.document.reconciliation_from_json`,
:func:`~transitions.domain.medrec.checks.check_reconciliation`,
:func:`~transitions.domain.medrec.sig.parse_sig` and
:func:`~transitions.domain.medrec.vocabulary.load_vocabulary`.
"""
