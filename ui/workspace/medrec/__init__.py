"""Step "Medications": medication reconciliation (issue 4)."""
