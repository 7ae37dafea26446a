#!/usr/bin/env bash
# Build the whole site, PDFs and Word files included, into site/ (or the folder given with -d).
# For another base URL: SITE_URL=https://example.github.io/project/ scripts/build.sh
source "$(dirname "$0")/setup.sh"
setup_python site
setup_fonts
cd "$ROOT"
exec mkdocs build --strict "$@"
