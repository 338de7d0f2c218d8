"""Date attributes: valid values, and ranges that do not run backwards.

`when`, `notBefore`, `notAfter`, `from`, `to` take the W3C (XML Schema) forms
TEI's teidata.temporal.w3c allows: `-0050`, `1926`, `1926-06`, `1926-06-24`,
`1926-06-24T10:00:00`, `10:00:00`, `--06-24`, `--06`, `---24`, each with an
optional time zone. The `-iso` variants take ISO 8601 more broadly (basic
format, week and ordinal dates, reduced times, durations, intervals). Where
`from`/`to` are not dates (pointers on span, pages on biblScope), they are
not checked here (pointer_attributes.NOT_TEMPORAL, from tei_all).
"""

from __future__ import annotations

import calendar
import re

from editio.check.rules import Context, rule
from editio.check.rules.pointer_attributes import NOT_TEMPORAL
from editio.core.diagnostics import error
from editio.core.namespaces import TEI as _TEI

_TZ = r"(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))?"
_YEAR = r"(?P<year>-?(?:[1-9]\d{4,}|\d{4}))"
_TIME = r"(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d):(?P<second>[0-5]\d(?:\.\d+)?)|24:00:00(?:\.0+)?"
_W3C = [
    re.compile(rf"{_YEAR}{_TZ}"),
    re.compile(rf"{_YEAR}-(?P<month>\d\d){_TZ}"),
    re.compile(rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d){_TZ}"),
    re.compile(rf"{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)T(?:{_TIME}){_TZ}"),
    re.compile(rf"(?:{_TIME}){_TZ}"),
    re.compile(rf"--(?P<month>\d\d)-(?P<day>\d\d){_TZ}"),
    re.compile(rf"--(?P<month>\d\d){_TZ}"),
    re.compile(rf"---(?P<day>\d\d){_TZ}"),
]
_ISO_TZ = r"(?:Z|[+-]\d\d(?::?\d\d)?)?"
_ISO_TIME = r"\d\d(?::?\d\d(?::?\d\d(?:[.,]\d+)?)?)?"
_ISO = [
    re.compile(r"(?P<year>[+-]?\d{4,})"),
    re.compile(r"(?P<year>\d\d)"),  # century
    re.compile(r"(?P<year>[+-]?\d{4,})-(?P<month>\d\d)"),
    re.compile(rf"(?P<year>[+-]?\d{{4,}})-?(?P<month>\d\d)-?(?P<day>\d\d)(?:T{_ISO_TIME}{_ISO_TZ})?"),
    re.compile(rf"(?P<year>[+-]?\d{{4,}})-?W(?P<week>\d\d)(?:-?[1-7])?(?:T{_ISO_TIME}{_ISO_TZ})?"),
    re.compile(rf"(?P<year>[+-]?\d{{4,}})-?(?P<ordinal>\d\d\d)(?:T{_ISO_TIME}{_ISO_TZ})?"),
    re.compile(rf"T?{_ISO_TIME}{_ISO_TZ}"),
    re.compile(r"--(?P<month>\d\d)-?(?P<day>\d\d)"),
]

_ORDER = (("from", "to"), ("notBefore", "notAfter"))


_DURATION = re.compile(
    r"P(?=\d|T\d)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?"
    r"(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?"
    r"(?:\d+(?:[.,]\d+)?S)?)?"
)


def parse_iso(value: str) -> tuple[tuple, tuple] | None | str:
    """ISO 8601 as teidata.temporal.iso allows: a date or time, a duration, or an interval A/B."""
    if "/" in value:
        parts = value.split("/")
        if len(parts) != 2:
            return "not an ISO 8601 date or interval"
        bounds = []
        for part in parts:
            if part in ("", "..") or _DURATION.fullmatch(part):
                bounds.append(None)
                continue
            result = parse(part, iso=True)
            if isinstance(result, str):
                return f"{result} (in interval '{value}')"
            bounds.append(result)
        if bounds[0] and bounds[1]:
            if bounds[0][0] > bounds[1][1]:
                return "interval runs backwards"
            return (bounds[0][0], bounds[1][1])
        return None
    if _DURATION.fullmatch(value):
        return None
    return parse(value, iso=True)


