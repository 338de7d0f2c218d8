"""Atomic, deterministic writing: a file is whole or absent, never half-written.

Every file is written to a temporary `.editio-PID-XXXXXXXX.tmp` beside it,
then renamed into place (atomic on POSIX). Python exceptions remove the
temporary file on the way out; a process killed in between cannot, so
`sweep_temps` removes those of processes that no longer run (the build does
it when it starts and after stopping its workers).

Inside an output folder (`write_inside`, `read_inside`, `remove_inside`)
editio never follows a symbolic link: a folder below the output folder that
is a link is refused (`LinkInOutput`), because writing through it would put
files outside the output folder, and removing it would throw away the
user's link. A file that is a link is replaced by the new file (the rename
replaces the link itself; its target is never written).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path, PurePosixPath

TEMP_PREFIX = ".editio-"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"\.editio-(?:(\d+)-)?[A-Za-z0-9_]+\.tmp\Z")
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_SAFE = {os.open, os.mkdir, os.unlink, os.stat} <= os.supports_dir_fd  # (and os.replace's src_dir_fd, dst_dir_fd)


class LinkInOutput(OSError):
    """A folder inside the output folder is a symbolic link: editio does not write through it."""

    def __init__(self, link: str) -> None:
        super().__init__(
            errno.ELOOP,
            f"{link} is a symbolic link inside the output folder: editio never writes "
            "through one (it would write outside the output folder); remove the link",
        )
        self.link = link


def temp_name() -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _encode(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write a file the user named (`editio html -o FILE`): a temporary file beside it, then a rename."""
    path = Path(path)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / temp_name()
    fd = os.open(tmp, _NEW_FLAGS, 0o644)
    try:
        _fill(fd, _encode(data))
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise


def _fill(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), 0o644)  # whatever the umask made of mkstemp-like modes
        handle.write(data)


def _unlink_quietly(name, dir_fd=None) -> None:
    try:
        os.unlink(name, dir_fd=dir_fd)
    except OSError:
        pass


def _parts(rel: str) -> list[str]:
    parts = PurePosixPath(rel).parts
    if not parts or any(p in ("", ".", "..", "/") for p in parts):
        raise ValueError(f"not a path inside the output folder: {rel!r}")
    return list(parts)


def _open_folder(root: Path, parts: list[str], create: bool) -> int | None:
    """A descriptor of root/parts (made if `create`), never through a link; None if missing."""
    fd = os.open(root, _DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))  # the output folder itself may be a link
    done: list[str] = []
    try:
        for part in parts:
            try:
                sub = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    os.close(fd)
                    return None
                try:
                    os.mkdir(part, 0o777, dir_fd=fd)
                except FileExistsError:
                    pass  # another worker made it meanwhile
                sub = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK) and stat.S_ISLNK(
                    os.stat(part, dir_fd=fd, follow_symlinks=False).st_mode
                ):
                    raise LinkInOutput(str(root / "/".join([*done, part]))) from None
                raise
            os.close(fd)
            fd = sub
            done.append(part)
    except BaseException:
        os.close(fd)
        raise
    return fd


def write_inside(root: str | Path, files: list[tuple[str, str | bytes]]) -> None:
    """Write `files` ((path relative to `root`, data)) below `root`, never through a link.

    A document's files are published together: every temporary file is
    written first, then all are renamed; a problem before the renames leaves
    none of them (and the old files as they were).
    """
    root = Path(root)
    if not _SAFE:
        for rel, _data in files:  # every refusal before any write
            _check_no_link(root, _parts(rel)[:-1])
        for rel, data in files:
            write_atomic(root / rel, data)
        return
    root.mkdir(parents=True, exist_ok=True)
    folders: dict[tuple[str, ...], int] = {}  # one descriptor per folder, however many files
    staged: list[tuple[int, str, str]] = []  # (folder fd, temporary name, final name)
    try:
        for rel, data in files:
            parts = _parts(rel)
            where = tuple(parts[:-1])
            if where not in folders:
                folders[where] = _open_folder(root, parts[:-1], create=True)
            folder = folders[where]
            tmp = temp_name()
            fd = os.open(tmp, _NEW_FLAGS, 0o644, dir_fd=folder)
            staged.append((folder, tmp, parts[-1]))
            _fill(fd, _encode(data))
            try:
                if stat.S_ISDIR(os.stat(parts[-1], dir_fd=folder, follow_symlinks=False).st_mode):
                    raise IsADirectoryError(errno.EISDIR, f"{root / rel} is a folder")
            except FileNotFoundError:
                pass
        for folder, tmp, name in staged:
            os.replace(tmp, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        for folder, tmp, _name in staged:
            _unlink_quietly(tmp, folder)
        raise
    finally:
        for folder in folders.values():
            os.close(folder)


def _check_no_link(root: Path, parts: list[str]) -> None:
    """Without descriptor-relative calls (not POSIX): the same refusal, checked by path."""
    here = root
    for part in parts:
        here = here / part
        if here.is_symlink():
            raise LinkInOutput(str(here))


def read_inside(root: str | Path, rel: str) -> bytes | None:
    """The bytes of root/rel, or None if it is missing, not a file, or reached through a link."""
    root = Path(root)
    try:
        parts = _parts(rel)
        if not _SAFE:
            _check_no_link(root, parts)
            return (root / rel).read_bytes()
        folder = _open_folder(root, parts[:-1], create=False)
        if folder is None:
            return None
        try:
            fd = os.open(parts[-1], os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0), dir_fd=folder)
        finally:
            os.close(folder)
        with os.fdopen(fd, "rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def remove_inside(root: str | Path, rel: str) -> None:
    """Remove root/rel if it is a file reached without a link (a deleted source's edition)."""
    root = Path(root)
    try:
        parts = _parts(rel)
        if not _SAFE:
            _check_no_link(root, parts[:-1])
            if (root / rel).is_file() and not (root / rel).is_symlink():
                (root / rel).unlink()
            return
        folder = _open_folder(root, parts[:-1], create=False)
        if folder is None:
            return
        try:
            if stat.S_ISREG(os.stat(parts[-1], dir_fd=folder, follow_symlinks=False).st_mode):
                os.unlink(parts[-1], dir_fd=folder)
        finally:
            os.close(folder)
    except (OSError, ValueError):
        pass


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def sweep_temps(root: str | Path) -> list[Path]:
    """Remove the temporary files below `root` left by processes that no longer run (never follows a link)."""
    removed = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            match = _TEMP_NAME.match(name)
            if match and not (match.group(1) and _running(int(match.group(1)))):
                path = Path(folder) / name
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    return removed
