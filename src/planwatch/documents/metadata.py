"""What a report says about itself: title, issuing body, date, year and the period reported on.

Everything is read from the text as written (the title block at the top, the dated line of a
speech, a date at the end, the opening sentences and the first heading); a field the text
does not state is ``None``.  Pure functions of text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from planwatch.documents import vocabulary as vocab
from planwatch.documents.outline import chinese_small_number


@dataclass(frozen=True)
class DocumentMetadata:
    """Facts about the document itself.

    ``year`` is the calendar year the document speaks from (what its 今年 means): the year of
    its date, else the year after a reviewed year (a 政府工作报告 reviewing 2024 is given in
    2025), else the year of the period reported on.  ``period`` is an ISO 8601 interval of
    months, ``"2025-01/2025-06"`` for 1—6月 of 2025, ``"2024-01/2024-12"`` for a whole year.
    """

    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    period: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The metadata as JSON-ready data."""
        return asdict(self)


_CJK = r"\u3400-\u9fff"
_SPACED_CJK = re.compile(rf"^(?:[{_CJK}][ \u3000]+)+[{_CJK}]$")
_DATE = re.compile(vocab.DATE_PATTERN)
_ISSUER_NAME = "|".join(re.escape(s) for s in vocab.ISSUER_SUFFIXES)
_ISSUER_LINE = re.compile(rf"^[{_CJK}（）()]{{0,30}}?(?:{_ISSUER_NAME})$")
_ISSUER_PREFIX = re.compile(rf"^(?P<body>[{_CJK}]{{0,30}}?(?:{_ISSUER_NAME}))(?=关于)")
_POSITIONS = "|".join(re.escape(p) for p in vocab.POSITION_WORDS)
_SIGNATURE = re.compile(rf"^(?P<body>[{_CJK}]{{0,30}}?(?:{_ISSUER_NAME}))(?:{_POSITIONS})[ \u3000\t]*[{_CJK}·]{{2,5}}$")
_NUMERIC_DATE = re.compile(
    r"^(?:" + "|".join(map(re.escape, vocab.DATE_LABELS)) + r")[:：]?\s*"
    r"(?P<y>(?:19|20)[0-9]{2})[-./](?P<m>[0-9]{1,2})[-./](?P<d>[0-9]{1,2})(?![0-9])"
)
_SPEAKER = re.compile(vocab.SPEAKER_PATTERN)
_HEADING_START = re.compile(vocab.heading_opening(vocab.BODY_HEADING_STYLES))
_DASHES = f"[{vocab.RANGE_DASHES}]"
_MONTH_RANGE = re.compile(
    rf"(?:(?P<y>(?:19|20)[0-9]{{2}})年)?(?P<m1>1[0-2]|[1-9])(?:月份?)?{_DASHES}(?P<m2>1[0-2]|[1-9])月"
)
_SINGLE_MONTH = re.compile(r"(?P<y>(?:19|20)[0-9]{2})年(?P<m>1[0-2]|[1-9])月(?:份)?(?![0-9]|[末底初中]|日|号)")
_PERIOD_WORD = re.compile(
    r"(?:(?P<y>(?:19|20)[0-9]{2})年(?:度)?)?(?P<w>" + "|".join(map(re.escape, vocab.PERIOD_WORDS)) + ")"
)
_WHOLE_YEAR = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2})年(?:度)?(?:全市|全区|全县|全省|全国|我市|我区|我县|我省)?(?P<cue>"
    + "|".join(map(re.escape, vocab.WHOLE_YEAR_CUES))
    + ")"
)

HEAD_LINES = 12
MAX_TITLE_CHARS = 80


def _clean(line: str) -> str:
    line = line.strip().strip("\ufeff").strip()
    if _SPACED_CJK.match(line):  # "政 府 工 作 报 告"
        line = re.sub(r"[ \u3000]+", "", line)
    return line


def _head_lines(text: str) -> list[str]:
    """The non-empty lines above the first heading (at most ``HEAD_LINES``), cleaned."""
    lines = []
    for raw in text.splitlines():
        line = _clean(raw)
        if not line:
            continue
        if _HEADING_START.match(line) or len(lines) >= HEAD_LINES:
            break
        lines.append(line)
    return lines


def _tail_lines(text: str, count: int = 6) -> list[str]:
    lines = [_clean(raw) for raw in text[-2000:].splitlines()]
    return [line for line in lines if line][-count:]


def _is_date_line(line: str) -> bool:
    """A line that dates the document: ──2025年7月28日在…会议上, （2025年7月28日）, 二〇二五年七月二十八日."""
    if line[:1] in vocab.DATE_LINE_LEADS:
        return bool(_DATE.search(line))
    bare = line.strip("()（）")
    match = _DATE.match(bare)
    if match is None:
        return False
    rest = bare[match.end() :]
    return not rest or rest.startswith(vocab.DATE_LINE_TAILS)


def _labelled_numeric_date(line: str) -> dt.date | None:
    """发布日期：2025-07-30 (web pages put the date so); only on a line that says it is a date."""
    match = _NUMERIC_DATE.match(line)
    if match is None:
        return None
    try:
        return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def _is_title_like(line: str) -> bool:
    return (
        len(line) <= MAX_TITLE_CHARS
        and "。" not in line
        and not line.endswith(vocab.SALUTATION_ENDINGS)
        and not _is_date_line(line)
        and not _SIGNATURE.match(line)
    )


