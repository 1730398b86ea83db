"""Debian's Chromium driven by Playwright: the page as a reader's browser runs it."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# closed network refuses, and says so in the console.
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Console:
    errors: list[str] = field(default_factory=list)


@contextmanager
def browser_page(*, width: int = 1280, height: int = 800) -> Iterator[tuple[Page, Console]]:
    """A fresh page; every console error and uncaught exception is collected."""
    if shutil.which(CHROMIUM) is None:
        raise AssertionError(f"no {CHROMIUM}: `make tools` installs Debian's chromium")
    console = Console()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "console", lambda m: console.errors.append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda exc: console.errors.append(f"uncaught: {exc}"))
            yield page, console
        finally:
            browser.close()


def until(page: Page, expression: str, *, timeout: float = 10.0) -> None:
    """Waits until the JavaScript `expression` is truthy in the page. Polled from here:
    Playwright's wait_for_function evaluates strings in a way the page's CSP refuses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {expression}")
        time.sleep(0.05)
