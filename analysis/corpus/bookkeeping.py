"""What a reader remembers of a folder while it reads it, held compactly: a folder may hold a
million files, and the reader keeps its file names and what decides duplicates to the end.

* :class:`FileNames`: the sorted names, in one Arrow array (not a Python str each);
* :class:`SeenKeys`: 16-byte keys seen (digests of bytes, of text, of doc_ids) → where they were
  first seen, in a sorted NumPy array (the latest few thousand in a dict until merged in).

Per file that is about the length of its name plus 24 bytes per key, against some 300 bytes of
Python objects (`benchmarks/bench_scale.py` measures the reader's peak memory).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import numpy as np

__all__ = ["FileNames", "SeenKeys", "key_of"]


def key_of(text: str) -> bytes:
    """A 16-byte key for a string (a doc_id): its BLAKE2b digest.

    >>> len(key_of("doc-1")), key_of("doc-1") == key_of("doc-1") != key_of("doc-2")
    (16, True)
    """
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class FileNames:
    """File names (a list of str, or an Arrow string array) held in one Arrow array: ``len``,
    ``names[k]``, iteration in order; sorted, they can be searched with :mod:`bisect`.

    >>> names = FileNames(["a.txt", "ב.txt"]); len(names), names[1], list(names), bool(FileNames([]))
    (2, 'ב.txt', ['a.txt', 'ב.txt'], False)
    """

    STEP = 4096  # names turned back into str at a time while iterating

    def __init__(self, names):
        import pyarrow as pa

        if not isinstance(names, pa.Array):
            names = pa.array(names, pa.string(), memory_pool=pa.system_memory_pool())
        self._names = names

    def __len__(self) -> int:
        return len(self._names)

    def __getitem__(self, k: int) -> str:
        return self._names[k].as_py()

    def __iter__(self) -> Iterator[str]:
        for start in range(0, len(self._names), self.STEP):
            yield from self._names.slice(start, self.STEP).to_pylist()


class SeenKeys:
    """16-byte keys → the number (a file's position) each was first added with.

    The keys live in a sorted NumPy array (``S16``) searched by bisection, the latest
    :attr:`RECENT` in a dict; when the dict is full it is merged into the array. A million keys
    take about 24 MB.

    >>> seen = SeenKeys(); seen.RECENT = 2
    >>> for k, key in enumerate([b"b" * 16, b"a" * 16, b"c" + b"\\0" * 15]): seen.add(key, k)
    >>> seen.get(b"a" * 16), seen.get(b"c" + b"\\0" * 15), seen.get(b"c" * 16), b"b" * 16 in seen, len(seen)
    (1, 2, None, True, 3)
    """

    RECENT = 16_384

    def __init__(self):
        self.keys = np.empty(0, "S16")
        self.values = np.empty(0, np.int64)
        self.recent: dict[bytes, int] = {}

    def get(self, key: bytes) -> int | None:
        found = self.recent.get(key)
        if found is None and len(self.keys):
            i = int(np.searchsorted(self.keys, key))
            # an S16 item comes back without its trailing NUL bytes: compare the key likewise
            if i < len(self.keys) and self.keys[i] == key.rstrip(b"\0"):
                found = int(self.values[i])
        return found

    def __contains__(self, key: bytes) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return len(self.keys) + len(self.recent)

    def add(self, key: bytes, number: int) -> None:
        """Remember ``key`` (a key already present keeps its first number)."""
        if len(key) != 16:
            raise ValueError(f"SeenKeys: a key has 16 bytes, not {len(key)}")
        if key not in self:
            self.recent[key] = number
            if len(self.recent) >= self.RECENT:
                self._merge()

    def _merge(self) -> None:
        keys = np.concatenate([self.keys, np.array(list(self.recent), "S16")])
        values = np.concatenate([self.values, np.fromiter(self.recent.values(), np.int64, len(self.recent))])
        order = np.argsort(keys, kind="stable")
        self.keys, self.values, self.recent = keys[order], values[order], {}
