"""Web pages: the main text of the page, without scripts, styles, menus and page furniture.

Government sites wrap a report in navigation, a 当前位置 breadcrumb, share buttons, related
links and a footer.  These are dropped by tag and by class/id words; of what remains, the
main text is ``<article>``/``<main>`` when present, else the deepest block that still holds
most of the page's non-link text.  Block elements become line breaks, table cells tabs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass
class _Measure:
    """Text of one element: characters outside and inside links, and how its text opens."""

    text: int = 0
    links: int = 0
    opening: str = ""

    @property
    def weight(self) -> int:
        """Characters a reader would read, not click."""
        return self.text - self.links


def _measure(root) -> dict[int, _Measure]:
    """Measure every element under ``root`` in one bottom-up pass (linear even for deep nesting)."""
    from bs4 import NavigableString

    elements = [root, *root.find_all(True)]
    measures: dict[int, _Measure] = {}
    for element in reversed(elements):  # children before their parents
        measure = _Measure()
        pieces: list[str] = []
        for child in element.children:
            if isinstance(child, NavigableString):
                squeezed = _SPACE.sub("", str(child))
                measure.text += len(squeezed)
                piece = str(child).strip()
            else:
                inner = measures.get(id(child), _Measure())
                measure.text += inner.text
                measure.links += inner.links
                piece = inner.opening
            if piece and len(" ".join(pieces)) <= JUNK_TEXT_MAX:
                pieces.append(piece)
        if element.name == "a":
            measure.links = measure.text
        measure.opening = " ".join(pieces)[: JUNK_TEXT_MAX + 1]
        measures[id(element)] = measure
    return measures


def _is_junk(element, measure: _Measure, page_weight: int) -> bool:
    if element.name in KEEP_TAGS:
        return False
    marks = " ".join([*(element.get("class") or []), element.get("id") or "", element.get("role") or ""]).lower()
    if marks and any(marker in marks for marker in JUNK_MARKERS):
        # a wrapper named like furniture that holds most of the page is the page
        return measure.weight <= JUNK_WRAPPER_SHARE * page_weight
    return (
        (element.name in BLOCK_TAGS or element.name in CELL_TAGS)
        and measure.text <= JUNK_TEXT_MAX
        and measure.opening.startswith(JUNK_TEXT_OPENINGS)
    )


def _remove_furniture(soup) -> None:
    from bs4 import Comment, Declaration, Doctype, ProcessingInstruction

    for node in soup.find_all(string=lambda s: isinstance(s, Comment | Doctype | Declaration | ProcessingInstruction)):
        node.extract()
    for element in soup.find_all(DROP_TAGS):
        if not element.decomposed:
            element.decompose()
    root = soup.body or soup
    measures = _measure(root)
    page_weight = measures[id(root)].weight
    junk = [element for element in root.find_all(True) if _is_junk(element, measures[id(element)], page_weight)]
    for element in junk:  # in document order: an ancestor goes first and takes its descendants along
        if not element.decomposed:
            element.decompose()


def _main_block(soup):
    body = soup.body or soup
    measures = _measure(body)

    def weight(element) -> int:
        return measures[id(element)].weight

    articles = [el for el in body.find_all(["article", "main"]) if weight(el) > 0]
    if articles:
        best = max(articles, key=weight)
        if weight(best) >= ARTICLE_SHARE * weight(body):
            return best
    block = body
    while True:
        inner = max(block.find_all(CONTAINER_TAGS, recursive=False), key=weight, default=None)
        if inner is None or weight(block) <= 0 or weight(inner) < MAIN_SHARE * weight(block):
            return block
        block = inner


def _render(element) -> str:
    """Text of ``element`` with block elements as line breaks and cells as tabs (iterative: no depth limit)."""
    from bs4 import NavigableString

    parts: list[str] = []
    stack = [iter(element.children)]
    closers: list[str] = [""]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            parts.append(closers.pop())
            continue
        if isinstance(child, NavigableString):
            parts.append(_SPACE.sub(" ", str(child)))
            continue
        if child.name == "br":
            parts.append("\n")
            continue
        if child.name in CELL_TAGS:
            opener, closer = "\t", ""
        elif child.name in BLOCK_TAGS:
            opener, closer = "\n", "\n"
        else:
            opener, closer = "", ""
        parts.append(opener)
        stack.append(iter(child.children))
        closers.append(closer)
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
