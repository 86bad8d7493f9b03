"""The ward worklist: current inpatients, filterable, one row per stay."""
