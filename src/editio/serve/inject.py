"""What `editio serve` adds to an HTML page on its way to the browser (never on disk).

Three things, before `</body>`: the overlay listing the last build's
diagnostics of the page's document, a `<meta>` with the build number the page
was served from, and the reload script, which listens to the server's event
stream and reloads the page when a newer build has finished.

The page keeps its Content-Security-Policy (`default-src 'none'`); the policy
is widened only by the reload script's hash (`script-src`), the event stream
(`connect-src 'self'`) and, where inline styles are not already allowed, the
overlay's style by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable

from editio.core.diagnostics import Diagnostic, Severity

EVENTS_PATH = "/__editio/events"
BUILD_META = "editio-serve-build"
OVERLAY_ID = "editio-serve-overlay"
OVERLAY_LIMIT = 200  # items listed; the console has them all

# Reload when the server says a build newer than the page's has finished. EventSource
# reconnects by itself while the server restarts; `retry` (sent by the server) sets the pace.
RELOAD_SCRIPT = (
    "(function(){var m=document.querySelector('meta[name=\"" + BUILD_META + "\"]');"
    "var b=m?m.getAttribute('content'):'';"
    "var s=new EventSource('" + EVENTS_PATH + "');"
    "s.addEventListener('build',function(e){if(e.data!==b){s.close();location.reload();}});})();"
)

OVERLAY_STYLE = (
    "#editio-serve-overlay{position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:45vh;"
    "overflow:auto;margin:0;padding:0.5rem 1rem;background:#fff;color:#1b1b1b;border-top:3px solid #b3261e;"
    "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -2px 8px rgba(0,0,0,.2)}"
    "#editio-serve-overlay.editio-serve-warnings{border-top-color:#8a5a00}"
    "#editio-serve-overlay summary{cursor:pointer;font-weight:bold}"
    "#editio-serve-overlay ol{margin:0.4rem 0;padding-left:1.5rem}"
    "#editio-serve-overlay li{margin:0.15rem 0;overflow-wrap:anywhere}"
    "#editio-serve-overlay .editio-serve-error{color:#b3261e;font-weight:bold}"
    "#editio-serve-overlay .editio-serve-warning{color:#8a5a00;font-weight:bold}"
    "#editio-serve-overlay .editio-serve-code{color:#595959}"
)


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


SCRIPT_HASH = csp_hash(RELOAD_SCRIPT)
STYLE_HASH = csp_hash(OVERLAY_STYLE)

_CSP_META = re.compile(r"""<meta\b(?=[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy\b)[^>]*>""", re.IGNORECASE)
_CONTENT = re.compile(r"""(\bcontent\s*=\s*)("([^"]*)"|'([^']*)')""", re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def widen_policy(policy: str, script_hash: str = SCRIPT_HASH, style_hash: str = STYLE_HASH) -> str:
    """The page's policy, letting in only the reload script, its event stream and the overlay's style."""
    directives: list[list[str]] = []
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives.append([tokens[0].lower(), *tokens[1:]])
    names = [d[0] for d in directives]
    default = next((d[1:] for d in directives if d[0] == "default-src"), None)
    _allow(directives, names, ("script-src-elem", "script-src"), script_hash, default)
    _allow(directives, names, ("connect-src",), "'self'", default)
    _allow(directives, names, ("style-src-elem", "style-src"), style_hash, default)
    return "; ".join(" ".join(d) for d in directives)


def _allow(
    directives: list[list[str]], names: list[str], family: tuple[str, ...], source: str, default: list[str] | None
) -> None:
    present = [d for d in directives if d[0] in family]
    if not present:
        if default is None:
            return  # nothing restricts this kind of request
        directives.append([family[-1], *_with(default, source)])
        return
    for directive in present:
        directive[1:] = _with(directive[1:], source)


def _with(sources: list[str], source: str) -> list[str]:
    lowered = [s.lower() for s in sources]
    if source.lower() in lowered:
        return sources
    if (
        source.startswith("'sha")
        and "'unsafe-inline'" in lowered
        and not any(s.startswith(("'sha", "'nonce-")) for s in lowered)
    ):
        # Inline code is already allowed; a hash would switch 'unsafe-inline' off for the page's own.
        return sources
    return [s for s in sources if s.lower() != "'none'"] + [source]


def _widen_meta(match: re.Match) -> str:
    tag = match.group(0)

    def replace(content: re.Match) -> str:
        value = content.group(3) if content.group(3) is not None else content.group(4)
        widened = widen_policy(html.unescape(value))
        return content.group(1) + '"' + html.escape(widened, quote=False).replace('"', "&quot;") + '"'

    return _CONTENT.sub(replace, tag, count=1)


def inject(page: str, generation: int, diagnostics: Iterable[Diagnostic], where: str = "") -> str:
    """The page as the browser gets it: policy widened, overlay, build number and reload script added."""
    page = _CSP_META.sub(_widen_meta, page)
    added = (
        overlay(list(diagnostics), where)
        + f'<meta name="{BUILD_META}" content="{generation}">'
        + f"<script>{RELOAD_SCRIPT}</script>\n"
    )
    ends = list(_BODY_END.finditer(page))
    if ends:
        at = ends[-1].start()
        return page[:at] + added + page[at:]
    return page + added


def overlay(diagnostics: list[Diagnostic], where: str = "") -> str:
    """The panel listing errors and warnings (info stays on the console); '' when there are none."""
    shown = sorted((d for d in diagnostics if d.severity is not Severity.INFO), key=lambda d: d.sort_key)
    if not shown:
        return ""
    errors = sum(1 for d in shown if d.severity is Severity.ERROR)
    warnings = len(shown) - errors
    counts = ", ".join(
        part for part in (f"{errors} error(s)" if errors else "", f"{warnings} warning(s)" if warnings else "") if part
    )
    title = f"editio serve: {counts}" + (f" in {where}" if where else "")
    if errors:
        title += ": the page shows the last good build"
    items = []
    for d in shown[:OVERLAY_LIMIT]:
        place = (
            (
                f'<span class="editio-serve-file">{html.escape(d.path)}</span>:'
                f'<span class="editio-serve-line">{d.line}</span>:'
                f'<span class="editio-serve-col">{d.col}</span>: '
            )
            if d.path
            else ""
        )
        items.append(
            f"<li>{place}"
            f'<span class="editio-serve-{d.severity.value}">{d.severity.value}</span>: '
            f'<span class="editio-serve-message">{html.escape(d.message)}</span> '
            f'<span class="editio-serve-code">[{html.escape(d.code)}]</span>'
            "</li>"
        )
    if len(shown) > OVERLAY_LIMIT:
        items.append(f"<li>… and {len(shown) - OVERLAY_LIMIT} more: see the console</li>")
    kind = "editio-serve-errors" if errors else "editio-serve-warnings"
    # Errors open the panel; warnings alone leave it folded, out of the reader's way.
    opened = " open" if errors else ""
    return (
        f"<style>{OVERLAY_STYLE}</style>"
        f'<details id="{OVERLAY_ID}" class="{kind}" role="status"{opened}>'
        f"<summary>{html.escape(title)}</summary><ol>{''.join(items)}</ol></details>"
    )


def status_page(generation: int, diagnostics: list[Diagnostic], message: str) -> str:
    """A page for a document that has no page yet (its first build failed) or a build that could not run."""
    body = f"<main><h1>editio serve</h1><p>{html.escape(message)}</p></main>"
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>editio serve</title></head><body>{body}</body></html>\n"
    )
    return inject(page, generation, diagnostics, "")
