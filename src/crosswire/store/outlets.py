"""Outlet filters: what a user types ("nyt", "usa-today", "New York Times", "washingtonpost.com")
found among the outlets the store holds ("The New York Times").

Reports from a file name carry the outlet the clean stage mapped its slug to (``clean.outlets``), so a
filter compared as typed found nothing for the slug, or for a name without its "The" (trial 8:
``--outlet usa-today`` gave 0 stories, silently). Names are compared by a key (case, "The", web
address and punctuation dropped); a slug or domain the clean stage knows stands for its outlet; a part
of a name that only one stored outlet contains names it. A filter that names none of them is an error
that lists the closest names, not an empty answer.
"""

from __future__ import annotations

import difflib
import sqlite3

from crosswire.clean.outlets import known_outlet
from crosswire.errors import NotFound
from crosswire.model import outlet_key

# the condition on ``outlet`` a filter adds, its one arg the JSON list ``resolve_outlet`` returns (NOCASE,
# as the ``reports_outlet_story`` index is)
OUTLET_IN = "outlet COLLATE NOCASE IN (SELECT value FROM json_each(?))"

MAX_OUTLET_CHARS = 100
MIN_PART = 3  # a shorter part of a name ("ap", "t") names an outlet only when it is the whole key


def stored_outlets(conn: sqlite3.Connection) -> list[str]:
    """Every outlet the store's reports name, as stored (read from ``reports_outlet_story``)."""
    rows = conn.execute("SELECT DISTINCT outlet FROM reports WHERE outlet IS NOT NULL ORDER BY outlet")
    return [r[0] for r in rows]


def resolve_outlet(conn: sqlite3.Connection, text: str) -> list[str]:
    """The stored outlet names ``text`` stands for (one, or several spellings of one outlet).

    Raises ``NotFound`` when it names none, or is a part of several names ("post"), listing them."""
    stored = stored_outlets(conn)
    typed = " ".join(text.split())
    if len(typed) > MAX_OUTLET_CHARS:  # no outlet's name is this long; the error quotes it, cut
        typed = typed[:MAX_OUTLET_CHARS] + "…"
    keys = {outlet_key(typed), outlet_key(known_outlet(typed))} - {""}
    same = [o for o in stored if outlet_key(o) in keys]
    if same:
        return same
    key = outlet_key(typed)
    parts = [o for o in stored if len(key) >= MIN_PART and key in outlet_key(o)]
    if len({outlet_key(o) for o in parts}) == 1:
        return parts
    if parts:
        raise NotFound(typed, "names several outlets; give one of: " + ", ".join(parts))
    meant = known_outlet(typed)
    if meant and outlet_key(meant) != key:  # "wsj": a known outlet, but none of the stored reports
        typed = f"{typed} ({meant})"
    if not stored:
        raise NotFound(typed, "no outlet matches: no stored report names its outlet")
    names = {outlet_key(o): o for o in stored}
    close = [names[k] for k in difflib.get_close_matches(key, names, n=5, cutoff=0.5)]
    if close:
        raise NotFound(typed, "no outlet matches; outlets like it: " + ", ".join(close))
    more = f" (and {len(stored) - 10} more)" if len(stored) > 10 else ""
    raise NotFound(typed, "no outlet matches; outlets: " + ", ".join(stored[:10]) + more)
