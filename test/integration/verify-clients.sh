#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions run from traps
# Check: every client properties file the synthesis renders is accepted by a real client, and an
# unknown property name fails.
#   - the examples are synthesized; their files are
#     stacks/<stack>/kafka-standards/clients/<cluster>/<app>-<producer|consumer>.<java|librdkafka>.properties
#   - the variables the files reference (${env:NAME} for Java, ${NAME} for librdkafka) are set:
#     KAFKA_BOOTSTRAP_SERVERS to the local cluster, KAFKA_API_KEY/KAFKA_API_SECRET to the local
#     SASL/PLAIN user, the mutual-TLS key material (KAFKA_KEYSTORE and its password, KAFKA_CLIENT_CERT,
#     KAFKA_CLIENT_KEY) to a throwaway certificate, every other one to a dummy value;
#   - Java (ClientProfileCheck): every key is a ProducerConfig/ConsumerConfig name, every value
#     valid, every reference resolved by the file's EnvVarConfigProvider; then a KafkaProducer /
#     KafkaConsumer built from the file produces / consumes one record on the local cluster;
#   - librdkafka (confluent-kafka for Python, which bundles librdkafka; installed into a venv under
#     test/integration/.work on first use): the file, references substituted, is given to
#     confluent_kafka.Producer/Consumer, which refuses unknown names ("No such configuration
#     property") and invalid values; a property of the other role (a configuration warning) fails
#     too; then a client built from the file produces / consumes one record on the local cluster;
#   - in both, only the connection changes: bootstrap.servers points at the local cluster and the
#     security settings become PLAINTEXT (MSK IAM needs AWS, SCRAM is not enabled locally, TLS is
#     not available locally); SASL/PLAIN files (Confluent API keys) keep their mechanism and
#     credentials and connect to the local SASL_PLAINTEXT listener as it-app. Tuning keys are kept;
#   - self-test: a producer file with a misspelt key (linger.msec) and one with an invalid value
#     (compression.type=lz5) fail both checks, naming the key.
# Needs a running cluster (cluster.sh start). Prints and records one PASS/FAIL line per file.
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

VENV="$IT_CONFLUENT_KAFKA_VENV"
OUT="$IT_WORK/clients"
TOPIC="it-clients.profiles"
BOOTSTRAP="$(it_bootstrap)"
SASL_BOOTSTRAP="$(it_sasl_bootstrap)"

"$IT_DIR/cluster.sh" status >/dev/null || it_die "the cluster is not running (cluster.sh start)"
rm -rf "$OUT"
mkdir -p "$OUT"

# The examples, synthesized as `npm run synth` does (bin/synth-examples.ts).
if ! (cd "$REPO_ROOT" && npx --no-install ts-node --transpile-only bin/synth-examples.ts --outdir "$OUT/synth") \
  >"$OUT/synth.log" 2>&1; then
  tail -n 30 "$OUT/synth.log" >&2
  it_fail "examples synthesized (bin/synth-examples.ts --outdir $OUT/synth)"
  exit 1
fi
mapfile -t java_files < <(find "$OUT/synth/stacks" -path '*/kafka-standards/clients/*' -name '*.java.properties' | sort)
mapfile -t rdk_files < <(find "$OUT/synth/stacks" -path '*/kafka-standards/clients/*' -name '*.librdkafka.properties' | sort)
if [ "${#java_files[@]}" -eq 0 ] || [ "${#rdk_files[@]}" -eq 0 ]; then
  it_fail "the synthesized examples render client properties files (${#java_files[@]} Java, ${#rdk_files[@]} librdkafka)"
  exit 1
fi
it_log "verify-clients: ${#java_files[@]} Java and ${#rdk_files[@]} librdkafka files"

# Values for the variables the files reference. Mutual-TLS files name key material, which librdkafka
# loads when the client is built: a throwaway certificate (the plain cluster does not ask for one).
mkdir -p "$OUT/tls"
tls_pass="$(openssl rand -hex 12)"
it_tls_ca "$OUT/tls" ca "/CN=verify-clients throwaway CA" &&
  it_tls_cert "$OUT/tls" client "/CN=verify-clients" ca "$tls_pass" >"$OUT/tls/openssl.log" 2>&1 ||
  it_die "openssl could not create a throwaway client certificate"
