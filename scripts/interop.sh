#!/usr/bin/env bash
# npm run test:interop: the bundled action against Dovecot submission and Postfix from Debian's
# packages (__tests__/interop/). Installs what is missing, then runs the suite; the suite starts
# its own server instances on loopback ports and stops them by PID.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-core)
[ -x /usr/lib/dovecot/submission ] || missing+=(dovecot-submissiond)
[ -x /usr/sbin/postfix ] || missing+=(postfix)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "interop: missing ${missing[*]}; install them (Debian: apt-get install --no-install-recommends ${missing[*]}) or run this as root on a machine with apt-get." >&2
    exit 1
  fi
  echo "interop: installing ${missing[*]}"
  started=$SECONDS
  # A package's maintainer scripts start its service through invoke-rc.d, which asks policy-rc.d
  # first: 101 forbids it. The suite runs its own instances; a system one must never run.
  policy=/usr/sbin/policy-rc.d
  saved=""
  if [ -e "$policy" ]; then saved=$(mktemp) && cp -p "$policy" "$saved"; fi
  restore_policy() {
    if [ -n "$saved" ]; then mv "$saved" "$policy"; else rm -f "$policy"; fi
  }
  trap restore_policy EXIT
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  restore_policy
  trap - EXIT
  # Belt and braces: no system instance may keep running or start at boot.
  for unit in dovecot postfix; do
    if command -v deb-systemd-helper >/dev/null; then deb-systemd-helper disable "$unit.service" >/dev/null 2>&1 || true; fi
    if command -v update-rc.d >/dev/null && [ -e "/etc/init.d/$unit" ]; then update-rc.d "$unit" disable >/dev/null 2>&1 || true; fi
  done
  for pidfile in /run/dovecot/master.pid /var/spool/postfix/pid/master.pid; do
    if [ -s "$pidfile" ]; then
      pid=$(tr -dc 0-9 <"$pidfile")
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        echo "interop: stopping the system service the install started (PID $pid)"
        kill "$pid" || true
      fi
    fi
  done
  echo "interop: installed in $((SECONDS - started)) s"
fi

exec npx vitest run --config vitest.interop.config.ts "$@"
