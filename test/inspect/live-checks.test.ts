import { auditInventory, catalogEntries, liveFindings } from "../../lib/inspect/live-checks";
import type { LiveInventory, LiveTopic } from "../../lib/inspect/types";
import { legacyEstate, withInventory } from "./helpers";

const TODAY = "2026-12-06";
const rules = (inv: LiveInventory, opts = {}): string[] =>
  liveFindings(inv, { today: TODAY, ...opts }).findings.map((f) => `${f.rule} ${f.resource}`);

const topic = (partitions: LiveTopic["partitions"], min = 2): LiveTopic => ({
  name: "t",
  internal: false,
  partitions,
  configs: {},
  effectiveMinInsyncReplicas: min,
});

describe("auditInventory on the seeded legacy estate", () => {
  const report = auditInventory(legacyEstate(), { today: TODAY });

  test("flags every seeded problem, and nothing else unsuppressed", () => {
    expect(report.findings.filter((f) => !f.suppressed).map((f) => `${f.rule} ${f.resource}`)).toEqual([
      "KS-ACL-001 kafka_acl.User___READ_TOPIC__",
      "KS-ACL-002 kafka_acl.User___READ_TOPIC__",
      "KS-TOPIC-002 kafka_topic.legacy_orders",
      "KS-TOPIC-003 kafka_topic.legacy_orders",
      "KS-LIVE-005 group legacy-reporting",
      "KS-LIVE-006 group legacy-reporting",
    ]);
  });

  test("the hidden allow.everyone.if.no.acl.found shows as suppressed with its reason", () => {
    const hidden = report.findings.filter((f) => f.suppressed);
    expect(hidden.map((f) => f.rule)).toEqual(["KS-MSK-023"]);
    expect(hidden[0].suppressionReason).toMatch(/reports its value as sensitive/);
  });

  test("summary counts the live findings and fails on error", () => {
    expect(report.summary).toMatchObject({ error: 4, warning: 1, info: 1, suppressed: 1, passed: false });
    expect(report.rules.find((r) => r.rule === "KS-LIVE-005")).toEqual({
      rule: "KS-LIVE-005",
      compliant: 0,
      nonCompliant: 1,
      suppressed: 0,
      notApplicable: 0,
      notVerifiable: 0,
    });
  });

  test("--max-lag above the lag clears KS-LIVE-005", () => {
    const r = auditInventory(legacyEstate(), { today: TODAY, maxGroupLag: 5000 });
    expect(r.findings.map((f) => f.rule)).not.toContain("KS-LIVE-005");
  });
});

describe("live-only checks", () => {
  test("under-replicated, offline and below-min-ISR partitions", () => {
    const inv = withInventory({
      topics: [
        topic([
          { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1] },
          { partition: 1, leader: null, replicas: [1, 2, 3], isr: [] },
        ]),
      ],
      consumerGroups: [],
    });
    expect(rules(inv)).toEqual(["KS-LIVE-001 topic t", "KS-LIVE-002 topic t", "KS-LIVE-003 topic t"]);
  });

  test("leader skew above 25% (and not when there are fewer leaders than brokers)", () => {
    const p = (partition: number, leader: number) => ({ partition, leader, replicas: [1, 2, 3], isr: [1, 2, 3] });
    const skewed = withInventory({ topics: [topic([p(0, 1), p(1, 1), p(2, 1), p(3, 2)])], consumerGroups: [] });
    expect(rules(skewed)).toEqual(["KS-LIVE-004 cluster U5PoiCfnR9-Q3rsbd-e4fw"]);
    const few = withInventory({ topics: [topic([p(0, 1)])], consumerGroups: [] });
    expect(rules(few)).toEqual([]);
  });

  test("ZooKeeper mode names the migration path; an old release is past end of support", () => {
    const inv = withInventory({
      mode: "zookeeper",
      metadataVersionLevel: null,
      brokerConfigs: [{ broker: 1, configs: { "inter.broker.protocol.version": "3.5-IV2" } }],
      consumerGroups: [],
    });
    const f = liveFindings(inv, { today: TODAY }).findings;
    expect(f.map((x) => x.rule)).toEqual(["KS-LIVE-007", "KS-LIVE-008"]);
    expect(f[0].fix).toMatch(/KIP-866/);
    expect(f[1].message).toBe("Kafka 3.5 is past end of support (3.5.1 2025-10-23) on 2026-12-06");
  });

  test("3.6 on ZooKeeper passes before 2026-06-01 and fails after", () => {
    const inv = withInventory({
      mode: "zookeeper",
      metadataVersionLevel: null,
      brokerConfigs: [{ broker: 1, configs: { "inter.broker.protocol.version": "3.6" } }],
      consumerGroups: [],
    });
    expect(rules(inv, { today: "2026-05-31" })).toEqual(["KS-LIVE-007 cluster U5PoiCfnR9-Q3rsbd-e4fw"]);
    expect(rules(inv, { today: "2026-06-01" })).toContain("KS-LIVE-008 cluster U5PoiCfnR9-Q3rsbd-e4fw");
  });

  test("unreadable ACLs", () => {
    const inv = withInventory({
      acls: null,
      consumerGroups: [],
      warnings: ["acls: SecurityDisabledException: No Authorizer is configured."],
    });
    const f = liveFindings(inv, { today: TODAY }).findings;
    expect(f.map((x) => x.message)).toEqual([
      "ACLs could not be read (SecurityDisabledException: No Authorizer is configured.)",
    ]);
  });

  test("catalogEntries matches MSK version strings by release and mode", () => {
    expect(catalogEntries("3.9", true).map((e) => e.version)).toEqual(["3.9.x.kraft"]);
    expect(catalogEntries("3.9", false).map((e) => e.version)).toEqual(["3.9.x"]);
  });
});
