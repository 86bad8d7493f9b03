"""Workspace step "Education": modules, teaching with teach-back, BOOST 8P, packet text."""
