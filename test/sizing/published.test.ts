/**
 * The model against published figures. Each test names its source and its tolerance; where the model
 * differs from the source on purpose, the test name says why (docs/SIZING.md explains each).
 *
 * "AWS script" rows are the output of AWS's own msk_sizing.py (agent-toolkit-for-aws, 2026-06-23),
 * run unchanged for 1 KiB messages, RF 3, 2 consumer groups, 7 days, peak = average, 3 AZs.
 */
import { BROKER_INSTANCE_CATALOG } from "../../lib/standards/broker-types";
import { STANDARD_BROKER_HARDWARE } from "../../lib/standards/sizing-msk";
import {
  expressCandidate,
  roundToAzs,
  standardBrokerThroughput,
  usefulProvisionedThroughput,
} from "../../lib/sizing/msk";
import { sizeWorkload, type SizingReport } from "../../lib/sizing/size";
import { deriveLoad, resolveWorkload } from "../../lib/sizing/workload";
import type { OfferingId, SizingOption } from "../../lib/sizing/types";
import { MiB } from "../../lib/sizing/units";

const KIB_MESSAGES = (rate: number): SizingReport =>
  sizeWorkload({ messagesPerSecond: rate, averageMessageBytes: 1024 });
const REPORTS = { 10_000: KIB_MESSAGES(10_000), 100_000: KIB_MESSAGES(100_000), 1_000_000: KIB_MESSAGES(1_000_000) };

function option(report: SizingReport, id: OfferingId): SizingOption {
  return report.options.find((o) => o.offering === id)!;
}

function within(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(tolerance);
}

function hw(type: string) {
  return STANDARD_BROKER_HARDWARE.find((h) => h.instanceType === type)!;
}

describe("AWS's Express documentation and sizing guide (exact, at the documented limits: utilization 1)", () => {
  test("45 MBps in / 90 MBps out → 3 × express.m7g.large (bestpractices-express.html)", () => {
    const w = resolveWorkload({
      messagesPerSecond: 45_000,
      averageMessageBytes: (1024 * 1024) / 1000,
      consumerGroups: 2,
      headroom: { expressUtilization: 1 },
    });
    const large = BROKER_INSTANCE_CATALOG.find((b) => b.instanceType === "express.m7g.large")!;
    const c = expressCandidate(w, deriveLoad(w), large);
    expect(c.units).toBe(3);
    expect(c.fits).toBe(true);
  });

  test("100 MiB/s in with 5 consumer groups on express.m7g.2xlarge → 500/125 = 4, rounded to 6 brokers (size-and-choose-cluster.md)", () => {
    const w = resolveWorkload({
      messagesPerSecond: 100 * 1024,
      averageMessageBytes: 1024,
      consumerGroups: 5,
      headroom: { expressUtilization: 1 },
    });
    const xl2 = BROKER_INSTANCE_CATALOG.find((b) => b.instanceType === "express.m7g.2xlarge")!;
    const c = expressCandidate(w, deriveLoad(w), xl2);
    expect(c.units).toBe(6);
    expect(c.limitingFactor).toBe("egress");
  });
});

describe("Standard brokers' safe ingress (AWS script model) against AWS's figures", () => {
  test("kafka.m7g.16xlarge with 1000 MiB/s PST carries 153.8 MiB/s, the 154 MBps of the Express launch post (within 1 %)", () => {
    const t = standardBrokerThroughput(hw("kafka.m7g.16xlarge"), 2, 3, 1000);
    within(t.safeIngressMiBps, 154, 0.01);
    expect(t.bound).toBe("storage");
  });

  // The script reads EC2's MB/s and Gbps as MiB/s (m7g: Gbps × 125, m5: Gbps × 128); we convert the
  // decimal units (1 Gbps = 119.2 MiB/s, 1 MB/s = 0.954 MiB/s), so smaller sizes come out lower.
  test.each([
    ["kafka.m7g.large", 12.1, 0.05],
    ["kafka.m7g.xlarge", 24.0, 0.05],
    ["kafka.m7g.2xlarge", 48.1, 0.05],
    ["kafka.m7g.4xlarge", 96.2, 0.05],
    ["kafka.m7g.8xlarge", 153.8, 0.001],
    ["kafka.m7g.16xlarge", 153.8, 0.001],
    ["kafka.m5.large", 11.0, 0.075],
    ["kafka.m5.xlarge", 18.4, 0.075],
    ["kafka.m5.2xlarge", 36.8, 0.075],
    ["kafka.m5.4xlarge", 73.6, 0.075],
    ["kafka.m5.8xlarge", 130.8, 0.075],
    ["kafka.m5.12xlarge", 153.8, 0.001],
  ])(
    "%s: %f MiB/s at fan-out 2 (AWS script), within its tolerance (EC2's decimal units converted, not read as MiB/s)",
    (type, expected, tolerance) => {
      const h = hw(type);
      const t = standardBrokerThroughput(h, 2, 3, usefulProvisionedThroughput(h));
      within(t.safeIngressMiBps, expected, tolerance);
      expect(t.safeIngressMiBps).toBeLessThanOrEqual(expected * 1.001);
    },
  );

  test("RF 3 at 83 MiB/s of client ingress writes 249 MiB/s, the 250 MiB/s volume ceiling (size-and-choose-cluster.md)", () => {
    const load = deriveLoad(resolveWorkload({ messagesPerSecond: 83 * 1024, averageMessageBytes: 1024 }));
    expect(load.peakWriteBytesPerSecond / MiB).toBeCloseTo(249, 6);
  });
});

