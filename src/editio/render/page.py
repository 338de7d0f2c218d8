"""Put the stylesheets' result into a page shell (Jinja2 templates).

Templates are looked up in the user's folders first, then in editio's own
`templates/`, so a user overrides any template (page shell, CSS, partials) by
giving a file of the same name.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import jinja2

from editio import __version__
from editio.core.resources import templates_dir
from editio.render.formats import Format


@lru_cache(maxsize=8)
def environment(user_dirs: tuple[str, ...] = ()) -> jinja2.Environment:
    search = [*user_dirs, str(templates_dir())]
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def result_context(result, fmt: Format) -> dict:
    """Read the stylesheet result (`<edition>` with `<part name>` children)."""
    root = result.getroot()
    if root is None or root.tag != "edition":
        raise ValueError("stylesheet result is not an <edition> element")
    parts = {}
    for part in root.iterfind("part"):
        name, value = part.get("name"), fmt.part(part)
        # a part given twice (two modules adding CSS to the style part) is joined in document order
        parts[name] = parts[name] + value if name in parts else value
    return {
        "title": root.findtext("title") or "",
        "lang": root.get("lang", ""),
        "dir": root.get("dir", "ltr"),
        "parts": parts,
        "meta": {m.get("name"): m.get("content", "") for m in root.iterfind("meta")},
        "editio_version": __version__,
    }


def render(result, fmt: Format, user_templates: tuple[str, ...] = (), extra: dict | None = None) -> str:
    context = result_context(result, fmt)
    context.update(extra or {})
    return render_context(context, fmt, user_templates)


def render_context(context: dict, fmt: Format, user_templates: tuple[str, ...] = ()) -> str:
    """The page of a `result_context` (editio build's witness pages change its parts first)."""
    if fmt.syntax == "tex":
        from editio.render.latex import environment as tex_environment

        env = tex_environment((*user_templates, str(templates_dir())))
    else:
        env = environment(tuple(user_templates))
    page = env.get_template(fmt.template).render(context)
    return unicodedata.normalize("NFC", page)
