#!/usr/bin/env bash
# Build the site with ProperDocs (the maintained fork of MkDocs 1.x) instead of MkDocs, with the
# same hooks, theme and plugins, strictly, then run every test of the built site on that build.
# The way off MkDocs if it must be left: MAINTAINERS.md. Extra arguments go to pytest.
source "$(dirname "$0")/setup.sh"
setup_properdocs
setup_fonts
setup_browser
setup_node_tools
cd "$ROOT"
export PATH="$ROOT/.venv-properdocs/bin:$PATH" WILGUIDE_BUILDER=properdocs
if python -c "import mkdocs" 2>/dev/null; then
  echo "error: MkDocs is installed in .venv-properdocs; this check must run without it" >&2; exit 1
fi
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
# The addresses the tests expect (SITE_URL and REPO_URL in tests/conftest.py).
SITE_URL=https://example-org.github.io/wil-mentoring-guide/ REPO_URL=https://github.com/example-org/wil-mentoring-guide \
  properdocs build --strict -d "$site"
grep -q 'content="mkdocs-ProperDocs' "$site/index.html" || { echo "error: the site was not built by ProperDocs" >&2; exit 1; }
WILGUIDE_TEST_SITE="$site" python -m pytest -m site "$@"
