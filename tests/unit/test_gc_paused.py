"""Long lists are read with the cyclic garbage collector paused, and it resumes after."""

from __future__ import annotations

import gc

import pytest

from transitions.db.base import gc_paused


def test_collection_resumes_after_the_list_also_on_error() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), gc_paused():
        raise KeyError("x")
    assert gc.isenabled()


def test_collection_left_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
