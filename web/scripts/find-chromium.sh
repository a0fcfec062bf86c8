#!/usr/bin/env bash
# Prints the Chromium the end-to-end tests drive: $CHROMIUM, /usr/bin/chromium or one on PATH. Where none
# is found it installs Debian's package (with a CJK font, or screenshots show boxes for Chinese) when it
# can (root and apt-get); otherwise it says what to install and fails. Browser downloads are not used.
set -euo pipefail

found() {
  for candidate in "${CHROMIUM:-}" /usr/bin/chromium "$(command -v chromium || true)" "$(command -v chromium-browser || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return 0; fi
  done
  return 1
}

has_cjk_font() { command -v fc-list >/dev/null && [[ -n "$(fc-list :lang=zh 2>/dev/null)" ]]; }

if path=$(found) && has_cjk_font; then echo "$path"; exit 0; fi

if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium and fonts-wqy-microhei for the end-to-end tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >&2
  found && exit 0
fi

if path=$(found); then
  echo "warning: no Chinese font found (screenshots will show boxes): install fonts-wqy-microhei or fonts-noto-cjk" >&2
  echo "$path"
  exit 0
fi
cat >&2 <<'MSG'
The end-to-end tests need Chromium and it was not found. Install it, then run make test again:
  Debian/Ubuntu:  sudo apt-get install chromium fonts-wqy-microhei
  elsewhere:      install Chromium or Chrome and set CHROMIUM=/path/to/chromium
MSG
exit 1
