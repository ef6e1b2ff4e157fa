"""Near-duplicate detection: MinHash signatures of a body and an LSH index over them.

Outlets republish wire copy and each other's reports with small edits (a new headline, a trimmed
paragraph, a different footer). An exact hash misses those; a MinHash over word 5-shingles
estimates the Jaccard similarity of two bodies cheaply, and LSH finds the candidates without
comparing every pair. The signature is stored as bytes on ``Report.fingerprint`` so the index can
be rebuilt from the store without re-reading any text.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.8
# Pinned so signatures written today stay comparable with those a later datasketch writes.
_SCHEME = "affine32"
_SEED = 1
_DTYPE = np.dtype("<u4")
_WORD = re.compile(r"\w+")


def shingles(body: str, k: int = SHINGLE) -> list[bytes]:
    """Word k-shingles of the lowercased text; a text shorter than k words is one shingle."""
    words = _WORD.findall(body.lower())
    if len(words) <= k:
        return [" ".join(words).encode()]
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


def fingerprints(bodies: list[str]) -> list[bytes]:
    """Signatures of many bodies at once (``MinHash.bulk`` hashes them in one vectorised pass)."""
    if not bodies:
        return []
    hashes = MinHash.bulk([shingles(b) for b in bodies], num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    return [np.asarray(m.hashvalues, dtype=_DTYPE).tobytes() for m in hashes]


def fingerprint(body: str) -> bytes:
    """The body's MinHash signature (``NUM_PERM`` little-endian uint32 values) as bytes."""
    return fingerprints([body])[0]


def _minhash(fp: bytes) -> LeanMinHash:
    if len(fp) != NUM_PERM * _DTYPE.itemsize:
        raise ValueError(f"a fingerprint has {NUM_PERM * _DTYPE.itemsize} bytes, got {len(fp)}")
    values = np.frombuffer(fp, dtype=_DTYPE).astype(np.uint32)
    return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)


class NearDuplicateIndex:
    """Reports whose bodies are near-copies of each other (estimated Jaccard >= ``threshold``).

    Adding an id that is already present is a no-op, so re-ingesting a report is harmless.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, LeanMinHash] = {}

    def add(self, report_id: str, fp: bytes) -> None:
        if report_id in self._hashes:
            return
        mh = _minhash(fp)
        self._lsh.insert(report_id, mh, check_duplication=False)
        self._hashes[report_id] = mh

    def query(self, fp: bytes) -> list[tuple[str, float]]:
        """Stored ids whose estimated Jaccard with ``fp`` reaches the threshold, best first.

        LSH returns candidates that probably pass; the estimate over all permutations decides, so
        a near miss of the banding does not leak through.
        """
        mh = _minhash(fp)
        found = []
        for key in self._lsh.query(mh):
            score = float(mh.jaccard(self._hashes[key]))
            if score >= self.threshold:
                found.append((str(key), score))
        found.sort(key=lambda pair: (-pair[1], pair[0]))
        return found

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, report_id: object) -> bool:
        return report_id in self._hashes
