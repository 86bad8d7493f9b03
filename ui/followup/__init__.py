"""The follow-up tab: 30-day list, call log, dashboard."""
