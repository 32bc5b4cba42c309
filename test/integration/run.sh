#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Integration tests against a real local Apache Kafka cluster (npm run test:integration).
#
# Builds the harness, starts the 3-broker KRaft cluster with the MskCluster broker baseline, runs
# each check script in CHECKS, then restarts the nodes as the secured cluster (TLS listeners only,
# SCRAM and mutual TLS) for each script in SECURED_CHECKS, always stops the cluster, and ends with
# "N passed, N failed". A check script prints PASS/FAIL lines (recorded in .work/results.txt) and
# exits non-zero on failure; to add checks, add a script to CHECKS or SECURED_CHECKS.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CHECKS=(verify-baseline.sh verify-topics.sh verify-clients.sh continuity.sh loadtest.sh inspect.sh verify-connect.sh dr.sh)
SECURED_CHECKS=(security.sh inspect-secured.sh)
# Longest time one check script may take before it is stopped and counted as failed (security.sh
# runs several checks in one script, so it has its own limit).
CHECK_TIMEOUT_S="${KAFKA_IT_CHECK_TIMEOUT_S:-480}"
SECURED_CHECK_TIMEOUT_S="${KAFKA_IT_SECURED_CHECK_TIMEOUT_S:-900}"

started=$SECONDS
# Checks may reuse what an earlier check of this run produced (security.sh: the synthesized examples).
export KAFKA_IT_RUN_STARTED
KAFKA_IT_RUN_STARTED="$(date +%s)"
it_lock
it_reserve_ports
: >"$IT_RESULTS"
export KAFKA_IT_RESULTS="$IT_RESULTS"

child=""
# Runs a command in the background and waits for it, so that INT/TERM reach run.sh at once.
run_child() {
  "$@" &
  child=$!
  wait "$child"
  local rc=$?
  child=""
  return "$rc"
}

finish() {
  local rc=$? passed failed
  if [ -n "$child" ]; then
    kill -TERM "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  "$IT_DIR/cluster.sh" stop >/dev/null 2>&1 || "$IT_DIR/cluster.sh" stop || true
  passed="$(grep -c '^PASS ' "$IT_RESULTS" 2>/dev/null)" || passed=0
  failed="$(grep -c '^FAIL ' "$IT_RESULTS" 2>/dev/null)" || failed=0
  if [ "$failed" -gt 0 ]; then
    echo "--- failed checks"
    grep '^FAIL ' "$IT_RESULTS"
  fi
  it_log "integration run took $((SECONDS - started)) s (logs in $IT_WORK)"
  echo "$passed passed, $failed failed"
  if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$rc" -ne 0 ]; then exit 1; fi
  exit 0
}
trap finish EXIT
trap 'it_fail "integration run finished (interrupted by a signal)"; exit 130' INT TERM

if ( it_build ); then
  it_pass "harness built with Apache Kafka $(it_standards kafka-release) from Maven Central"
else
  it_fail "harness built with Apache Kafka from Maven Central"
  exit 1
fi

if run_child "$IT_DIR/cluster.sh" start; then
  it_pass "3-broker KRaft cluster started with the MskCluster broker baseline and became ready"
else
  [ -f "$IT_CLUSTER/static-check.txt" ] && grep -E '^(PASS|FAIL) ' "$IT_CLUSTER/static-check.txt" | it_record
  it_fail "3-broker KRaft cluster started with the MskCluster broker baseline and became ready"
  exit 1
fi

status=0
# run_checks LIMIT_S SCRIPT...: each with that time limit; the cluster must survive each.
run_checks() {
  local limit="$1" check rc before after
  shift
  for check in "$@"; do
    it_log "=== $check"
    before="$(grep -c '^FAIL ' "$IT_RESULTS")" || before=0
    run_child timeout -k 15 "$limit" bash "$IT_DIR/$check"
    rc=$?
    after="$(grep -c '^FAIL ' "$IT_RESULTS")" || after=0
    if [ "$rc" -ne 0 ]; then
      status=1
      if [ "$after" -eq "$before" ]; then
        if [ "$rc" -eq 124 ]; then
          it_fail "$check finished within $limit s"
        else
          it_fail "$check exited with status $rc"
        fi
      fi
    fi
    if ! "$IT_DIR/cluster.sh" status >/dev/null; then
      it_fail "cluster still up after $check"
      exit 1
    fi
  done
}
run_checks "$CHECK_TIMEOUT_S" "${CHECKS[@]}"

# The same nodes again, secured: nothing of the plain cluster is kept.
"$IT_DIR/cluster.sh" stop || it_die "the plain cluster did not stop"
if run_child "$IT_DIR/cluster.sh" start --secured; then
  it_pass "3-broker KRaft cluster restarted secured (SASL_SSL/SCRAM-SHA-512, SSL with client certificates, TLS between nodes, no PLAINTEXT listener) and became ready"
else
  [ -f "$IT_CLUSTER/static-check.txt" ] && grep -E '^FAIL ' "$IT_CLUSTER/static-check.txt" | it_record
  it_fail "3-broker KRaft cluster restarted secured and became ready"
  exit 1
fi
run_checks "$SECURED_CHECK_TIMEOUT_S" "${SECURED_CHECKS[@]}"
exit "$status"
