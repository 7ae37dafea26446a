"""What a page's layout does in the browser, measured the same way by every test that checks it."""

from __future__ import annotations


def sideways_overflow(page) -> int:
    """How many CSS pixels the page is wider than its window: 0 when nothing scrolls sideways.
    (The window's client width leaves out a vertical scroll bar, which the page cannot use.)"""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)")
