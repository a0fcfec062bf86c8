"""Where uploaded files live. The services see the `FileStorage` protocol; the local-disk adapter is the
default, and an object store (S3, OSS, MinIO) plugs in by implementing the same three calls."""

import asyncio
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from redchain.infra.settings import Settings

# Keys are made by the services from IDs ("<park>/<ticket>/<attachment>"), never from a filename,
# so they cannot climb out of the root; this check makes that a rule rather than a habit.
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*$")


class InvalidKey(ValueError):
    pass


class FileMissing(LookupError):
    pass


class FileStorage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...


class LocalDiskStorage:
    """Files under `root`, written to a temporary name and renamed, so a reader never sees half a file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not KEY.match(key):
            raise InvalidKey(key)
        return self.root / key

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _read(self, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except FileNotFoundError as exc:
            raise FileMissing(str(path)) from exc

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        # The type is the database's business here; an object store would keep it as metadata.
        await asyncio.to_thread(self._write, self._path(key), data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._read, self._path(key))

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, True)


def storage_from_settings(settings: Settings) -> FileStorage:
    root = Path(settings.attachments_dir) if settings.attachments_dir else Path(settings.data_dir) / "attachments"
    return LocalDiskStorage(root.resolve())
