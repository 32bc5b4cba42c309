import { clientProperties, renderClientProperties } from "../../lib/access/client-properties";
import { KafkaApplication } from "../../lib/access/kafka-application";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { CLIENT_PROFILES } from "../../lib/standards/client-profiles";

function app(principal: KafkaPrincipal, producerProfile: any = "DURABILITY"): KafkaApplication {
  const a = new KafkaApplication("billing", { principal, producerProfile });
  a.produces.push("payments.audit");
  a.consumes.push({ topic: "orders.created", group: "billing" });
  return a;
}

describe("client properties", () => {
  test("MSK IAM, Java producer: IAM login module, profile, client id, env references", () => {
    const p = clientProperties({
      application: app(KafkaPrincipal.iamRole("r")),
      clusterName: "c",
      auth: "msk-iam",
      library: "java",
      role: "producer",
      bootstrapOutput: "o",
    });
    expect(p).toEqual({
      "config.providers": "env",
      "config.providers.env.class": "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
      "bootstrap.servers": "${env:KAFKA_BOOTSTRAP_SERVERS}",
      "client.id": "billing",
      "security.protocol": "SASL_SSL",
      "sasl.mechanism": "AWS_MSK_IAM",
      "sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
      "sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
      "reconnect.backoff.ms": "1000",
      "reconnect.backoff.max.ms": "10000",
      ...CLIENT_PROFILES.DURABILITY.producer.java,
    });
  });

  test("SCRAM, librdkafka consumer: username, password by reference, group", () => {
    const p = clientProperties({
      application: app(KafkaPrincipal.scramUser("billing")),
      clusterName: "c",
      auth: "msk-scram",
      library: "librdkafka",
      role: "consumer",
      bootstrapOutput: "o",
    });
    expect(p).toMatchObject({
      "bootstrap.servers": "${KAFKA_BOOTSTRAP_SERVERS}",
      "security.protocol": "SASL_SSL",
      "sasl.mechanisms": "SCRAM-SHA-512",
      "sasl.username": "billing",
      "sasl.password": "${KAFKA_SASL_PASSWORD}",
      "group.id": "billing",
      "enable.auto.commit": "false",
    });
  });

  test("Confluent API key, Java: PLAIN with key and secret from the environment", () => {
    const p = clientProperties({
      application: app(KafkaPrincipal.confluentServiceAccount("sa-1")),
      clusterName: "c",
      auth: "confluent-api-key",
      library: "java",
      role: "producer",
      bootstrapOutput: "o",
    });
    expect(p["sasl.mechanism"]).toBe("PLAIN");
    expect(p["sasl.jaas.config"]).toBe(
      'org.apache.kafka.common.security.plain.PlainLoginModule required username="${env:KAFKA_API_KEY}" password="${env:KAFKA_API_SECRET}";',
    );
  });

  test("EXACTLY_ONCE producers get a per-instance transactional id with the application prefix", () => {
    const p = clientProperties({
      application: app(KafkaPrincipal.iamRole("r"), "EXACTLY_ONCE"),
      clusterName: "c",
      auth: "msk-iam",
      library: "java",
      role: "producer",
      bootstrapOutput: "o",
    });
    expect(p["transactional.id"]).toBe("billing-${env:HOSTNAME}");
  });

  test("rendered file: header names where each secret comes from, no literal secret", () => {
    const text = renderClientProperties({
      application: app(KafkaPrincipal.scramUser("billing")),
      clusterName: "shop-prod",
      auth: "msk-scram",
      library: "java",
      role: "producer",
      bootstrapOutput: "shop_bootstrap_brokers_sasl_scram",
    });
    expect(text).toContain("#   KAFKA_BOOTSTRAP_SERVERS: terraform output -raw shop_bootstrap_brokers_sasl_scram\n");
    expect(text).toContain(
      "#   KAFKA_SASL_PASSWORD: the password in Secrets Manager secret AmazonMSK_shop-prod_billing\n",
    );
    expect(text).toContain("# Topics: payments.audit\n");
    expect(text.split("\n").filter((l) => l.startsWith("sasl.jaas.config="))).toEqual([
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="billing" password="${env:KAFKA_SASL_PASSWORD}";',
    ]);
  });

  test.each([
    [
      "java",
      "#   KAFKA_KEYSTORE / KAFKA_KEYSTORE_PASSWORD: a PKCS12 keystore with the client certificate and its key / its password\n",
    ],
    ["librdkafka", "#   KAFKA_CLIENT_CERT / KAFKA_CLIENT_KEY: PEM files of the client certificate and of its key\n"],
  ] as const)("rendered mTLS file (%s): header names the key material and the certificate subject", (library, line) => {
    const text = renderClientProperties({
      application: app(KafkaPrincipal.tlsCertificate("CN=billing,OU=payments,O=Example Corp")),
      clusterName: "shop-prod",
      auth: "msk-tls",
      library,
      role: "consumer",
      bootstrapOutput: "shop_bootstrap_brokers_tls",
    });
    expect(text).toContain(line);
    expect(text).toContain(
      "#   Certificate subject (the principal of the ACLs and quotas, exactly as written): CN=billing,OU=payments,O=Example Corp\n",
    );
    expect(text.indexOf("Certificate subject")).toBeLessThan(text.indexOf("security.protocol="));
  });
});

