"""Invented inputs for the ingest tests (no third-party text: every word here was written for them)."""

from __future__ import annotations

PARAGRAPHS = [
    "The harbour council of Velmora voted on Tuesday to close the old ferry pier for repairs, "
    "after inspectors found cracks in three of its concrete supports.",
    "\u201cWe cannot let people walk over a pier that might fall into the sea,\u201d said council "
    "chair Odile Brannock, adding that the work would take about six weeks.",
    "Ferry passengers will board at the north quay until the pier reopens, the council said in a "
    "statement, and extra buses will run between the quay and the town centre.",
]


def article_html(
    title: str = "Velmora closes ferry pier for repairs",
    date: str | None = "2021-03-09",
    url: str | None = "https://velmora-gazette.test/news/pier",
    site: str | None = "Velmora Gazette",
    paragraphs: list[str] | None = None,
    charset: str = "utf-8",
) -> str:
    """A news page with the usual clutter around the article (menu, share links, footer)."""
    meta = [f'<meta charset="{charset}">', f"<title>{title} | Gazette</title>"]
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}T08:30:00Z">')
    if url:
        meta.append(f'<link rel="canonical" href="{url}">')
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return (
        "<!DOCTYPE html><html><head>" + "".join(meta) + "</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        '<footer><p>Copyright Gazette Group. <a href="/terms">Terms of use</a></p></footer>'
        "</body></html>"
    )
