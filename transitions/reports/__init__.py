"""Printable reports rendered with reportlab (no Qt)."""
