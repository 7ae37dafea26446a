#!/usr/bin/env bash
# Install what the tests need (Python packages, Debian's Chromium, Poppler, LibreOffice Writer with the
# Carlito and Caladea fonts, npm audit tools) and run them all.
# Extra arguments go to pytest (for example: -k planner, or -m "not browser").
source "$(dirname "$0")/setup.sh"
setup_python test
setup_fonts
setup_browser
setup_pdf_viewer
setup_word_processor
setup_node_tools
cd "$ROOT"
exec python -m pytest "$@"
