#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Check: the connectors the examples synthesize, on a real Kafka Connect worker, and the DB2 →
# Kafka Connect → Snowflake pipeline end to end on local stand-ins.
#   - connect/pom.xml: a distributed worker (connect-runtime and connect-mirror of the harness's
#     Kafka release) and the connector plugins, all from Maven Central, each plugin in its own
#     plugin.path folder; built offline when ~/.m2 has them (.ci/run fetches them first);
#   - connect/postgres.sh: PostgreSQL (Debian's package) on 127.0.0.1, databases it_db2 (the Db2
#     stand-in) and it_snowflake (the Snowflake stand-in), logical decoding on;
#   - connect/worker.sh: the worker on 127.0.0.1 against the local cluster, internal topics RF 3;
#   - the examples are synthesized; every aws_mskconnect_connector and confluent_connector
#     configuration goes through PUT /connector-plugins/<class>/config/validate
#     (connect/validate-connectors.ts; connectors no registry serves: their keys against their
#     public source, connect/keys/*.json, and the framework keys on the worker);
#   - connect/validate-modernization.ts: the sample Connect export's Debezium 1.x connector rewritten
#     by `kafka-standards connectors --rewrite` validates with 0 errors on the real Debezium
#     PostgreSQL plugin, where the exported one is flagged and its old keys are undefined;
#   - connect/modernization-nonregression.ts: that connector as exported runs on Debezium 1.9 in a
#     standalone worker (connect/target/plugins-debezium1 only), the rewrite on the distributed worker;
#     the same table changes must give the same change events (key, op, row images) and counts;
#   - connect/e2e-pipeline.ts: rows written to the Db2 stand-in flow through a CDC source into the
#     pipeline's topics and through a sink with the pipeline's error handling into the Snowflake
#     stand-in; a poison record lands in the dead-letter topic with context headers;
#   - connect/proof-report.ts writes the report (KAFKA_IT_CONNECT_DOC, default
#     .work/connect/CONNECT-PROOF.md; docs/CONNECT-PROOF.md is regenerated with
#     KAFKA_IT_CONNECT_DOC=docs/CONNECT-PROOF.md).
# No connector resource in the synthesized examples is a failure.
# Needs a running cluster (cluster.sh start). The worker, PostgreSQL and the TLS endpoint stop when
# the check ends, and by themselves after KAFKA_IT_CONNECT_MAX_LIFETIME_S (900 s).
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=connect/connect-common.sh
source "$IT_DIR/connect/connect-common.sh"

BOOTSTRAP="$(it_bootstrap)"
TLS_PORT="${KAFKA_IT_CONNECT_TLS_PORT:-$((IT_BASE_PORT + 32))}"
DOC="${KAFKA_IT_CONNECT_DOC:-$CONNECT_WORK/CONNECT-PROOF.md}"
E2E_ROWS="${KAFKA_IT_CONNECT_E2E_ROWS:-1000}"
E2E_RATE="${KAFKA_IT_CONNECT_E2E_RATE:-100}"
status=0
started=$SECONDS

"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
mkdir -p "$CONNECT_WORK"
rm -f "$CONNECT_WORK"/validation.json "$CONNECT_WORK"/e2e.json "$CONNECT_WORK"/modernization.json

