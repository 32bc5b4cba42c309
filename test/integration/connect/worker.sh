#!/usr/bin/env bash
# A distributed Kafka Connect worker (Apache Kafka's ConnectDistributed) on 127.0.0.1, against the
# local 3-broker cluster, with the connector plugins of connect/pom.xml on its plugin.path.
#
#   worker.sh start     build if needed, start the worker, wait until its REST API lists every plugin
#   worker.sh stop      stop it (TERM, then KILL of its process group)
#   worker.sh status    exit 0 when the worker answers
#
# The worker runs under `timeout`: it dies by itself after KAFKA_IT_CONNECT_MAX_LIFETIME_S (900 s).
# It resolves host names only from its own hosts file (loopback names), so that nothing a connector
# configuration names (a Db2 host, a Snowflake account) is looked up or reached from here.
# Files live in test/integration/.work/connect.
set -euo pipefail
# shellcheck source=../common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
# shellcheck source=connect-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/connect-common.sh"

WORKER_DIR="$CONNECT_WORK/worker"
WORKER_JVM_OPTS=(-Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:+ExitOnOutOfMemoryError
  -Djava.awt.headless=true "-Dlog4j.configuration=file:$CONNECT_DIR/config/log4j-worker.properties"
  "-Djdk.net.hosts.file=$WORKER_DIR/hosts" "-Duser.home=$WORKER_DIR/home")
# The plugins the checks need, by class (GET /connector-plugins).
EXPECTED_PLUGINS=(
  io.debezium.connector.db2.Db2Connector
  io.debezium.connector.postgresql.PostgresConnector
  io.debezium.connector.jdbc.JdbcSinkConnector
  com.snowflake.kafka.connector.SnowflakeSinkConnector
  org.apache.kafka.connect.mirror.MirrorSourceConnector
  org.apache.kafka.connect.mirror.MirrorCheckpointConnector
  org.apache.kafka.connect.mirror.MirrorHeartbeatConnector
  kafkastandards.it.connect.frameworkonly.FrameworkOnlySourceConnector
  kafkastandards.it.connect.frameworkonly.FrameworkOnlySinkConnector
)

worker_pgid() { [ -f "$WORKER_DIR/pgid" ] && cat "$WORKER_DIR/pgid"; return 0; }
worker_alive() {
  local pgid
  pgid="$(worker_pgid)"
  [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null
}

# The worker's settings: internal topics with replication factor 3 on the local cluster, named per
# start (a fresh worker never sees offsets of an earlier run); short offset-flush and rebalance
# intervals keep a test run quick.
worker_properties() {
  local id
  id="$(date +%s)"
  cat <<PROPS
bootstrap.servers=$(it_bootstrap)
group.id=it-connect-$id
config.storage.topic=it-connect-$id-configs
offset.storage.topic=it-connect-$id-offsets
status.storage.topic=it-connect-$id-status
config.storage.replication.factor=3
offset.storage.replication.factor=3
status.storage.replication.factor=3
offset.storage.partitions=5
status.storage.partitions=3
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
listeners=http://127.0.0.1:$CONNECT_REST_PORT
rest.advertised.host.name=127.0.0.1
rest.advertised.port=$CONNECT_REST_PORT
plugin.path=$CONNECT_PLUGINS
plugin.discovery=service_load
offset.flush.interval.ms=1000
scheduled.rebalance.max.delay.ms=0
connector.client.config.override.policy=All
PROPS
}

cmd_status() { worker_alive && curl -sf -m 5 "$CONNECT_URL/" >/dev/null; }

cmd_stop() {
  local pgid
  pgid="$(worker_pgid)"
  [ -n "$pgid" ] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 60); do worker_alive || break; sleep 0.5; done
  if worker_alive; then
    it_log "the Connect worker did not stop in time: SIGKILL"
    kill -KILL -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 20); do worker_alive || break; sleep 0.25; done
  fi
  worker_alive && it_die "the Connect worker is still alive"
  rm -f "$WORKER_DIR/pgid"
}

cmd_start() {
  local started=$SECONDS plugins missing=() class deadline
  worker_alive && it_die "a Connect worker is already running (process group $(worker_pgid)); stop it first"
  "$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
  it_connect_build
  it_port_open "$CONNECT_REST_PORT" && it_die "port $CONNECT_REST_PORT is in use (set KAFKA_IT_BASE_PORT or KAFKA_IT_CONNECT_PORT)"
  rm -rf "$WORKER_DIR"
  mkdir -p "$WORKER_DIR/home"
  worker_properties >"$WORKER_DIR/worker.properties"
  # Only loopback names resolve inside the worker (jdk.net.hosts.file replaces DNS for the JVM).
  printf '127.0.0.1 localhost %s\n' "$(hostname)" >"$WORKER_DIR/hosts"
  # A port of the ephemeral range can be taken by a client socket for a moment: a failed bind is
  # retried (3 attempts).
  local attempt
  for attempt in 1 2 3; do
    : >"$WORKER_DIR/worker.log"
    setsid timeout -k 10 "$CONNECT_MAX_LIFETIME_S" \
      java "${WORKER_JVM_OPTS[@]}" -cp "$CONNECT_WORKER_LIB/*" org.apache.kafka.connect.cli.ConnectDistributed \
      "$WORKER_DIR/worker.properties" >>"$WORKER_DIR/worker.log" 2>&1 </dev/null 9>&- &
    echo $! >"$WORKER_DIR/pgid"
    deadline=$((SECONDS + ${KAFKA_IT_CONNECT_READY_TIMEOUT_S:-180}))
    until curl -sf -m 5 "$CONNECT_URL/connectors" >/dev/null 2>&1; do
      if ! worker_alive || [ $SECONDS -ge $deadline ]; then break; fi
      sleep 1
    done
    curl -sf -m 5 "$CONNECT_URL/connectors" >/dev/null 2>&1 && break
    cmd_stop
    if [ "$attempt" -lt 3 ] && grep -q 'Failed to bind' "$WORKER_DIR/worker.log"; then
      it_log "port $CONNECT_REST_PORT was taken while the worker started (attempt $attempt); retrying"
      sleep 2
      continue
    fi
    tail -n 40 "$WORKER_DIR/worker.log" >&2 || true
    it_die "the Connect worker did not come up on $CONNECT_URL"
  done
  plugins="$(curl -sf -m 30 "$CONNECT_URL/connector-plugins?connectorsOnly=true")" || it_die "GET /connector-plugins failed"
  echo "$plugins" >"$WORKER_DIR/plugins.json"
  for class in "${EXPECTED_PLUGINS[@]}"; do
    grep -q "\"class\":\"$class\"" <<<"$plugins" || missing+=("$class")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    cmd_stop
    it_die "the Connect worker lacks plugins: ${missing[*]}"
  fi
  it_log "Connect worker up on $CONNECT_URL in $((SECONDS - started)) s ($(grep -o '"class"' <<<"$plugins" | wc -l) connector plugins)"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
