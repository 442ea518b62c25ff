"""Markup inside an article's text: HTML tags, and script and style elements.

A page saved from the web may keep some of its markup (``<img src=x onerror=…>``,
``<script>alert(1)</script>``). Numbers inside tags, attributes and script or style
elements are not reported numbers. :func:`blank_markup` blanks them in a
normalized copy, character for character, so offsets stay where they were.

>>> blank_markup('a <img width=300 src="x"> 5 <script>f(1)</script>b').split()
['a', '5', 'b']
"""

from __future__ import annotations

import re

__all__ = ["MARKUP", "blank_markup"]

#: A script or style element (with its content), an HTML comment, or one tag with its attributes.
MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>",
    re.IGNORECASE | re.DOTALL,
)


def blank_markup(text: str) -> str:
    """``text`` with every markup span replaced by spaces (same length, line breaks kept)."""
    if "<" not in text:
        return text
    return MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
