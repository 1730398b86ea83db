"""Shared console helpers: stderr for humans, stdout for data, one-line errors for user mistakes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console

from pipeline.errors import NewsflowError

err = Console(stderr=True, highlight=False)
P = ParamSpec("P")
R = TypeVar("R")


def fail(message: str, code: int = 2) -> typer.Exit:
    # soft_wrap: one line however narrow the terminal (rich would break it at 80 columns)
    err.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    return typer.Exit(code)


def user_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn newsflow's own errors and bad settings into one line on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except NewsflowError as exc:
            raise fail(str(exc)) from None
        except ValidationError as exc:
            problems = "; ".join(
                f"NEWSFLOW_{'_'.join(map(str, e['loc'])).upper() or 'SETTINGS'}: {e['msg']}"
                for e in exc.errors()
            )
            raise fail(f"bad settings: {problems}") from None

    return wrapper
