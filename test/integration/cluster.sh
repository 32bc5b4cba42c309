#!/usr/bin/env bash
# A local 3-broker KRaft cluster (combined broker+controller nodes) on 127.0.0.1, running the broker
# baseline that MskCluster attaches plus only the settings a local node needs.
#
#   cluster.sh start        build if needed, format storage, start 3 nodes, wait until ready
#                           (refuses while a cluster of the same .work directory is running)
#   cluster.sh start --secured
#                           the same nodes with TLS only: SASL_SSL (SCRAM-SHA-512) and SSL with
#                           client certificates for clients, SSL between brokers and controllers;
#                           no PLAINTEXT listener. CA and broker certificate generated at start.
#   cluster.sh stop         stop every node (TERM, then KILL of each node's process group)
#   cluster.sh status       one line per node; exit 0 when all are up
#   cluster.sh kill N       SIGKILL node N (a crash: no controlled shutdown)
#   cluster.sh restart N    start node N again on its existing data and wait for the cluster
#   cluster.sh bootstrap    print the bootstrap servers
#
# Every node runs under `timeout`, so it dies by itself after KAFKA_IT_MAX_LIFETIME_S (1200 s) even if
# nothing calls stop. Files live in test/integration/.work/cluster (gitignored).
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BROKER_JVM_OPTS=(-Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$IT_DIR/config/log4j.properties")

node_dir() { echo "$IT_CLUSTER/broker-$1"; }

# The process group of node N (its `timeout` watchdog and the JVM), or nothing.
node_pgid() {
  local f
  f="$(node_dir "$1")/pgid"
  [ -f "$f" ] && cat "$f"
  return 0
}

node_alive() {
  local pgid
  pgid="$(node_pgid "$1")"
  [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null
}

# Settings a local node needs on top of the baseline: identity, listeners, quorum, storage.
# The authorizer is the one MSK runs when client authentication is on; the baseline's
# allow.everyone.if.no.acl.found is read only by it. Brokers and the test clients connect as
# ANONYMOUS over PLAINTEXT, the super user; the SASL/PLAIN listener lets a check connect as an
# ordinary principal (it-app) to see what the authorizer allows it. The last three settings only
# make a small cluster quick.
local_settings() {
  local n="$1" voters="" i
  for i in $(seq 1 "$IT_BROKERS"); do voters="${voters:+$voters,}$i@127.0.0.1:$(it_controller_port "$i")"; done
  cat <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$(it_client_port "$n"),CONTROLLER://127.0.0.1:$(it_controller_port "$n"),SASL_PLAINTEXT://127.0.0.1:$(it_sasl_port "$n")
advertised.listeners=PLAINTEXT://127.0.0.1:$(it_client_port "$n"),SASL_PLAINTEXT://127.0.0.1:$(it_sasl_port "$n")
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_it-app="it-app-secret";
log.dirs=$(node_dir "$n")/data
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS
group.initial.rebalance.delay.ms=0
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
PROPS
}

# The secured node: the same identity, quorum and storage, every listener on TLS. Clients connect
# over SASL_SSL with SCRAM-SHA-512 or over SSL with a client certificate (ssl.client.auth=required);
# brokers and controllers talk SSL with the broker certificate, whose subject is a super user, as is
# the SCRAM user it-admin the test's admin client authenticates as (created at format time).
# Nothing listens without TLS: the PLAINTEXT and SASL_PLAINTEXT client ports stay closed.
secured_settings() {
  local n="$1" voters="" i pass
  pass="$(cat "$IT_TLS/store.pass")"
  for i in $(seq 1 "$IT_BROKERS"); do voters="${voters:+$voters,}$i@127.0.0.1:$(it_controller_port "$i")"; done
  cat <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$voters
controller.listener.names=CONTROLLER
listeners=SASL_SSL://127.0.0.1:$(it_scram_port "$n"),SSL://127.0.0.1:$(it_mtls_port "$n"),CONTROLLER://127.0.0.1:$(it_controller_port "$n")
advertised.listeners=SASL_SSL://127.0.0.1:$(it_scram_port "$n"),SSL://127.0.0.1:$(it_mtls_port "$n")
inter.broker.listener.name=SSL
listener.security.protocol.map=CONTROLLER:SSL,SASL_SSL:SASL_SSL,SSL:SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.ssl.ssl.client.auth=required
listener.name.controller.ssl.client.auth=required
ssl.keystore.type=PKCS12
ssl.keystore.location=$IT_TLS/broker.p12
ssl.keystore.password=$pass
ssl.key.password=$pass
ssl.truststore.type=PEM
ssl.truststore.location=$IT_TLS/ca.pem
log.dirs=$(node_dir "$n")/data
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:$IT_ADMIN_USER;User:$(cat "$IT_TLS/broker.principal")
group.initial.rebalance.delay.ms=0
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
PROPS
}

# CA, broker certificate (SAN 127.0.0.1) and keystore, the admin user's password and its client
# settings, all under $IT_TLS.
secured_material() {
  local pass admin_pass
  mkdir -p "$IT_TLS"
  chmod 700 "$IT_TLS"
  pass="$(openssl rand -hex 16)"
  admin_pass="$(openssl rand -hex 16)"
  echo "$pass" >"$IT_TLS/store.pass"
  echo "$admin_pass" >"$IT_TLS/admin.pass"
  it_tls_ca "$IT_TLS" ca "/CN=kafka-standards integration CA" || it_die "openssl could not create the CA"
  it_tls_cert "$IT_TLS" broker "/O=kafka-standards-it/CN=kafka-broker" ca "$pass" "IP:127.0.0.1,DNS:localhost" ||
    it_die "openssl could not create the broker certificate"
  it_tls_subject "$IT_TLS/broker.pem" >"$IT_TLS/broker.principal"
  cat >"$IT_TLS/admin.properties" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$IT_ADMIN_USER" password="$admin_pass";
ssl.truststore.type=PEM
ssl.truststore.location=$IT_TLS/ca.pem
PROPS
}

start_node() {
  local n="$1" dir
  dir="$(node_dir "$n")"
  if node_alive "$n"; then it_die "node $n is already running"; fi
  echo "=== start $(date -u +%FT%TZ)" >>"$dir/server.log"
  # setsid: the node gets its own process group, which stop/kill signal as a whole.
  setsid timeout -k 10 "$IT_MAX_LIFETIME_S" \
    java "${BROKER_JVM_OPTS[@]}" -cp "$IT_DIR/target/lib/*" kafka.Kafka "$dir/server.properties" \
    >>"$dir/server.log" 2>&1 </dev/null 9>&- &
  echo $! >"$dir/pgid"
}

wait_ready() {
  if ! it_java kafkastandards.it.WaitReady --bootstrap "$(it_bootstrap)" --brokers "$IT_BROKERS" \
    --timeout-s "${KAFKA_IT_READY_TIMEOUT_S:-180}"; then
    local n
    for n in $(seq 1 "$IT_BROKERS"); do
      it_log "--- last lines of broker-$n/server.log"
      tail -n 20 "$(node_dir "$n")/server.log" >&2 || true
    done
    return 1
  fi
}

stop_all() {
  local n pgid deadline any
  for n in $(seq 1 "$IT_BROKERS"); do
    pgid="$(node_pgid "$n")"
    if [ -n "$pgid" ]; then kill -TERM -- "-$pgid" 2>/dev/null || true; fi
  done
  deadline=$((SECONDS + ${KAFKA_IT_STOP_GRACE_S:-15}))
  while [ $SECONDS -lt $deadline ]; do
    any=0
    for n in $(seq 1 "$IT_BROKERS"); do node_alive "$n" && any=1; done
    [ $any -eq 0 ] && break
    sleep 0.5
  done
  for n in $(seq 1 "$IT_BROKERS"); do
    if node_alive "$n"; then
      it_log "node $n did not stop in time: SIGKILL"
      kill -KILL -- "-$(node_pgid "$n")" 2>/dev/null || true
    fi
  done
  for n in $(seq 1 "$IT_BROKERS"); do
    for _ in $(seq 1 40); do node_alive "$n" || break; sleep 0.25; done
    node_alive "$n" && it_die "node $n is still alive"
    rm -f "$(node_dir "$n")/pgid"
  done
  return 0
}

cmd_start() {
  local secured="${1:-}" n port release cluster_id format_args=()
  case "$secured" in "" | --secured) ;; *) it_die "cluster.sh start: unknown option $secured (--secured or none)" ;; esac
  for n in $(seq 1 "$IT_BROKERS"); do
    if node_alive "$n"; then
      it_die "a cluster is already running in $IT_CLUSTER (node $n); stop it first with cluster.sh stop"
    fi
  done
  rm -f "$IT_CLUSTER/static-check.txt"
  it_build
  for n in $(seq 1 "$IT_BROKERS"); do
    for port in "$(it_client_port "$n")" "$(it_controller_port "$n")" "$(it_sasl_port "$n")" \
      "$(it_scram_port "$n")" "$(it_mtls_port "$n")"; do
      it_port_open "$port" && it_die "port $port is in use (another cluster? set KAFKA_IT_BASE_PORT)"
    done
  done
  rm -rf "$IT_CLUSTER"
  mkdir -p "$IT_CLUSTER"
  unset KAFKA_IT_ADMIN_CONFIG
  if [ "$secured" = "--secured" ]; then
    secured_material
    # SCRAM credentials are metadata records: the admin's is written at format time, before any
    # listener could accept it.
    format_args=(--add-scram "SCRAM-SHA-512=[name=$IT_ADMIN_USER,password=$(cat "$IT_TLS/admin.pass")]")
    touch "$IT_CLUSTER/secured"
    export KAFKA_IT_ADMIN_CONFIG="$IT_TLS/admin.properties"
  fi

  # The baseline, exactly as MskCluster renders it.
  (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only bin/print-baseline.ts --brokers "$IT_BROKERS") \
    >"$IT_CLUSTER/baseline.properties" 2> >(grep -v '^npm warn' >&2)
  grep -q '=' "$IT_CLUSTER/baseline.properties" || it_die "bin/print-baseline.ts printed no properties"

  for n in $(seq 1 "$IT_BROKERS"); do
    mkdir -p "$(node_dir "$n")"
    if it_secured; then
      secured_settings "$n" >"$(node_dir "$n")/local.properties"
    else
      local_settings "$n" >"$(node_dir "$n")/local.properties"
    fi
    {
      echo "# Broker baseline (bin/print-baseline.ts --brokers $IT_BROKERS)"
      cat "$IT_CLUSTER/baseline.properties"
      echo
      echo "# Local test node"
      cat "$(node_dir "$n")/local.properties"
    } >"$(node_dir "$n")/server.properties"
  done

  # Unknown keys and invalid values fail here, before a broker is started (a KRaft broker
  # accepts an unknown key silently).
  if ! it_java kafkastandards.it.BaselineCheck static --baseline "$IT_CLUSTER/baseline.properties" \
    --local "$(node_dir 1)/local.properties" >"$IT_CLUSTER/static-check.txt" 2>&1; then
    cat "$IT_CLUSTER/static-check.txt" >&2
    it_die "the broker baseline is not valid for Apache Kafka"
  fi

  cluster_id="$(it_java kafka.tools.StorageTool random-uuid | tail -n 1)"
  for n in $(seq 1 "$IT_BROKERS"); do
    it_java kafka.tools.StorageTool format -t "$cluster_id" -c "$(node_dir "$n")/server.properties" \
      "${format_args[@]}" >"$(node_dir "$n")/format.log" 2>&1 || {
      cat "$(node_dir "$n")/format.log" >&2
      it_die "formatting node $n failed"
    }
  done
  for n in $(seq 1 "$IT_BROKERS"); do start_node "$n"; done
  release="$(basename "$(compgen -G "$IT_DIR/target/lib/kafka_2.13-*.jar" | head -n 1)" .jar)"
  if it_secured; then
    it_log "started $IT_BROKERS secured KRaft nodes (${release#kafka_2.13-}): SASL_SSL $(it_scram_bootstrap), mutual TLS $(it_mtls_bootstrap); waiting until ready"
  else
    it_log "started $IT_BROKERS KRaft nodes (${release#kafka_2.13-}) on $(it_bootstrap); waiting until ready"
  fi
  if ! wait_ready; then
    stop_all
    it_die "the cluster did not become ready"
  fi
}

