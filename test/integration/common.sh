# Shared settings and helpers for the integration scripts (sourced, not run).
# shellcheck shell=bash disable=SC2034

IT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$IT_DIR/../.." && pwd)"
IT_WORK="${KAFKA_IT_WORK:-$IT_DIR/.work}"
IT_CLUSTER="$IT_WORK/cluster"
IT_RESULTS="${KAFKA_IT_RESULTS:-$IT_WORK/results.txt}"
IT_BROKERS=3
# Client port of broker N is BASE+10*(N-1); its controller port is one above, and its SASL/PLAIN
# client port (for authorization checks with a principal that is not a super user) two above.
# The secured cluster (cluster.sh start --secured) closes both client ports and listens on
# SASL_SSL/SCRAM-SHA-512 three above and on SSL with client certificates (mutual TLS) four above.
IT_BASE_PORT="${KAFKA_IT_BASE_PORT:-39092}"
# TLS material and the admin client's settings of the secured cluster, generated at start.
IT_TLS="$IT_CLUSTER/tls"
# The secured cluster's super user for the test's admin client (SCRAM-SHA-512).
IT_ADMIN_USER="it-admin"
# Brokers kill themselves after this many seconds, whatever happens to the scripts.
IT_MAX_LIFETIME_S="${KAFKA_IT_MAX_LIFETIME_S:-1200}"
IT_CP="$IT_DIR/target/classes:$IT_DIR/target/lib/*"

it_log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
it_die() { it_log "ERROR: $*"; exit 1; }

it_client_port() { echo $((IT_BASE_PORT + 10 * ($1 - 1))); }
it_controller_port() { echo $((IT_BASE_PORT + 10 * ($1 - 1) + 1)); }
it_sasl_port() { echo $((IT_BASE_PORT + 10 * ($1 - 1) + 2)); }
it_scram_port() { echo $((IT_BASE_PORT + 10 * ($1 - 1) + 3)); }
it_mtls_port() { echo $((IT_BASE_PORT + 10 * ($1 - 1) + 4)); }
# "127.0.0.1:PORT,..." over every broker, for a port function.
it_ports_bootstrap() {
  local n out=""
  for n in $(seq 1 "$IT_BROKERS"); do out="${out:+$out,}127.0.0.1:$("$1" "$n")"; done
  echo "$out"
}
# True when the running (or last started) cluster is the secured one.
it_secured() { [ -f "$IT_CLUSTER/secured" ]; }
# The super user's bootstrap: PLAINTEXT, or SASL_SSL as the admin user on the secured cluster.
it_bootstrap() {
  if it_secured; then it_ports_bootstrap it_scram_port; else it_ports_bootstrap it_client_port; fi
}
it_sasl_bootstrap() { it_ports_bootstrap it_sasl_port; }
it_scram_bootstrap() { it_ports_bootstrap it_scram_port; }
it_mtls_bootstrap() { it_ports_bootstrap it_mtls_port; }
# The Java helpers' admin clients (Cli.admin) read their security settings from this file.
if it_secured && [ -f "$IT_TLS/admin.properties" ]; then
  export KAFKA_IT_ADMIN_CONFIG="$IT_TLS/admin.properties"
else
  unset KAFKA_IT_ADMIN_CONFIG
fi

# True when something accepts connections on 127.0.0.1:PORT.
it_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The listeners of a run (brokers, controllers, Connect workers, PostgreSQL, the standby cluster at
# base + 500) use ports from BASE to BASE + 599, inside Linux's ephemeral range: any client connection
# could be handed one of them as its local port, and a listener started later then fails to bind. When
# the kernel setting is writable (root), the range is added to net.ipv4.ip_local_reserved_ports, which
# only stops the kernel from picking those ports for outgoing connections; explicit binds still work.
it_reserve_ports() {
  local file=/proc/sys/net/ipv4/ip_local_reserved_ports current range
  range="$IT_BASE_PORT-$((IT_BASE_PORT + 599))"
  [ -w "$file" ] || return 0
  current="$(cat "$file" 2>/dev/null)" || return 0
  case ",$current," in *",$range,"*) return 0 ;; esac
  if echo "${current:+$current,}$range" >"$file" 2>/dev/null; then
    it_log "reserved ports $range from the ephemeral range (net.ipv4.ip_local_reserved_ports)"
  fi
  return 0
}

