#!/usr/bin/env bash
# Starts the local PostgreSQL (127.0.0.1:5432) that the registry tests use, when it is down. Idempotent.
# Set CHAINWARDEN_TEST_PG to test against another server instead.
set -uo pipefail
if [ -n "${CHAINWARDEN_TEST_PG:-}" ]; then exit 0; fi
if pg_isready -h 127.0.0.1 -q 2>/dev/null; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in /etc/postgresql/*; do
    [ -d "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$(basename "$version")" main start >/dev/null 2>&1 || true
  done
  for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -q 2>/dev/null && exit 0; sleep 1; done
fi
echo "PostgreSQL is not reachable at 127.0.0.1:5432 and could not be started: the registry tests on PostgreSQL will fail" >&2
exit 0
