import { kafkaRelease, rates, replicationFactorOf, skew, topicHealth } from "../../lib/inspect/metrics";
import type { LiveTopic } from "../../lib/inspect/types";
import { legacyEstate, withInventory } from "./helpers";

const topic = (name: string, partitions: LiveTopic["partitions"], min: number | null = 2): LiveTopic => ({
  name,
  internal: false,
  partitions,
  configs: {},
  effectiveMinInsyncReplicas: min,
});

describe("topicHealth", () => {
  test("the seeded estate: legacy.orders has 6 healthy partitions at RF 2, min ISR 1", () => {
    expect(topicHealth(legacyEstate())).toEqual([
      {
        topic: "legacy.orders",
        partitions: 6,
        replicationFactor: 2,
        underReplicated: 0,
        offline: 0,
        belowMinIsr: 0,
        minInsyncReplicas: 1,
      },
    ]);
  });

  test("counts under-replicated, offline and below-min-ISR partitions", () => {
    const inv = withInventory({
      topics: [
        topic("t", [
          { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
          { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3] },
          { partition: 2, leader: 3, replicas: [3, 1, 2], isr: [3] },
          { partition: 3, leader: null, replicas: [1, 2, 3], isr: [] },
        ]),
      ],
    });
    expect(topicHealth(inv)[0]).toMatchObject({ underReplicated: 3, offline: 1, belowMinIsr: 2, replicationFactor: 3 });
  });

  test("replication factor is the most common replica count", () => {
    expect(
      replicationFactorOf(
        topic("t", [
          { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
          { partition: 1, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
          { partition: 2, leader: 1, replicas: [1, 3, 2], isr: [1, 2, 3] },
        ]),
      ),
    ).toBe(3);
  });
});

describe("rates", () => {
  test("messages from end-offset deltas, bytes from leader replica size deltas, per topic and broker", () => {
    const inv = withInventory({
      topics: [
        topic("a", [
          { partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
          { partition: 1, leader: 2, replicas: [2, 1], isr: [2, 1] },
        ]),
      ],
      window: {
        seconds: 2,
        offsets: [
          { partition: "a/0", endStart: 100, endEnd: 300 },
          { partition: "a/1", endStart: 0, endEnd: 100 },
        ],
        logDirs: [
          { replica: "a/0@1", bytesStart: 0, bytesEnd: 2000 },
          { replica: "a/0@2", bytesStart: 0, bytesEnd: 2000 },
          { replica: "a/1@2", bytesStart: 1000, bytesEnd: 2000 },
          { replica: "a/1@1", bytesStart: null, bytesEnd: 2000 },
        ],
      },
    });
    const r = rates(inv);
    expect(r.topics.a).toEqual({ messagesPerSec: 150, bytesPerSec: 1500 });
    expect(r.brokers[1]).toEqual({ messagesPerSec: 100, bytesPerSec: 1000 });
    expect(r.brokers[2]).toEqual({ messagesPerSec: 50, bytesPerSec: 1500 });
    expect(r.brokers[3]).toEqual({ messagesPerSec: 0, bytesPerSec: 0 });
  });

  test("the seeded estate was idle during its window", () => {
    expect(rates(legacyEstate()).topics["legacy.orders"]).toEqual({ messagesPerSec: 0, bytesPerSec: 0 });
  });
});

describe("skew", () => {
  test("the seeded estate: 4 replicas and 2 leaders per broker", () => {
    const s = skew(legacyEstate());
    expect(s.replicas).toEqual({ 1: 4, 2: 4, 3: 4 });
    expect(s.leaders).toEqual({ 1: 2, 2: 2, 3: 2 });
    expect(s.leaderSkew).toBe(0);
  });

  test("all leaders on one of three brokers is a skew of 200%", () => {
    const inv = withInventory({
      topics: [
        topic("t", [
          { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
          { partition: 1, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
          { partition: 2, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
        ]),
      ],
    });
    expect(skew(inv)).toMatchObject({ leaders: { 1: 3, 2: 0, 3: 0 }, leaderSkew: 2, replicaSkew: 0 });
  });
});

describe("kafkaRelease", () => {
  test.each([
    [1, "3.0"],
    [7, "3.3"],
    [14, "3.6"],
    [19, "3.7"],
    [20, "3.8"],
    [21, "3.9"],
    [22, "4.0 or newer"],
  ])("metadata.version level %d is Kafka %s", (level, release) => {
    expect(kafkaRelease(withInventory({ metadataVersionLevel: level }))).toBe(release);
  });

  test("ZooKeeper mode reads inter.broker.protocol.version", () => {
    const inv = withInventory({
      mode: "zookeeper",
      metadataVersionLevel: null,
      brokerConfigs: [{ broker: 1, configs: { "inter.broker.protocol.version": "2.8-IV1" } }],
    });
    expect(kafkaRelease(inv)).toBe("2.8");
  });

  test("unknown without either", () => {
    expect(kafkaRelease(withInventory({ metadataVersionLevel: null, brokerConfigs: [] }))).toBeUndefined();
  });
});
