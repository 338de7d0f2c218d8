"""`editio serve`: the edition live while encoding (build, serve, watch, reload).

Needs the `serve` extra (`pip install 'editio[serve]'`) for watching files;
serving uses the standard library.
"""

from __future__ import annotations

INSTALL_HINT = "editio serve needs the watchfiles package: pip install 'editio[serve]'"


def missing_dependency() -> str | None:
    """One line saying how to install what `editio serve` needs, or None when it is there."""
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    return None
