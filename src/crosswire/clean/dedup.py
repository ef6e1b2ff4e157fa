"""Near-duplicate detection: MinHash signatures of a body and an LSH index over them.

Outlets republish wire copy and each other's reports with small edits (a new headline, a trimmed
paragraph, a different footer). An exact hash misses those; a MinHash over word 5-shingles
estimates the Jaccard similarity of two bodies cheaply, and LSH finds the candidates without
comparing every pair. The signature is stored as bytes on ``Report.fingerprint`` so the index can
be rebuilt from the store without re-reading any text.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import LeanMinHash

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.8
# Pinned so signatures written today stay comparable with those a later datasketch writes.
_SCHEME = "affine32"
_SEED = 1
_DTYPE = np.dtype("<u4")
_WORD = re.compile(r"\w+")
_MULTIPLIER = 1_000_003


def shingle_hashes(body: str, k: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the word k-shingles, computed from per-word CRCs in numpy.

    Hashing each joined shingle with SHA-1 (datasketch's default) costs ~5 ms per article; the
    shingle hash only has to be deterministic and well spread, because the affine32 scheme mixes
    it again before permuting, so a polynomial over word CRCs does at a fraction of the cost.
    """
    words = _WORD.findall(body.lower())
    codes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(words) <= k:
        return np.array([zlib.crc32(" ".join(words).encode())], dtype=np.uint64)
    n = len(words) - k + 1
    hashed = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        hashed = (hashed * np.uint64(_MULTIPLIER) + codes[j : j + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(hashed)


def fingerprints(bodies: list[str]) -> list[bytes]:
    """Signatures of many bodies at once (``MinHash.bulk`` shares one permutation table)."""
    if not bodies:
        return []
    from datasketch import MinHash  # imported here: it pulls in scipy, which most commands never need

    hashes = MinHash.bulk(
        [shingle_hashes(b).tolist() for b in bodies],
        num_perm=NUM_PERM,
        seed=_SEED,
        scheme=_SCHEME,
        hashfunc=int,
    )
    return [np.asarray(m.hashvalues, dtype=_DTYPE).tobytes() for m in hashes]


def fingerprint(body: str) -> bytes:
    """The body's MinHash signature (``NUM_PERM`` little-endian uint32 values) as bytes."""
    return fingerprints([body])[0]


def _minhash(fp: bytes) -> LeanMinHash:
    if len(fp) != NUM_PERM * _DTYPE.itemsize:
        raise ValueError(f"a fingerprint has {NUM_PERM * _DTYPE.itemsize} bytes, got {len(fp)}")
    values = np.frombuffer(fp, dtype=_DTYPE).astype(np.uint32)
    from datasketch import LeanMinHash

    return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME)


class NearDuplicateIndex:
    """Reports whose bodies are near-copies of each other (estimated Jaccard >= ``threshold``).

    Adding an id that is already present is a no-op, so re-ingesting a report is harmless.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, LeanMinHash] = {}

    def add(self, report_id: str, fp: bytes) -> None:
        if report_id in self._hashes:
            return
        mh = _minhash(fp)
        self._lsh.insert(report_id, mh, check_duplication=False)
        self._hashes[report_id] = mh

    def discard(self, report_id: str) -> None:
        """Forget a report (one that was not stored after all); an unknown id is ignored."""
        if self._hashes.pop(report_id, None) is not None:
            self._lsh.remove(report_id)

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
