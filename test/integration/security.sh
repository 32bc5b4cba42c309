#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Check: least privilege on real brokers. Runs against the secured cluster (cluster.sh start --secured):
#   1. the examples are synthesized (bin/synth-examples.ts, as npm run synth); security-plan.ts reads
#      the SCRAM and mutual-TLS applications, their rendered client files and grants, and the access
#      matrix with the expected outcome of every cell (from the grants, never from the ACLs);
#   2. secrets as in production, generated for this run: a random password per SCRAM user, and a
#      client certificate per mutual-TLS application whose subject is the principal the library names,
#      signed by the test CA; they reach the clients only through the environment variables the
#      rendered files reference;
#   3. SecureApply applies the data plane (kafka_topic, kafka_acl, kafka_quota, SCRAM credentials)
#      with the Admin API calls the Mongey/kafka provider makes;
#   4. transport: no CA, no client certificate, a certificate of another CA, a wrong SCRAM password
#      are refused; every port speaks TLS only; the plain cluster's ports are closed (Java and librdkafka);
#   5. continuity.sh over SASL_SSL: a DURABILITY producer and consumer of the example, a broker killed;
#   6. the access matrix, with the Java client and with librdkafka, application by application;
#   7. quotas: a producer offered 1.5 times its producer_byte_rate is throttled to within 20 % of it
#      over 20 s; another producer at half its quota is not throttled (both without transactions:
#      a quota binds the principal, and commit pauses would blur the rate);
#   8. security-report.ts compares, asserts and writes docs/SECURITY-PROOF.md (KAFKA_IT_SECURITY_DOC).
# Files in .work/security (secrets in .work/security/clients, mode 700).
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="$IT_WORK/security"
DOC="${KAFKA_IT_SECURITY_DOC:-$REPO_ROOT/docs/SECURITY-PROOF.md}"
QUOTA_SECONDS="${KAFKA_IT_QUOTA_SECONDS:-30}"
QUOTA_WARMUP_S="${KAFKA_IT_QUOTA_WARMUP_S:-10}"
THREADS="${KAFKA_IT_MATRIX_THREADS:-6}"
status=0
# The Java tools here are short-lived: compiling with C1 only costs them less CPU.
export KAFKA_IT_JAVA_OPTS="${KAFKA_IT_JAVA_OPTS:--XX:TieredStopAtLevel=1}"

it_secured || it_die "security.sh needs the secured cluster (cluster.sh start --secured)"
"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running"
rm -rf "$OUT"
mkdir -p "$OUT/results" "$OUT/clients"
chmod 700 "$OUT/clients"
started=$SECONDS

ts() { (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only "$@") 2> >(grep -v '^npm warn' >&2); }
# run_recorded NAME OUT ERR CMD...: CMD's PASS/FAIL lines recorded and kept in OUT, its stderr (client
# logs) in ERR; a non-zero exit without a FAIL line fails NAME.
run_recorded() {
  local name="$1" out="$2" err="$3" rc
  shift 3
  "$@" 2>"$err" | tee "$out" | it_record
  rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
    it_fail "$name: exited with status $rc: $(tail -n 3 "$err" | tr '\n' ' ' | cut -c1-300)"
  fi
  return "$rc"
}

# 1. Synthesis and plan. Within run.sh, the synthesis verify-clients.sh made of the same checkout
# earlier in the run is read again instead of made twice.
SYNTH="$OUT/synth"
earlier="$IT_WORK/clients/synth/manifest.json"
if [ -n "${KAFKA_IT_RUN_STARTED:-}" ] && [ -f "$earlier" ] && [ "$(stat -c %Y "$earlier")" -ge "$KAFKA_IT_RUN_STARTED" ]; then
  SYNTH="$(dirname "$earlier")"
  it_log "security: reading the examples verify-clients.sh synthesized in this run ($SYNTH)"
elif ! ts bin/synth-examples.ts --outdir "$SYNTH" >"$OUT/synth.log" 2>&1; then
  tail -n 30 "$OUT/synth.log" >&2
  it_fail "examples synthesized for the security proof"
  exit 1
fi
if ! ts test/integration/security-plan.ts --synth "$SYNTH" --out "$OUT/plan.json" --apps "$OUT/apps.tsv" \
  >"$OUT/plan.log" 2>&1; then
  cat "$OUT/plan.log" >&2
  it_fail "security plan read from the synthesized examples"
  exit 1
