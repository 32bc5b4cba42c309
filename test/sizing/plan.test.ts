import { KafkaStandardsError } from "../../lib/errors";
import { EXPRESS_SIZES, expressCandidate } from "../../lib/sizing/msk";
import { KEY_ORDERING_CONSEQUENCE, defaultRates, planScale } from "../../lib/sizing/plan";
import { deriveLoad, resolveWorkload } from "../../lib/sizing/workload";

const TARGET = { messagesPerSecond: 1_000_000, averageMessageBytes: 1024 };
const plan = planScale(TARGET, 10_000);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaStandardsError);
    return (e as KafkaStandardsError).code;
  }
  throw new Error("no error thrown");
}

test("1-3-10 rates between two rates", () => {
  expect(defaultRates(10_000, 1_000_000)).toEqual([30_000, 100_000, 300_000]);
  expect(defaultRates(5_000, 50_000)).toEqual([10_000, 30_000]);
});

describe("10K → 1M messages/s of 1 KiB, on the offering chosen at the target (MSK Express)", () => {
  test("plans MSK Express at 10K, 30K, 100K, 300K and 1M", () => {
    expect(plan.offering).toBe("msk-express");
    expect(plan.steps.map((s) => s.messagesPerSecond)).toEqual([10_000, 30_000, 100_000, 300_000, 1_000_000]);
  });

  test("configurations: never a smaller type, never fewer brokers", () => {
    expect(plan.steps.map((s) => s.configuration)).toEqual([
      "3 × express.m7g.large",
      "3 × express.m7g.large",
      "9 × express.m7g.large",
      "27 × express.m7g.large",
      "42 × express.m7g.xlarge",
    ]);
  });

  test("each configuration carries its rate, and not 1 % more than its ceiling; the next step is due at 80 % of it", () => {
    for (const s of plan.steps) {
      expect(s.carriesUpTo!).toBeGreaterThanOrEqual(s.messagesPerSecond);
      expect(s.nextStepAt).toBeCloseTo(s.carriesUpTo! * 0.8, 6);
      const over = resolveWorkload({ ...TARGET, messagesPerSecond: s.carriesUpTo! * 1.01 });
      const info = EXPRESS_SIZES.find((i) => i.instanceType === s.size)!;
      expect(expressCandidate(over, deriveLoad(over), info, s.units).fits).toBe(false);
    }
  });

  test("actions: add brokers, change the type, raise partitions with the key-ordering warning, move the lag alarm", () => {
    expect(plan.steps[0].actions).toEqual(["create the cluster with 3 × express.m7g.large"]);
    const at100k = plan.steps[2].actions.join("\n");
    expect(at100k).toContain("add 6 brokers (3 → 9)");
    expect(at100k).toContain("raise partitions per topic from 6 to 12: keys remap (see key ordering)");
    const at1m = plan.steps[4].actions.join("\n");
    expect(at1m).toContain("change the broker type from express.m7g.large to express.m7g.xlarge");
    expect(at1m).toContain("add 15 brokers (27 → 42)");
    expect(at1m).toContain("set the consumer-max-offset-lag alarm to 58,000 / 580,000 records");
    expect(plan.keyOrdering).toBe(KEY_ORDERING_CONSEQUENCE);
    expect(plan.keyOrdering).toContain("hash(key) % partitions");
  });

  test("the lag alarm keeps the first step's meaning: 6 s and 60 s of lag per partition", () => {
    const lag = plan.steps.map((s) => s.alarms.find((a) => a.alarm === "consumer-max-offset-lag")!.proposed);
    expect(lag[0]).toEqual({ warning: 10_000, critical: 100_000 });
    expect(lag[1]).toEqual({ warning: 30_000, critical: 300_000 });
    expect(lag[4]).toEqual({ warning: 58_000, critical: 580_000 });
  });

  test("monthly cost of each step equals the configuration's price", () => {
    expect(plan.steps.map((s) => Math.round(s.monthlyUsd!))).toEqual([2055, 4378, 14296, 42889, 141176]);
  });

  test("partitions grow with the load, and the notes say how to skip every increase", () => {
    expect(plan.steps.map((s) => s.partitionsPerTopic)).toEqual([6, 6, 12, 33, 105]);
    expect(plan.notes[0]).toContain("create the topics with the target's 105 partitions per topic");
  });

  test("producers use THROUGHPUT from 10K/s: 33 KiB reach a partition per 20 ms linger", () => {
    expect(plan.steps[0].client.profile).toBe("THROUGHPUT");
    expect(plan.steps[0].client.bytesPerPartitionPerLinger).toBeCloseTo((10_000 * 1024 * 0.02) / 6, 6);
  });
});

describe("other plans", () => {
  test("target strategy: the target's partitions from the first step, no increase", () => {
    const p = planScale(TARGET, 10_000, { partitionStrategy: "target" });
    expect(new Set(p.steps.map((s) => s.partitionsPerTopic))).toEqual(new Set([105]));
    expect(p.steps.flatMap((s) => s.actions).join("\n")).not.toContain("raise partitions");
  });

  test("a low rate starts on DURABILITY and moves producers to THROUGHPUT when batches fill", () => {
    const p = planScale({ messagesPerSecond: 10_000, averageMessageBytes: 1024 }, 100);
    expect(p.steps[0].client.profile).toBe("DURABILITY");
    const moved = p.steps.find((s) => s.client.profile === "THROUGHPUT")!;
    expect(moved.actions.join("\n")).toContain("move producers to the THROUGHPUT profile (");
    expect(moved.client.changes).toMatchObject({
      "linger.ms": "20",
      "compression.type": "lz4",
      "batch.size": "131072",
    });
  });

  test("MSK Standard: steps beyond what one cluster carries say so, with the reason", () => {
    const p = planScale(TARGET, 10_000, { offering: "msk-standard" });
    const last = p.steps[p.steps.length - 1];
    expect(last.configuration).toBe("does not fit");
    expect(last.refusal).toContain("above the quota of 60");
  });

  test("Confluent Enterprise: maxEcku rises, and the standard's ingress alarm limit (300 MB/s) is flagged", () => {
    const p = planScale(TARGET, 10_000, { offering: "confluent-enterprise" });
    expect(p.steps.map((s) => s.configuration)).toEqual(["2 eCKU", "2 eCKU", "2 eCKU", "6 eCKU", "18 eCKU"]);
    expect(p.steps[4].actions.join("\n")).toContain("raise maxEcku from 6 to 18");
    const ingress = p.steps[4].alarms.find((a) => a.alarm === "ingress")!;
    expect(ingress.meaning).toContain("341 % of the 300 MB/s");
  });

  test.each<[string, () => unknown, string]>([
    ["current rate at the target", () => planScale(TARGET, 1_000_000), "KSE-SIZE-030"],
    ["current rate above the target", () => planScale(TARGET, 2_000_000), "KSE-SIZE-030"],
    ["current rate NaN", () => planScale(TARGET, NaN), "KSE-SIZE-030"],
    ["current rate zero", () => planScale(TARGET, 0), "KSE-SIZE-030"],
    ["unknown offering", () => planScale(TARGET, 10, { offering: "kinesis" as never }), "KSE-SIZE-031"],
    ["invalid target", () => planScale({ messagesPerSecond: -1, averageMessageBytes: 1 }, 10), "KSE-SIZE-002"],
  ])("refuses %s", (_n, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
