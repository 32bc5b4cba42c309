# Shared settings for the Kafka Connect part of the integration harness (sourced after ../common.sh).
# shellcheck shell=bash disable=SC2034

CONNECT_DIR="$IT_DIR/connect"
CONNECT_WORK="$IT_WORK/connect"
# Beside the brokers' ports (BASE .. BASE+22): the worker's REST listener and PostgreSQL.
CONNECT_REST_PORT="${KAFKA_IT_CONNECT_PORT:-$((IT_BASE_PORT + 30))}"
CONNECT_PG_PORT="${KAFKA_IT_PG_PORT:-$((IT_BASE_PORT + 31))}"
CONNECT_URL="http://127.0.0.1:$CONNECT_REST_PORT"
# The standalone worker of the modernization check (Debezium 1.x alone on its plugin.path); +32 is
# verify-connect.sh's TLS endpoint.
CONNECT_STANDALONE_PORT="${KAFKA_IT_CONNECT_STANDALONE_PORT:-$((IT_BASE_PORT + 33))}"
# The stand-in databases' role (a local throwaway server, see postgres.sh).
CONNECT_PG_ROLE="it_connect"
CONNECT_PG_PASSWORD="it-connect-secret"
# The worker and PostgreSQL kill themselves after this many seconds, whatever happens to the scripts.
CONNECT_MAX_LIFETIME_S="${KAFKA_IT_CONNECT_MAX_LIFETIME_S:-900}"
CONNECT_WORKER_LIB="$CONNECT_DIR/target/worker-lib"
CONNECT_PLUGINS="$CONNECT_DIR/target/plugins"
CONNECT_CP="$CONNECT_DIR/target/classes:$CONNECT_WORKER_LIB/*"

# A short-lived JVM running one of the Connect check helpers (kafkastandards.it.connect).
it_connect_java() {
  java -Xms64m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$IT_DIR/config/log4j-tools.properties" -cp "$CONNECT_CP" "$@"
}

# Builds the worker classpath, the plugin folders and the helpers (connect/pom.xml). Offline when
# the local Maven repository has everything, else online with retries; skipped when nothing changed.
it_connect_build() {
  local release stamp attempt log
  release="$(it_standards kafka-release)" || it_die "cannot read apacheRelease of KafkaVersion.DEFAULT"
  mkdir -p "$CONNECT_WORK"
  stamp="$CONNECT_DIR/target/.built-kafka-$release"
  if [ -f "$stamp" ] && [ -f "$CONNECT_WORKER_LIB/connect-runtime-$release.jar" ] &&
    [ -z "$(find "$CONNECT_DIR/pom.xml" "$CONNECT_DIR/src" "$CONNECT_DIR/plugin-manifests" -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  # Another Kafka release must not share the worker classpath with this one.
  if compgen -G "$CONNECT_WORKER_LIB/connect-runtime-*.jar" >/dev/null && [ ! -f "$CONNECT_WORKER_LIB/connect-runtime-$release.jar" ]; then
    rm -rf "$CONNECT_WORKER_LIB"
  fi
  rm -f "$CONNECT_DIR"/target/.built-kafka-*
  log="$CONNECT_WORK/maven.log"
  it_log "building the Connect worker and plugins for Apache Kafka $release"
  if ! mvn -B -q -o -f "$CONNECT_DIR/pom.xml" -Dkafka.version="$release" package >"$log" 2>&1; then
    for attempt in 1 2 3 4; do
      if mvn -B -q -f "$CONNECT_DIR/pom.xml" -Dkafka.version="$release" package >"$log" 2>&1; then break; fi
      if [ "$attempt" -eq 4 ]; then
        cat "$log" >&2
        it_die "Maven build of the Connect worker failed (Maven Central)"
      fi
      it_log "Maven build failed (attempt $attempt), retrying in $((attempt * 15)) s"
      sleep $((attempt * 15))
    done
  fi
  [ -f "$CONNECT_WORKER_LIB/connect-runtime-$release.jar" ] || it_die "worker-lib has no connect-runtime-$release.jar"
  touch "$stamp"
}

# curl against the worker's REST API: it_connect_rest METHOD PATH [JSON-FILE]; prints the body,
# fails on a transport error (the HTTP status is in $CONNECT_HTTP_STATUS).
it_connect_rest() {
  local method="$1" path="$2" body="${3:-}" out
  out="$(mktemp)"
  if [ -n "$body" ]; then
    CONNECT_HTTP_STATUS="$(curl -sS -m 120 -o "$out" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json' \
      --data-binary "@$body" "$CONNECT_URL$path")" || { rm -f "$out"; return 1; }
  else
    CONNECT_HTTP_STATUS="$(curl -sS -m 120 -o "$out" -w '%{http_code}' -X "$method" "$CONNECT_URL$path")" || {
      rm -f "$out"
      return 1
    }
  fi
  cat "$out"
  rm -f "$out"
}
