#!/usr/bin/env bash
# Shared install steps, sourced by serve.sh, build.sh and test.sh. Each step is idempotent and
# skipped when nothing changed, so repeated runs start in seconds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1          # silence Material's end-of-life banner on every run
export PATH="$VENV/bin:$PATH"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root; run it as root or install sudo" >&2; return 1; fi
}

apt_install() {  # apt_install PACKAGE...: install Debian packages that are missing
  local missing=()
  for package in "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {  # setup_python site|test: the virtual environment with pinned dependencies
  local requirements="$ROOT/requirements.txt"
  [ "${1:-site}" = test ] && requirements="$ROOT/requirements-test.txt"
  if [ ! -x "$VENV/bin/python" ]; then
    local python
    python=$(command -v python3.11 || command -v python3)
    "$python" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(basename "$requirements")"
  local digest
  digest=$(cat "$requirements" "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
    echo "Installing Python dependencies from $(basename "$requirements")"
    # --no-deps: the lock file pins every package, so there is nothing to resolve, and `pip check`
    # names any package a lock file misses. --no-compile: Python compiles a module when it is first
    # imported, instead of pip compiling every file of every package (6 s of a fresh install).
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-compile -r "$requirements" -e "$ROOT"
    local broken
    if ! broken=$("$VENV/bin/python" -m pip check); then
      echo "error: $(basename "$requirements") does not pin every package it needs; run scripts/lock.sh" >&2
      echo "$broken" >&2
      return 1
    fi
    echo "$digest" > "$stamp"
  fi
}

setup_fonts() {  # WeasyPrint's system libraries, and the fonts embedded in the generated PDFs
  apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation fonts-dejavu-core
}

setup_browser() {  # Debian's Chromium: test tools cannot download their own browser here
  command -v chromium >/dev/null || apt_install chromium
}

setup_pdf_viewer() {  # Poppler draws the checklist PDFs' form fields as Evince and Okular do
  command -v pdftoppm >/dev/null || apt_install poppler-utils
}

setup_word_processor() {  # LibreOffice Writer opens the Word files as a reader's word processor would
  command -v soffice >/dev/null || apt_install libreoffice-writer-nogui
  # Metric-compatible with the files' Calibri and Cambria, so LibreOffice breaks pages as Word does.
  apt_install fonts-crosextra-carlito fonts-crosextra-caladea
}

setup_node_tools() {  # axe-core and the Nu Html Checker, pinned in package-lock.json
  command -v node >/dev/null || apt_install nodejs npm
  command -v java >/dev/null || apt_install default-jre-headless
  local stamp="$ROOT/node_modules/.installed"
  local digest
  digest=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
    echo "Installing npm test tools"
    # --ignore-scripts: vnu-jar's install script downloads a JDK, which fails offline.
    (cd "$ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$digest" > "$stamp"
  fi
}

setup_properdocs() {  # .venv-properdocs: the site and test packages with ProperDocs in place of MkDocs
  local venv="$ROOT/.venv-properdocs"
  [ -x "$venv/bin/python" ] || "$(command -v python3.11 || command -v python3)" -m venv "$venv"
  local stamp="$venv/.installed"
  local digest
  digest=$(cat "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" "$ROOT/requirements-properdocs.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$digest" ]; then
    echo "Installing ProperDocs and the pinned packages (without MkDocs) into .venv-properdocs"
    # --no-deps: mkdocs-material and mkdocs-static-i18n declare MkDocs, which must not come back.
    grep -hv '^-r \|^mkdocs==\|^mkdocs-get-deps==' "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" > "$venv/requirements.txt"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
      -r "$venv/requirements.txt" -r "$ROOT/requirements-properdocs.txt"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e "$ROOT"
    echo "$digest" > "$stamp"
  fi
}
