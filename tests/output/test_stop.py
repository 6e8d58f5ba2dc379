"""SIGTERM raises Terminated in the main thread, as Ctrl-C raises KeyboardInterrupt; elsewhere
(a thread of `deck serve`, a test runner's worker) nothing changes."""

from __future__ import annotations

import signal
import threading

import pytest

from deck.output.stop import Terminated, on_sigterm


def test_sigterm_raises_terminated_in_the_main_thread_until_restored():
    before = signal.getsignal(signal.SIGTERM)
    restore = on_sigterm()
    try:
        with pytest.raises(Terminated):
            signal.raise_signal(signal.SIGTERM)
    finally:
        restore()
    assert signal.getsignal(signal.SIGTERM) == before


def test_outside_the_main_thread_the_handler_is_left_as_it_was():
    before = signal.getsignal(signal.SIGTERM)
    restored = []

    def run():
        restore = on_sigterm()
        restored.append(signal.getsignal(signal.SIGTERM))
        restore()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert restored == [before]
    assert signal.getsignal(signal.SIGTERM) == before
