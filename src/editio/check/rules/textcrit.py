"""Critical apparatus checks: what a schema accepts but an editor would not want.

- `integrity.textcrit.rdg-repeats-lemma`: a reading identical to its lemma;
- `integrity.textcrit.wit-undeclared`: a @wit token naming no declared witness;
- `integrity.textcrit.wit-uncited`: a declared witness no reading cites;
- `integrity.textcrit.app-empty`: an app with no readings (no lem, no rdg);
- `integrity.textcrit.multiple-lem`: more than one lem in one app;
- `integrity.textcrit.span-overlap`: double-end-point spans (@from/@to) that
  overlap without one containing the other.
"""

from __future__ import annotations

from lxml import etree

from editio.check.rules import Context, rule
from editio.core.diagnostics import Diagnostic, Severity
from editio.core.namespaces import TEI as _T
from editio.core.namespaces import XML_ID
from editio.prepare.textcrit import siglum

APP, LEM, RDG, RDGGRP, WITNESS, LISTWIT = (f"{_T}{n}" for n in ("app", "lem", "rdg", "rdgGrp", "witness", "listWit"))
WITTED = {f"{_T}{n}" for n in ("lem", "rdg", "rdgGrp", "witDetail", "lacunaStart", "lacunaEnd", "witStart", "witEnd")}


def _where(ctx: Context, el) -> tuple[int, int]:
    try:
        from editio.core.locate import Locator
    except ImportError:  # pragma: no cover - the locator is optional
        return el.sourceline or 0, 0
    locator = ctx.__dict__.get("_textcrit_locator")
    if locator is None:
        locator = ctx.__dict__["_textcrit_locator"] = Locator(ctx.doc.tree, ctx.path)
    try:
        return locator.position(el)
    except Exception:  # a locator that cannot place an element must not stop the checks
        return el.sourceline or 0, 0


def _diag(ctx, el, severity, message, code) -> Diagnostic:
    line, col = _where(ctx, el)
    return Diagnostic(ctx.path, line, col, severity, message, code)


def _readings_by_app(root) -> dict:
    """app -> its own lem/rdg (not those of nested apps), in document order: one walk
    up from each reading to its app, instead of one look at a whole app per app."""
    found: dict = {}
    for el in root.iter(LEM, RDG):
        parent = el.getparent()
        while parent is not None and parent.tag != APP:
            parent = parent.getparent()
        if parent is not None:
            found.setdefault(parent, []).append(el)
    return found


def _own_readings(ctx: Context, app) -> list:
    readings = ctx.__dict__.get("_readings_by_app")
    if readings is None:
        readings = ctx.__dict__["_readings_by_app"] = _readings_by_app(ctx.root)
    return readings.get(app, [])


def _text(ctx: Context, el) -> str:
    return " ".join("".join(t for t in _texts(ctx, el)).split())


def _texts(ctx: Context, el):
    # The words of a reading, without notes or nested apps' variants.
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and child.tag not in (f"{_T}note", f"{_T}witDetail"):
            if child.tag == APP:
                readings = _own_readings(ctx, child)
                lems = [r for r in readings if r.tag == LEM]
                if lems or readings:
                    yield from _texts(ctx, (lems or readings)[0])
            else:
                yield from _texts(ctx, child)
        if child.tail:
            yield child.tail


@rule("integrity.textcrit.rdg-repeats-lemma")
def rdg_repeats_lemma(ctx: Context):
    for app in ctx.elements("app"):
        readings = _own_readings(ctx, app)
        lems = [r for r in readings if r.tag == LEM]
        if not lems:
            continue
        lemma = _text(ctx, lems[0])
        if not lemma:
            continue
        for r in readings:
            if (
                r.tag == RDG
                and _text(ctx, r) == lemma
                and not r.get("type")
                and not r.get("cause")
                and not r.get("varSeq")
            ):
                yield _diag(
                    ctx,
                    r,
                    Severity.WARNING,
                    f"reading repeats the lemma '{lemma[:60]}'",
                    "integrity.textcrit.rdg-repeats-lemma",
                )


def _declared(ctx: Context) -> tuple[dict[str, etree._Element], list[etree._Element]]:
    tokens: dict[str, etree._Element] = {}
    witnesses = ctx.elements("witness")
    for w in witnesses:
        for tok in (w.get(XML_ID), siglum(w), w.get("n")):
            if tok:
                tokens.setdefault(tok, w)
    for group in ctx.elements("listWit"):
        if group.get(XML_ID):
            tokens.setdefault(group.get(XML_ID), group)
            tokens.setdefault(siglum(group), group)
    return tokens, witnesses


