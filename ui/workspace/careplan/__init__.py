"""The workspace step "Care plan": needs with their community referrals, and goals."""
