#!/usr/bin/env bash
# Debian packages the project needs.
#   build: the Chinese font embedded in the PDF checklists, the Pango libraries WeasyPrint draws with,
#          and npm, which fetches the iframe-worker shim for the offline bundle.
#   sources: poppler-utils (pdftotext, pdfinfo), which `make add-source` reads PDFs with.
#   test:  also Chromium (driven by Playwright; never a downloaded browser), poppler-utils
#          (pdffonts, pdftotext, pdftoppm), nginx for the sub-path test, and LibreOffice Calc (headless) to
#          open, recalculate and print the XLSX checklists as most intranet users will.
set -euo pipefail
packages=(fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${1:-build}" = "sources" ]; then
  packages=(poppler-utils)
fi
if [ "${1:-build}" = "test" ]; then
  # qpdf makes the password-protected PDF that add-source must refuse.
  packages+=(chromium poppler-utils nginx-light libreoffice-calc-nogui qpdf)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "安装所需的系统软件包：${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
