"""Where raw articles come from: seed-format text files, JSONL archives, directories of both."""

from pipeline.sources.base import ReadProblem, SourceItem
from pipeline.sources.paths import read_paths

__all__ = ["ReadProblem", "SourceItem", "read_paths"]
