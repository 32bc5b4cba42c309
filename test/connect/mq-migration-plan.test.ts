import { MqFlow, MqMigrationPlanInput, planMqMigration } from "../../lib/connect/mq-migration-plan";
import { renderMqMigrationPlan } from "../../lib/connect/mq-migration-doc";
import { expectError } from "./helpers";

const NOTIFY: MqFlow = {
  name: "notifications",
  queue: "NOTIFY.OUT",
  pilotQueue: "NOTIFY.OUT.COPY",
  volumeMessagesPerSecond: 50,
  messageSizeBytes: 2048,
  ordering: "none",
  exchange: "fire-and-forget",
  consumers: [{ name: "mailer", migrated: false }],
  phase: "pilot",
};
const PAYMENTS: MqFlow = {
  name: "payments",
  queue: "PAYMENTS.IN",
  legacyQueue: "PAYMENTS.IN.LEGACY",
  volumeMessagesPerSecond: 5000,
  messageSizeBytes: 8192,
  ordering: "key",
  orderingKey: "JMSCorrelationID",
  exchange: "fire-and-forget",
  consumers: [
    { name: "ledger", migrated: true },
    { name: "fraud", migrated: false },
  ],
  phase: "coexistence",
  personalData: true,
};
const QUOTES: MqFlow = {
  name: "fx-quotes",
  queue: "FX.QUOTE.REQUEST",
  replyQueue: "FX.QUOTE.REPLY",
  volumeMessagesPerSecond: 200,
  messageSizeBytes: 1024,
  ordering: "none",
  exchange: "request-reply",
  consumers: [{ name: "pricing", migrated: true }],
  phase: "coexistence",
};
const SETTLE: MqFlow = {
  name: "settlements",
  queue: "SETTLEMENT.BATCH",
  volumeMessagesPerSecond: 20,
  messageSizeBytes: 16384,
  ordering: "queue",
  exchange: "fire-and-forget",
  consumers: [{ name: "clearing", migrated: true }],
  phase: "switched",
};

const input = (flows: readonly MqFlow[], extra: Partial<MqMigrationPlanInput> = {}): MqMigrationPlanInput => ({
  name: "pay",
  domain: "payments",
  region: "eu-west-1",
  flows,
  path: "test/mq",
  ...extra,
});

