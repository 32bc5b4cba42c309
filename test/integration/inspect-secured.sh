#!/usr/bin/env bash
# Check: `kafka-standards inspect` reads the secured cluster (cluster.sh start --secured) through its TLS
# listeners, with the same client properties an operator would pass as --command-config:
#   - SASL_SSL SCRAM-SHA-512 as the admin user: the inventory is read (3 brokers, ACLs, SCRAM users with
#     it-admin), and --emit typescript writes a program that authenticates the data plane with SCRAM and,
#     synthesized, declares what the cluster holds with 0 differences;
#   - SSL with a client certificate (mTLS) of a super user: the same inventory;
#   - a client certificate of the same CA whose principal has no grant: exit 2, one KSE-INSPECT-002 line.
# Runs after security.sh in run.sh (SECURED_CHECKS), read-only; well under a minute.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="$IT_WORK/inspect-secured"
it_secured || it_die "inspect-secured.sh needs the secured cluster (cluster.sh start --secured)"
"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running"
rm -rf "$OUT"
mkdir -p "$OUT"
chmod 700 "$OUT"
started=$SECONDS
status=0

# The super user's certificate (the brokers' own principal) and one of the same CA without any grant.
cp "$IT_TLS/admin.properties" "$OUT/scram.properties"
cat >"$OUT/mtls.properties" <<PROPS
security.protocol=SSL
ssl.truststore.type=PEM
ssl.truststore.location=$IT_TLS/ca.pem
ssl.keystore.type=PKCS12
ssl.keystore.location=$IT_TLS/broker.p12
ssl.keystore.password=$(cat "$IT_TLS/store.pass")
PROPS
pass="$(openssl rand -hex 16)"
cp "$IT_TLS/ca.pem" "$IT_TLS/ca.key" "$OUT/"
it_tls_cert "$OUT" stranger "/O=kafka-standards-it/CN=inspect-stranger" ca "$pass" || it_die "openssl could not create a certificate"
rm -f "$OUT/ca.key"
cat >"$OUT/stranger.properties" <<PROPS
security.protocol=SSL
ssl.truststore.type=PEM
ssl.truststore.location=$IT_TLS/ca.pem
ssl.keystore.type=PKCS12
ssl.keystore.location=$OUT/stranger.p12
ssl.keystore.password=$pass
PROPS

inspect() { # NAME BOOTSTRAP [ARGS...]
  local name="$1" boot="$2"
  shift 2
  (cd "$REPO_ROOT" && ./bin/kafka-standards inspect --bootstrap-server "$boot" --command-config "$OUT/$name.properties" \
    --window 0s --timeout 20s "$@" >"$OUT/$name.out" 2>"$OUT/$name.err")
}

for run in "scram $(it_scram_bootstrap)" "mtls $(it_mtls_bootstrap)"; do
  read -r name boot <<<"$run"
  t0=$SECONDS
  extra=()
  [ "$name" = scram ] && extra=(--emit typescript --emit-out "$OUT/scram-emitted.ts")
  inspect "$name" "$boot" --out "$OUT/$name" "${extra[@]}"
  rc=$?
  if [ "$rc" -le 1 ] && node - "$OUT/$name/inventory.json" "$name" <<'JS'; then
const inv = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const ok = inv.brokers.length === 3 && Array.isArray(inv.acls) && (inv.scramUsers || []).some((u) => u.name === "it-admin");
console.error(`inspect ${process.argv[3]}: ${inv.brokers.length} brokers, ${inv.topics.length} topics, ${(inv.acls || []).length} ACLs, ${(inv.scramUsers || []).length} SCRAM users`);
process.exit(ok ? 0 : 1);
JS
    it_pass "inspect over $([ "$name" = scram ] && echo SASL_SSL SCRAM-SHA-512 || echo mTLS): inventory read (3 brokers, ACLs, SCRAM users) in $((SECONDS - t0)) s"
  else
    tail -n 5 "$OUT/$name.err" >&2
    it_fail "inspect over $name: inventory read (exit $rc)"
    status=1
  fi
done

# The program emitted over SCRAM: it authenticates its data plane as it-admin, synthesizes, and declares what
# the cluster holds (after security.sh: the examples' topics, ACLs and quotas as the library applied them)
# with 0 differences.
if grep -q 'ExistingClusterAuth.scram({ username: "it-admin"' "$OUT/scram-emitted.ts" 2>/dev/null &&
  (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only test/integration/roundtrip.ts "$OUT/scram-emitted.ts" \
    "$OUT/scram/inventory.json" "$OUT/cdktf.out" >"$OUT/roundtrip.json" 2>"$OUT/roundtrip.err") &&
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop());
    console.error(`inspect --emit over SCRAM: ${r.lines} lines, ${r.topics} topics, ${r.acls} ACLs, ${r.quotas} quotas, ${r.grants} grants, ${r.imports} import blocks, ${r.differences.length} differences`);
    for (const d of r.differences) console.error(`  difference: ${d.kind} ${d.object}: ${d.detail}`);
    process.exit(r.differences.length === 0 ? 0 : 1);' "$OUT/roundtrip.json"; then
  it_pass "inspect --emit typescript over SCRAM: the program authenticates as it-admin with SCRAM, synthesizes, 0 differences from the cluster"
else
  tail -n 5 "$OUT/roundtrip.err" >&2
  it_fail "inspect --emit typescript over SCRAM: the program authenticates as it-admin with SCRAM, synthesizes, 0 differences from the cluster"
  status=1
fi

inspect stranger "$(it_mtls_bootstrap)"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "KSE-INSPECT-002" "$OUT/stranger.err" && [ "$(grep -vc '^inspect: ' "$OUT/stranger.err")" -eq 1 ]; then
  it_pass "inspect over mTLS with a certificate without grants: exit 2 and one KSE-INSPECT-002 line"
else
  cat "$OUT/stranger.err" >&2
  it_fail "inspect over mTLS with a certificate without grants: exit 2 and one KSE-INSPECT-002 line (exit $rc)"
  status=1
fi
it_log "secured inspect checks took $((SECONDS - started)) s"
exit "$status"
