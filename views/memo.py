"""The app's caches of model results, bounded by the memory they hold, and a gate that lets only a
few heavy computations run at once.

Streamlit's ``st.cache_data``/``st.cache_resource`` bound a cache by its number of entries, but
one entry may be a kilobyte or a quarter of a gigabyte: eight Monte Carlo results of the
heaviest link held 2.1 GB. ``cached(max_bytes=…)`` keeps the most recently used results of a
function up to ``max_bytes`` (arrays counted by their ``nbytes``), shared by every session of the
server process, like ``st.cache_resource``: callers must not modify what they get. Two sessions
asking for the same result at once wait for one computation.

``heavy=True`` marks a computation that takes seconds and holds its arrays while it runs (Monte
Carlo, the budget optimiser, a calibration fit): at most ``HEAVY_AT_ONCE`` of them run at a
time, so four visitors on the heaviest link cannot hold four at once; the others wait, and their
page says so while they do.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import contextmanager

import numpy as np
import streamlit as st

from planner.text import t

from .language import lang
from .streamlit_shell import in_script_run

HEAVY_AT_ONCE = 2  # the machine's cores: more at once only share them and add up their memory
_heavy_slots = threading.BoundedSemaphore(HEAVY_AT_ONCE)
_heavy_running = 0  # for the waiting message; read without the lock, so only approximate
_count_lock = threading.Lock()


def nbytes(obj, _depth: int = 0) -> int:
    """Roughly the memory ``obj`` holds: numpy arrays by ``nbytes``, containers and dataclasses
    by their items, anything else by ``sys.getsizeof``."""
    if isinstance(obj, np.ndarray):
        return obj.nbytes + 112
    if _depth > 6:
        return sys.getsizeof(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return 64 + sum(nbytes(getattr(obj, f.name), _depth + 1) for f in dataclasses.fields(obj))
    if isinstance(obj, dict):
        return sys.getsizeof(obj) + sum(nbytes(k, _depth + 1) + nbytes(v, _depth + 1) for k, v in obj.items())
    if isinstance(obj, list | tuple | set | frozenset):
        return sys.getsizeof(obj) + sum(nbytes(x, _depth + 1) for x in obj)
    return sys.getsizeof(obj)


class MemoryBoundedCache:
    """Least recently used results, at most ``max_bytes`` of them; thread-safe."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[bool, object]:
        with self._lock:
            if key not in self._items:
                return False, None
            self._items.move_to_end(key)
            return True, self._items[key][0]

    def put(self, key: Hashable, value: object) -> None:
        size = nbytes(value)
        if size > self.max_bytes:  # bigger than the whole cache: computed, returned, not kept
            return
        with self._lock:
            if key in self._items:
                self.bytes -= self._items.pop(key)[1]
            self._items[key] = (value, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                self.bytes -= self._items.popitem(last=False)[1][1]

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0


_held = threading.local()  # a thread in a heavy computation may call another (bands → Monte Carlo)


@contextmanager
def heavy_slot():
    """Hold one of the HEAVY_AT_ONCE slots; while none is free, say so on the page. A thread
    that holds one already keeps it: waiting for a second would deadlock two such threads."""
    global _heavy_running
    if getattr(_held, "slot", False):
        yield
        return
    if not _heavy_slots.acquire(blocking=False):
        notice = _waiting_notice()
        try:
            _heavy_slots.acquire()
        finally:
            if notice is not None:
                notice.empty()
    with _count_lock:
        _heavy_running += 1
    _held.slot = True
    try:
        yield
    finally:
        _held.slot = False
        with _count_lock:
            _heavy_running -= 1
        _heavy_slots.release()


def _waiting_notice():
    """An info box saying the page waits for a free slot, or None outside a Streamlit run."""
    if not in_script_run():
        return None


    box = st.empty()
    box.info(t("notice.heavy_waiting", lang(), n=max(_heavy_running, HEAVY_AT_ONCE)), icon="⏳")
    return box


def cached(max_bytes: int, heavy: bool = False) -> Callable:
    """Cache a function of hashable arguments in a MemoryBoundedCache of ``max_bytes``; with
    ``heavy``, compute it in a heavy slot. The wrapper's ``cache`` is the cache."""

    def decorate(fn: Callable) -> Callable:
        cache = MemoryBoundedCache(max_bytes)
        computing: dict[Hashable, list] = {}  # key -> [lock, callers using it]
        computing_lock = threading.Lock()

        @functools.wraps(fn)
        def wrapper(*args):
            key = tuple(_key(a) for a in args)
            hit, value = cache.get(key)
            if hit:
                return value
            with computing_lock:  # one computation per key: a second caller waits for the first
                entry = computing.setdefault(key, [threading.Lock(), 0])
                entry[1] += 1
            try:
                with entry[0]:
                    hit, value = cache.get(key)
                    if not hit:
                        with heavy_slot() if heavy else _no_slot():
                            value = fn(*args)
                        cache.put(key, value)
            finally:
                with computing_lock:
                    entry[1] -= 1
                    if entry[1] == 0:
                        del computing[key]
            return value

        wrapper.cache = cache
        return wrapper

    return decorate


def _key(arg: Hashable) -> Hashable:
    """An argument as part of a cache key: an uploaded file by its digest, so the cache does
    not keep every file it was asked about."""
    if isinstance(arg, bytes | bytearray):
        return ("sha256", hashlib.sha256(arg).hexdigest())
    return arg


@contextmanager
def _no_slot():
    yield
