"""HTML that can run nothing and load nothing: an allow-list sanitizer for the reports.

Every piece of HTML that reaches a report (rendered Markdown cells, ``text/html`` and
``text/markdown`` outputs: tables, the claim viewer, narrative with quotes from the articles) goes
through :func:`clean_html`. It parses the fragment with the standard library's HTML parser and writes
it out again, keeping only:

* tags of :data:`TAGS` (text formatting, lists, tables, images, links, ``details``); the content of
  :data:`DROP_WITH_CONTENT` (``script``, ``style``, ``iframe``, ``object``, ``template``…) is dropped
  whole, any other tag is dropped and its text kept (escaped);
* attributes of :data:`ATTRIBUTES`, none of them an event handler: ``href`` only relative, ``#…``,
  ``http(s):`` or ``mailto:`` (never ``javascript:`` or ``data:``); ``src`` only an embedded
  ``data:image/…`` picture; ``style`` only without ``url(``, ``@import``, ``expression(``,
  backslashes or ``<``;
* text escaped again on the way out, so ``&lt;script&gt;`` stays text.

Text blocks (:data:`BLOCKS`: paragraphs, list items, table cells, headings, quotes) get ``dir="auto"``
when they have no ``dir``, so a Hebrew or Arabic paragraph reads right to left and an English one left
to right; the report's CSS adds ``unicode-bidi: plaintext; text-align: start``.

>>> clean_html('<p onclick="x()">שלום <script>alert(1)</script><b>5$</b></p>')
'<p dir="auto">שלום <b>5$</b></p>'
>>> clean_html('<a href="javascript:alert(1)">x</a><img src=x onerror="alert(1)"><iframe src="http://e"></iframe>')
'<a>x</a>'
>>> clean_html('<a href="data/x.csv">data</a> &lt;script&gt;')
'<a href="data/x.csv" rel="noopener noreferrer">data</a> &lt;script&gt;'
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["TAGS", "ATTRIBUTES", "BLOCKS", "DROP_WITH_CONTENT", "clean_html", "safe_href", "safe_src", "safe_style"]

#: Tags kept (with the attributes :data:`ATTRIBUTES` allows).
TAGS = frozenset("""
a abbr b bdi bdo blockquote br caption code col colgroup dd del details div dl dt em figcaption figure
h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup
table tbody td tfoot th thead time tr u ul var wbr
""".split())
#: Tags dropped together with everything inside them.
DROP_WITH_CONTENT = frozenset("""
script style iframe frame frameset object embed applet template noscript noembed noframes textarea
title head svg math select option button form input link meta base audio video source track canvas
portal
""".split())
#: Attributes kept on any kept tag (``href``, ``src`` and ``style`` are checked further).
ATTRIBUTES = frozenset("""
class dir lang title id colspan rowspan scope headers span abbr alt width height start reversed value
open datetime cite href src style
""".split())
#: Text blocks that get ``dir="auto"``.
BLOCKS = frozenset("p li td th h1 h2 h3 h4 h5 h6 blockquote dd dt caption figcaption summary".split())
_VOID = frozenset("br col hr img wbr".split())
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]+")
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$", re.I)
_BAD_STYLE = re.compile(r"url\s*\(|@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|image-set|[\\<>]",
                        re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def safe_href(value: str) -> str | None:
    """A link target that cannot run code: relative, ``#…``, ``http(s):`` or ``mailto:``; else None.

    >>> [safe_href(v) for v in ("a.csv", "#top", "https://x.org", " JaVa\\tScRiPt:alert(1)", "data:text/html,x")]
    ['a.csv', '#top', 'https://x.org', None, None]
    """
    probe = _CONTROL.sub("", value).lower()
    m = _SCHEME.match(probe)
    if m and m[1] not in ("http", "https", "mailto"):
        return None
    if probe.startswith(("//", "\\\\")):
        return None  # protocol-relative: a remote host
    return value.strip()


def safe_src(value: str) -> str | None:
    """An image source that loads nothing: an embedded PNG, JPEG, GIF or WebP (``data:image/…;base64``)."""
    value = value.strip()
    return value if _DATA_IMAGE.match(value) else None


def safe_style(value: str) -> str | None:
    """An inline style that loads nothing and runs nothing (no ``url(``, ``@import``, ``expression(``…)."""
    probe = _CSS_COMMENT.sub("", value)
    return None if _BAD_STYLE.search(probe) else probe.strip()


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []  # open tags whose content is dropped
        self.open: list[str] = []  # kept tags still open

    def handle_starttag(self, tag: str, attrs, closed: bool = False) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and not closed:
                self.skipping.append(tag)
            return
        if tag in DROP_WITH_CONTENT:
            if not closed and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag not in TAGS:
            return
        kept: dict[str, str] = {}
        for name, value in attrs:
            name = name.lower()
            if name not in ATTRIBUTES or name in kept:
                continue
            value = "" if value is None else value
            if name == "href":
                value = safe_href(value) if tag == "a" else None
            elif name == "src":
                value = safe_src(value) if tag == "img" else None
            elif name == "style":
                value = safe_style(value)
            if value is not None:
                kept[name] = value
        if tag == "img" and "src" not in kept:
            return  # a picture from elsewhere: nothing is loaded, nothing shown
        if tag == "a" and "href" in kept and not kept["href"].startswith("#"):
            kept["rel"] = "noopener noreferrer"
        if tag in BLOCKS and "dir" not in kept:
            kept = {"dir": "auto", **kept}
        attributes = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in kept.items())
        self.out.append(f"<{tag}{attributes}>")
        if tag not in _VOID and not closed:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in self.open:  # close what is still open inside it, then it
            while self.open:
                inner = self.open.pop()
                self.out.append(f"</{inner}>")
                if inner == tag:
                    break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))

    def close(self) -> None:
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def clean_html(fragment) -> str:
    """A fragment of HTML with only what :data:`TAGS` and :data:`ATTRIBUTES` allow (see the module)."""
    if fragment is None:
        return ""
    if isinstance(fragment, list):  # a notebook's multi-line string
        fragment = "".join(fragment)
    cleaner = _Cleaner()
    cleaner.feed(str(fragment))
    cleaner.close()
    return "".join(cleaner.out)
