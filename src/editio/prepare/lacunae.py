"""Where a witness's own text is not the printed text: lacunae, witStart/witEnd, @from/@to spans.

Part of the apparatus pass (textcrit.py, whose docstring says what these
attributes mean): `editio:hide` / `editio:hide-after` list the witnesses whose
text is not shown from an element's start / after its end; `editio:initial-gap`,
`editio:moved`, `editio:gap-after` / `editio:gap-before` place the gap signs;
`editio:app-target` / `editio:app-end` and `editio:lemma` mark the spans of
apps that point into the text. One linear walk of the text.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from editio.core.namespaces import TEI as _T
from editio.prepare.textcrit import (
    E_APP_END,
    E_APP_TARGET,
    E_GAP_AFTER,
    E_GAP_BEFORE,
    E_HIDE,
    E_HIDE_AFTER,
    E_INITIAL_GAP,
    E_LEMMA,
    E_MOVED,
    E_N,
    E_WITS,
    HIDE_END,
    HIDE_START,
    INLINE_TARGETS,
    LEM,
    RDG,
    READINGS,
    inside_text,
    key_list,
    nearest,
    pointed,
)


def hide_states(root, apps, ids, has_markers) -> None:
    """Mark where witnesses' text is not the printed one (see module docstring)."""
    starts: dict[etree._Element, set[str]] = defaultdict(set)  # hide from this element's start
    ends: dict[etree._Element, set[str]] = defaultdict(set)  # show again after this element's end
    opens: dict[etree._Element, list] = defaultdict(list)  # apps whose span starts here
    closes: dict[etree._Element, list] = defaultdict(list)
    for app in apps:
        first, last = pointed(app, "from", ids), pointed(app, "to", ids)
        if first is None or not inside_text(first):
            continue
        if last is None:
            if first.tag not in INLINE_TARGETS:
                continue  # a block target keeps its text: the apparatus still lists the app
            last = first
        cited = set()
        for r in app.iter(LEM, RDG):
            cited.update((r.get(E_WITS) or "").split())
        starts[first] |= cited
        ends[last] |= cited
        opens[first].append(app)
        closes[last].append(app)
        if last is not first:
            last.set(E_APP_END, (last.get(E_APP_END, "") + " " + app.get(E_N)).strip())
        first.set(E_APP_TARGET, (first.get(E_APP_TARGET, "") + " " + app.get(E_N)).strip())
    if not starts and not has_markers:
        return

    def marker_wits(m) -> set[str]:
        own = (m.get(E_WITS) or "").split()
        if own:
            return set(own)
        reading = nearest(m, READINGS)
        return set((reading.get(E_WITS) or "").split()) if reading is not None else set()

    # A witness whose first marker ends a gap lacked its text from the start.
    seen: set[str] = set()
    initial: set[str] = set()
    for m in root.iter(*HIDE_START, *HIDE_END):
        for w in sorted(marker_wits(m) - seen):  # sorted: the same attribute in every process
            seen.add(w)
            if m.tag in HIDE_END:
                initial.add(w)
                m.set(E_INITIAL_GAP, (m.get(E_INITIAL_GAP, "") + f" {w} "))

    # A marker inside a reading acts at the reading's edge, so the reading's
    # own words stay in the witness's text (`<rdg wit="#y">πρὸς<lacunaEnd/></rdg>`).
    hide_at_end: dict[etree._Element, set[str]] = defaultdict(set)
    show_at_start: dict[etree._Element, set[str]] = defaultdict(set)
    moved: set[etree._Element] = set()
    for m in root.iter(*HIDE_START, *HIDE_END):
        reading = nearest(m, READINGS)
        if reading is None:
            continue
        moved.add(m)
        m.set(E_MOVED, "1")
        wits = marker_wits(m)
        if m.tag in HIDE_START:
            hide_at_end[reading] |= wits
            # the gap sign goes where the text stops: after the reading
            reading.set(E_GAP_AFTER, key_list(sorted(wits | set(reading.get(E_GAP_AFTER, "").split()))))
        else:
            show_at_start[reading] |= wits
            first_gap = set(m.get(E_INITIAL_GAP, "").split())
            if first_gap:
                reading.set(E_GAP_BEFORE, key_list(sorted(first_gap | set(reading.get(E_GAP_BEFORE, "").split()))))

    text = root.find(f"{_T}text")
    if text is None:
        return
    hidden: dict[str, int] = defaultdict(int)  # DEP spans may nest: count them
    for w in initial:
        hidden[w] += 1

    cache = [None]  # the state string, recomputed only after a change
    # Witnesses cited by the readings around: a reading a witness is cited for is
    # text it has, whatever its markers say (Athanasius cites y before y's witStart).
    cited: dict[str, int] = defaultdict(int)

    def state() -> str:
        if cache[0] is None:
            cache[0] = key_list(sorted(w for w, c in hidden.items() if c > 0 and not cited[w]))
        return cache[0]

    def cite(reading, step: int) -> None:
        changed = False
        for w in (reading.get(E_WITS) or "").split():
            cited[w] += step
            # the state lists hidden witnesses only: citing another changes nothing
            changed = changed or hidden.get(w, 0) > 0
        if changed:
            cache[0] = None

    spans: dict[etree._Element, list[str]] = {}  # app -> the words of its span (its lemma)
    # Most elements are none of these: for them only the state is written.
    special = set(opens) | set(closes) | set(starts) | set(ends) | set(show_at_start) | set(hide_at_end) | moved
    special.update(text.iter(*READINGS, *HIDE_START, *HIDE_END))  # one set test per element, not a tag too
    hide, hide_after = E_HIDE, E_HIDE_AFTER
    for event, el in etree.iterwalk(text, events=("start", "end"), tag=etree.Element):
        if el not in special:
            # its text (at the start) or its tail (at the end), and the state over it
            starting = event == "start"
            chunk = el.text if starting else el.tail
            if spans and chunk:
                for words in spans.values():
                    words.append(chunk)
            current = cache[0] if cache[0] is not None else state()
            if current:
                el.set(hide if starting else hide_after, current)
            continue
        if event == "start":
            for app in opens.get(el, ()):
                spans[app] = []
            if spans and el.text:
                for words in spans.values():
                    words.append(el.text)
            if el in starts:
                for w in starts[el]:
                    hidden[w] += 1
                cache[0] = None
            if el in show_at_start:
                for w in show_at_start[el]:
                    hidden[w] = 0
                cache[0] = None
            if el.tag in READINGS:
                cite(el, 1)
            current = state()
            if current:
                el.set(E_HIDE, current)
            if el in moved:
                pass
            elif el.tag in HIDE_START:
                for w in marker_wits(el):
                    hidden[w] = max(hidden[w], 0) + 1
                cache[0] = None
            elif el.tag in HIDE_END:
                for w in marker_wits(el):
                    hidden[w] = 0
                cache[0] = None
        else:
            for app in closes.get(el, ()):
                words = spans.pop(app, [])
                app.set(E_LEMMA, " ".join("".join(words).split()))
            if spans and el.tail:
                for words in spans.values():
                    words.append(el.tail)
            if el in ends:
                for w in ends[el]:
                    hidden[w] -= 1
                cache[0] = None
            if el in hide_at_end:
                for w in hide_at_end[el]:
                    hidden[w] = max(hidden[w], 0) + 1
                cache[0] = None
            if el.tag in READINGS:
                cite(el, -1)
            current = state()
            if current:
                el.set(E_HIDE_AFTER, current)