# Runs that share $IT_WORK (and so one cluster) exclude each other: run.sh, bench-kafka.sh and
# cluster.sh's start/stop/kill/restart hold an exclusive lock on $IT_WORK/.lock (file descriptor 9,
# which the brokers do not inherit). Scripts started by a lock holder do not lock again.
it_lock() {
  [ "${KAFKA_IT_LOCKED:-}" = "$IT_WORK" ] && return 0
  mkdir -p "$IT_WORK"
  exec 9>>"$IT_WORK/.lock"
  if ! flock -n 9; then
    it_die "another run is using $IT_WORK; wait for it, or run beside it with other KAFKA_IT_WORK and KAFKA_IT_BASE_PORT"
  fi
  export KAFKA_IT_LOCKED="$IT_WORK"
}

# A short-lived JVM running one of the helpers or a Kafka tool class.
# KAFKA_IT_JAVA_OPTS adds JVM options (security.sh: C1 only, which costs short runs less CPU).
it_java() {
  # shellcheck disable=SC2086 # options, split on purpose
  java -Xms64m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true ${KAFKA_IT_JAVA_OPTS:-} \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" -cp "$IT_CP" "$@"
}

# What the scripts read from the standards (lib/standards via ts-node).
it_standards() {
  (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only test/integration/standards.ts "$@") 2> >(grep -v '^npm warn' >&2)
}

# Records check results: PASS/FAIL lines of stdin are echoed and appended to $IT_RESULTS.
it_record() {
  local line
  while IFS= read -r line; do
    printf '%s\n' "$line"
    case "$line" in PASS\ * | FAIL\ *) printf '%s\n' "$line" >>"$IT_RESULTS" ;; esac
  done
}
it_pass() { echo "PASS $*" | it_record; }
it_fail() { echo "FAIL $*" | it_record; }

# Runs a helper whose PASS/FAIL lines are recorded; a non-zero exit without a FAIL line is recorded
# as a failure of NAME. Returns the command's status.
it_check() {
  local name="$1" out rc
  shift
  out="$(mktemp)"
  "$@" 2>&1 | tee "$out" | it_record
  rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$out"; then it_fail "$name: exited with status $rc"; fi
  rm -f "$out"
  return "$rc"
}

