"""Near-duplicate detection: MinHash over word shingles, LSH index (datasketch)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash, MinHashLSH

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

NUM_PERM = 128
SHINGLE = 4
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> MinHash:
    """MinHash of the text's word 4-grams (case-folded)."""
    words = _WORD.findall(text.casefold())
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    if len(words) < SHINGLE:
        grams = [" ".join(words)] if words else [""]
    else:
        grams = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64))


class NearDuplicateIndex:
    """Finds the first stored copy of a near-duplicate (estimated Jaccard >= threshold)."""

    def __init__(self, threshold: float = 0.7) -> None:
        self.threshold = threshold
        # LSH finds candidates at a lower threshold (it misses pairs near its cut-off);
        # each candidate is then checked against the real threshold.
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: str, m: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, m)
            self._sigs[key] = m

    @classmethod
    def of_store(cls, store: Store, threshold: float = 0.7) -> "NearDuplicateIndex":
        """An index of every signature the store holds (the first copies ingested so far)."""
        index = cls(threshold=threshold)
        for aid, sig in store.signatures():
            index.add(aid, from_bytes(sig))
        return index

    def first_copy(self, key: str, m: MinHash) -> str | None:
        """The earlier copy this article nearly duplicates, or None: then it is indexed as a first copy.

        The one near-duplicate decision, for `frontlines ingest` and for the Dask shard planner.
        """
        first = self.find(m)
        if first is not None and first != key:
            return first
        self.add(key, m)
        return None

    def find(self, m: MinHash) -> str | None:
        """The best-matching stored key (highest estimated Jaccard, then smallest key), or None."""
        hits = [(self._sigs[k].jaccard(m), k) for k in self._lsh.query(m)]
        hits = [(j, k) for j, k in hits if j >= self.threshold]
        if not hits:
            return None
        hits.sort(key=lambda jk: (-jk[0], jk[1]))
        return hits[0][1]