fi
# shellcheck disable=SC2016
it_pass "security plan read from the synthesized examples: $(node -e '
  const p = require(process.argv[1]);
  const apps = p.examples.flatMap((e) => e.applications.map((a) => `${e.name}/${a.name} (${a.auth})`));
  const cells = p.examples.reduce((n, e) => n + e.cells.length, 0);
  console.log(`${apps.length} applications [${apps.join(", ")}], ${cells} cells per client library`);
' "$OUT/plan.json")"

# 2. Secrets, as the environment of each application.
cp "$IT_TLS/ca.pem" "$IT_TLS/ca.key" "$OUT/clients/"
mtls_app="" scram_app=""
while IFS=$'\t' read -r example app auth who subject password_env; do
  [ -n "$app" ] || continue
  env_file="$OUT/clients/$example.$app.env"
  case "$auth" in
    msk-scram)
      [ -n "${!password_env:-}" ] || export "$password_env=$(openssl rand -hex 16)"
      {
        echo "KAFKA_BOOTSTRAP_SERVERS=$(it_scram_bootstrap)"
        echo "KAFKA_SASL_PASSWORD=${!password_env}"
      } >"$env_file"
      [ -n "$scram_app" ] || scram_app="$example.$app"
      ;;
    msk-tls)
      pass="$(openssl rand -hex 16)"
      if ! it_tls_cert "$OUT/clients" "$example.$app" "$subject" ca "$pass" >"$OUT/clients/$app.openssl.log" 2>&1; then
        it_fail "$example/$app: client certificate with subject $who issued by the test CA: $(tail -n 2 "$OUT/clients/$app.openssl.log")"
        status=1
        continue
      fi
      got="$(it_tls_subject "$OUT/clients/$example.$app.pem")"
      if [ "$got" != "$who" ]; then
        it_fail "$example/$app: client certificate subject is the principal's name: openssl wrote $got, not $who"
        status=1
      fi
      {
        echo "KAFKA_BOOTSTRAP_SERVERS=$(it_mtls_bootstrap)"
        echo "KAFKA_KEYSTORE=$OUT/clients/$example.$app.p12"
        echo "KAFKA_KEYSTORE_PASSWORD=$pass"
        echo "KAFKA_CLIENT_CERT=$OUT/clients/$example.$app.pem"
        echo "KAFKA_CLIENT_KEY=$OUT/clients/$example.$app.key"
      } >"$env_file"
      [ -n "$mtls_app" ] || mtls_app="$example.$app"
      ;;
  esac
  echo "HOSTNAME=it-$app" >>"$env_file"
  chmod 600 "$env_file"
done <"$OUT/apps.tsv"

# with_app EXAMPLE.APP CMD...: runs CMD with the application's environment.
with_app() {
  local file="$OUT/clients/$1.env" line
  shift
  (
    while IFS= read -r line; do export "${line?}"; done <"$file"
    "$@"
  )
}
plan_get() { node -e 'const p = require(process.argv[1]); const v = new Function("p", "return " + process.argv[2])(p); console.log(v === undefined ? "" : v);' "$OUT/plan.json" "$1"; }
file_of() { plan_get "p.examples.find((e) => e.name === '$1').applications.find((a) => a.name === '$2').files.$3.$4 ?? ''"; }

printf 'ssl.truststore.type=PEM\nssl.truststore.location=%s\n' "$IT_TLS/ca.pem" >"$OUT/java-local.properties"
export KAFKA_IT_ADMIN_PASSWORD
KAFKA_IT_ADMIN_PASSWORD="$(cat "$IT_TLS/admin.pass")"
it_confluent_kafka_venv >"$OUT/venv.log" 2>&1 || {
  exec 8>&-
  cat "$OUT/venv.log" >&2
  it_fail "librdkafka client ready: confluent-kafka $CONFLUENT_KAFKA_VERSION installed from PyPI"
  exit 1
}
exec 8>&-
PY="$IT_CONFLUENT_KAFKA_VENV/bin/python"

# 3. The data plane, as the provider would apply it.
if ! run_recorded "data plane applied" "$OUT/apply.txt" "$OUT/apply.err" \
  it_java kafkastandards.it.SecureApply --bootstrap "$(it_bootstrap)" --plan "$OUT/plan.json"; then
  exit 1
fi

