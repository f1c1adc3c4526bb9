#!/usr/bin/env bash
# Debian packages the planner needs beyond pip: chromium (Kaleido's PNG export and the
# browser tests), a CJK font (Chinese in exported images), and nginx with curl (deploy/start.sh
# runs the replicas behind nginx; tests/app/test_deploy.py checks that deployment). Installs only
# what is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# grep reads all of fc-list's output: with -q it would stop early, fc-list would die of SIGPIPE
# and pipefail would call the font missing (and run apt-get on every test run).
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
