"""Report text to HTML without ever trusting it: every piece of body text is escaped here, in Python.

Templates never mark report text ``|safe``; they receive ``Markup`` built only by this module from
escaped segments. A body becomes one ``<p>`` per paragraph and one ``<span class="seg">`` per run
of characters that the same marks cover, each carrying ``data-o`` (its body offset) so the page
script can highlight any ``[start, end)`` span, however it arrived (a citation, a ``#start-end`` link).

Unicode direction controls (embeddings, overrides, isolates: U+202A-U+202E, U+2066-U+2069) in untrusted
text would reorder whatever follows them on the page (a sentence's citations, the page's own words).
Plain strings lose them on output (``display``, the templates' ``finalize``); in a body, where offsets
must stay exact, each one becomes a segment of its own that is not laid out (so it cannot take
effect), after an empty tag that shows its place as ``U+202E``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CLASS = re.compile(r"^[a-z][a-z0-9-]*$")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text: str) -> str:
    """``text`` without direction embeddings, overrides and isolates (marks such as U+200F stay)."""
    return BIDI_CONTROLS.sub("", text)


def display(value: object) -> object:
    """The templates' ``finalize``: plain strings lose their direction controls; ``Markup`` is left as built."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_bidi(value)
    return value


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
    for c in BIDI_CONTROLS.finditer(body):
        cuts.update((c.start(), c.end()))
    for m in marks:
        cuts.add(max(0, min(len(body), m.start)))
        cuts.add(max(0, min(len(body), m.end)))
    html: list[str] = []
    for p_start, p_end in paragraphs(body):
        inner = sorted(c for c in cuts if p_start < c < p_end)
        bounds = [p_start, *inner, p_end]
        html.append(f'<p class="para" dir="auto" data-o="{p_start}">')
        for s, e in zip(bounds, bounds[1:], strict=False):
            covering = [m for m in marks if m.start < e and m.end > s]
            classes = " ".join(["seg", *sorted({m.cls for m in covering})])
            titles = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
            text = body[s:e]
            if BIDI_CONTROLS.fullmatch(text):
                code = f"U+{ord(text):04X}"
                html.append(
                    f'<span class="ctl-tag" data-ctl="{code}" title="direction control {code}, not applied"></span>'
                    f'<span class="{classes} ctl" data-o="{s}">{text}</span>'
                )
                continue
            title = f' title="{escape(titles)}"' if titles else ""
            html.append(f'<span class="{classes}" data-o="{s}"{title}>{escape(text)}</span>')
        html.append("</p>")
    return Markup("".join(html))


def marked_text(text: str, spans: Sequence[tuple[int, int]], cls: str = "diff") -> Markup:
    """``text`` escaped (direction controls dropped), with the characters in ``spans`` wrapped in ``<mark>``."""
    out, pos = [], 0
    for s, e in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if s < pos or e <= s:
            continue
        out.append(str(escape(strip_bidi(text[pos:s]))))
        out.append(f'<mark class="{cls}">{escape(strip_bidi(text[s:e]))}</mark>')
        pos = e
    out.append(str(escape(strip_bidi(text[pos:]))))
    return Markup("".join(out))


_LONG_WORD = re.compile(r"\S{41,}")


def tame(value: object, word: int = 40, total: int = 300) -> str:
    """``value`` with every word over ``word`` characters cut to ``word`` plus "…", and the whole to ``total``.

    Labels, titles and entity names come from untrusted text; one 10,000-character "word" in them would
    give its table cell (or chip) a huge minimum width, starving every other column. The page shows
    the tamed text and keeps the full one in a ``title`` attribute.
    """
    text = "" if value is None else str(value)
    pattern = _LONG_WORD if word == 40 else re.compile(rf"\S{{{word + 1},}}")
    text = pattern.sub(lambda m: m.group()[:word] + "…", text)
    return text if len(text) <= total else text[: total - 1].rstrip() + "…"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``"1 report"`` / ``"3 reports"``: counts on the pages read as English."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
