"""A directory watched for file drops: files that appeared since the last scan and whose size
stopped changing (a file still being written is left for the next scan)."""

from __future__ import annotations

from pathlib import Path

from pipeline.sources.state import SourceState


class DropFolder:
    def __init__(self, folder: Path, state: SourceState) -> None:
        self.folder = folder
        self.key = f"dir:{folder.resolve()}"
        self.state = state
        self._sizes: dict[Path, int] = {}

    def new_files(self) -> list[Path]:
        ready = []
        for path in sorted(p for p in self.folder.rglob("*") if p.is_file()):
            if path.name.startswith(".") or self.state.seen(self.key, self._stamp(path)):
                continue
            size = path.stat().st_size
            if self._sizes.get(path) == size:
                ready.append(path)
            self._sizes[path] = size
        return ready

    def done(self, path: Path) -> None:
        self.state.mark(self.key, self._stamp(path))
        self._sizes.pop(path, None)

    @staticmethod
    def _stamp(path: Path) -> str:
        stat = path.stat()
        return f"{path.name}|{stat.st_size}|{int(stat.st_mtime)}"
