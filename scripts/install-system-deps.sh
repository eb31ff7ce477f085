#!/usr/bin/env bash
# What the browser tests need from Debian: Chromium (driven by Playwright; never a
# downloaded browser) and a Chinese font so pages and screenshots show real glyphs.
set -euo pipefail
packages=(chromium fonts-wqy-microhei)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "安装测试所需的系统软件包：${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
