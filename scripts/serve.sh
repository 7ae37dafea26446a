#!/usr/bin/env bash
# Install everything the site needs into .venv and serve it with live reload on http://127.0.0.1:8000/
# Extra arguments go to `mkdocs serve` (for example: -a 0.0.0.0:8000).
source "$(dirname "$0")/setup.sh"
setup_python site
setup_fonts
cd "$ROOT"
exec mkdocs serve "$@"
