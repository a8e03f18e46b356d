#!/usr/bin/env bash
# Installs the Debian packages Danvan uses, in two groups:
#   run   python3-venv to create .venv, and what the running system calls: LibreOffice for PDF output, with Tinos
#         (fonts-croscore: the metrics of Times New Roman and every Vietnamese
#         letter, which Debian 12's fonts-liberation 1.x lacks); Tesseract with
#         its Vietnamese model for scanned plans.
#   test  the run group, plus what the test suite and `make bench` drive for
#         real: Chromium for the browser tests, PostgreSQL for the second
#         database run, gettext for the catalogues, poppler-utils and wrk.
# Usage: scripts/system-deps.sh [run|test]   (default: test)
# Needs root to install. Without it, says which features will not work (run)
# or which tests will be skipped (test), and fails under CI=true, where
# nothing may be skipped.
set -euo pipefail

group="${1:-test}"
declare -A feature=(
  [python3-venv]="tạo môi trường Python .venv (make install sẽ không chạy được)"
  [libreoffice-writer]="xuất PDF kế hoạch, báo cáo, văn bản (vẫn xuất được Word)"
  [fonts-croscore]="chữ Times New Roman (Tinos) trong bản PDF"
  [fonts-dejavu-core]="chữ dự phòng trong bản PDF"
  [tesseract-ocr]="đọc kế hoạch là bản PDF chụp (scan)"
  [tesseract-ocr-vie]="nhận dạng chữ tiếng Việt trong bản PDF chụp"
  [chromium]="kiểm thử trên trình duyệt"
  [postgresql]="kiểm thử trên PostgreSQL"
  [gettext]="biên dịch bản dịch (make messages)"
  [poppler-utils]="kiểm thử đọc bản PDF chụp, dựng lại bộ văn bản mẫu"
  [fonts-liberation]="kiểm thử xuất PDF"
  [wrk]="đo hiệu năng (make bench)"
)
run_packages=(python3-venv libreoffice-writer fonts-croscore fonts-dejavu-core tesseract-ocr tesseract-ocr-vie)
test_packages=("${run_packages[@]}" chromium postgresql gettext poppler-utils fonts-liberation wrk)
case "$group" in
  run) packages=("${run_packages[@]}") ;;
  test) packages=("${test_packages[@]}") ;;
  *) echo "Cách dùng: $0 [run|test]" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Cài các gói Debian còn thiếu: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

echo "============================================================"
echo "CHÚ Ý: thiếu các gói Debian: ${missing[*]}"
echo "Không có quyền root để cài (hãy chạy: sudo $0 $group)."
if [ "$group" = run ]; then
  echo "Hệ thống vẫn chạy, nhưng các chức năng sau sẽ KHÔNG hoạt động:"
else
  echo "Các phần kiểm thử cần chúng sẽ BỊ BỎ QUA:"
fi
for package in "${missing[@]}"; do
  echo "  - $package: ${feature[$package]}"
done
echo "============================================================"
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: không được bỏ qua phần nào." >&2
  exit 1
fi