# Builds the harness: Kafka jars into target/lib and the helpers into target/classes. Offline when
# the local Maven repository has everything, else online with retries. The Kafka version comes from
# the standards (apacheRelease of KafkaVersion.DEFAULT).
it_build() {
  local release stamp attempt log
  release="$(it_standards kafka-release)" || it_die "cannot read apacheRelease of KafkaVersion.DEFAULT"
  mkdir -p "$IT_WORK"
  stamp="$IT_DIR/target/.built-kafka-$release"
  if [ -f "$stamp" ] && [ -f "$IT_DIR/target/lib/kafka_2.13-$release.jar" ] &&
    [ -z "$(find "$IT_DIR/pom.xml" "$IT_DIR/src" -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  # A different Kafka release must not share target/lib with this one.
  if compgen -G "$IT_DIR/target/lib/kafka_2.13-*.jar" >/dev/null && [ ! -f "$IT_DIR/target/lib/kafka_2.13-$release.jar" ]; then
    rm -rf "$IT_DIR/target/lib"
  fi
  rm -f "$IT_DIR"/target/.built-kafka-*
  log="$IT_WORK/maven.log"
  it_log "building the harness for Apache Kafka $release"
  if ! mvn -B -q -o -f "$IT_DIR/pom.xml" -Dkafka.version="$release" package >"$log" 2>&1; then
    for attempt in 1 2 3 4; do
      if mvn -B -q -f "$IT_DIR/pom.xml" -Dkafka.version="$release" package >"$log" 2>&1; then break; fi
      if [ "$attempt" -eq 4 ]; then
        cat "$log" >&2
        it_die "Maven build failed (Apache Kafka $release from Maven Central)"
      fi
      it_log "Maven build failed (attempt $attempt), retrying in $((attempt * 15)) s"
      sleep $((attempt * 15))
    done
  fi
  [ -f "$IT_DIR/target/lib/kafka_2.13-$release.jar" ] || it_die "target/lib has no kafka_2.13-$release.jar"
  touch "$stamp"
}

# TLS material for the secured cluster and its clients (openssl; generated at test time, never
# committed). Certificates are valid for two days: the brokers stop long before.
# it_tls_ca DIR NAME SUBJECT: a self-signed CA, DIR/NAME.key and DIR/NAME.pem.
it_tls_ca() {
  openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 2 -subj "$3" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$1/$2.key" -out "$1/$2.pem" 2>/dev/null
}
# it_tls_cert DIR NAME SUBJECT CA PASSWORD [SAN]: a key and a certificate signed by DIR/CA, as PEM
# (DIR/NAME.key, DIR/NAME.pem) and as a PKCS12 keystore (DIR/NAME.p12, with the CA chain).
# SUBJECT is in openssl's /K=V/... form (most significant RDN first).
it_tls_cert() {
  local dir="$1" name="$2" subject="$3" ca="$4" pass="$5" san="${6:-}"
  {
    echo "basicConstraints=CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=serverAuth,clientAuth"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } >"$dir/$name.ext"
  openssl req -new -newkey rsa:2048 -nodes -subj "$subject" -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null &&
    openssl x509 -req -sha256 -days 2 -in "$dir/$name.csr" -CA "$dir/$ca.pem" -CAkey "$dir/$ca.key" \
      -CAserial "$dir/$ca.srl" -CAcreateserial -extfile "$dir/$name.ext" -out "$dir/$name.pem" 2>/dev/null &&
    openssl pkcs12 -export -in "$dir/$name.pem" -inkey "$dir/$name.key" -certfile "$dir/$ca.pem" -name "$name" \
      -out "$dir/$name.p12" -passout "pass:$pass"
}
# The subject of a PEM certificate in RFC 2253 form, the form Kafka names an SSL principal by.
it_tls_subject() { openssl x509 -in "$1" -noout -subject -nameopt RFC2253 | sed 's/^subject=//'; }

# confluent-kafka for Python, pinned; its wheel bundles librdkafka. The librdkafka checks run it from
# a venv of its own under test/integration/.work, installed from PyPI on first use.
CONFLUENT_KAFKA_VERSION="2.16.1"
IT_CONFLUENT_KAFKA_VENV="$IT_DIR/.work/venv-confluent-kafka-$CONFLUENT_KAFKA_VERSION"
# Installs it once (under a lock: runs beside each other share it); sets venv_note. The caller
# closes file descriptor 8 afterwards.
it_confluent_kafka_venv() {
  local started=$SECONDS venv="$IT_CONFLUENT_KAFKA_VENV"
  mkdir -p "$(dirname "$venv")"
  exec 8>>"$venv.lock"
  flock -w 300 8 || return 1
  if [ -f "$venv/.installed" ] && "$venv/bin/python" -c 'import confluent_kafka' 2>/dev/null; then
    venv_note="already installed"
    return 0
  fi
  rm -rf "$venv"
  python3 -m venv "$venv" || return 1
  "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q \
    "confluent-kafka==$CONFLUENT_KAFKA_VERSION" || return 1
  # Written last: a venv without it (an interrupted install) is rebuilt.
  touch "$venv/.installed"
  venv_note="installed in $((SECONDS - started)) s"
}