describe("planMqMigration", () => {
  const plan = planMqMigration(input([PAYMENTS, QUOTES, NOTIFY, SETTLE]));
  const flow = (n: string) => plan.flows.find((f) => f.flow.name === n)!;

  test.each([
    // flow, topic, partitions, class, key header
    ["notifications", "payments.notifications.eu-west-1", 3, "events", undefined],
    // 5000 msg/s × 8192 B = 40.96 MB/s over 10 MB/s per partition
    ["payments", "payments.payments.eu-west-1", 5, "personal", "JMSCorrelationID"],
    ["fx-quotes", "payments.fx-quotes.eu-west-1", 3, "events", "JMSMessageID"],
    ["settlements", "payments.settlements.eu-west-1", 1, "events", undefined],
  ])("%s: topic %s, %i partition(s), class %s, key %s", (name, topic, partitions, cls, key) => {
    expect(flow(name)).toMatchObject({ topicName: topic, partitions, topicClass: cls, keyHeader: key });
  });

  test("connectors per phase: pilot reads the copy queue, coexistence feeds MQ back, switched runs none", () => {
    const names = (n: string) => flow(n).connectors.map((c) => [c.name, c.direction, c.queue, c.topicName]);
    expect(names("notifications")).toEqual([
      ["pay-notifications-mq-source", "source", "NOTIFY.OUT.COPY", "payments.notifications.eu-west-1"],
    ]);
    expect(names("payments")).toEqual([
      ["pay-payments-mq-source", "source", "PAYMENTS.IN", "payments.payments.eu-west-1"],
      ["pay-payments-mq-sink", "sink", "PAYMENTS.IN.LEGACY", "payments.payments.eu-west-1"],
    ]);
    expect(names("fx-quotes")).toEqual([
      ["pay-fx-quotes-mq-source", "source", "FX.QUOTE.REQUEST", "payments.fx-quotes.eu-west-1"],
      ["pay-fx-quotes-reply-sink", "sink", "FX.QUOTE.REPLY", "payments.fx-quotes-reply.eu-west-1"],
    ]);
    expect(flow("fx-quotes").connectors[1].keyHeader).toBe("JMSCorrelationID");
    expect(names("settlements")).toEqual([]);
  });

  test("a coexistence flow whose consumers are all migrated needs no sink back to MQ", () => {
    const p = planMqMigration(input([{ ...PAYMENTS, consumers: [{ name: "ledger", migrated: true }] }]));
    expect(p.flows[0].connectors.map((c) => c.direction)).toEqual(["source"]);
  });

  test("order by risk, the lowest-risk flow recommended as pilot, waves numbered from 1", () => {
    expect(plan.order).toEqual(["notifications", "settlements", "fx-quotes", "payments"]);
    expect(plan.recommendedPilot).toBe("notifications");
    expect(plan.flows.map((f) => f.wave)).toEqual([4, 3, 1, 2]);
  });

  test("retention: the rollback window beyond the class's retention is set with its reason", () => {
    expect(flow("notifications").retentionMs).toBeUndefined();
    const long = planMqMigration(input([NOTIFY], { rollbackWindowDays: 30 }));
    expect(long.flows[0]).toMatchObject({
      retentionMs: 30 * 86_400_000,
      retentionReason: "rollback window of 30 day(s) (MQ migration pay)",
    });
  });

  test("SLA checks: capacity, ordering, rollback window, message size, all met", () => {
    expect(flow("payments").checks.map((c) => [c.check, c.ok])).toEqual([
      ["capacity", true],
      ["ordering", true],
      ["rollback window", true],
      ["message size", true],
    ]);
    expect(flow("payments").checks[0].expected).toBe("40.96 MB/s peak (5000 msg/s × 8192 B)");
  });

  test("the plan document: order table, per-flow connectors, checks, exit criteria and rollback", () => {
    const doc = renderMqMigrationPlan({
      plan,
      platform: "MSK Connect",
      clusterName: "payments-prod",
      queueManager: "QM1",
    });
    expect(doc).toContain("Recommended pilot: **notifications**");
    expect(doc).toContain(
      "| 1 | notifications | pilot | 2.71 | fire-and-forget | none | 50 | 3 | payments.notifications.eu-west-1 |",
    );
    expect(doc).toContain("### 4. payments (phase: coexistence)");
    expect(doc).toContain("| pay-payments-mq-sink | sink | PAYMENTS.IN.LEGACY | payments.payments.eu-west-1 |");
    expect(doc).toContain('Exit criteria before `phase: "switched"`:');
    expect(doc).toContain("Rollback: Within the rollback window");
    expect(doc).toContain("No MQ connector runs for this flow.");
  });

  test("moving a flow is one value: the phase change shows in the plan's connectors", () => {
    const moved = planMqMigration(input([{ ...NOTIFY, phase: "coexistence", legacyQueue: "NOTIFY.OUT.LEGACY" }]));
    expect(moved.flows[0].connectors.map((c) => `${c.direction}:${c.queue}`)).toEqual([
      "source:NOTIFY.OUT",
      "sink:NOTIFY.OUT.LEGACY",
    ]);
  });

  const bad = (f: Record<string, unknown>): MqFlow => ({ ...NOTIFY, ...f }) as unknown as MqFlow;
  test.each([
    ["an empty inventory", input([]), "KSE-MQ-001", "at least one flow"],
    ["flows not a list", input(undefined as unknown as MqFlow[]), "KSE-MQ-001", "at least one flow"],
    ["a flow that is not an object", input([null as unknown as MqFlow]), "KSE-MQ-001", "flows[0]"],
    ["a bad flow name", input([bad({ name: "Notify Out" })]), "KSE-MQ-002", "flows[0].name"],
    ["duplicate flow names", input([NOTIFY, { ...SETTLE, name: "notifications" }]), "KSE-MQ-002", "each flow once"],
    [
      "a queue in two flows",
      input([NOTIFY, { ...SETTLE, queue: "NOTIFY.OUT" }]),
      "KSE-MQ-002",
      "one flow, in one role",
    ],
    ["a bad queue name", input([bad({ queue: "" })]), "KSE-MQ-002", "an MQ queue name"],
    ["a NaN volume", input([bad({ volumeMessagesPerSecond: NaN })]), "KSE-MQ-003", "volumeMessagesPerSecond"],
    ["an infinite volume", input([bad({ volumeMessagesPerSecond: Infinity })]), "KSE-MQ-003", "positive finite"],
    ["a zero message size", input([bad({ messageSizeBytes: 0 })]), "KSE-MQ-003", "messageSizeBytes"],
    ["a message beyond 1 MiB", input([bad({ messageSizeBytes: 2_000_000 })]), "KSE-MQ-003", "up to 1048576"],
    ["a string volume", input([bad({ volumeMessagesPerSecond: "50" })]), "KSE-MQ-003", '"50"'],
    ["an unknown ordering", input([bad({ ordering: "fifo" })]), "KSE-MQ-004", "none, key or queue"],
    ["key ordering without a key", input([bad({ ordering: "key" })]), "KSE-MQ-004", "orderingKey"],
    [
      "a key without key ordering",
      input([bad({ orderingKey: "JMSMessageID" })]),
      "KSE-MQ-004",
      'only with ordering "key"',
    ],
    [
      "strict order beyond one partition",
      input([bad({ ordering: "queue", volumeMessagesPerSecond: 2000, messageSizeBytes: 8192 })]),
      "KSE-MQ-004",
      "one partition's 10 MB/s",
    ],
    [
      "key ordering on request/reply",
      input([{ ...QUOTES, ordering: "key", orderingKey: "JMSCorrelationID" }]),
      "KSE-MQ-004",
      "request/reply",
    ],
    ["request/reply without a reply queue", input([{ ...QUOTES, replyQueue: undefined }]), "KSE-MQ-005", "replyQueue"],
    ["a reply queue on fire-and-forget", input([bad({ replyQueue: "NOTIFY.REPLY" })]), "KSE-MQ-005", "fire-and-forget"],
    ["an unknown exchange", input([bad({ exchange: "rpc" })]), "KSE-MQ-005", "fire-and-forget or request-reply"],
    ["an unknown phase", input([bad({ phase: "done" })]), "KSE-MQ-006", "pilot, coexistence or switched"],
    ["a pilot without a copy queue", input([bad({ pilotQueue: undefined })]), "KSE-MQ-006", "pilotQueue"],
    ["coexistence without a legacy queue", input([{ ...PAYMENTS, legacyQueue: undefined }]), "KSE-MQ-006", "fraud"],
    ["no consumers", input([bad({ consumers: [] })]), "KSE-MQ-007", "consumers"],
    ["a consumer without migrated", input([bad({ consumers: [{ name: "x" }] })]), "KSE-MQ-007", "migrated: boolean"],
    [
      "duplicate consumers",
      input([
        bad({
          consumers: [
            { name: "a", migrated: false },
            { name: "a", migrated: true },
          ],
        }),
      ]),
      "KSE-MQ-007",
      "each consumer once",
    ],
    [
      "a switch with a consumer on MQ",
      input([{ ...SETTLE, consumers: [{ name: "clearing", migrated: false }] }]),
      "KSE-MQ-007",
      "every consumer migrated",
    ],
    ["a bad migration name", input([NOTIFY], { name: "Pay" }), "KSE-MQ-008", "name"],
    ["a bad region", input([NOTIFY], { region: "" }), "KSE-MQ-008", "region"],
    ["a NaN rollback window", input([NOTIFY], { rollbackWindowDays: NaN }), "KSE-MQ-008", "rollbackWindowDays"],
  ])("throws for %s", (_what, given, code, message) => {
    expectError(() => planMqMigration(given as MqMigrationPlanInput), code, message);
  });
});
