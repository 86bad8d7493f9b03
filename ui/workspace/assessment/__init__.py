"""Step "Assessment": functional status, home and support, social needs, barriers, needs."""
