import { GlueSchemaRegistry, ConfluentSchemaRegistry } from "../../lib/connect/schema-registry";
import { glueCompatibility } from "../../lib/standards/connect";
import { resourcesOf, synth } from "../helpers";
import { confluentFixture, expectError, mskFixture } from "./helpers";

describe("GlueSchemaRegistry", () => {
  const { stack } = mskFixture();
  const registry = new GlueSchemaRegistry(stack, "Registry", { registryName: "sales-prod", tier: "prod" });
  registry.addTopicSubjects("sales.orders.eu-west-1", { valueSchema: '{"type":"record","name":"Order","fields":[]}' });
  registry.addTopicSubjects("sales.customers.eu-west-1");
  const doc = synth(stack);

  test("one registry, tagged; a schema with BACKWARD only where a definition was given", () => {
    expect(resourcesOf(doc, "aws_glue_registry")[0]).toMatchObject({
      registry_name: "sales-prod",
      tags: { Environment: "prod", ManagedBy: "cdktf-kafka-standards" },
    });
    expect(resourcesOf(doc, "aws_glue_schema").map((s) => [s.schema_name, s.compatibility, s.data_format])).toEqual([
      ["sales.orders.eu-west-1", "BACKWARD", "AVRO"],
    ]);
    expect([...registry.subjectCompatibility.entries()]).toEqual([
      ["sales.orders.eu-west-1", "BACKWARD"],
      ["sales.customers.eu-west-1", "BACKWARD"],
    ]);
  });

  test("converters: Avro values through Glue with the standard's compatibility, JSON keys", () => {
    expect(registry.converters("msk", "p").converterConfig).toMatchObject({
      "key.converter": "org.apache.kafka.connect.json.JsonConverter",
      "key.converter.schemas.enable": "false",
      "value.converter": "com.amazonaws.services.schemaregistry.kafkaconnect.AWSKafkaAvroConverter",
      "value.converter.registry.name": "sales-prod",
      "value.converter.compatibility": "BACKWARD",
      "value.converter.avroRecordType": "GENERIC_RECORD",
      "value.converter.schemaAutoRegistrationEnabled": "true",
    });
  });

  test.each([
    ["BACKWARD", "BACKWARD"],
    ["FULL_TRANSITIVE", "FULL_ALL"],
    ["NONE", "NONE"],
  ] as const)("Glue spells %s as %s", (mode, glue) => expect(glueCompatibility(mode)).toBe(glue));

  test("errors: name, backend, NONE without a reason, unknown mode", () => {
    const { stack: s } = mskFixture();
    expectError(
      () => new GlueSchemaRegistry(s, "Bad", { registryName: "bad name", tier: "prod" }),
      "KSE-CONN-013",
      "registryName",
    );
    expectError(() => registry.converters("confluent", "p"), "KSE-CONN-013", "ConfluentSchemaRegistry");
    expectError(
      () => registry.addTopicSubjects("x.y", { compatibility: "NONE" }),
      "KSE-CONN-014",
      "for compatibility NONE",
    );
    expectError(
      () => registry.addTopicSubjects("x.y", { compatibility: "SOMETIMES" as "NONE" }),
      "KSE-CONN-014",
      "BACKWARD",
    );
  });

  test("NONE with a reason is accepted", () => {
    expect(
      registry.addTopicSubjects("x.z", { compatibility: "NONE", reason: "raw landing topic, never read by apps" }),
    ).toEqual(["x.z"]);
  });
});

describe("ConfluentSchemaRegistry", () => {
  const { stack, cluster } = confluentFixture();
  const registry = new ConfluentSchemaRegistry(stack, "Registry", { cluster });
  expect(registry.addTopicSubjects("sales.orders.eu-west-1")).toEqual([
    "sales.orders.eu-west-1-key",
    "sales.orders.eu-west-1-value",
  ]);
  registry.addTopicSubjects("sales.orders.eu-west-1");
  const doc = synth(stack);

  test("the environment's registry, a manager API key on it (protected in prod)", () => {
    expect(Object.values<any>(doc.data!.confluent_schema_registry_cluster)[0].environment.id).toMatch(
      /confluent_environment/,
    );
    const key = resourcesOf(doc, "confluent_api_key").find(
      (k) => k.display_name === "sales-prod-manager-schema-registry",
    )!;
    expect(key.managed_resource.kind).toMatch(/^\$\{data\.confluent_schema_registry_cluster\.[^.]+\.kind\}$/);
    expect(key.owner).toMatchObject({ kind: "ServiceAccount", api_version: "iam/v2" });
    expect(key.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("a subject config per subject (once), BACKWARD, after the manager's ResourceOwner binding on that subject", () => {
    const configs = resourcesOf(doc, "confluent_subject_config");
    expect(configs.map((c) => [c.subject_name, c.compatibility_level])).toEqual([
      ["sales.orders.eu-west-1-key", "BACKWARD"],
      ["sales.orders.eu-west-1-value", "BACKWARD"],
    ]);
    expect(configs[0].credentials.secret).toMatch(/^\$\{confluent_api_key\.[^.]+\.secret\}$/);
    expect(configs[0].depends_on[0]).toMatch(/^confluent_role_binding\./);
    const owners = resourcesOf(doc, "confluent_role_binding").filter((b) => b.role_name === "ResourceOwner");
    expect(owners.map((b) => b.crn_pattern.replace(/^.*\}/, ""))).toEqual([
      "/subject=sales.orders.eu-west-1-key",
      "/subject=sales.orders.eu-west-1-value",
    ]);
  });

  test("errors: not a Confluent cluster, MSK converters", () => {
    const { stack: s, cluster: msk } = mskFixture();
    expectError(
      () => new ConfluentSchemaRegistry(s, "Bad", { cluster: msk as never }),
      "KSE-CONN-013",
      "a ConfluentCluster",
    );
    expectError(() => registry.converters("msk", "p"), "KSE-CONN-013", "GlueSchemaRegistry");
  });
});