# 4. Transport.
if [ -n "$scram_app" ] && [ -n "$mtls_app" ]; then
  s_example="${scram_app%%.*}" s_app="${scram_app#*.}" m_example="${mtls_app%%.*}" m_app="${mtls_app#*.}"
  s_java="$(file_of "$s_example" "$s_app" java producer)"
  [ -n "$s_java" ] || s_java="$(file_of "$s_example" "$s_app" java consumer)"
  m_java="$(file_of "$m_example" "$m_app" java producer)"
  [ -n "$m_java" ] || m_java="$(file_of "$m_example" "$m_app" java consumer)"
  s_rdk="$(file_of "$s_example" "$s_app" librdkafka producer)"
  [ -n "$s_rdk" ] || s_rdk="$(file_of "$s_example" "$s_app" librdkafka consumer)"
  m_rdk="$(file_of "$m_example" "$m_app" librdkafka producer)"
  [ -n "$m_rdk" ] || m_rdk="$(file_of "$m_example" "$m_app" librdkafka consumer)"
  untrusted="$OUT/clients/untrusted"
  mkdir -p "$untrusted"
  export IT_UNTRUSTED_PASSWORD IT_PROBE_PASSWORD
  IT_UNTRUSTED_PASSWORD="$(openssl rand -hex 16)"
  IT_PROBE_PASSWORD="$(cat "$IT_TLS/store.pass")"
  it_tls_ca "$untrusted" other-ca "/CN=another CA" &&
    it_tls_cert "$untrusted" client "$(awk -F'\t' -v a="$m_app" '$2 == a { print $5; exit }' "$OUT/apps.tsv")" other-ca \
      "$IT_UNTRUSTED_PASSWORD" >/dev/null 2>&1 || it_die "openssl could not create the untrusted certificate"
  tls_ports="" closed_ports=""
  for n in $(seq 1 "$IT_BROKERS"); do
    tls_ports="$tls_ports${tls_ports:+,}broker $n SASL_SSL=$(it_scram_port "$n"),broker $n SSL=$(it_mtls_port "$n")"
    tls_ports="$tls_ports,controller $n=$(it_controller_port "$n")"
    closed_ports="$closed_ports${closed_ports:+,}$(it_client_port "$n"),$(it_sasl_port "$n")"
  done
  # Both applications' variables at once: their names do not overlap, except the bootstrap and
  # HOSTNAME, which the checks set per connection.
  transport_env() { with_app "$scram_app" with_app "$mtls_app" "$@"; }
  transport_env run_recorded "transport (Java)" "$OUT/transport-java.txt" "$OUT/transport-java.err" \
    it_java kafkastandards.it.TransportCheck --scram-file "$s_java" \
    --mtls-file "$m_java" --local "$OUT/java-local.properties" --scram-bootstrap "$(it_scram_bootstrap)" \
    --mtls-bootstrap "$(it_mtls_bootstrap)" --tls-ports "$tls_ports" --closed-ports "$closed_ports" \
    --untrusted-keystore "$untrusted/client.p12" --untrusted-password-env IT_UNTRUSTED_PASSWORD \
    --ca "$IT_TLS/ca.pem" --probe-keystore "$IT_TLS/broker.p12" --probe-password-env IT_PROBE_PASSWORD || status=1
  transport_env run_recorded "transport (librdkafka)" "$OUT/transport-librdkafka.txt" "$OUT/transport-librdkafka.err" \
    "$PY" "$IT_DIR/security_clients.py" transport --ca "$IT_TLS/ca.pem" \
    --scram-bootstrap "$(it_scram_bootstrap)" --mtls-bootstrap "$(it_mtls_bootstrap)" --scram-file "$s_rdk" \
    --mtls-file "$m_rdk" || status=1
else
  it_fail "transport checks: the examples have a SCRAM and a mutual-TLS application (SCRAM: ${scram_app:-none}, mTLS: ${mtls_app:-none})"
  status=1
fi

