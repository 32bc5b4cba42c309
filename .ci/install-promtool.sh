#!/usr/bin/env bash
# Installs promtool (Debian package `prometheus`) so the Confluent monitoring tests can run
# `promtool check rules` on the generated Prometheus rule files.
#
# - Idempotent: does nothing when promtool is already on PATH or in /usr/bin.
# - Quiet: apt output goes to a log file, printed only when the install fails.
# - Leaves no Prometheus server running: the package's maintainer scripts start the service
#   through invoke-rc.d (the init.d script where systemd is not PID 1, e.g. in a container).
#   A temporary policy-rc.d that answers 101 ("action forbidden") stops that start; it is
#   removed again afterwards, and the service is stopped and disabled in case something
#   started it anyway.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 || [ -x /usr/bin/promtool ]; then
  echo "promtool already installed: $( (command -v promtool || echo /usr/bin/promtool) | head -n1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

log="$(mktemp)"
policy=/usr/sbin/policy-rc.d
created_policy=0
cleanup() {
  if [ "$created_policy" -eq 1 ]; then $SUDO rm -f "$policy"; fi
  rm -f "$log"
}
trap cleanup EXIT

if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod 755 "$policy"
  created_policy=1
fi

export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends prometheus; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-promtool: apt-get install prometheus failed" >&2
  exit 1
fi

# Belt and braces: no server may keep running, now or after a reboot of a systemd machine.
if [ -d /run/systemd/system ]; then
  $SUDO systemctl disable --now prometheus >/dev/null 2>&1 || true
else
  $SUDO /etc/init.d/prometheus stop >/dev/null 2>&1 || true
  $SUDO update-rc.d prometheus disable >/dev/null 2>&1 || true
fi

promtool --version 2>&1 | head -n1
