import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { createRequire } from "module";
import { emitTypeScript, inferTopicClass, liveAclId, providerSpelling } from "../../lib/inspect/emit-typescript";
import { auditInventory } from "../../lib/inspect/live-checks";
import { compareWithLive } from "../../lib/inspect/compare";
import * as library from "../../lib/index";
import { legacyEstate, withInventory } from "./helpers";

/** Runs an emitted program (CommonJS, the package resolved to the sources) and returns its synthesized stack. */
function runEmitted(code: string): any {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "emitted-"));
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const mod = { exports: {} };
  const req = (name: string): unknown => (name === "cdktf-kafka-standards" ? library : createRequire(__filename)(name));
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    new Function("require", "module", "exports", "process", js.outputText)(req, mod, mod.exports, process);
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
  const stacks = fs.readdirSync(path.join(outdir, "stacks"));
  return JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stacks[0], "cdk.tf.json"), "utf8"));
}

const OPTIONS = { bootstrapServers: "127.0.0.1:9092", auth: { kind: "plaintext" } as const, tier: "dev" as const };

describe("emitTypeScript", () => {
  test("the legacy estate becomes a program whose synth adopts every object with its live values", () => {
    const inv = legacyEstate();
    const { code, topics, adoptedAcls, quotas } = emitTypeScript(inv, { ...OPTIONS, audit: auditInventory(inv) });
    expect([topics, adoptedAcls, quotas]).toEqual([1, 1, 1]);
    const doc = runEmitted(code);
    const topic = Object.values(doc.resource.kafka_topic)[0] as any;
    expect(topic).toMatchObject({
      name: "legacy.orders",
      partitions: 6,
      replication_factor: 2,
      config: { "min.insync.replicas": "1", "retention.ms": "-1", "cleanup.policy": "delete" },
    });
    const acl = Object.values(doc.resource.kafka_acl)[0] as any;
    expect(acl).toMatchObject({
      acl_principal: "User:*",
      acl_operation: "Read",
      resource_type: "Topic",
      resource_name: "*",
    });
    expect(Object.values(doc.resource.kafka_quota)[0]).toMatchObject({
      entity_type: "user",
      entity_name: "legacy-app",
      config: { producer_byte_rate: 1048576 },
    });
    expect(doc.import.map((i: { id: string }) => i.id).sort()).toEqual([
      "User:*|*|Read|Allow|Topic|*|Literal",
      "legacy.orders",
    ]);
    expect(code).toContain("KafkaStandardsSuppressions.add(legacyOrders");
    // Round trip: the only explicit value the program adds is the class's cleanup.policy, equal to the default.
    expect(compareWithLive(inv, doc)).toEqual([]);
  });

  test("quotas of client ids, IPs and default entities are kept as found; combined entities are named", () => {
    const inv = withInventory({
      quotas: [
        { entity: { "client-id": "reporting" }, values: { consumer_byte_rate: 2097152 } },
        { entity: { user: "<default>" }, values: { producer_byte_rate: 1048576 } },
        { entity: { user: "legacy-app", "client-id": "x" }, values: { producer_byte_rate: 1 } },
      ],
    });
    const result = emitTypeScript(inv, { ...OPTIONS, audit: auditInventory(inv) });
    expect(result.quotas).toBe(2);
    expect(result.skipped).toEqual([
      'quota {"user":"legacy-app","client-id":"x"}: the provider has no quota of combined entities',
    ]);
    const doc = runEmitted(result.code);
    expect(Object.values(doc.resource.kafka_quota)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity_type: "client-id",
          entity_name: "reporting",
          config: { consumer_byte_rate: 2097152 },
        }),
        expect.objectContaining({ entity_type: "user", config: { producer_byte_rate: 1048576 } }),
      ]),
    );
    expect(compareWithLive(inv, doc)).toEqual([
      { kind: "quota", object: "client-id+user|x+legacy-app", detail: "on the cluster, not in the program" },
    ]);
  });

  test("--remediate raises replication and min ISR to the class in place and keeps retention", () => {
    const inv = legacyEstate();
    const result = emitTypeScript(inv, { ...OPTIONS, audit: auditInventory(inv), remediate: true });
    expect(result.remediations).toEqual([
      "legacy.orders: replication factor 2 → 3",
      "legacy.orders: min.insync.replicas 1 → 2",
    ]);
    expect(compareWithLive(inv, runEmitted(result.code))).toEqual([
      { kind: "topic", object: "legacy.orders", detail: "replication factor 2 → 3" },
      { kind: "topic", object: "legacy.orders", detail: "min.insync.replicas 1 → 2" },
    ]);
  });

  test("the comparison names what an apply would change", () => {
    const inv = legacyEstate();
    const doc = runEmitted(emitTypeScript(inv, { ...OPTIONS, audit: auditInventory(inv) }).code);
    const topic = Object.values(doc.resource.kafka_topic)[0] as any;
    topic.replication_factor = 3;
    topic.config["retention.ms"] = "604800000";
    delete doc.resource.kafka_acl;
    (Object.values(doc.resource.kafka_quota)[0] as any).config.producer_byte_rate = 1;
    expect(compareWithLive(inv, doc)).toEqual([
      { kind: "topic", object: "legacy.orders", detail: "replication factor 2 → 3" },
      { kind: "topic", object: "legacy.orders", detail: "retention.ms -1 → 604800000" },
      { kind: "acl", object: "User:*|*|Read|Allow|Topic|*|Literal", detail: "on the cluster, not in the program" },
      {
        kind: "quota",
        object: "user|legacy-app",
        detail: '[["producer_byte_rate",1048576]] → [["producer_byte_rate",1]]',
      },
    ]);
  });

  test("grants are recognized from ACLs that match the library's grants exactly", () => {
    const base = legacyEstate();
    const topic = {
      ...base.topics[0],
      name: "orders.created",
      configs: {},
      effectiveMinInsyncReplicas: 2,
      partitions: base.topics[0].partitions.map((p) => ({ ...p, replicas: [1, 2, 3], isr: [1, 2, 3] })),
    };
    const acl = (operation: string, resourceType: string, resourceName: string) => ({
      principal: "User:billing",
      host: "*",
      operation,
      permission: "ALLOW",
      resourceType,
      resourceName,
      patternType: "LITERAL",
    });
    const inv = withInventory({
      topics: [topic],
      acls: [
        acl("READ", "TOPIC", "orders.created"),
        acl("DESCRIBE", "TOPIC", "orders.created"),
        acl("READ", "GROUP", "billing"),
        acl("WRITE", "TOPIC", "orders.created"),
        acl("IDEMPOTENT_WRITE", "CLUSTER", "kafka-cluster"),
      ],
      quotas: [],
    });
    const result = emitTypeScript(inv, OPTIONS);
    expect(result).toMatchObject({ applications: 1, grants: 2, adoptedAcls: 0 });
    expect(result.code).toContain('ordersCreated.grantConsume(billing, { group: "billing" });');
    const doc = runEmitted(result.code);
    const ids = Object.values(doc.resource.kafka_acl).map((a: any) =>
      [
        a.acl_principal,
        a.acl_host,
        a.acl_operation,
        a.acl_permission_type,
        a.resource_type,
        a.resource_name,
        a.resource_pattern_type_filter,
      ].join("|"),
    );
    expect(ids.sort()).toEqual(inv.acls!.map(liveAclId).sort());
    expect(doc.import).toHaveLength(6);
  });

  test("transactional-id ACLs of <application>- make an EXACTLY_ONCE producer; a certificate is named by its CN", () => {
    const base = legacyEstate();
    const topic = {
      ...base.topics[0],
      name: "payments.settled",
      configs: {},
      effectiveMinInsyncReplicas: 2,
      partitions: base.topics[0].partitions.map((p) => ({ ...p, replicas: [1, 2, 3], isr: [1, 2, 3] })),
    };
    const principal = "User:CN=settlement,OU=payments,O=Example Corp";
    const acl = (operation: string, resourceType: string, resourceName: string, patternType = "LITERAL") => ({
      principal,
      host: "*",
      operation,
      permission: "ALLOW",
      resourceType,
      resourceName,
      patternType,
    });
    const inv = withInventory({
      topics: [topic],
      acls: [
        acl("WRITE", "TOPIC", "payments.settled"),
        acl("DESCRIBE", "TOPIC", "payments.settled"),
        acl("IDEMPOTENT_WRITE", "CLUSTER", "kafka-cluster"),
        acl("WRITE", "TRANSACTIONAL_ID", "settlement-", "PREFIXED"),
        acl("DESCRIBE", "TRANSACTIONAL_ID", "settlement-", "PREFIXED"),
      ],
      quotas: [],
    });
    const result = emitTypeScript(inv, OPTIONS);
    expect(result).toMatchObject({ applications: 1, grants: 1, adoptedAcls: 0 });
    expect(result.code).toContain('cluster.addApplication("settlement", {');
    expect(result.code).toContain('producerProfile: "EXACTLY_ONCE"');
    expect(compareWithLive(inv, runEmitted(result.code))).toEqual([]);
  });

  test.each([
    ["User:CN=billing,O=Example", 'KafkaPrincipal.tlsCertificate("CN=billing,O=Example")'],
    ["User:O=Example,CN=billing", 'KafkaPrincipal.tlsCertificate("O=Example,CN=billing")'],
    ["User:billing", 'KafkaPrincipal.scramUser("billing")'],
    ["User:arn:aws:sts::123456789012:assumed-role/billing/i-0abc", undefined],
    ["User:*", undefined],
    ["User:has space", undefined],
  ])("principal %s becomes %s (else its ACLs are kept as found)", (principal, expr) => {
    const base = legacyEstate();
    const inv = withInventory({
      acls: [
        {
          principal,
          host: "*",
          operation: "READ",
          permission: "ALLOW",
          resourceType: "TOPIC",
          resourceName: "legacy.orders",
          patternType: "LITERAL",
        },
        {
          principal,
          host: "*",
          operation: "DESCRIBE",
          permission: "ALLOW",
          resourceType: "TOPIC",
          resourceName: "legacy.orders",
          patternType: "LITERAL",
        },
        {
          principal,
          host: "*",
          operation: "READ",
          permission: "ALLOW",
          resourceType: "GROUP",
          resourceName: "reports",
          patternType: "LITERAL",
        },
      ],
      quotas: [],
      topics: base.topics,
    });
    const result = emitTypeScript(inv, OPTIONS);
    if (expr === undefined) expect(result).toMatchObject({ applications: 0, adoptedAcls: 3 });
    else {
      expect(result).toMatchObject({ applications: 1, grants: 1, adoptedAcls: 0 });
      expect(result.code).toContain(expr);
    }
  });

  test.each([
    [{ "cleanup.policy": "compact" }, "state"],
    [{ "retention.ms": String(3 * 86400000), "min.insync.replicas": "1" }, "telemetry"],
    [{ "retention.ms": String(3 * 86400000), "min.insync.replicas": "2" }, "personal"],
    [{ "retention.ms": "-1" }, "history"],
    [{}, "events"],
  ])("infers the class of %j as %s", (configs, cls) => {
    expect(inferTopicClass({ ...legacyEstate().topics[0], configs, effectiveMinInsyncReplicas: 2 })).toBe(cls);
  });

  test.each([
    ["TRANSACTIONAL_ID", "TransactionalID"],
    ["IDEMPOTENT_WRITE", "IdempotentWrite"],
    ["LITERAL", "Literal"],
  ])("spells %s as the provider does (%s)", (raw, spelled) => expect(providerSpelling(raw)).toBe(spelled));
});
