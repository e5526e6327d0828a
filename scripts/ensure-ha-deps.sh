#!/usr/bin/env bash
# Installs what the failover benchmark needs from Debian, if missing: pg_auto_failover for PostgreSQL 15
# (the HA manager: monitor + keepers, synchronous standby, automatic promotion).
set -euo pipefail
if command -v pg_autoctl >/dev/null 2>&1 && [ -d /usr/lib/postgresql/15/bin ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "需要 root 权限安装 postgresql-15-auto-failover（apt-get）" >&2
  exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 postgresql-15-auto-failover pg-auto-failover-cli
