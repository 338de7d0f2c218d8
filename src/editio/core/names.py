"""Output names: from names in documents and sources to file names, and from file names to links.

- `file_names`: names from a document (sigla, ids) as file-name tokens:
  signs that mean something in a path or URL, and control characters, become
  '_'; at most `TOKEN_BYTES` bytes; distinct names get distinct tokens.
- `bounded`: a file name cut to a number of bytes (a source named with 255
  bytes still gets its `.html`), the cut marked by a hash of the whole name.
- `href`: the one way a page links to another file: each path segment
  percent-encoded from its bytes (a `javascript:` file name stays a file name,
  `#`, `?`, `%` and control characters stay in the name, a non-UTF-8 name
  links to its own bytes).
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from urllib.parse import quote

NAME_BYTES = 255  # the longest file name (one path component) most file systems allow
TOKEN_BYTES = 64  # a siglum's part of a witness page's name
_UNSAFE = set(" !\"#$%&()*+,/:;<=>?@[\\]^`{|}~'")


def _size(name: str) -> int:
    return len(os.fsencode(name))


def bounded(name: str, limit: int) -> str:
    """`name` if it has at most `limit` bytes; else its start and '~' + 8 hex digits of its hash."""
    if _size(name) <= limit:
        return name
    mark = "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    room = limit - len(mark)
    cut = name[:room]
    while _size(cut) > room:  # characters of several bytes
        cut = cut[:-1]
    return cut + mark


def token(name: str, limit: int = TOKEN_BYTES) -> str:
    """One name as it stands in a file name, before uniqueness."""
    safe = "".join("_" if c in _UNSAFE or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in name)
    if safe in ("", ".", ".."):
        safe = safe.replace(".", "_") or "_"
    return bounded(safe, limit)


def file_names(names, limit: int = TOKEN_BYTES) -> dict[str, str]:
    """Each distinct name (in the order given) -> a distinct, bounded file-name token.

    A token already taken by an earlier name gets '~2', '~3'... (within the limit).
    """
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in chosen:
            continue
        base = candidate = token(name, limit)
        n = 1
        while candidate in taken:
            n += 1
            candidate = bounded(base, limit - len(f"~{n}")) + f"~{n}"
        chosen[name] = candidate
        taken.add(candidate)
    return chosen


def href(path: str, base: str = "") -> str:
    """A relative link from the folder `base` (posix, inside the output folder) to `path`, percent-encoded."""
    rel = posixpath.relpath(path, base or ".") if base else path
    return "/".join(quote(os.fsencode(segment), safe="") for segment in rel.split("/"))
