#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: Chromium for the
# browser tests, PostgreSQL for the second database run, LibreOffice for PDF
# output with Tinos (fonts-croscore: the metrics of Times New Roman and every
# Vietnamese letter, which Debian 12's fonts-liberation 1.x lacks), Tesseract
# for scanned documents, wrk for `make bench`. Needs root;
# without it, says which parts will be skipped (and fails under CI=true, where
# nothing may be skipped).
set -euo pipefail

packages=(chromium gettext postgresql wrk libreoffice-writer tesseract-ocr tesseract-ocr-vie poppler-utils fonts-croscore fonts-liberation fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Cài các gói Debian còn thiếu: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "============================================================"
echo "CHÚ Ý: thiếu các gói Debian: ${missing[*]}"
echo "Không có quyền root để cài. Các phần kiểm thử cần chúng sẽ BỊ BỎ QUA."
echo "============================================================"
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: không được bỏ qua phần nào." >&2
  exit 1
fi
