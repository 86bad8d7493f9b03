"""Data shipped with Transitions: vocabularies, rules tables, default site configuration.

This is data, not code; it is a package only so that it installs inside the wheel and can be
read with :mod:`importlib.resources`.
"""
