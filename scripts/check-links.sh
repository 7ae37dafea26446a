#!/usr/bin/env bash
# Check every external link of the built site (weekly in .github/workflows/links.yml).
# Builds the site, then runs LinkChecker; what fails is checked again before it is reported.
# Extra arguments go to `python -m wilguide.links` (see --help), e.g. --report links.md.
source "$(dirname "$0")/setup.sh"
setup_python test
setup_fonts
cd "$ROOT"
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
mkdocs build --strict -d "$site"  # not -q: a quiet build hides the warnings --strict counts
python -m wilguide.links --site "$site" "$@"
