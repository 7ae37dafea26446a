"""How the collected tests are marked and ordered: `slow` for the tests that build (a quick run,
`-m "not slow"`, builds nothing), `site` for those that read the session's build, one pytest-xdist
group per module for the tests that share a module-scoped fixture (so that one worker makes it,
once), and the longest tests first.

pytest-xdist 3.8 names a test's group by appending it to the test's ID, which pytest 9.2 no longer
lets a plugin change: with pytest 9.2 the groups are silently ignored (pytest-xdist issue #1386).
requirements-test.in keeps pytest at 9.1 until pytest-xdist reads groups another way;
tests/test_collection_order.py fails if the groups stop working.
"""

from __future__ import annotations

import inspect

import pytest

BUILDING_FIXTURES = {"built_site", "site_server", "project_copy", "configured_site", "broken_build", "broken_late_build"}


# The longest tests (a minute or so each), started first so that the two workers finish together
# instead of one waiting for the other's last long test. Only the order changes.
LONGEST_FIRST = (
    "tests/test_serve_preview.py::",
    # The walks over every page, and the tests that read them (one module fixture makes them once).
    ("tests/test_accessibility.py::test_every_page_", "tests/test_accessibility.py::test_browsing_every_page"),
    "tests/test_other_base_urls.py::",
    "tests/test_link_check.py::",
)


def _start_rank(item) -> int:
    return next((rank for rank, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix)), len(LONGEST_FIRST))


def _has_module_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    return bool(info) and any(d.scope == "module" for defs in info.name2fixturedefs.values() for d in defs)


# tryfirst: pytest-xdist's worker reads the xdist_group marks in this same hook, so they must be
# added before it runs (without it, every test of a group went to whichever worker was free).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Tests that build are `slow` (a quick run, -m "not slow", builds nothing); tests of the site
    built once per session are also `site` (scripts/test-properdocs.sh runs them on a ProperDocs build).
    With pytest-xdist (--dist loadgroup), the tests sharing a module-scoped fixture stay in one
    worker, so it is made once; every other test goes to whichever worker is free."""
    for item in items:
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function else ""
        if BUILDING_FIXTURES & set(item.fixturenames) or "mkdocs_build(" in source:
            item.add_marker(pytest.mark.slow)
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)
        if _has_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    items.sort(key=_start_rank)  # stable: the rest keeps its order