@rule("integrity.textcrit.wit-undeclared")
def wit_undeclared(ctx: Context):
    tokens, witnesses = _declared(ctx)
    if not witnesses and not ctx.elements("listWit"):
        # No listWit at all: one finding for the file, not one per reading.
        cited = next((el for el in ctx.root.iter(*WITTED) if el.get("wit")), None)
        if cited is not None:
            yield _diag(
                ctx,
                cited,
                Severity.WARNING,
                "readings cite witnesses (@wit) but the document declares none (listWit/witness)",
                "integrity.textcrit.wit-undeclared",
            )
        return
    for el in ctx.root.iter(*WITTED):
        unknown = [t for t in (el.get("wit") or "").split() if t.lstrip("#") not in tokens]
        if unknown:
            yield _diag(
                ctx,
                el,
                Severity.WARNING,
                f"@wit cites undeclared witness{'es' if len(unknown) > 1 else ''} {' '.join(unknown)}",
                "integrity.textcrit.wit-undeclared",
            )


@rule("integrity.textcrit.wit-uncited")
def wit_uncited(ctx: Context):
    tokens, witnesses = _declared(ctx)
    if not witnesses or not ctx.elements("app"):
        return
    cited: set[int] = set()
    seen: set[str] = set()  # a token cites the same witnesses wherever it stands
    for el in ctx.root.iter(*WITTED):
        for tok in (el.get("wit") or "").split():
            if tok in seen:
                continue
            seen.add(tok)
            target = tokens.get(tok.lstrip("#"))
            if target is not None:
                cited.add(id(target))
                # a group cited stands for its members
                for member in target.iter(WITNESS):
                    cited.add(id(member))
    for w in witnesses:
        if id(w) in cited:
            continue
        # a member of a cited group is cited through it
        if any(id(a) in cited for a in w.iterancestors(LISTWIT, WITNESS)):
            continue
        yield _diag(
            ctx,
            w,
            Severity.INFO,
            f"witness {siglum(w) or '(no siglum)'} is declared but no reading cites it",
            "integrity.textcrit.wit-uncited",
        )


@rule("integrity.textcrit.app-empty")
def app_empty(ctx: Context):
    for app in ctx.elements("app"):
        if not _own_readings(ctx, app):
            yield _diag(
                ctx, app, Severity.WARNING, "app has no readings (no lem, no rdg)", "integrity.textcrit.app-empty"
            )


@rule("integrity.textcrit.multiple-lem")
def multiple_lem(ctx: Context):
    for app in ctx.elements("app"):
        lems = [r for r in _own_readings(ctx, app) if r.tag == LEM]
        if len(lems) > 1:
            yield _diag(
                ctx,
                lems[1],
                Severity.ERROR,
                f"app has {len(lems)} lem elements; at most one is allowed",
                "integrity.textcrit.multiple-lem",
            )


@rule("integrity.textcrit.span-overlap")
def span_overlap(ctx: Context):
    """Spans (@from..@to) must nest or be disjoint: compare their document positions."""
    apps = [a for a in ctx.elements("app") if a.get("from") and a.get("to")]
    if not apps:
        return
    order = {el: i for i, el in enumerate(ctx.root.iter())}
    spans = []
    for app in apps:
        first = ctx.ids.get(app.get("from").split()[0].lstrip("#"))
        last = ctx.ids.get(app.get("to").split()[0].lstrip("#"))
        if first is None or last is None:
            continue  # a dangling pointer is the pointer rules' business
        start, end = order[first], order[last]
        if end < start:
            yield _diag(ctx, app, Severity.ERROR, "app's @to comes before its @from", "integrity.textcrit.span-overlap")
            continue
        spans.append((start, end, app))
    spans.sort(key=lambda s: (s[0], -s[1]))
    open_spans: list[tuple[int, int, etree._Element]] = []
    for start, end, app in spans:
        while open_spans and open_spans[-1][1] < start:
            open_spans.pop()
        if open_spans and end > open_spans[-1][1] and start <= open_spans[-1][1]:
            other = open_spans[-1][2]
            yield _diag(
                ctx,
                app,
                Severity.WARNING,
                f"the span of this app overlaps the span of the app at line {other.sourceline} without nesting in it",
                "integrity.textcrit.span-overlap",
            )
        open_spans.append((start, end, app))