describe("AWS script at 10K / 100K / 1M messages/s of 1 KiB (broker counts exact, costs within 0.1 %)", () => {
  test.each([
    [10_000, "express.m7g.large", 3, "ingress", 2055.1],
    [100_000, "express.m7g.large", 9, "ingress", 14296.31],
  ])("%d/s: MSK Express %s × %d (%s), $%f", (rate, type, brokers, factor, cost) => {
    const o = option(REPORTS[rate as keyof typeof REPORTS], "msk-express");
    expect([o.size, o.units, o.limitingFactor]).toEqual([type, brokers, factor]);
    within(o.cost!.totalUsd, cost, 0.001);
  });

  test("1M/s: MSK Express costs the script's $141,176; we take 21 × express.m7g.2xlarge where the script lists 42 × xlarge (same cost, ties go to fewer brokers)", () => {
    const o = option(REPORTS[1_000_000], "msk-express");
    expect([o.size, o.units]).toEqual(["express.m7g.2xlarge", 21]);
    within(o.cost!.totalUsd, 141176.09, 0.001);
    const xl = o.candidates!.find((c) => c.size === "express.m7g.xlarge")!;
    expect(xl.units).toBe(42);
    within(xl.cost.totalUsd, 141176.09, 0.001);
  });

  test.each([
    [10_000, "kafka.m7g.large", 3, "ingress", 4241.62],
    [100_000, "kafka.m7g.large", 24, "storage", 41522.69],
  ])("%d/s: MSK Standard %s × %d (%s-bound), $%f", (rate, type, brokers, factor, cost) => {
    const o = option(REPORTS[rate as keyof typeof REPORTS], "msk-standard");
    expect([o.size, o.units, o.limitingFactor]).toEqual([type, brokers, factor]);
    within(o.cost!.totalUsd, cost, 0.001);
  });

  test("1M/s: MSK Standard is refused: storage needs 213 brokers of 16 TiB, above the 60-broker quota", () => {
    const o = option(REPORTS[1_000_000], "msk-standard");
    expect(o.fits).toBe(false);
    expect(o.refusal).toContain("213 × kafka.m7g.large (storage), above the quota of 60");
  });

  test("EBS per broker at 100K/s: 14,419 GiB of 16,384 (2× headroom, as the script)", () => {
    const o = option(REPORTS[100_000], "msk-standard");
    within(o.storage.volumePerBrokerGiB!, 14419, 0.001);
    expect(o.storage.autoscalingCeilingGiB).toBe(16384);
  });
});

describe("AWS script at peak factor 2 (the reference's §6.3: broker counts exact, costs within 0.1 %)", () => {
  const PEAK_2 = (rate: number): SizingReport =>
    sizeWorkload({ messagesPerSecond: rate, averageMessageBytes: 1024, peakToAverage: 2 });

  // [rate, offering, the script's type, its brokers, its cost (when the reference gives it), our choice, why ours differs]
  test.each<[number, OfferingId, string, number, number | undefined, string, string]>([
    [
      10_000,
      "msk-standard",
      "kafka.m7g.large",
      6,
      undefined,
      "3 × kafka.m7g.xlarge",
      "same cost; ties go to fewer brokers",
    ],
    [10_000, "msk-express", "express.m7g.large", 3, undefined, "3 × express.m7g.large", "the same"],
    [
      100_000,
      "msk-express",
      "express.m7g.large",
      18,
      16977,
      "9 × express.m7g.xlarge",
      "same cost; ties go to fewer brokers",
    ],
    [
      1_000_000,
      "msk-express",
      "express.m7g.2xlarge",
      42,
      166195,
      "21 × express.m7g.4xlarge",
      "same cost; ties go to fewer brokers",
    ],
  ])(
    "%d/s on %s: the script's %s × %d is our candidate at that count (and its cost, %s, where the reference gives one); we choose %s (%s)",
    (rate, offering, type, brokers, cost, ours, _why) => {
      const o = option(PEAK_2(rate), offering);
      const candidate = o.candidates!.find((c) => c.size === type && c.provisionedThroughputMiBps === undefined)!;
      expect(candidate.units).toBe(brokers);
      if (cost !== undefined) within(candidate.cost.totalUsd, cost, 0.001);
      expect(`${o.units} × ${o.size}`).toBe(ours);
      within(o.cost!.totalUsd, candidate.cost.totalUsd, 0.0001);
    },
  );

  test("100K/s on MSK Standard: 36 × kafka.m7g.large where the script says 33 (our 11.55 MiB/s safe ingress per broker, decimal units, against its 12.1)", () => {
    const report = PEAK_2(100_000);
    const o = option(report, "msk-standard");
    expect([o.units, o.size, o.limitingFactor]).toEqual([36, "kafka.m7g.large", "ingress"]);
    // With the script's per-broker figure (12.12 MiB/s × 0.5), the same peak ingress needs its 33 brokers.
    const peakMiBps = report.load.peakIngressBytesPerSecond / MiB;
    expect(roundToAzs(Math.ceil(peakMiBps / (12.12 * 0.5)), 3)).toBe(33);
  });
});