while IFS= read -r name; do
  case "$name" in
    KAFKA_BOOTSTRAP_SERVERS) value="$BOOTSTRAP" ;;
    KAFKA_API_KEY) value="it-app" ;;
    KAFKA_API_SECRET) value="it-app-secret" ;;
    KAFKA_KEYSTORE) value="$OUT/tls/client.p12" ;;
    KAFKA_KEYSTORE_PASSWORD) value="$tls_pass" ;;
    KAFKA_CLIENT_CERT) value="$OUT/tls/client.pem" ;;
    KAFKA_CLIENT_KEY) value="$OUT/tls/client.key" ;;
    *) value="it-dummy-$name" ;;
  esac
  export "$name=$value"
done < <(grep -ohE '\$\{(env:)?[A-Za-z_][A-Za-z0-9_]*\}' "${java_files[@]}" "${rdk_files[@]}" |
  sed -E 's/^\$\{(env:)?//; s/\}$//' | sort -u)

cleanup() {
  it_java kafkastandards.it.ClientProfileCheck teardown --bootstrap "$BOOTSTRAP" --topic "$TOPIC" >>"$OUT/setup.log" 2>&1 ||
    it_log "verify-clients: could not remove topic $TOPIC and the it-app ACLs (see $OUT/setup.log)"
}
if ! it_java kafkastandards.it.ClientProfileCheck setup --bootstrap "$BOOTSTRAP" --topic "$TOPIC" >"$OUT/setup.log" 2>&1; then
  cat "$OUT/setup.log" >&2
  it_fail "topic $TOPIC and the it-app ACLs created for the client checks"
  exit 1
fi
trap cleanup EXIT
trap 'exit 130' INT TERM

status=0
it_check "Java client files" it_java kafkastandards.it.ClientProfileCheck java --bootstrap "$BOOTSTRAP" \
  --sasl-bootstrap "$SASL_BOOTSTRAP" --topic "$TOPIC" --self-test true "${java_files[@]}" || status=1

venv_note=""
if it_confluent_kafka_venv >"$OUT/venv.log" 2>&1; then
  exec 8>&-
  lib="$("$VENV/bin/python" -c 'import confluent_kafka as c; print(c.libversion()[0])')"
  it_log "verify-clients: confluent-kafka $CONFLUENT_KAFKA_VERSION (librdkafka $lib) $venv_note"
  it_pass "librdkafka client ready: confluent-kafka $CONFLUENT_KAFKA_VERSION bundling librdkafka $lib ($venv_note)"
else
  exec 8>&-
  cat "$OUT/venv.log" >&2
  it_fail "librdkafka client ready: confluent-kafka $CONFLUENT_KAFKA_VERSION installed from PyPI into $VENV"
  exit 1
fi

it_check "librdkafka client files" "$VENV/bin/python" - --bootstrap "$BOOTSTRAP" --sasl-bootstrap "$SASL_BOOTSTRAP" \
  --topic "$TOPIC" --self-test "${rdk_files[@]}" <<'PY' || status=1
"""Checks rendered librdkafka properties files with librdkafka itself (confluent-kafka for Python)."""
import logging
import os
import re
import sys
import time
import uuid

import confluent_kafka
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition

REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
UNKNOWN = re.compile(r'No such configuration property: "([^"]+)"')
INVALID = re.compile(r'Invalid value "([^"]*)" for configuration property "([^"]+)"')
# Nothing listens there: the first construction only validates the configuration.
UNREACHABLE = "127.0.0.1:9"


class Collect(logging.Handler):
    """Keeps librdkafka's log lines (CONFWARN: a property the instance ignores)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def quiet_client(kind, conf):
    """A client whose logs and errors are collected instead of printed."""
    handler = Collect()
    logger = logging.getLogger("librdkafka-%s" % uuid.uuid4())
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    errors = []
    full = dict(conf, logger=logger, error_cb=lambda e: errors.append(str(e)))
    return kind(full), handler, errors


def read_properties(path):
    props = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise ValueError("line without '=': %r" % line)
            props[key.strip()] = value.strip()
    return props


def label(path):
    parts = path.split(os.sep)
    return "/".join([parts[-5], parts[-2], parts[-1]]) if len(parts) >= 5 else path


def substitute(props, problems):
    out = {}
    for key, value in props.items():
        def env(m):
            if m.group(1) not in os.environ:
                problems.append("%s references ${%s}, which is not set" % (key, m.group(1)))
                return m.group(0)
            return os.environ[m.group(1)]

        out[key] = REF.sub(env, value)
    return out


# librdkafka names some properties by their canonical name where the files use an alias.
ALIASES = {
    "message.timeout.ms": "delivery.timeout.ms",
    "compression.codec": "compression.type",
    "queue.buffering.max.ms": "linger.ms",
    "message.send.max.retries": "retries",
    "fetch.message.max.bytes": "max.partition.fetch.bytes",
}


def involved(msg, conf):
    """The file's settings of the properties an error message names, e.g. ` (the file sets a=1, b=2)`."""
    found = []
    for name in re.findall(r"`([a-z0-9.]+)`", msg):
        for key in (name, ALIASES.get(name)):
            if key in conf and "%s=%s" % (key, conf[key]) not in found:
                found.append("%s=%s" % (key, conf[key]))
    return " (the file sets %s)" % ", ".join(found) if found else ""