cmd_status() {
  local n up=0 pgid port
  for n in $(seq 1 "$IT_BROKERS"); do
    pgid="$(node_pgid "$n")"
    port="$(it_client_port "$n")"
    it_secured && port="$(it_scram_port "$n")"
    if node_alive "$n" && it_port_open "$port"; then
      echo "broker $n: up (process group $pgid, 127.0.0.1:$port)"
      up=$((up + 1))
    elif node_alive "$n"; then
      echo "broker $n: starting (process group $pgid)"
    else
      echo "broker $n: down"
    fi
  done
  [ "$up" -eq "$IT_BROKERS" ]
}

cmd_kill() {
  local n="$1" pgid
  pgid="$(node_pgid "$n")"
  if [ -z "$pgid" ] || ! node_alive "$n"; then it_die "node $n is not running"; fi
  kill -KILL -- "-$pgid"
  for _ in $(seq 1 40); do node_alive "$n" || break; sleep 0.25; done
  node_alive "$n" && it_die "node $n survived SIGKILL"
  rm -f "$(node_dir "$n")/pgid"
  it_log "node $n killed (SIGKILL)"
}

cmd_restart() {
  local n="$1"
  [ -f "$(node_dir "$n")/server.properties" ] || it_die "node $n was never started"
  start_node "$n"
  it_log "node $n restarted; waiting until the cluster is ready"
  wait_ready
}

case "${1:-}" in
  start) it_lock && cmd_start "${2:-}" ;;
  stop) it_lock && stop_all ;;
  status) cmd_status ;;
  kill) it_lock && cmd_kill "${2:?node number}" ;;
  restart) it_lock && cmd_restart "${2:?node number}" ;;
  bootstrap) it_bootstrap ;;
  *)
    echo "usage: $0 start [--secured]|stop|status|kill N|restart N|bootstrap" >&2
    exit 2
    ;;
esac