# 5. Continuity over SASL_SSL.
cont_example="$(plan_get 'p.selections.continuity?.example')"
if [ -n "$cont_example" ]; then
  cont_topic="$(plan_get 'p.selections.continuity.topic')"
  cont_producer="$(plan_get 'p.selections.continuity.producer')"
  cont_consumer="$(plan_get 'p.selections.continuity.consumer')"
  cat "$(file_of "$cont_example" "$cont_producer" java producer)" "$OUT/java-local.properties" >"$OUT/continuity-producer.properties"
  cat "$(file_of "$cont_example" "$cont_consumer" java consumer)" "$OUT/java-local.properties" >"$OUT/continuity-consumer.properties"
  it_log "=== continuity over SASL_SSL: $cont_producer -> $cont_topic -> $cont_consumer"
  KAFKA_IT_CONTINUITY_RECORDS="${KAFKA_IT_SECURED_CONTINUITY_RECORDS:-40000}" \
    KAFKA_IT_CONTINUITY_SECURED=1 KAFKA_IT_CONTINUITY_TOPIC="$cont_topic" \
    KAFKA_IT_CONTINUITY_GROUP="$(plan_get 'p.selections.continuity.group')" \
    KAFKA_IT_CONTINUITY_PRODUCER_PROPS="$OUT/continuity-producer.properties" \
    KAFKA_IT_CONTINUITY_CONSUMER_PROPS="$OUT/continuity-consumer.properties" \
    KAFKA_IT_CONTINUITY_PRODUCER_ENV="$OUT/clients/$cont_example.$cont_producer.env" \
    KAFKA_IT_CONTINUITY_CONSUMER_ENV="$OUT/clients/$cont_example.$cont_consumer.env" \
    bash "$IT_DIR/continuity.sh" || status=1
  echo "$cont_example $cont_producer $cont_topic $cont_consumer" >"$OUT/continuity.txt"
  cat "$IT_WORK/continuity-secured/summary.txt" >>"$OUT/continuity.txt" 2>/dev/null
else
  it_fail "continuity over SASL_SSL: an example has a SCRAM producer and a SCRAM consumer of one topic with the DURABILITY profile"
  status=1
fi

# 6. The access matrix, application by application, with the Java client and then with librdkafka
# (the cells of one run go in parallel; two runs at once would contend for the same groups).
it_log "=== access matrix"
while IFS=$'\t' read -r example app _; do
  [ -n "$app" ] || continue
  base="$OUT/results/$example.$app"
  with_app "$example.$app" it_java kafkastandards.it.AccessMatrix --plan "$OUT/plan.json" --example "$example" \
    --app "$app" --local "$OUT/java-local.properties" --admin-bootstrap "$(it_bootstrap)" --threads "$THREADS" \
    --out "$base.java.jsonl" 2>"$base.java.log" || it_log "AccessMatrix $example/$app exited with $? (see $base.java.log)"
  with_app "$example.$app" "$PY" "$IT_DIR/security_clients.py" matrix --plan "$OUT/plan.json" --example "$example" \
    --app "$app" --ca "$IT_TLS/ca.pem" --admin-bootstrap "$(it_bootstrap)" --admin-user "$IT_ADMIN_USER" \
    --threads "$THREADS" --out "$base.librdkafka.jsonl" 2>"$base.librdkafka.log" ||
    it_log "security_clients.py matrix $example/$app exited with $? (see $base.librdkafka.log)"
done <"$OUT/apps.tsv"

# 7. Quotas: the first producer with a quota offered 1.5 times it, the second half of its own, at once.
quota_run() { # INDEX FACTOR LABEL
  local example app topic rate
  example="$(plan_get "p.selections.quotas[$1]?.example")"
  [ -n "$example" ] || return 0
  app="$(plan_get "p.selections.quotas[$1].app")"
  topic="$(plan_get "p.selections.quotas[$1].topic")"
  rate="$(plan_get "Math.round(p.selections.quotas[$1].producerByteRate * $2)")"
  with_app "$example.$app" it_java kafkastandards.it.QuotaCheck --props "$(file_of "$example" "$app" java producer)" \
    --local "$OUT/java-local.properties" --topic "$topic" --rate "$rate" --record-size 1024 --no-transactions \
    --set batch.size=65536 --set linger.ms=5 --seconds "$QUOTA_SECONDS" --warmup-s "$QUOTA_WARMUP_S" \
    --out "$OUT/results/quota-$3.json" >"$OUT/results/quota-$3.log" 2>&1
}
it_log "=== quotas (${QUOTA_SECONDS} s)"
quota_run 0 1.5 over &
over_pid=$!
quota_run 1 0.5 under
wait "$over_pid"

# 8. Compare, assert, write the document.
run_recorded "security report" "$OUT/report.txt" "$OUT/report.err" \
  ts test/integration/security-report.ts --plan "$OUT/plan.json" --out-dir "$OUT" \
  --doc "$DOC" --kafka "$(it_standards kafka-release)" \
  --librdkafka "$("$PY" -c 'import confluent_kafka as c; print(c.libversion()[0])')" || status=1
it_log "security checks took $((SECONDS - started)) s"
exit "$status"