tls_pid=""
cleanup() {
  [ -n "$tls_pid" ] && kill "$tls_pid" 2>/dev/null
  "$CONNECT_DIR/worker.sh" stop || true
  "$CONNECT_DIR/postgres.sh" stop || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ts() { (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only "$@") 2> >(grep -v '^npm warn' >&2); }

if (it_connect_build); then
  it_pass "Connect worker and plugins from Maven Central: connect-runtime + connect-mirror $(it_standards kafka-release), $(cd "$CONNECT_PLUGINS" && ls -d -- */ | tr -d / | tr '\n' ' ' | sed 's/ $//')"
else
  it_fail "Connect worker and plugins from Maven Central (see $CONNECT_WORK/maven.log)"
  exit 1
fi

if ! "$CONNECT_DIR/postgres.sh" start; then
  it_fail "PostgreSQL (the database stand-in) started on 127.0.0.1:$CONNECT_PG_PORT"
  exit 1
fi
it_pass "PostgreSQL $("$CONNECT_DIR/postgres.sh" psql -d postgres -At -c 'SHOW server_version') started on 127.0.0.1:$CONNECT_PG_PORT (databases it_db2, it_snowflake)"

if ! "$CONNECT_DIR/worker.sh" start; then
  it_fail "distributed Connect worker started on 127.0.0.1:$CONNECT_REST_PORT"
  exit 1
fi
internal="$(grep -E '^(config|offset|status)\.storage\.topic=' "$CONNECT_WORK/worker/worker.properties" | cut -d= -f2 | paste -sd, -)"
# The REST API answers before the worker's herder has created all three internal topics; wait for
# them (up to 60 s) instead of sampling once.
internal_ok() {
  described="$(it_connect_java kafkastandards.it.connect.PipelineProbe describe --bootstrap "$BOOTSTRAP" --topics "$internal" 2>>"$CONNECT_WORK/internal-topics.log")" &&
    node -e 'const d=JSON.parse(process.argv[1]); process.exit(Object.keys(d).length===3 && Object.values(d).every(t=>t.replicationFactor===3)?0:1)' "$described"
}
described=""
internal_deadline=$((SECONDS + 60))
internal_found=1
until internal_ok; do
  if ((SECONDS >= internal_deadline)); then internal_found=0; break; fi
  sleep 2
done
if ((internal_found)); then
  it_pass "distributed Connect worker up on 127.0.0.1:$CONNECT_REST_PORT with $(grep -o '"class"' "$CONNECT_WORK/worker/plugins.json" | wc -l) connector plugins; internal topics RF 3 ($described)"
else
  it_fail "Connect worker internal topics with replication factor 3: ${described:-not found}"
  status=1
fi

# The examples, synthesized as `npm run synth` does.
if ! ts bin/synth-examples.ts --outdir "$CONNECT_WORK/synth" >"$CONNECT_WORK/synth.log" 2>&1; then
  tail -n 30 "$CONNECT_WORK/synth.log" >&2
  it_fail "examples synthesized (bin/synth-examples.ts --outdir $CONNECT_WORK/synth)"
  exit 1
fi

# The Snowflake account's stand-in: a TLS endpoint with an untrusted certificate (see validate-connectors.ts).
rm -f "$CONNECT_WORK/tls.p12"
keytool -genkeypair -alias it -keyalg RSA -keysize 2048 -dname CN=it-untrusted -validity 2 -storetype PKCS12 \
  -keystore "$CONNECT_WORK/tls.p12" -storepass it-untrusted >"$CONNECT_WORK/keytool.log" 2>&1 ||
  it_die "keytool could not create the TLS endpoint's key"
timeout -k 5 "$CONNECT_MAX_LIFETIME_S" java -Xmx64m -XX:+UseSerialGC -cp "$CONNECT_CP" kafkastandards.it.connect.PipelineProbe \
  tls-endpoint --port "$TLS_PORT" --keystore "$CONNECT_WORK/tls.p12" --storepass it-untrusted \
  --max-s "$CONNECT_MAX_LIFETIME_S" >"$CONNECT_WORK/tls.log" 2>&1 &
tls_pid=$!
for _ in $(seq 1 60); do grep -q listening "$CONNECT_WORK/tls.log" && break; sleep 0.5; done
grep -q listening "$CONNECT_WORK/tls.log" || it_die "the local TLS endpoint did not start on 127.0.0.1:$TLS_PORT"

it_check "connector configs validated" ts test/integration/connect/validate-connectors.ts \
  --synth "$CONNECT_WORK/synth" --connect "$CONNECT_URL" --bootstrap "$BOOTSTRAP" \
  --worker-log "$CONNECT_WORK/worker/worker.log" --worker-hosts "$CONNECT_WORK/worker/hosts" --tls-port "$TLS_PORT" \
  --out "$CONNECT_WORK/validation.json" || status=1

# The modernization rewrite (kafka-standards connectors --rewrite) on the real Debezium PostgreSQL plugin.
it_check "modernization rewrite validated" ts test/integration/connect/validate-modernization.ts \
  --connect "$CONNECT_URL" --pg-port "$CONNECT_PG_PORT" --pg-user "$CONNECT_PG_ROLE" --pg-password "$CONNECT_PG_PASSWORD" || status=1

it_check "modernized connector, same records before and after" ts test/integration/connect/modernization-nonregression.ts \
  --connect "$CONNECT_URL" --bootstrap "$BOOTSTRAP" --pg-port "$CONNECT_PG_PORT" --pg-user "$CONNECT_PG_ROLE" \
  --pg-password "$CONNECT_PG_PASSWORD" --java-cp "$CONNECT_CP" --worker-lib "$CONNECT_WORKER_LIB" \
  --plugins "$CONNECT_DIR/target/plugins-debezium1" --rest-port "$CONNECT_STANDALONE_PORT" --max-s 300 \
  --work "$CONNECT_WORK/modernization" --out "$CONNECT_WORK/modernization.json" || status=1

it_check "pipeline end to end" ts test/integration/connect/e2e-pipeline.ts \
  --synth "$CONNECT_WORK/synth" --connect "$CONNECT_URL" --bootstrap "$BOOTSTRAP" \
  --pg-port "$CONNECT_PG_PORT" --pg-user "$CONNECT_PG_ROLE" --pg-password "$CONNECT_PG_PASSWORD" --java-cp "$CONNECT_CP" \
  --rows "$E2E_ROWS" --rate "$E2E_RATE" --out "$CONNECT_WORK/e2e.json" || status=1

if ts test/integration/connect/proof-report.ts --validation "$CONNECT_WORK/validation.json" --e2e "$CONNECT_WORK/e2e.json" \
  --plugins "$CONNECT_WORK/worker/plugins.json" --worker "$CONNECT_WORK/worker/worker.properties" \
  --modernization "$CONNECT_WORK/modernization.json" --seconds "$((SECONDS - started))" --out "$DOC"; then
  it_pass "Connect proof report written to ${DOC#"$REPO_ROOT"/}"
else
  it_fail "Connect proof report written to $DOC"
  status=1
fi
it_log "verify-connect took $((SECONDS - started)) s"
exit "$status"
