#!/usr/bin/env bash
# Check the guide's content in a few seconds, without a browser or a full build: pages, H2s and
# checklist items in both languages, links and anchors, front matter, placeholders, house terms
# and figures. Prints every problem as file:line: message, then the translation status.
# Exits with 1 when there is a problem. Extra arguments go to wilguide-check (see --help).
source "$(dirname "$0")/setup.sh"
setup_python site
cd "$ROOT"
exec wilguide-check "$@"
