#!/usr/bin/env bash
# Installs what verify-connect.sh needs on a clean machine (.ci/run calls it before the integration
# run; locally the check builds the worker itself when needed):
#   - PostgreSQL's server from Debian's `postgresql` package, when no server is installed (as root;
#     without a default cluster: the check starts its own throwaway server on a test port);
#   - the Connect worker classpath and the connector plugins from Maven Central (connect/pom.xml),
#     into ~/.m2 and connect/target, so that the check itself builds offline.
set -euo pipefail
# shellcheck source=../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=connect-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/connect-common.sh"

if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  [ "$(id -u)" -eq 0 ] || it_die "PostgreSQL's server is not installed: apt-get install postgresql (as root)"
  it_log "installing PostgreSQL (Debian package postgresql)"
  mkdir -p /etc/postgresql-common
  # postgresql-common reads this before creating a default cluster; none is wanted.
  [ -f /etc/postgresql-common/createcluster.conf ] ||
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold postgresql >/dev/null
fi
for tool in psql keytool curl; do
  command -v "$tool" >/dev/null || it_die "$tool is not installed"
done
it_connect_build
it_log "Kafka Connect check ready: PostgreSQL $(ls /usr/lib/postgresql | paste -sd, -), worker and plugins in $CONNECT_DIR/target"
