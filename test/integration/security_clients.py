"""librdkafka side of the security proof (security.sh), with confluent-kafka for Python.

  python security_clients.py matrix --plan PLAN.json --example E --app A --ca CA.pem
                                    --admin-bootstrap B --admin-user U --out RESULTS.jsonl [--threads 6]
  python security_clients.py transport --ca CA.pem --scram-bootstrap B --mtls-bootstrap B
                                       --scram-file FILE --mtls-file FILE

Client files are read as rendered (librdkafka names), their ${NAME} references substituted from the
environment as envsubst would (bootstrap servers, SCRAM password or certificate and key files,
HOSTNAME), and ssl.ca.location set to the local test CA: the only key added. The admin password
(for the markers a consume reads) comes from KAFKA_IT_ADMIN_PASSWORD.

matrix: runs the cells of one application, like AccessMatrix does for the Java client, and writes
one JSON line per cell: outcome "allowed", "denied" (an authorization error code: topic, group,
cluster or transactional id) or "error".

transport: a client without the CA, a client without a certificate on the mutual-TLS listener and a
client with a wrong SCRAM password must each be refused; prints PASS/FAIL lines.
"""
import json
import os
import re
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer, TopicCollection
from confluent_kafka.admin import (
    AdminClient,
    AlterConfigOpType,
    ConfigEntry,
    ConfigResource,
    NewTopic,
    ResourceType,
)

REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
AUTHZ = {
    KafkaError.TOPIC_AUTHORIZATION_FAILED,
    KafkaError.GROUP_AUTHORIZATION_FAILED,
    KafkaError.CLUSTER_AUTHORIZATION_FAILED,
    KafkaError.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
}
WAIT_S = 30


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


def substitute(props):
    def env(m):
        if m.group(1) not in os.environ:
            raise KeyError("${%s} is not set in the environment" % m.group(1))
        return os.environ[m.group(1)]

    return {k: REF.sub(env, v) for k, v in props.items()}


def connection_of(props):
    keep = ("bootstrap.servers", "client.id", "security.protocol")
    return {k: v for k, v in props.items() if k in keep or k.startswith("sasl.") or k.startswith("ssl.")}


class Denied(Exception):
    pass


class Errors:
    """Errors a client reports through error_cb (librdkafka reports some refusals only there)."""

    def __init__(self):
        self.items = []

    def __call__(self, err):
        self.items.append(err)

    def authz(self):
        return next((e for e in self.items if e.code() in AUTHZ), None)