// Property names from the Apache Kafka 3.9 producer/consumer/common client configuration reference
// and librdkafka CONFIGURATION.md; the integration suite checks the same files against real clients.
const JAVA_NAMES = new Set([
  "bootstrap.servers",
  "client.id",
  "config.providers",
  "config.providers.env.class",
  "security.protocol",
  "sasl.mechanism",
  "sasl.jaas.config",
  "sasl.client.callback.handler.class",
  "reconnect.backoff.ms",
  "reconnect.backoff.max.ms",
  "ssl.keystore.type",
  "ssl.keystore.location",
  "ssl.keystore.password",
  "client.dns.lookup",
  "acks",
  "enable.idempotence",
  "batch.size",
  "linger.ms",
  "compression.type",
  "buffer.memory",
  "max.in.flight.requests.per.connection",
  "retries",
  "delivery.timeout.ms",
  "transaction.timeout.ms",
  "transactional.id",
  "fetch.min.bytes",
  "fetch.max.wait.ms",
  "max.partition.fetch.bytes",
  "enable.auto.commit",
  "auto.offset.reset",
  "isolation.level",
  "group.id",
]);
const LIBRDKAFKA_NAMES = new Set([
  "bootstrap.servers",
  "client.id",
  "security.protocol",
  "sasl.mechanisms",
  "sasl.username",
  "sasl.password",
  "reconnect.backoff.ms",
  "reconnect.backoff.max.ms",
  "ssl.certificate.location",
  "ssl.key.location",
  "acks",
  "enable.idempotence",
  "batch.size",
  "linger.ms",
  "compression.type",
  "queue.buffering.max.kbytes",
  "max.in.flight.requests.per.connection",
  "retries",
  "delivery.timeout.ms",
  "transaction.timeout.ms",
  "transactional.id",
  "fetch.min.bytes",
  "fetch.wait.max.ms",
  "max.partition.fetch.bytes",
  "enable.auto.commit",
  "auto.offset.reset",
  "isolation.level",
  "group.id",
]);

describe("every rendered combination uses only names its client knows", () => {
  const auths = ["msk-iam", "msk-scram", "msk-tls", "confluent-api-key"] as const;
  const profiles = ["THROUGHPUT", "LATENCY", "DURABILITY", "EXACTLY_ONCE"] as const;
  const cases = auths.flatMap((auth) =>
    profiles.flatMap((profile) =>
      (["java", "librdkafka"] as const).flatMap((library) =>
        (["producer", "consumer"] as const).map((role) => [auth, profile, library, role] as const),
      ),
    ),
  );
  test.each(cases)("%s %s %s %s", (auth, profile, library, role) => {
    const p = clientProperties({
      application: app(KafkaPrincipal.scramUser("billing"), profile),
      clusterName: "c",
      auth,
      library,
      role,
      bootstrapOutput: "o",
    });
    const known = library === "java" ? JAVA_NAMES : LIBRDKAFKA_NAMES;
    expect(Object.keys(p).filter((k) => !known.has(k))).toEqual([]);
  });
});