describe("MSK Serverless at list prices (the reference's arithmetic, within 0.1 %)", () => {
  test.each([
    [10_000, 6143],
    [100_000, 56463],
  ])("%d/s fits and costs $%d a month", (rate, cost) => {
    const o = option(REPORTS[rate as keyof typeof REPORTS], "msk-serverless");
    expect(o.fits).toBe(true);
    within(o.cost!.totalUsd, cost, 0.001);
  });

  test("100K/s needs 21 partitions at 5 MB/s each and uses 102 of 200 MB/s", () => {
    const o = option(REPORTS[100_000], "msk-serverless");
    expect(o.partitions.perTopic).toBe(21);
    expect(o.dimensions.find((d) => d.name === "ingress")!.demand).toBeCloseTo(102.4, 6);
  });

  test("1M/s is refused: above the 200 MB/s ingress quota per cluster", () => {
    const o = option(REPORTS[1_000_000], "msk-serverless");
    expect(o.fits).toBe(false);
    expect(o.refusal).toContain("ingress 1,024 above the quota of 200 MB/s per cluster");
  });
});

describe("Confluent Cloud per-unit limits (units exact; costs at the reference's prices within 0.1 %)", () => {
  test("10K/s: Standard needs 1 eCKU (0.41 of 25 MB/s in); $4,768 at $0.05/GB (the high end of its $0.035–0.05 networking)", () => {
    const o = option(REPORTS[10_000], "confluent-standard");
    expect(o.units).toBe(1);
    expect(o.dimensions.find((d) => d.name === "ingress")!.demand / 25).toBeCloseTo(0.41, 2);
    within(o.cost!.totalUsdHigh, 4768, 0.001);
  });

  test("10K/s: Basic would cost $4,425 for 3 eCKU but is refused for a 3-AZ workload (single-zone only)", () => {
    const o = option(REPORTS[10_000], "confluent-basic");
    expect(o.units).toBe(3);
    within(o.cost!.totalUsd, 4425, 0.001);
    expect(o.refusal).toBe("single-zone only: the workload spans 3 AZs");
  });

  test("100K/s: Standard needs 5 eCKU (4.1 in, with limits in MB), $44,946", () => {
    const o = option(REPORTS[100_000], "confluent-standard");
    expect(o.units).toBe(5);
    within(o.cost!.totalUsdHigh, 44946, 0.001);
  });

  test("1M/s: Standard (41 eCKU > 10) refused; Enterprise and Dedicated need 18 units (Dedicated above the card self-serve 4); Enterprise $146K–452K", () => {
    expect(option(REPORTS[1_000_000], "confluent-standard").refusal).toBe(
      "needs 41 eCKU (ingress), above the type's maximum of 10",
    );
    const e = option(REPORTS[1_000_000], "confluent-enterprise");
    const d = option(REPORTS[1_000_000], "confluent-dedicated");
    expect([e.units, d.units]).toEqual([18, 18]);
    within(e.cost!.totalUsd, 145561, 0.001);
    within(e.cost!.totalUsdHigh, 451646, 0.001);
    expect(e.notes.join(" ")).toContain("above 10 on AWS needs private network interfaces");
    expect(d.notes.join(" ")).toContain("18 CKU: above 4, invoice billing is needed");
  });
});

describe("partitions per topic (Jun Rao: max(t/p, t/c); reference arithmetic)", () => {
  test("10K/s: 6 (the floor); 100K/s: 12 on MSK, 21 at Confluent Standard's 5 MBps (the reference rounds to 24; we round to a multiple of 3 AZs)", () => {
    expect(option(REPORTS[10_000], "msk-express").partitions.perTopic).toBe(6);
    expect(option(REPORTS[100_000], "msk-express").partitions.perTopic).toBe(12);
    expect(option(REPORTS[100_000], "confluent-standard").partitions.perTopic).toBe(21);
  });

  test("1M/s: 105 on MSK (reference ~104–108) and 171 on Enterprise at 6 MBps", () => {
    expect(option(REPORTS[1_000_000], "msk-express").partitions.perTopic).toBe(105);
    expect(option(REPORTS[1_000_000], "confluent-enterprise").partitions.perTopic).toBe(171);
  });

  test("1M/s on Dedicated: 105, not the reference's 86 (the library's 10 MB/s per partition binds before Dedicated's 12 MBps guideline)", () => {
    expect(option(REPORTS[1_000_000], "confluent-dedicated").partitions.perTopic).toBe(105);
  });
});

test("the chosen option is MSK Express at 10K, 100K and 1M/s, as the reference concludes for 7-day retention", () => {
  expect(Object.values(REPORTS).map((r) => r.chosen)).toEqual(["msk-express", "msk-express", "msk-express"]);
});
