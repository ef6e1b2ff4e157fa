"""Report text to HTML without ever trusting it: every piece of body text is escaped here, in Python.

Templates never mark report text ``|safe``; they receive ``Markup`` built only by this module from
escaped segments. A body becomes one ``<p>`` per paragraph and one ``<span class="seg">`` per run
of characters that the same marks cover, each carrying ``data-o`` (its body offset) so the page
script can highlight any ``[start, end)`` span, however it arrived (a citation, a ``#start-end`` link).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CLASS = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Mark:
    """A span of a body to colour with a CSS class (``quote``, ``shared``, ``only``, ``diff``...)."""

    start: int
    end: int
    cls: str
    title: str = ""


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank paragraphs of ``body`` (paragraphs are separated by a blank line)."""
    out, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        if body[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if body[pos:].strip():
        out.append((pos, len(body)))
    return out


def render_body(body: str, marks: Iterable[Mark] = ()) -> Markup:
    """The body as escaped HTML paragraphs, with each mark's characters wrapped in its class."""
    marks = [m for m in marks if m.end > m.start and _CLASS.match(m.cls)]
    cuts = {0, len(body)}
    for m in marks:
        cuts.add(max(0, min(len(body), m.start)))
        cuts.add(max(0, min(len(body), m.end)))
    html: list[str] = []
    for p_start, p_end in paragraphs(body):
        inner = sorted(c for c in cuts if p_start < c < p_end)
        bounds = [p_start, *inner, p_end]
        html.append(f'<p class="para" data-o="{p_start}">')
        for s, e in zip(bounds, bounds[1:], strict=False):
            covering = [m for m in marks if m.start < e and m.end > s]
            classes = " ".join(["seg", *sorted({m.cls for m in covering})])
            titles = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
            title = f' title="{escape(titles)}"' if titles else ""
            html.append(f'<span class="{classes}" data-o="{s}"{title}>{escape(body[s:e])}</span>')
        html.append("</p>")
    return Markup("".join(html))


def marked_text(text: str, spans: Sequence[tuple[int, int]], cls: str = "diff") -> Markup:
    """``text`` escaped, with the characters in ``spans`` (offsets into ``text``) wrapped in ``<mark>``."""
    out, pos = [], 0
    for s, e in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if s < pos or e <= s:
            continue
        out.append(str(escape(text[pos:s])))
        out.append(f'<mark class="{cls}">{escape(text[s:e])}</mark>')
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
