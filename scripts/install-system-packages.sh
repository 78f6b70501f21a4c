#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, once: Chromium for the
# Playwright browser tests, Noto CJK fonts and WeasyPrint's libraries (Pango,
# HarfBuzz subset, fontconfig) for Chinese PDFs, and gettext (msgfmt) for
# compiling and checking the translation catalogue.
# With the argument `runtime` (make run) only what serving needs: the fonts
# and WeasyPrint's libraries, for the letters and reports it generates.
set -euo pipefail
need=()
if [ "${1:-}" != "runtime" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
fi
# (grep without -q: with pipefail an early exit of grep fails the pipe.)
fc-list 2>/dev/null | grep -i "Noto Serif CJK" >/dev/null || need+=(fonts-noto-cjk)
# WeasyPrint (letters and annual-report PDFs) loads Pango, HarfBuzz's subsetter
# and fontconfig at run time; the CJK fonts above are embedded from these.
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
