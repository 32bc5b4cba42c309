import { KafkaStandardsError } from "../../lib/errors";
import { EXPRESS_SIZES, expressCandidate } from "../../lib/sizing/msk";
import {
  KEY_ORDERING_CONSEQUENCE,
  NEXT_STEP_FRACTION,
  defaultRates,
  planScale,
  planWorkload,
  roundUp2,
} from "../../lib/sizing/plan";
import { sizeWorkload } from "../../lib/sizing/size";
import { MiB } from "../../lib/sizing/units";
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
      "3 × express.m7g.xlarge",
      "3 × express.m7g.2xlarge",
      "9 × express.m7g.2xlarge",
      "15 × express.m7g.4xlarge",
    ]);
  });

  test("each configuration carries its rate ÷ 0.8, and not 1 % more than its ceiling; the next step is due at 80 % of it", () => {
    const pw = planWorkload("msk-express", resolveWorkload(TARGET));
    for (const s of plan.steps) {
      expect(s.carriesUpTo!).toBeGreaterThanOrEqual(s.messagesPerSecond / NEXT_STEP_FRACTION);
      expect(s.nextStepAt).toBeCloseTo(s.carriesUpTo! * 0.8, 6);
      const over = resolveWorkload({ ...pw, messagesPerSecond: s.carriesUpTo! * 1.01 });
      const info = EXPRESS_SIZES.find((i) => i.instanceType === s.size)!;
      expect(expressCandidate(over, deriveLoad(over), info, s.units).fits).toBe(false);
    }
  });

  test("every step's next-step trigger lies above the step's own rate (no step starts past its trigger)", () => {
    expect(plan.steps.map((s) => s.nextStepAt! > s.messagesPerSecond)).toEqual([true, true, true, true, true]);
    expect(plan.steps.some((s) => s.pastTrigger)).toBe(false);
  });

  test("every configuration survives an AZ loss: with one AZ down, the other brokers stay within the recommended throughput", () => {
    for (const s of plan.steps) {
      const info = EXPRESS_SIZES.find((i) => i.instanceType === s.size)!;
      const load = deriveLoad(resolveWorkload({ ...TARGET, messagesPerSecond: s.nextStepAt! }));
      const survivors = (s.units! * 2) / 3;
      expect(load.peakIngressBytesPerSecond / MiB / survivors).toBeLessThanOrEqual(info.recommendedIngressMBps);
      expect(load.peakEgressBytesPerSecond / MiB / survivors).toBeLessThanOrEqual(info.recommendedEgressMBps);
    }
  });

  test("the plan's workload holds Express at 2/3 of the recommended throughput with 3 AZs; Standard and Confluent keep the policy", () => {
    const w = resolveWorkload(TARGET);
    expect(planWorkload("msk-express", w).headroom.expressUtilization).toBeCloseTo(2 / 3, 12);
    expect(planWorkload("msk-standard", w)).toBe(w);
    expect(planWorkload("confluent-enterprise", w)).toBe(w);
    const low = resolveWorkload({ ...TARGET, headroom: { expressUtilization: 0.5 } });
    expect(planWorkload("msk-express", low)).toBe(low);
  });

  test("the notes say why the last step is not the comparison's 21 × express.m7g.2xlarge, and that AZ loss is provisioned", () => {
    expect(plan.comparisonNote).toBe(
      "the plan's last step (15 × express.m7g.4xlarge) is not the comparison's answer at 1M messages/s (21 × express.m7g.2xlarge): " +
        "each step is sized for its rate ÷ 0.8 (1.25M here), so that its rate sits below its next-step trigger; " +
        "it keeps one AZ's loss within the recommended throughput (Express at most 67 % of it, where the comparison uses 75 %). " +
        "To run a step's configuration, pin it (MskCluster instanceType and brokerNodes, ConfluentCluster maxEcku or cku) instead of letting the workload size the cluster",
    );
    expect(plan.notes[0]).toBe(plan.comparisonNote);
    expect(plan.notes.join("\n")).not.toContain("utilization factors: the margin for an AZ loss");
    expect(plan.notes).toContain(
      "an AZ loss: each Express configuration runs at most 67 % of the recommended throughput, so the other 2 AZs carry the load within it with one down (the comparison's 75 % runs at 113 % with one AZ down)",
    );
  });

  test("a plan that never removes brokers says so when that rule shaped its last step", () => {
    const p = planScale({ messagesPerSecond: 350_000, averageMessageBytes: 1024 }, 100_000);
    expect(p.steps.map((s) => s.configuration)).toEqual([
      "3 × express.m7g.2xlarge",
      "9 × express.m7g.2xlarge",
      "12 × express.m7g.2xlarge",
    ]);
    // Alone, 437.5K/s would take cheaper express.m7g.xlarge brokers; the plan keeps 2xlarge.
    expect(p.steps[2].option.size).toBe("express.m7g.xlarge");
    expect(p.comparisonNote).toContain(
      "it never moves to a smaller broker type or to fewer brokers or units than the step before",
    );
  });

  test("actions: change the type, add brokers, raise partitions with the key-ordering warning, move the lag alarm", () => {
    expect(plan.steps[0].actions).toEqual(["create the cluster with 3 × express.m7g.large"]);
    const at100k = plan.steps[2].actions.join("\n");
    expect(at100k).toContain("change the broker type from express.m7g.xlarge to express.m7g.2xlarge");
    expect(at100k).toContain("raise partitions per topic from 6 to 12: keys remap (see key ordering)");
    expect(at100k).toContain("set the consumer-max-offset-lag alarm to 50,000 / 500,000 records");
    const at1m = plan.steps[4].actions.join("\n");
    expect(at1m).toContain("change the broker type from express.m7g.2xlarge to express.m7g.4xlarge");
    expect(at1m).toContain("add 6 brokers (9 → 15)");
    expect(at1m).toContain("set the consumer-max-offset-lag alarm to 58,000 / 580,000 records");
    expect(plan.keyOrdering).toBe(KEY_ORDERING_CONSEQUENCE);
    expect(plan.keyOrdering).toContain("hash(key) % partitions");
  });

  test("the lag alarm keeps the first step's meaning: 6 s and 60 s of lag per partition, at every step", () => {
    const lag = plan.steps.map((s) => s.alarms.find((a) => a.alarm === "consumer-max-offset-lag")!.proposed);
    expect(lag).toEqual([
      { warning: 10_000, critical: 100_000 },
      { warning: 30_000, critical: 300_000 },
      // 100K/s on 12 partitions: 8,333 records/s × 60 s = 500,000 (float: 500000.00000000006), not 510,000.
      { warning: 50_000, critical: 500_000 },
      { warning: 55_000, critical: 550_000 },
      { warning: 58_000, critical: 580_000 },
    ]);
  });

  test("monthly cost of each step is its configuration's price at the step's rate", () => {
    expect(plan.steps.map((s) => Math.round(s.monthlyUsd!))).toEqual([2055, 5272, 15190, 45569, 151898]);
    // 10K on 3 × express.m7g.large is the comparison's $2,055 at 10K: priced at the rate, not at rate ÷ 0.8.
    expect(Math.round(plan.steps[0].monthlyUsd!)).toBe(
      Math.round(sizeWorkload({ ...TARGET, messagesPerSecond: 10_000 }).options[1].cost!.totalUsd),
    );
  });

  test("partitions grow with the load, and the notes say how to skip every increase", () => {
    expect(plan.steps.map((s) => s.partitionsPerTopic)).toEqual([6, 6, 12, 33, 105]);
    expect(plan.notes[1]).toBe(
      "to skip every partition increase, create the topics with the target's 105 partitions per topic at the first step (Jun Rao: size partitions for the expected peak); 3 brokers hold them (105 replicas per broker of the 1,000 recommended)",
    );
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
    expect(p.steps.map((s) => s.configuration)).toEqual(["2 eCKU", "2 eCKU", "3 eCKU", "7 eCKU", "22 eCKU"]);
    expect(p.steps[4].actions.join("\n")).toContain("raise maxEcku from 7 to 22");
    const ingress = p.steps[4].alarms.find((a) => a.alarm === "ingress")!;
    expect(ingress.meaning).toContain("341 % of the 300 MB/s");
  });

  test.each<[string, number, number]>([
    ["msk-express", 10_000, 1_000_000],
    ["msk-standard", 1_000, 100_000],
    ["confluent-standard", 1_000, 150_000],
    ["confluent-enterprise", 10_000, 1_000_000],
    ["confluent-dedicated", 10_000, 1_000_000],
    ["msk-serverless", 1_000, 150_000],
  ])("%s from %d to %d: every step's trigger lies above its rate", (offering, from, to) => {
    const p = planScale({ messagesPerSecond: to, averageMessageBytes: 1024 }, from, { offering: offering as never });
    const fitting = p.steps.filter((s) => s.refusal === undefined);
    expect(fitting.length).toBeGreaterThanOrEqual(3);
    for (const s of fitting) {
      expect(s.pastTrigger).toBeUndefined();
      expect(s.nextStepAt!).toBeGreaterThan(s.messagesPerSecond);
    }
  });

  test("where the offering carries the rate but not rate ÷ 0.8 (a quota), the step is flagged as past its trigger", () => {
    const p = planScale({ messagesPerSecond: 180_000, averageMessageBytes: 1024 }, 10_000, {
      offering: "msk-serverless",
    });
    const last = p.steps[p.steps.length - 1];
    expect(last.configuration).toBe("1 serverless cluster");
    expect(last.pastTrigger).toBe(true);
    expect(last.nextStepAt!).toBeLessThan(180_000);
    expect(last.actions.join("\n")).toContain(
      "MSK Serverless carries 180K messages/s but not 225K: this step starts past its own next-step trigger",
    );
  });

  test("Confluent with the target's partitions from the first step: the units hold them at every step (the per-eCKU limit, not the type's)", () => {
    // 50 topics × 6 partitions = 300: above the 250 one Standard eCKU allows, though 1 eCKU carries 1K/s.
    const p = planScale({ messagesPerSecond: 100_000, averageMessageBytes: 1024, topics: 50 }, 1_000, {
      offering: "confluent-standard",
      partitionStrategy: "target",
    });
    expect(p.steps.map((s) => s.partitionsPerTopic * 50)).toEqual([300, 300, 300, 300, 300]);
    for (const s of p.steps) expect(s.units! * 250).toBeGreaterThanOrEqual(300);
    expect(p.steps[0].configuration).toBe("2 eCKU");
    expect(p.notes[1]).toContain("300 of the 500 partitions 2 eCKU allow");
  });

  // The 100K step's critical lag: 100,000/s over 12 partitions × 60 s is 500000.00000000006 in floating point.
  const at100k = (100_000 / 12) * (100_000 / (10_000 / 6));
  test("the 100K step's critical lag is a whole 500,000 only up to floating-point noise", () => {
    expect(at100k).not.toBe(500_000);
    expect(at100k).toBeCloseTo(500_000, 6);
  });

  test.each([
    [at100k, 500_000],
    [500_000 - 6e-11, 500_000],
    [12_345, 13_000],
    [58_000 * (1 + 1e-15), 58_000],
    [58_001, 59_000],
    [100_000 - 1.5e-11, 100_000],
    [10, 10],
    [9.5, 10],
    [0, 0],
  ])("roundUp2(%f) = %f: two significant digits, up, floating-point noise ignored", (n, expected) => {
    expect(roundUp2(n)).toBe(expected);
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