def kafka_error_of(exc):
    """The KafkaError of EXC or of an exception it was raised from (confluent-kafka raises a fatal
    error during flush() as the cause of a SystemError)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, KafkaException) and exc.args and isinstance(exc.args[0], KafkaError):
            return exc.args[0]
        exc = exc.__cause__ or exc.__context__
    return None


def outcome_of(exc):
    err = kafka_error_of(exc)
    if err is not None and err.code() in AUTHZ:
        return "denied", "%s: %s" % (err.name(), err.str())
    if err is not None and err.code() == KafkaError.TOPIC_ALREADY_EXISTS:
        return "allowed", "authorized; TOPIC_ALREADY_EXISTS"
    if err is not None and err.code() in (KafkaError.GROUP_ID_NOT_FOUND, KafkaError.NON_EMPTY_GROUP):
        return "allowed", "authorized; %s" % err.name()
    if isinstance(exc, Denied):
        return "denied", str(exc)
    return "error", "%s: %s" % (type(exc).__name__, exc)


class Matrix:
    def __init__(self, producer_base, consumer_base, connection, admin_conf):
        self.producer_base = producer_base
        self.consumer_base = consumer_base
        self.connection = connection
        self.admin_conf = admin_conf
        self.admin = AdminClient(dict(connection))
        self.locks = {}
        self.locks_guard = threading.Lock()

    def lock(self, group):
        with self.locks_guard:
            return self.locks.setdefault(group, threading.Lock())

    def run(self, cell):
        op, resource = cell["operation"], cell["resource"]
        try:
            if op == "produce":
                return self.produce(resource, False, None)
            if op == "idempotent-produce":
                return self.produce(resource, True, None)
            if op.startswith("transactional-produce"):
                return self.produce(resource, True, cell["transactionalId"].replace("{lib}", "librdkafka"))
            if op in ("consume-own-group", "consume-other-group"):
                return self.consume(resource, cell["group"])
            if op == "describe":
                fs = self.admin.describe_topics(TopicCollection([resource]), request_timeout=WAIT_S)
                fs[resource].result(WAIT_S)
                return "allowed", "DescribeTopics answered"
            if op == "create":
                fs = self.admin.create_topics([NewTopic(resource, num_partitions=1)], validate_only=True,
                                              request_timeout=WAIT_S)
                fs[resource].result(WAIT_S)
                return "allowed", "CreateTopics (validate only) accepted"
            if op == "delete":
                fs = self.admin.delete_topics([resource], request_timeout=WAIT_S)
                fs[resource].result(WAIT_S)
                return "allowed", "DeleteTopics deleted the topic"
            if op == "alter-configs":
                entry = ConfigEntry(cell["config"]["key"], cell["config"]["value"],
                                    incremental_operation=AlterConfigOpType.SET)
                res = ConfigResource(ResourceType.TOPIC, resource, incremental_configs=[entry])
                fs = self.admin.incremental_alter_configs([res], validate_only=True, request_timeout=WAIT_S)
                for f in fs.values():
                    f.result(WAIT_S)
                return "allowed", "IncrementalAlterConfigs (validate only) accepted"
            if op == "describe-group":
                with self.lock(resource):
                    fs = self.admin.describe_consumer_groups([resource], request_timeout=WAIT_S)
                    d = fs[resource].result(WAIT_S)
                return "allowed", "DescribeGroups answered (state %s)" % d.state
            if op == "delete-group":
                with self.lock(resource):
                    fs = self.admin.delete_consumer_groups([resource], request_timeout=WAIT_S)
                    fs[resource].result(WAIT_S)
                return "allowed", "DeleteGroups deleted the group"
            return "error", "unknown operation %s" % op
        except Exception as e:  # every failure is classified, none stops the run
            return outcome_of(e)

    def produce(self, topic, idempotent, transactional_id):
        conf = dict(self.producer_base)
        conf.pop("transactional.id", None)
        conf["enable.idempotence"] = "true" if idempotent else "false"
        if idempotent:
            conf["acks"] = "all"
        if transactional_id is not None:
            conf["transactional.id"] = transactional_id
            # librdkafka refuses a transaction timeout below the delivery timeout (a profile without
            # transactions keeps the 60 s default).
            conf.setdefault("transaction.timeout.ms", conf.get("delivery.timeout.ms", "60000"))
        errors = Errors()
        conf["error_cb"] = errors
        p = Producer(conf)
        delivered = []
        key = "it-matrix:%s" % uuid.uuid4()
        try:
            if transactional_id is not None:
                p.init_transactions(WAIT_S)
                p.begin_transaction()
                try:
                    p.produce(topic, key=key, value=key, on_delivery=lambda err, msg: delivered.append(err))
                    p.flush(WAIT_S)
                    if delivered and delivered[0] is not None and delivered[0].code() in AUTHZ:
                        raise KafkaException(delivered[0])
                    # A refused partition makes the transaction abortable and purges its records:
                    # the commit names the refusal.
                    p.commit_transaction(WAIT_S)
                    check_delivery(delivered, errors)
                except Exception:
                    try:
                        p.abort_transaction(10)
                    except Exception:
                        pass
                    raise
                return "allowed", "transaction %s committed" % transactional_id
            p.produce(topic, key=key, value=key, on_delivery=lambda err, msg: delivered.append(err))
            p.flush(WAIT_S)
            check_delivery(delivered, errors)
            return "allowed", ("idempotent " if idempotent else "") + "record acknowledged"
        except Exception as e:
            err = kafka_error_of(e)
            if err is not None and err.code() in AUTHZ:
                raise KafkaException(err) from e
            # A refusal that reached error_cb only; name it.
            hit = errors.authz()
            if hit is not None:
                raise KafkaException(hit) from e
            raise

    def consume(self, topic, group):
        with self.lock(group):
            marker = "it-matrix-marker:%s" % uuid.uuid4()
            written = []
            admin_producer = Producer(dict(self.admin_conf, acks="all"))
            admin_producer.produce(topic, key=marker, value=marker, partition=0,
                                   on_delivery=lambda err, msg: written.append((err, msg)))
            admin_producer.flush(WAIT_S)
            if not written or written[0][0] is not None:
                return "error", "marker not written: %s" % (written[0][0] if written else "no delivery report")
            offset = written[0][1].offset()
            conf = dict(self.consumer_base)
            conf["group.id"] = group
            errors = Errors()
            conf["error_cb"] = errors
            manual = str(conf.get("enable.auto.commit", "true")).lower() == "false"
            c = Consumer(conf)

            def on_assign(consumer, partitions):
                for tp in partitions:
                    if tp.topic == topic and tp.partition == 0:
                        tp.offset = offset
                consumer.assign(partitions)

            try:
                c.subscribe([topic], on_assign=on_assign)
                deadline = time.time() + WAIT_S
                while time.time() < deadline:
                    msg = c.poll(0.5)
                    hit = errors.authz()
                    if hit is not None:
                        raise Denied("%s: %s" % (hit.name(), hit.str()))
                    if msg is None:
                        continue
                    if msg.error():
                        if msg.error().code() in AUTHZ:
                            raise Denied("%s: %s" % (msg.error().name(), msg.error().str()))
                        continue
                    if msg.partition() == 0 and msg.key() == marker.encode():
                        if manual:
                            c.commit(asynchronous=False)
                        return "allowed", "read the marker at offset %d in group %s%s" % (
                            offset, group, " and committed" if manual else "")
                return "error", "no record within %d s (group %s; errors %s)" % (
                    WAIT_S, group, [e.str() for e in errors.items[:3]])
            finally:
                c.close()


def check_delivery(delivered, errors):
    if delivered and delivered[0] is None:
        return
    err = delivered[0] if delivered else None
    if err is not None and err.code() in AUTHZ:
        raise KafkaException(err)
    hit = errors.authz()
    if hit is not None:
        raise KafkaException(hit)
    if err is not None:
        raise KafkaException(err)
    raise RuntimeError("no delivery report within %d s (errors %s)" % (WAIT_S, [e.str() for e in errors.items[:3]]))


def arg(argv, name, default=None):
    flag = "--" + name
    if flag in argv:
        return argv[argv.index(flag) + 1]
    if default is None:
        raise SystemExit("missing %s" % flag)
    return default


def admin_conf(argv, ca):
    return {
        "bootstrap.servers": arg(argv, "admin-bootstrap"),
        "security.protocol": "SASL_SSL",
        "sasl.mechanisms": "SCRAM-SHA-512",
        "sasl.username": arg(argv, "admin-user"),
        "sasl.password": os.environ["KAFKA_IT_ADMIN_PASSWORD"],
        "ssl.ca.location": ca,
    }


def matrix(argv):
    with open(arg(argv, "plan"), encoding="utf-8") as f:
        plan = json.load(f)
    example = next(e for e in plan["examples"] if e["name"] == arg(argv, "example"))
    app = next(a for a in example["applications"] if a["name"] == arg(argv, "app"))
    ca = arg(argv, "ca")
    files = app["files"]["librdkafka"]
    local = {"ssl.ca.location": ca}
    producer_file = dict(substitute(read_properties(files["producer"])), **local) if files.get("producer") else None
    consumer_file = dict(substitute(read_properties(files["consumer"])), **local) if files.get("consumer") else None
    connection = connection_of(producer_file or consumer_file)
    m = Matrix(producer_file or connection, consumer_file or connection, connection, admin_conf(argv, ca))
    cells = [c for c in example["cells"] if c["app"] == app["name"]]
    started = time.time()
    def timed(cell):
        t = time.time()
        outcome, detail = m.run(cell)
        return outcome, detail, int((time.time() - t) * 1000)

    with ThreadPoolExecutor(max_workers=int(arg(argv, "threads", "6"))) as pool:
        results = list(pool.map(timed, cells))
    counts = {"allowed": 0, "denied": 0, "error": 0}
    with open(arg(argv, "out"), "w", encoding="utf-8") as out:
        for cell, (outcome, detail, ms) in zip(cells, results):
            counts[outcome] += 1
            out.write(json.dumps({"id": cell["id"], "lib": "librdkafka", "outcome": outcome, "detail": detail,
                                  "ms": ms}) + "\n")
    print("librdkafka %s/%s: %d cells in %.1f s: %d allowed, %d denied, %d errors" % (
        example["name"], app["name"], len(cells), time.time() - started,
        counts["allowed"], counts["denied"], counts["error"]), flush=True)
    return 0


def refused(name, conf, expect):
    """A client with CONF must be refused: an error matching EXPECT, and no metadata."""
    errors = Errors()
    p = Producer(dict(conf, error_cb=errors))
    deadline = time.time() + 15
    while time.time() < deadline and not any(re.search(expect, e.str()) for e in errors.items):
        p.poll(0.2)
    seen = [e.str() for e in errors.items]
    try:
        p.list_topics(timeout=2)
        print("FAIL %s: the client connected and listed the topics" % name, flush=True)
        return False
    except KafkaException as e:
        seen.append(str(e))
    hit = next((s for s in seen if re.search(expect, s)), None)
    if hit is None:
        print("FAIL %s: refused, but not as expected (/%s/): %s" % (name, expect, "; ".join(seen)[:400]), flush=True)
        return False
    print("PASS %s [%s]" % (name, hit[:220]), flush=True)
    return True


def transport(argv):
    ca = arg(argv, "ca")
    scram = dict(substitute(read_properties(arg(argv, "scram-file"))))
    scram["bootstrap.servers"] = arg(argv, "scram-bootstrap")
    mtls = dict(substitute(read_properties(arg(argv, "mtls-file"))))
    mtls["bootstrap.servers"] = arg(argv, "mtls-bootstrap")
    scram, mtls = connection_of(scram), connection_of(mtls)
    ok = True
    # Positive controls first: the same settings with the CA connect.
    for label, conf in (("SCRAM", scram), ("mutual TLS", mtls)):
        try:
            AdminClient(dict(conf, **{"ssl.ca.location": ca})).list_topics(timeout=15)
            print("PASS librdkafka transport control: the %s client file with the test CA connects" % label, flush=True)
        except KafkaException as e:
            print("FAIL librdkafka transport control: the %s client file with the test CA connects: %s" % (label, e), flush=True)
            ok = False
    ok &= refused("librdkafka without the CA cannot connect over SASL_SSL (certificate verification fails)",
                  scram, r"certificate verify failed|SSL handshake failed")
    ok &= refused("librdkafka without the CA cannot connect over mutual TLS (certificate verification fails)",
                  mtls, r"certificate verify failed|SSL handshake failed")
    no_cert = {k: v for k, v in mtls.items() if k not in ("ssl.certificate.location", "ssl.key.location")}
    ok &= refused("librdkafka without a client certificate is refused on the mutual-TLS listener",
                  dict(no_cert, **{"ssl.ca.location": ca}),
                  r"alert bad certificate|certificate required|SSL alert number (42|116)")
    ok &= refused("librdkafka with a wrong SCRAM password is refused",
                  dict(scram, **{"ssl.ca.location": ca, "sasl.password": "not-the-password"}),
                  r"Authentication failed|SASL authentication error")
    return 0 if ok else 1


def main(argv):
    if argv and argv[0] == "matrix":
        return matrix(argv[1:])
    if argv and argv[0] == "transport":
        return transport(argv[1:])
    raise SystemExit("usage: security_clients.py matrix|transport ...")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
