"""Reading the user's files without ever blocking: only regular files are opened for reading.

A FIFO blocks `open()` until someone writes to it, and a device such as /dev/zero (or a
link to it) never ends; either would hang a batch before any worker or time limit exists.
Every file plansjekk reads on the user's behalf (documents, rule, baseline, overrides and
municipality files) goes through `open_regular`, which opens without blocking and refuses
anything that is not a regular file, with a reason in Norwegian.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

KINDS = ((stat.S_ISFIFO, "en navngitt rørledning (FIFO)"), (stat.S_ISCHR, "en tegnenhet"),
         (stat.S_ISBLK, "en blokkenhet"), (stat.S_ISSOCK, "en sokkel (socket)"), (stat.S_ISDIR, "en mappe"))


class NotRegularFileError(OSError):
    """The path is a FIFO, a device, a socket or a folder: nothing plansjekk can read."""

    def __init__(self, path: str | os.PathLike[str], kind: str) -> None:
        super().__init__(errno.EINVAL, f"{os.fspath(path)} er {kind}, ikke en vanlig fil")
        self.kind = kind

    def __str__(self) -> str:
        return str(self.strerror)


def megabytes(size: int) -> str:
    """A size for a Norwegian message: "0,4" below 10 MB, whole megabytes above."""
    value = size / (1024 * 1024)
    return f"{value:.1f}".replace(".", ",") if value < 10 else f"{value:.0f}"


def kind_of(mode: int) -> str | None:
    """None for a regular file; otherwise what the file is, in Norwegian."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in KINDS if test(mode)), "en spesialfil")


def not_regular_reason(path: str | os.PathLike[str]) -> str | None:
    """Why `path` (links followed) cannot be read as a document; None for a regular file
    or one that cannot be looked at (reading it will say why)."""
    try:
        kind = kind_of(os.stat(path).st_mode)
    except (OSError, ValueError):
        return None
    if kind is None:
        return None
    return (f"Filen er {kind}, ikke en vanlig fil, og ble ikke lest. "
            "plansjekk leser bare vanlige filer (PDF, Word, HTML, Markdown og tekst).")


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open for binary reading; NotRegularFileError (an OSError) for anything but a regular file.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; on a
    regular file the flag changes nothing.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFileError(path, kind)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    with open_regular(path) as handle:
        return handle.read()


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    return read_bytes(path).decode(encoding)


@dataclass(frozen=True)
class Stamp:
    """What changes whenever a file's content does (ctime cannot be set back by a writer)."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int


def stamp(path: str | os.PathLike[str]) -> Stamp | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return Stamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def sha256_of(path: str | os.PathLike[str], max_bytes: int | None = None) -> str | None:
    """Content hash of a regular file; None when it is not one, is unreadable or too big."""
    try:
        with open_regular(path) as handle:
            if max_bytes is not None and os.fstat(handle.fileno()).st_size > max_bytes:
                return None
            digest = hashlib.sha256()
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
            return digest.hexdigest()
    except (OSError, ValueError):
        return None


def regular_path(path: Path) -> bool:
    """True for a regular file (links followed), without opening it."""
    return not_regular_reason(path) is None and path.is_file()
