"""Write files so that readers never see half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: ``errno`` values that mean "this file cannot be written there": a full or read-only disk,
#: a quota, missing permission. They fail the one file, not the program.
WRITE_ERRNOS = frozenset(
    {
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
        errno.EFBIG,
        errno.ENAMETOOLONG,
    }
)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = ".part") -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds.

    The temporary name starts with ``.`` and contains ``.part``, so a run can recognise and
    remove what an interrupted run left.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; reports are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def is_write_error(exc: BaseException) -> bool:
    """True for an ``OSError`` that says the disk or folder refuses the write (``WRITE_ERRNOS``)."""
    return isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS


def write_error_message(exc: OSError, path: str | os.PathLike[str]) -> str:
    """One line for a failed write: ``no space left on device writing reports/x.html``."""
    reason = os.strerror(exc.errno) if exc.errno else (exc.strerror or str(exc))
    return f"{reason[:1].lower()}{reason[1:]} writing {os.fspath(path)}"
