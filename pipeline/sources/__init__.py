"""Where raw articles come from: every kind in `formats.FORMATS`, from files, directories, stdin."""

from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.paths import read_paths

__all__ = ["ReadProblem", "SourceItem", "read_paths"]