def check_file(path, target, extra=None):
    """Returns (problems, notes) for one file; EXTRA is added to its properties (the self-test)."""
    name = os.path.basename(path)
    if name.endswith("-producer.librdkafka.properties"):
        kind, role = Producer, "producer"
    elif name.endswith("-consumer.librdkafka.properties"):
        kind, role = Consumer, "consumer"
    else:
        return ["%s is neither <app>-producer nor <app>-consumer .librdkafka.properties" % name], []
    problems, notes = [], []
    props = read_properties(path)
    props.update(extra or {})
    refs = sorted({m.group(1) for v in props.values() for m in REF.finditer(v)})
    conf = substitute(props, problems)
    if problems:
        return problems, notes

    # 1. librdkafka takes every property as written (names, values, role), security included.
    try:
        client, log, _ = quiet_client(kind, dict(conf, **{"bootstrap.servers": UNREACHABLE}))
    except KafkaException as e:
        msg = e.args[0].str() if e.args and hasattr(e.args[0], "str") else str(e)
        m = UNKNOWN.search(msg)
        if m:
            return ["unknown property %s (librdkafka: %s)" % (m.group(1), msg)], notes
        m = INVALID.search(msg)
        if m:
            # librdkafka names the property it maps an alias to (compression.type -> compression.codec).
            keys = [m.group(2)] if m.group(2) in conf else [k for k, v in conf.items() if v == m.group(1)]
            return ["invalid value %s=%s (librdkafka: %s)" % ("/".join(keys) or m.group(2), m.group(1), msg)], notes
        return ["librdkafka refuses the configuration: %s%s" % (msg, involved(msg, conf))], notes
    if kind is Consumer:
        client.close()
    del client
    warnings = [l for l in log.lines if "CONFWARN" in l]
    if warnings:
        return ["librdkafka warns: %s" % " | ".join(warnings)], notes
    notes.append(
        "%d properties accepted by librdkafka %s as a %s%s"
        % (len(props), confluent_kafka.libversion()[0], role, (", ${%s} substituted" % "}, ${".join(refs)) if refs else "")
    )

    # 2. The same properties on the local cluster, only the connection swapped.
    run = dict(conf)
    plain = run.get("sasl.mechanisms") == "PLAIN" and run.get("security.protocol", "").upper().startswith("SASL_")
    for key in list(run):
        if key.startswith("ssl.") or (not plain and (key.startswith("sasl.") or key == "security.protocol")):
            del run[key]
    run["security.protocol"] = "sasl_plaintext" if plain else "plaintext"
    run["bootstrap.servers"] = target["sasl_bootstrap"] if plain else target["bootstrap"]
    how = "SASL_PLAINTEXT with the file's PLAIN credentials (as %s)" % run.get("sasl.username") if plain else "PLAINTEXT"
    key = "it-clients:%s:%s" % (name, uuid.uuid4())
    if kind is Producer:
        notes.append(produce(run, target, key, how, problems))
    else:
        notes.append(consume(run, target, key, how, problems))
    return problems, notes


