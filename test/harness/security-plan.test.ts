import {
  cellsFor,
  consumerTopics,
  opensslSubject,
  passwordEnv,
  producerTopics,
  profileOf,
} from "../integration/security-plan";

// The integration suite's security proof derives every expected outcome from these functions, so
// they are pinned here, where jest runs without brokers.

describe("security plan: reading the rendered client files", () => {
  test("producer and consumer topic lines", () => {
    expect(producerTopics("# a\n# Topics: payments.settled, payments.ledger\nacks=all\n")).toEqual([
      "payments.settled",
      "payments.ledger",
    ]);
    expect(producerTopics("# Topics: none granted yet\n")).toEqual([]);
    expect(consumerTopics("# Topics: orders.created (group billing), x.y (group g-2)\n")).toEqual([
      { topic: "orders.created", group: "billing" },
      { topic: "x.y", group: "g-2" },
    ]);
  });

  test.each([
    ["no topic line", () => producerTopics("acks=all\n"), "no '# Topics:' line"],
    ["a consumer entry without a group", () => consumerTopics("# Topics: orders.created\n"), "not 'topic (group g)'"],
  ])("throws on %s", (_, f, message) => {
    expect(f).toThrow(message);
  });

  test("profile of the first line", () => {
    expect(profileOf("# billing: producer of cluster c (java), profile EXACTLY_ONCE.\nx=y\n")).toBe("EXACTLY_ONCE");
    expect(profileOf("x=y\n")).toBeUndefined();
  });

  test.each([
    ["CN=settlement,OU=payments,O=Example Corp", "/O=Example Corp/OU=payments/CN=settlement"],
    ["CN=a\\,b,O=x", "/O=x/CN=a,b"],
    ["CN=a+UID=7,O=x/y", "/O=x\\/y/CN=a+UID=7"],
  ])("RFC 2253 %s in openssl form", (dn, subject) => {
    expect(opensslSubject(dn)).toBe(subject);
  });

  test("SCRAM password variables", () => {
    expect(passwordEnv("payments-api")).toBe("KAFKA_IT_SCRAM_PASSWORD_PAYMENTS_API");
  });
});

describe("security plan: expected outcomes from the grants", () => {
  const topics: { name: string; config: Record<string, string> }[] = [
    { name: "a", config: { "retention.ms": "1" } },
    { name: "b", config: {} },
  ];
  const groups = ["g-app", "g-other"];
  const cells = cellsFor(
    {
      name: "app",
      grants: { produces: ["a"], consumes: [{ topic: "b", group: "g-app" }], transactionalPrefix: "app-" },
    },
    topics,
    groups,
  );
  const outcome = (resource: string, operation: string): string | undefined =>
    cells.find((c) => c.resource === resource && c.operation === operation)?.expected;

  test("10 operations per topic and 2 per group, numbered", () => {
    expect(cells).toHaveLength(2 * 10 + 2 * 2);
    expect(cells.map((c) => c.id)).toEqual(cells.map((_, i) => `app#${i + 1}`));
  });

  test.each([
    ["a", "produce", "allowed"],
    ["a", "idempotent-produce", "allowed"],
    ["a", "transactional-produce-granted-id", "allowed"],
    ["a", "transactional-produce-other-id", "denied"],
    ["a", "consume-own-group", "denied"],
    ["a", "describe", "allowed"],
    ["a", "create", "denied"],
    ["a", "delete", "denied"],
    ["a", "alter-configs", "denied"],
    ["b", "produce", "denied"],
    ["b", "transactional-produce-granted-id", "denied"],
    ["b", "consume-own-group", "allowed"],
    ["b", "consume-other-group", "denied"],
    ["b", "describe", "allowed"],
    ["g-app", "describe-group", "allowed"],
    ["g-app", "delete-group", "denied"],
    ["g-other", "describe-group", "denied"],
  ])("%s %s: %s", (resource, operation, expected) => {
    expect(outcome(resource, operation)).toBe(expected);
  });

  test("ids, groups and configs the operations use", () => {
    const c = (resource: string, operation: string) =>
      cells.find((x) => x.resource === resource && x.operation === operation)!;
    expect(c("a", "transactional-produce-granted-id").transactionalId).toBe("app-it-{lib}-3");
    expect(c("a", "transactional-produce-other-id").transactionalId).toBe("app_it-{lib}-4");
    expect(c("b", "consume-own-group").group).toBe("g-app");
    expect(c("b", "consume-other-group").group).toBe("g-other");
    expect(c("a", "alter-configs").config).toEqual({ key: "retention.ms", value: "1" });
  });

  test("without a transactional producer, no transactional produce is expected to succeed", () => {
    const plain = cellsFor(
      { name: "p", grants: { produces: ["a"], consumes: [], transactionalPrefix: null } },
      topics,
      [],
    );
    const tx = plain.find((x) => x.resource === "a" && x.operation === "transactional-produce-granted-id")!;
    expect(tx.expected).toBe("denied");
    expect(tx.transactionalId).toBe("p-it-{lib}-3");
    expect(plain.find((x) => x.resource === "a" && x.operation === "consume-other-group")!.group).toBe("p-not-granted");
  });
});