def _title(head: list[str]) -> str | None:
    for i, line in enumerate(head):
        if not _is_title_like(line) or _ISSUER_LINE.match(line):
            continue
        if line.endswith(vocab.TITLE_ENDINGS):
            return line
        if "关于" in line:  # a title broken over lines: 关于…和 / 社会发展…的报告
            joined = line
            for follow in head[i + 1 : i + 4]:
                if not _is_title_like(follow):
                    break
                joined += follow
                if follow.endswith(vocab.TITLE_ENDINGS):
                    return joined
    first = head[0] if head else None
    if first and _is_title_like(first) and not _ISSUER_LINE.match(first) and "，" not in first:
        return first
    return None


def _issuer(head: list[str], tail: list[str], text: str) -> str | None:
    for line in head:
        if _ISSUER_LINE.match(line):
            return line
    for line in head:
        if match := _ISSUER_PREFIX.match(line):
            return match.group("body")
    for line in head:
        if match := _SIGNATURE.match(line):
            return match.group("body")
    for line in tail:
        if _ISSUER_LINE.match(line) and len(line) <= 30:
            return line
    if match := _SPEAKER.search(text[: vocab.OPENING_WINDOW]):
        return match.group("body")
    return None


def _numeral_year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = [vocab.CN_DIGITS.get(ch) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


def _parse_date(match: re.Match[str]) -> dt.date | None:
    year = _numeral_year(match.group("y"))
    month, day = (int(g) if g.isdigit() else chinese_small_number(g) for g in (match.group("m"), match.group("d")))
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date(head: list[str], tail: list[str]) -> dt.date | None:
    for line in head + list(reversed(tail)):
        if _is_date_line(line) and (match := _DATE.search(line)):
            return _parse_date(match)
    for line in head + list(reversed(tail)):
        if labelled := _labelled_numeric_date(line):
            return labelled
    return None


def _interval(year: int, first: int, last: int) -> str:
    return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"


def _period_in(passage: str, year: int | None) -> tuple[str, int, bool] | None:
    """The first period stated in ``passage``: (interval, its year, whether it is a reviewed year)."""
    found: list[tuple[int, str, int, bool]] = []
    if match := _MONTH_RANGE.search(passage):
        y = int(match.group("y")) if match.group("y") else year
        first, last = int(match.group("m1")), int(match.group("m2"))
        if y is not None and first <= last:
            found.append((match.start(), _interval(y, first, last), y, False))
    if match := _PERIOD_WORD.search(passage):
        y = int(match.group("y")) if match.group("y") else year
        # a bare 全年 in prose ("完成全年目标") is a goal, not the period reported on
        if y is not None and (match.group("y") or match.group("w") not in vocab.YEAR_BOUND_WORDS):
            first, last = vocab.PERIOD_WORDS[match.group("w")]
            found.append((match.start(), _interval(y, first, last), y, False))
    if match := _WHOLE_YEAR.search(passage):
        y = int(match.group("y"))
        found.append((match.start(), _interval(y, 1, 12), y, match.group("cue") in vocab.REVIEW_CUES))
    if not found:
        return None
    _, interval, y, review = min(found)
    return interval, y, review


def _single_month(title: str) -> tuple[str, int, bool] | None:
    """A title about one month: 江川市2025年5月经济运行简况 → 2025-05/2025-05."""
    if match := _SINGLE_MONTH.search(title):
        y, m = int(match.group("y")), int(match.group("m"))
        return _interval(y, m, m), y, False
    return None


def _first_heading_titles(text: str, count: int = 1) -> list[str]:
    titles = []
    for raw in text.splitlines():
        line = _clean(raw)
        if _HEADING_START.match(line):
            titles.append(line[:MAX_TITLE_CHARS])
            if len(titles) >= count:
                break
    return titles


def read_metadata(text: str, *, fallback_year: int | None = None) -> DocumentMetadata:
    """Return the title, issuer, date, year and period that ``text`` states about itself.

    ``fallback_year`` is used only when the text names no year of its own (a statistics
    bureau's 上半年经济运行分析 often does not): callers pass what they know from outside the
    text, such as a year in the file name.
    """
    head = _head_lines(text)
    tail = _tail_lines(text)
    title = _title(head)
    date = _date(head, tail)
    year_hint = date.year if date else None
    if year_hint is None and title and (match := re.search(r"((?:19|20)[0-9]{2})年", title)):
        year_hint = int(match.group(1))
    if year_hint is None:
        year_hint = fallback_year
    opening = "\n".join(head)[: vocab.OPENING_WINDOW]
    passages = [title or "", opening, *_first_heading_titles(text)]
    period = next((found for p in passages if (found := _period_in(p, year_hint))), None)
    if period is None and title and (month := _single_month(title)):
        period = month
    if period is None and title and year_hint and title.endswith(vocab.ANNUAL_REVIEW_TITLES):
        # a 政府工作报告 is given early in a year and reviews the year before
        period = (_interval(year_hint - 1, 1, 12), year_hint - 1, True)
    year = year_hint
    if year is None and period is not None:
        _, period_year, review = period
        year = period_year + 1 if review else period_year
    return DocumentMetadata(
        title=title,
        issuer=_issuer(head, tail, text),
        date=date.isoformat() if date else None,
        year=year,
        period=period[0] if period else None,
    )