def produce(run, target, key, how, problems):
    p, _, errors = quiet_client(Producer, run)
    delivered = []
    transactional = "transactional.id" in run
    try:
        if transactional:
            p.init_transactions(30)
            p.begin_transaction()
        p.produce(target["topic"], key=key, value=key, partition=0, on_delivery=lambda err, msg: delivered.append((err, msg)))
        if transactional:
            p.commit_transaction(30)
        else:
            p.flush(30)
    except KafkaException as e:
        problems.append("producer over %s failed: %s (errors: %s)" % (how, e, errors[:3]))
        return ""
    finally:
        p.flush(5)
    if not delivered or delivered[0][0] is not None:
        problems.append("producer over %s: no delivery report or an error: %s (errors: %s)" % (how, delivered, errors[:3]))
        return ""
    offset = delivered[0][1].offset()
    if not read_back(target, offset, key):
        problems.append("the produced record (offset %d) could not be read back with read_committed" % offset)
    what = "committed one record in a transaction (transactional.id %s)" % run["transactional.id"] if transactional else "wrote one record"
    return "Producer over %s %s, read back" % (how, what)


def poll_for(consumer, key, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = consumer.poll(0.2)
        if msg is None or msg.error():
            continue
        if msg.key() is not None and msg.key().decode() == key:
            return True
    return False


def read_back(target, offset, key):
    c = Consumer(
        {
            "bootstrap.servers": target["bootstrap"],
            "group.id": "it-clients-readback",
            "isolation.level": "read_committed",
            "enable.auto.commit": False,
        }
    )
    try:
        c.assign([TopicPartition(target["topic"], 0, offset)])
        return poll_for(c, key, 15)
    finally:
        c.close()


def write_marker(target, key):
    p = Producer({"bootstrap.servers": target["bootstrap"], "acks": "all"})
    out = []
    p.produce(target["topic"], key=key, value=key, partition=0, on_delivery=lambda err, msg: out.append((err, msg)))
    p.flush(30)
    if not out or out[0][0] is not None:
        raise RuntimeError("marker record not written: %s" % out)
    return out[0][1].offset()


def consume(run, target, key, how, problems):
    offset = write_marker(target, key)
    group = run.get("group.id")
    if group is None:
        run = dict(run, **{"group.id": "it-clients-nogroup"})
    c, _, errors = quiet_client(Consumer, run)
    manual = str(run.get("enable.auto.commit", "true")).lower() == "false"
    try:
        if group is not None:

            def on_assign(consumer, partitions):
                for tp in partitions:
                    if tp.topic == target["topic"] and tp.partition == 0:
                        tp.offset = offset
                consumer.assign(partitions)

            c.subscribe([target["topic"]], on_assign=on_assign)
        else:
            c.assign([TopicPartition(target["topic"], 0, offset)])
        if not poll_for(c, key, 30):
            problems.append("consumer over %s did not receive the record at offset %d within 30 s (errors: %s)" % (how, offset, errors[:3]))
            return ""
        if manual:
            c.commit(asynchronous=False)
    finally:
        c.close()
    return "Consumer over %s%s read one record%s" % (
        how,
        " joined group %s," % group if group is not None else "",
        " and committed its offset" if manual else "",
    )


def main(argv):
    target, files, self_test = {}, [], False
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--bootstrap", "--sasl-bootstrap", "--topic"):
            target[a[2:].replace("-", "_")] = argv[i + 1]
            i += 2
        elif a == "--self-test":
            self_test = True
            i += 1
        else:
            files.append(a)
            i += 1
    ok = True
    if self_test:
        producer = next((f for f in files if f.endswith("-producer.librdkafka.properties")), None)
        for key, value, what in (("linger.msec", "5", "a misspelt key"), ("compression.type", "lz5", "an invalid value")):
            name = "self-test: %s with %s (%s=%s) fails the librdkafka check, naming the key" % (
                label(producer) if producer else "a producer file", what, key, value)
            problems = check_file(producer, target, {key: value})[0] if producer else ["no producer file"]
            hit = next((p for p in problems if key + "=" in p or "property " + key + " " in p), None)
            if hit:
                print("PASS %s [%s]" % (name, hit), flush=True)
            else:
                print("FAIL %s: %s" % (name, "; ".join(problems) or "the check accepted it"), flush=True)
                ok = False
    for path in files:
        name = "librdkafka accepts %s" % label(path)
        try:
            problems, notes = check_file(path, target)
        except Exception as e:  # report, do not stop at the first file
            problems, notes = ["%s: %s" % (type(e).__name__, e)], []
        if problems:
            print("FAIL %s: %s" % (name, "; ".join(problems)), flush=True)
            ok = False
        else:
            print("PASS %s: %s" % (name, "; ".join(n for n in notes if n)), flush=True)
    return 0 if ok else 1


sys.exit(main(sys.argv[1:]))
PY
exit "$status"
