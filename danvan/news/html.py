"""The rich text an article's body may hold: the tags and attributes are data, everything else is stripped."""

import html as entities
import re

import nh3

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "h2", "h3", "blockquote", "a", "figure", "figcaption"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
# What a writer must be told about when it is removed: code or styling, not merely an unknown tag such as <span>.
ACTIVE_CONTENT = re.compile(r"<\s*(script|style|iframe|object|embed|link|meta)\b|\son\w+\s*=|\sstyle\s*=|javascript\s*:", re.IGNORECASE)


def sanitised(html):
    """(the body as it may be stored, whether scripts or styles were removed from it)."""
    clean = nh3.clean(html or "", tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel="noopener noreferrer nofollow")
    return clean.strip(), bool(ACTIVE_CONTENT.search(html or ""))


def plain_text(html):
    """The words of a body, for search and for a feed's summary."""
    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", html or ""))).strip()
