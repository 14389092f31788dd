"""Web pages: the main text of the page, without scripts, styles, menus and page furniture.

Government sites wrap a report in navigation, a 当前位置 breadcrumb, share buttons, related
links and a footer.  These are dropped by tag and by class/id words; of what remains, the
main text is ``<article>``/``<main>`` when present, else the deepest block that still holds
most of the page's non-link text.  Block elements become line breaks, table cells tabs.
"""

from __future__ import annotations

import re

from planwatch.documents.encoding import NotText, decode_bytes
from planwatch.documents.readers.base import Unreadable, squeeze_spaces_between_wide

# Elements that never hold the report's text.
DROP_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "canvas", "button", "select", "input", "textarea", "menu", "object", "embed", "head",
)
# Words in a class or id that mark page furniture.
JUNK_MARKERS: tuple[str, ...] = (
    "nav", "menu", "breadcrumb", "crumb", "share", "bdshare", "fenxiang", "footer", "header", "sidebar", "toolbar",
    "pagination", "pager", "position", "location", "dqwz", "topbar", "copyright", "related", "xgxx", "comment",
    "search", "login", "banner", "advert",
)
# Short blocks whose text starts with one of these are furniture too.
JUNK_TEXT_OPENINGS: tuple[str, ...] = (
    "当前位置", "您现在的位置", "您的位置", "所在位置", "分享到", "【打印】", "打印本页", "关闭窗口", "【关闭】",
    "扫一扫", "相关链接", "上一篇", "下一篇",
)
JUNK_TEXT_MAX = 200
BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "blockquote", "body", "center", "dd", "div", "dl", "dt", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody",
        "thead", "tfoot", "tr", "ul", "caption",
    }
)
CELL_TAGS: frozenset[str] = frozenset({"td", "th"})
CONTAINER_TAGS: frozenset[str] = frozenset({"div", "section", "article", "main", "td", "body", "center"})
JUNK_WRAPPER_SHARE = 0.5
MAIN_SHARE = 0.8  # the main block keeps at least this share of its parent's text
ARTICLE_SHARE = 0.3  # an <article>/<main> is the main text when it holds this share of the page
KEEP_TAGS: frozenset[str] = frozenset({"html", "body", "main", "article"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a meta tag within its first bytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _is_junk(element, page_weight: int) -> bool:
    if element.name in KEEP_TAGS:
        return False
    marks = " ".join([*(element.get("class") or []), element.get("id") or "", element.get("role") or ""]).lower()
    if marks and any(marker in marks for marker in JUNK_MARKERS):
        # a wrapper named like furniture that holds most of the page is the page
        return _text_weight(element) <= JUNK_WRAPPER_SHARE * page_weight
    if element.name in BLOCK_TAGS or element.name in CELL_TAGS:
        text = _short_text(element, JUNK_TEXT_MAX)
        if text is not None and text.startswith(JUNK_TEXT_OPENINGS):
            return True
    return False


def _short_text(element, limit: int) -> str | None:
    """The stripped text of ``element`` if it has at most ``limit`` characters, else None.

    Stops reading as soon as the limit is passed, so checking every block stays cheap.
    """
    parts: list[str] = []
    size = 0
    for piece in element.stripped_strings:
        size += len(piece) + 1
        if size > limit + 1:
            return None
        parts.append(piece)
    return " ".join(parts)


def _remove_furniture(soup) -> None:
    from bs4 import Comment, Declaration, Doctype, ProcessingInstruction

    for node in soup.find_all(string=lambda s: isinstance(s, Comment | Doctype | Declaration | ProcessingInstruction)):
        node.extract()
    for element in soup.find_all(DROP_TAGS):
        element.decompose()
    page_weight = _text_weight(soup.body or soup)
    for element in soup.find_all(True):
        if element.decomposed or element.parent is None:
            continue
        if _is_junk(element, page_weight):
            element.decompose()


def _text_weight(element) -> int:
    """Characters of text outside links: what a reader would read, not click."""
    total = len(_SPACE.sub("", element.get_text()))
    links = sum(len(_SPACE.sub("", a.get_text())) for a in element.find_all("a"))
    return total - links


def _main_block(soup):
    body = soup.body or soup
    candidates = [el for el in soup.find_all(["article", "main"]) if _text_weight(el) > 0]
    if candidates:
        best = max(candidates, key=_text_weight)
        if _text_weight(best) >= ARTICLE_SHARE * _text_weight(body):
            return best
    block = body
    while True:
        weight = _text_weight(block)
        inner = max(block.find_all(CONTAINER_TAGS, recursive=False), key=_text_weight, default=None)
        if inner is None or weight <= 0 or _text_weight(inner) < MAIN_SHARE * weight:
            return block
        block = inner


def _render(element) -> str:
    """Text of ``element`` with block elements as line breaks and cells as tabs."""
    from bs4 import NavigableString

    parts: list[str] = []

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                parts.append(_SPACE.sub(" ", str(child)))
            elif child.name == "br":
                parts.append("\n")
            elif child.name in CELL_TAGS:
                parts.append("\t")
                walk(child)
            elif child.name in BLOCK_TAGS:
                parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(element)
    lines = []
    for raw in "".join(parts).split("\n"):
        cells = [squeeze_spaces_between_wide(cell.strip(" ")) for cell in raw.split("\t")]
        cells = [cell for cell in cells if cell]
        if cells:
            lines.append("\t".join(cells))
    return "\n".join(lines)


def read_html(data: bytes) -> str:
    """The main text of a web page, one line per block."""
    from bs4 import BeautifulSoup

    try:
        markup, _codec = decode_bytes(data, declared_charset(data))
    except NotText as exc:
        raise Unreadable(f"网页无法解码：{exc}") from None
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:
        raise Unreadable(f"网页无法解析（cannot parse HTML: {type(exc).__name__}）") from None
    if soup.find(True) is None:
        raise Unreadable("不是网页（no HTML elements）")
    _remove_furniture(soup)
    block = _main_block(soup)
    text = _render(block)
    title = soup.find("h1")
    if title is not None and block not in title.parents and title not in block.parents:
        # the page title often sits in its own block above the article text
        heading = _render(title)
        if heading and not text.startswith(heading):
            text = f"{heading}\n{text}"
    return text
