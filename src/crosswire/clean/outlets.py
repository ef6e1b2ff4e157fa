"""Outlet names from web addresses: a small table of well-known outlets, then a generic rule.

The table only holds names the generic rule would get wrong ("nytimes" is not "The New York
Times"); any other domain becomes its registrable label, title-cased ("haaretz.com" -> "Haaretz").
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

KNOWN: dict[str, str] = {
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "afp.com": "AFP",
    "cnn.com": "CNN",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "espn.go.com": "ESPN",
    "espn.com": "ESPN",
    "abc.net.au": "ABC News (Australia)",
    "upi.com": "UPI",
    "npr.org": "NPR",
    "usatoday.com": "USA Today",
    "latimes.com": "Los Angeles Times",
    "nypost.com": "New York Post",
    "huffpost.com": "HuffPost",
    "huffingtonpost.com": "HuffPost",
    "thehill.com": "The Hill",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "theatlantic.com": "The Atlantic",
    "aljazeera.com": "Al Jazeera",
    "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post",
    "ynetnews.com": "Ynetnews",
    "dailymail.co.uk": "Daily Mail",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "rt.com": "RT",
    "tass.com": "TASS",
    "dw.com": "DW",
    "france24.com": "France 24",
    "aawsat.com": "Asharq Al-Awsat",
    "arabnews.com": "Arab News",
    "msnbc.com": "MSNBC",
    "cnbc.com": "CNBC",
    "haaretz.co.il": "Haaretz",
}

# Short names scrapers and corpora give outlets in file names ("nyt_2016-09-12_slug.txt"), besides
# each known domain's own label ("nytimes", "washingtonpost"). Only a file name that starts with one
# of these names an outlet; anything else is left alone rather than guessed from.
FILE_SLUGS: dict[str, str] = {
    "nyt": "The New York Times",
    "wapo": "The Washington Post",
    "wash-post": "The Washington Post",
    "washpost": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "breitbart": "Breitbart",
    "politico": "Politico",
    "huff-post": "HuffPost",
    "usa-today": "USA Today",
    "west-journal": "The Western Journal",
    "western-journal": "The Western Journal",
    "fox-news": "Fox News",
    "guardian": "The Guardian",
    "ap": "AP",
    "la-times": "Los Angeles Times",
    "ny-post": "New York Post",
    "daily-mail": "Daily Mail",
    "al-jazeera": "Al Jazeera",
}
_FILE_LABELS = {**{d.split(".")[0]: name for d, name in KNOWN.items()}, **FILE_SLUGS}
_SLUG_END = re.compile(r"[_.]|-(?=\d)")

# Two-part public suffixes common in news domains; enough to find the registrable label.
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}
_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")
# Portals and blog hosts whose sites are told apart by the label before them ("espn.go.com",
# "someone.substack.com"): the registrable label names the host, not the outlet.
_HOSTS = {
    "go.com",
    "blogspot.com",
    "wordpress.com",
    "substack.com",
    "tumblr.com",
    "typepad.com",
    "medium.com",
}


def host_of(address: str) -> str | None:
    """The lowercased host of a URL or bare domain ("www.x.com/path"), without "www."."""
    text = address.strip()
    if "://" not in text:
        text = "http://" + text
    host = (urlsplit(text).hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if _DOMAIN.match(host) else None


def registrable(host: str) -> str:
    """The registered domain: "news.bbc.co.uk" -> "bbc.co.uk", "edition.cnn.com" -> "cnn.com"."""
    parts = host.split(".")
    keep = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 2
    return ".".join(parts[-keep:])


def outlet_from_domain(address: str) -> str | None:
    """A readable outlet name for a URL or domain, or None if it is not one."""
    host = host_of(address)
    if not host:
        return None
    for candidate in (host, registrable(host)):
        if candidate in KNOWN:
            return KNOWN[candidate]
    domain = registrable(host)
    label = domain.split(".")[0]
    if domain in _HOSTS and host != domain:
        label = host[: -len(domain) - 1].split(".")[-1]
    words = re.split(r"[-_]+", label)
    return " ".join(_word_case(w) for w in words if w) or None


def _word_case(word: str) -> str:
    """A short label without a vowel is an acronym ("cbc" -> "CBC", "ndtv" -> "NDTV"); else a name."""
    if len(word) <= 5 and word.isalpha() and not set(word) & set("aeiouy"):
        return word.upper()
    return word.capitalize()


def outlet_from_file_name(uri: str) -> tuple[str, str] | None:
    """(outlet, slug) when a local file's name starts with a known outlet slug ("wash-post_2016-…").

    The slug must be the whole first part of the name, up to "_", "." or "-" before a digit, so
    "nyt_…" names The New York Times and "nytimes-review.txt" or "apple_…" name nothing.
    """
    if re.match(r"[a-z][a-z0-9+.-]*://", uri, re.I) and not uri.lower().startswith("file://"):
        return None
    name = re.split(r"[\\/]", uri.split("#", 1)[0])[-1].lower()
    end = _SLUG_END.search(name)
    first = name[: end.start()] if end else name
    label = _FILE_LABELS.get(first)
    return (label, first) if label else None


def known_outlet(text: str) -> str | None:
    """The outlet a short name, file-name slug or known domain stands for ("nyt", "usa-today",
    "washingtonpost", "nytimes.com"), or None: what a user may type for an outlet this stage named
    from a file name or an address, so a filter on "nyt" finds "The New York Times"."""
    label = re.sub(r"[\s_]+", "-", text.strip().lower())
    if label in _FILE_LABELS:
        return _FILE_LABELS[label]
    host = host_of(label) if "." in label else None
    return next((KNOWN[c] for c in (host, registrable(host)) if c in KNOWN), None) if host else None
