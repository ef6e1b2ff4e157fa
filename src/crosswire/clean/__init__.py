"""The clean stage: a ``RawReport`` becomes a ``Report`` (prose kept, page furniture set aside).

``clean_report`` does it all for one report; ``fingerprint`` and ``NearDuplicateIndex`` let the
caller find reports that copy one another.
"""

from crosswire.clean.dedup import NearDuplicateIndex, fingerprint, fingerprints
from crosswire.clean.report import clean_report, text_hash

__all__ = ["NearDuplicateIndex", "clean_report", "fingerprint", "fingerprints", "text_hash"]
