"""What every source yields: an article, or a problem saying where and why (errors are data)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.records import Article


@dataclass(frozen=True, slots=True)
class ReadProblem:
    where: str  # "file.jsonl:17"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


SourceItem = Article | ReadProblem
