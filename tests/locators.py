"""Locators made safe for "is hidden" checks: such a check passes when the locator matches
nothing at all, so these first require the elements to be there."""

from __future__ import annotations


def one(locator):
    """The locator, once it is known to match exactly one element."""
    assert locator.count() == 1, f"{locator} matches {locator.count()} elements"
    return locator


def every(locator) -> list:
    """Each element the locator matches, once it is known to match at least one."""
    assert locator.count() >= 1, f"{locator} matches nothing"
    return locator.all()
