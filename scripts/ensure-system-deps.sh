#!/usr/bin/env bash
# The tests need Debian's Chromium (e2e, print views) and LibreOffice (workbook → PDF checks),
# plus CJK fonts so Chinese renders, and Debian's sqlite3 (the data file must open in an older SQLite
# tool). Installs what is missing when run as root on Debian; otherwise says what to install and stops.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
fonts=$(fc-list 2>/dev/null || true)
grep -qi 'Noto Sans CJK' <<<"$fonts" || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages for the tests: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need these system packages: ${missing[*]} (Debian: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
