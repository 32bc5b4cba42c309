import { clientProperties } from "../../lib/access/client-properties";
import { KafkaApplication } from "../../lib/access/kafka-application";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import type { LoadtestOptions } from "../../lib/loadtest/options";
import {
  authProperties,
  generatorEnvironment,
  loadtestClientConfig,
  redactProperties,
  renderPropertiesFile,
  withOverrides,
} from "../../lib/loadtest/properties";
import { CLIENT_PROFILES, CLIENT_PROFILE_NAMES } from "../../lib/standards/client-profiles";

type AuthOptions = Pick<LoadtestOptions, "auth" | "username" | "passwordEnv" | "awsRegion" | "bootstrap">;
const ID = { runId: "0123456789abcdef", group: "lt-group" };
const SECRET = "correct horse battery staple";

function opts(o: Partial<AuthOptions>): AuthOptions {
  return { auth: "plaintext", bootstrap: "b-1:9096,b-2:9096", ...o };
}

describe("loadtest client properties", () => {
  test("plaintext: connection, identity and the profile's tuning, in that order", () => {
    const c = loadtestClientConfig(opts({}), "THROUGHPUT", ID, {});
    expect(c.producer).toEqual({
      "bootstrap.servers": "b-1:9096,b-2:9096",
      "client.id": "kafka-standards-loadtest",
      "security.protocol": "PLAINTEXT",
      ...CLIENT_PROFILES.THROUGHPUT.producer.java,
    });
    expect(Object.keys(c.producer).slice(0, 3)).toEqual(["bootstrap.servers", "client.id", "security.protocol"]);
    expect(c.consumer).toEqual({
      "bootstrap.servers": "b-1:9096,b-2:9096",
      "client.id": "kafka-standards-loadtest",
      "security.protocol": "PLAINTEXT",
      "group.id": "lt-group",
      ...CLIENT_PROFILES.THROUGHPUT.consumer.java,
    });
    expect(c.admin).toEqual({
      "bootstrap.servers": "b-1:9096,b-2:9096",
      "client.id": "kafka-standards-loadtest-admin",
      "security.protocol": "PLAINTEXT",
    });
  });

  test.each(CLIENT_PROFILE_NAMES)("%s: every tuning key of the profile is used unchanged", (name) => {
    const c = loadtestClientConfig(opts({}), name, ID, {});
    expect(c.producer).toMatchObject(CLIENT_PROFILES[name].producer.java);
    expect(c.consumer).toMatchObject(CLIENT_PROFILES[name].consumer.java);
    if (name === "EXACTLY_ONCE")
      expect(c.producer["transactional.id"]).toBe("kafka-standards-loadtest-0123456789abcdef");
    else expect(c.producer).not.toHaveProperty("transactional.id");
  });

  test("client defaults: no tuning key at all", () => {
    const c = loadtestClientConfig(opts({ auth: "scram", username: "app" }), undefined, ID, {});
    for (const p of CLIENT_PROFILE_NAMES) {
      for (const k of Object.keys(CLIENT_PROFILES[p].producer.java)) expect(c.producer).not.toHaveProperty(k);
      for (const k of Object.keys(CLIENT_PROFILES[p].consumer.java)) expect(c.consumer).not.toHaveProperty(k);
    }
    expect(c.producer["sasl.mechanism"]).toBe("SCRAM-SHA-512");
  });

  test("scram: the library's rendering, password referenced from KAFKA_SASL_PASSWORD", () => {
    const c = loadtestClientConfig(opts({ auth: "scram", username: "orders-app" }), "DURABILITY", ID, {});
    expect(c.producer).toMatchObject({
      "config.providers": "env",
      "config.providers.env.class": "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
      "security.protocol": "SASL_SSL",
      "sasl.mechanism": "SCRAM-SHA-512",
      "sasl.jaas.config":
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="orders-app" password="${env:KAFKA_SASL_PASSWORD}";',
    });
    expect(c.admin["sasl.jaas.config"]).toBe(c.producer["sasl.jaas.config"]);
    expect(c.consumer["sasl.jaas.config"]).toBe(c.producer["sasl.jaas.config"]);
    expect(
      generatorEnvironment({ auth: "scram", username: "orders-app", passwordEnv: "MY_PW" }, { MY_PW: SECRET }),
    ).toEqual({
      KAFKA_SASL_PASSWORD: SECRET,
    });
  });

  test("the auth part is what clientProperties renders for applications", () => {
    const app = new KafkaApplication("x", { principal: KafkaPrincipal.scramUser("orders-app") });
    const rendered = clientProperties({
      application: app,
      clusterName: "c",
      auth: "msk-scram",
      library: "java",
      role: "producer",
      bootstrapOutput: "o",
    });
    const auth = authProperties({ auth: "scram", username: "orders-app" }, {});
    for (const [k, v] of Object.entries(auth)) expect(rendered[k]).toBe(v);
  });

  test("confluent: SASL_SSL PLAIN with the API key and secret from the environment", () => {
    const c = loadtestClientConfig(opts({ auth: "confluent", username: "ABCKEY" }), "LATENCY", ID, {});
    expect(c.producer).toMatchObject({
      "security.protocol": "SASL_SSL",
      "sasl.mechanism": "PLAIN",
      "sasl.jaas.config":
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="${env:KAFKA_API_KEY}" password="${env:KAFKA_API_SECRET}";',
      "client.dns.lookup": "use_all_dns_ips",
    });
    expect(JSON.stringify(c)).not.toContain("ABCKEY");
    expect(
      generatorEnvironment({ auth: "confluent", username: "ABCKEY", passwordEnv: "CC_SECRET" }, { CC_SECRET: SECRET }),
    ).toEqual({
      KAFKA_API_KEY: "ABCKEY",
      KAFKA_API_SECRET: SECRET,
    });
  });

  test("msk-iam: AWS_MSK_IAM with the library's callback handler; region to the environment", () => {
    const c = loadtestClientConfig(opts({ auth: "msk-iam" }), "DURABILITY", ID, {});
    expect(c.admin).toMatchObject({
      "security.protocol": "SASL_SSL",
      "sasl.mechanism": "AWS_MSK_IAM",
      "sasl.jaas.config": "software.amazon.msk.auth.iam.IAMLoginModule required;",
      "sasl.client.callback.handler.class": "software.amazon.msk.auth.iam.IAMClientCallbackHandler",
      "reconnect.backoff.ms": "1000",
    });
    expect(generatorEnvironment({ auth: "msk-iam", awsRegion: "eu-west-1" }, {})).toEqual({ AWS_REGION: "eu-west-1" });
    expect(generatorEnvironment({ auth: "msk-iam" }, {})).toEqual({});
  });

  test("tls: SSL alone without a keystore, the library's keystore settings with KAFKA_KEYSTORE", () => {
    expect(authProperties({ auth: "tls" }, {})).toEqual({ "security.protocol": "SSL" });
    expect(authProperties({ auth: "tls" }, { KAFKA_KEYSTORE: "/k.p12" })).toMatchObject({
      "security.protocol": "SSL",
      "ssl.keystore.type": "PKCS12",
      "ssl.keystore.location": "${env:KAFKA_KEYSTORE}",
      "ssl.keystore.password": "${env:KAFKA_KEYSTORE_PASSWORD}",
    });
    expect(generatorEnvironment({ auth: "tls", passwordEnv: "KS" }, { KS: SECRET })).toEqual({
      KAFKA_KEYSTORE_PASSWORD: SECRET,
    });
  });

  test("no rendering ever contains the secret", () => {
    const env = { PW: SECRET, KAFKA_KEYSTORE: "/k.p12" };
    for (const auth of ["plaintext", "tls", "msk-iam", "scram", "confluent"] as const) {
      const c = loadtestClientConfig(
        opts({ auth, username: auth === "scram" || auth === "confluent" ? "u" : undefined }),
        "EXACTLY_ONCE",
        ID,
        env,
      );
      expect(JSON.stringify(c)).not.toContain(SECRET);
    }
  });

  test("redaction: literal secrets go, environment references stay", () => {
    const redacted = redactProperties(
      {
        "sasl.jaas.config": `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${SECRET}";`,
        "ssl.truststore.password": "changeit",
        "ssl.keystore.password": "${env:KAFKA_KEYSTORE_PASSWORD}",
        "ssl.key.password": "${env:KEY_PW}",
        "client.id": `id-${SECRET}`,
        "linger.ms": "5",
      },
      [SECRET],
    );
    expect(redacted).toEqual({
      "sasl.jaas.config":
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="[redacted]";',
      "ssl.truststore.password": "[redacted]",
      "ssl.keystore.password": "${env:KAFKA_KEYSTORE_PASSWORD}",
      "ssl.key.password": "${env:KEY_PW}",
      "client.id": "id-[redacted]",
      "linger.ms": "5",
    });
    const scram = loadtestClientConfig(opts({ auth: "scram", username: "u" }), "DURABILITY", ID, {}).producer;
    expect(redactProperties(scram, [SECRET])).toEqual(scram);
  });

  test("overrides apply where the generator applied them", () => {
    expect(withOverrides({ a: "1", b: "2" }, { b: "3", c: "4" }, ["b", "c"])).toEqual({ a: "1", b: "3", c: "4" });
    expect(withOverrides({ a: "1" }, { c: "4" }, [])).toEqual({ a: "1" });
  });

  test("properties files escape what java.util.Properties would misread", () => {
    expect(
      renderPropertiesFile({ "a.b": "x=y:z", "sasl.jaas.config": 'M required u="a\\b";', lead: " sp" }, "one\ntwo"),
    ).toBe('# one\n# two\na.b=x=y:z\nsasl.jaas.config=M required u="a\\\\b";\nlead=\\ sp\n');
  });
});