def parse(value: str, iso: bool = False) -> tuple[tuple, tuple] | None | str:
    """(earliest, latest) moments as comparable tuples; None if no year (not comparable);
    a string saying what is wrong when the value is not valid."""
    for pattern in _ISO if iso else _W3C:
        m = pattern.fullmatch(value)
        if m is None:
            continue
        parts = m.groupdict()
        year = parts.get("year")
        month = int(parts["month"]) if parts.get("month") else None
        day = int(parts["day"]) if parts.get("day") else None
        if month is not None and not 1 <= month <= 12:
            return f"month {month:02d} does not exist"
        if day is not None and not 1 <= day <= _days_in(year, month):
            return f"day {day:02d} does not exist" + (f" in month {month:02d}" if month else "")
        if not iso and year is not None and int(year) == 0:
            return "year 0000 does not exist (1 BC is -0001)"
        if year is None or len(year.lstrip("+-")) < 4:
            return None
        y = int(year)
        if parts.get("week") or parts.get("ordinal"):
            return ((y, 1, 1), (y, 12, 31))
        start = (y, month or 1, day or 1)
        end = (y, month or 12, day or _days_in(year, month or 12))
        return (start, end)
    if re.fullmatch(r"-?\d{1,3}", value):
        return f"a year has at least four digits (write '{_padded(value)}')"
    return "not a date in the forms TEI allows" if not iso else "not an ISO 8601 date"


def _padded(value: str) -> str:
    return ("-" if value.startswith("-") else "") + value.lstrip("-").zfill(4)


def _days_in(year: str | None, month: int | None) -> int:
    if month is None:
        return 31
    if month != 2:
        return calendar.monthrange(2001, month)[1]
    if year is None or len(year.lstrip("+-")) < 4 or int(year) <= 0:
        return 29  # no year, or BC years (whose leap rule differs between XSD 1.0 and 1.1)
    return 29 if calendar.isleap(int(year)) else 28


@rule("integrity.date")
def valid_dates(ctx: Context):
    return _findings(ctx)[0]


@rule("integrity.date.order")
def ordered_dates(ctx: Context):
    return _findings(ctx)[1]


def _findings(ctx: Context) -> tuple[list, list]:
    """(invalid values, ranges running backwards), computed once per document."""
    cached = ctx.__dict__.get("_date_findings")
    if cached is None:
        invalid, backwards = [], []
        for d in _check(ctx):
            (backwards if d.code == "integrity.date.order" else invalid).append(d)
        cached = ctx.__dict__["_date_findings"] = (invalid, backwards)
    return cached


def _check(ctx: Context):
    for el in ctx.attributed:
        local = None  # the element's name, needed only for a temporal attribute (rare)
        parsed: dict[str, tuple] = {}
        for name, value in el.items():
            not_on = NOT_TEMPORAL.get(name)
            if not_on is None:
                continue
            if local is None:
                local = el.tag[len(_TEI) :]
            if local in not_on:
                continue
            iso = name.endswith("-iso")
            result = parse_iso(value.strip()) if iso else parse(value.strip())
            if isinstance(result, str):
                line, col = ctx.at(el)
                yield error(ctx.path, line, col, f"@{name}='{value}': {result}", "integrity.date")
            elif result is not None:
                parsed[name.removesuffix("-iso")] = result
        for low, high in _ORDER if parsed else ():
            if low in parsed and high in parsed and parsed[low][0] > parsed[high][1]:
                line, col = ctx.at(el)
                yield error(
                    ctx.path,
                    line,
                    col,
                    f"@{low}='{_shown(el, low)}' is later than @{high}='{_shown(el, high)}'",
                    "integrity.date.order",
                )


def _shown(el, base: str) -> str:
    return el.get(base) if el.get(base) is not None else el.get(f"{base}-iso")
