/** Each offering's limits: what fits, what is refused and why, and how the inputs move the answer. */
import { confluentCandidate } from "../../lib/sizing/confluent";
import { sizeMskExpress, sizeMskServerless, sizeMskStandard } from "../../lib/sizing/msk";
import { cheapestOption, resolveOffering, sizeOffering, sizeWorkload } from "../../lib/sizing/size";
import { OFFERINGS } from "../../lib/sizing/types";
import { deriveLoad, resolveWorkload, type ResolvedWorkload, type Workload } from "../../lib/sizing/workload";
import { KafkaStandardsError } from "../../lib/errors";

const KIB = { averageMessageBytes: 1024 };
function w(extra: Partial<Workload> & { messagesPerSecond: number }): ResolvedWorkload {
  return resolveWorkload({ ...KIB, ...extra });
}

describe("MSK Standard", () => {
  test("2 AZs: broker counts are multiples of 2 and RF 3 needs at least 4 brokers", () => {
    const r = w({ messagesPerSecond: 1000, availabilityZones: 2 });
    const o = sizeMskStandard(r, deriveLoad(r));
    expect(o.units! % 2).toBe(0);
    expect(o.units).toBeGreaterThanOrEqual(4);
    for (const c of o.candidates!) expect(c.units % 2).toBe(0);
  });

  test("a short retention at 1M/s fits on fewer, larger brokers with provisioned storage throughput, priced per MiB/s", () => {
    const r = w({ messagesPerSecond: 1_000_000, retentionHours: 1 });
    const o = sizeMskStandard(r, deriveLoad(r));
    expect(o.fits).toBe(true);
    expect(o.provisionedThroughputMiBps).toBeGreaterThan(250);
    const pst = o.cost!.lines.find((l) => l.item === "provisioned storage throughput")!;
    expect(pst.quantity).toBe(o.units! * o.provisionedThroughputMiBps!);
    expect(pst.price.usd).toBe(0.08);
    expect(o.notes.join(" ")).toContain("num.replica.fetchers");
  });

  test("a raised broker quota lets Standard carry 1M/s for 7 days (213 brokers)", () => {
    const r = w({ messagesPerSecond: 1_000_000, headroom: { brokerQuota: 300 } });
    const o = sizeMskStandard(r, deriveLoad(r));
    expect(o.fits).toBe(true);
    expect(o.limitingFactor).toBe("storage");
  });

  test("AWS's +20 % disk headroom instead of 2× shrinks the 10K/s volume to 0.6 of it", () => {
    const a = w({ messagesPerSecond: 10_000 });
    const b = w({ messagesPerSecond: 10_000, headroom: { diskHeadroomFactor: 1.2 } });
    const va = sizeMskStandard(a, deriveLoad(a)).storage.volumePerBrokerGiB!;
    const vb = sizeMskStandard(b, deriveLoad(b)).storage.volumePerBrokerGiB!;
    expect(vb / va).toBeCloseTo(0.6, 2);
  });

  test("consumers without client.rack add their cross-AZ bytes to the bill", () => {
    const a = w({ messagesPerSecond: 10_000 });
    const b = w({ messagesPerSecond: 10_000, rackAwareConsumers: false });
    const line = (x: ResolvedWorkload) =>
      sizeMskStandard(x, deriveLoad(x)).cost!.lines.find((l) => l.item === "cross-AZ client traffic")!;
    expect(line(b).quantity - line(a).quantity).toBeCloseTo((deriveLoad(a).monthlyOutGiB * 2) / 3, 6);
  });

  test("connections beyond 3,000 IAM connections per broker add brokers", () => {
    const r = w({ messagesPerSecond: 10_000, clientConnections: 30_000 });
    const o = sizeMskStandard(r, deriveLoad(r));
    expect(o.limitingFactor).toBe("connections");
    expect(o.units).toBe(12);
  });
});

describe("MSK Express", () => {
  test("2 AZs: refused, Express runs in exactly 3", () => {
    const r = w({ messagesPerSecond: 10_000, availabilityZones: 2 });
    expect(sizeMskExpress(r, deriveLoad(r)).refusal).toBe("Express brokers run in exactly 3 AZs");
  });

  test("RF 4: refused, RF is fixed at 3; RF 2: fits with a note", () => {
    const r4 = w({ messagesPerSecond: 10_000, replicationFactor: 4 });
    expect(sizeMskExpress(r4, deriveLoad(r4)).refusal).toBe("replication factor is fixed at 3 (workload asks 4)");
    const r2 = w({ messagesPerSecond: 10_000, replicationFactor: 2 });
    const o = sizeMskExpress(r2, deriveLoad(r2));
    expect(o.fits).toBe(true);
    expect(o.notes.join(" ")).toContain("fixed at 3");
  });

  test("network per broker against the recommended throughput, and one AZ down", () => {
    const r = w({ messagesPerSecond: 100_000 });
    const n = sizeMskExpress(r, deriveLoad(r)).network!;
    expect(n.recommendedInMiBps).toBe(15.6);
    expect(n.inPerBrokerMiBps).toBeCloseTo(97.65625 / 9, 6);
    expect(n.utilizationOneAzDown).toBeCloseTo(n.utilization * 1.5, 9);
  });

  test("an AZ loss that pushes the other brokers past the recommended throughput is called out (1M/s: 112 %)", () => {
    const r = w({ messagesPerSecond: 1_000_000 });
    expect(sizeMskExpress(r, deriveLoad(r)).notes.join(" ")).toContain(
      "with one AZ down the other brokers run at 112 % of the recommended throughput",
    );
    const small = w({ messagesPerSecond: 10_000 });
    expect(sizeMskExpress(small, deriveLoad(small)).notes.join(" ")).not.toContain("one AZ down");
  });

  test("a fan-out of 5 makes egress the limiting factor", () => {
    const r = w({ messagesPerSecond: 100_000, consumerGroups: 5 });
    expect(sizeMskExpress(r, deriveLoad(r)).limitingFactor).toBe("egress");
  });
});

describe("MSK Serverless", () => {
  test.each<[string, Partial<Workload>, string]>([
    ["too many partitions", { topics: 500 }, "partitions 3,000 above the quota of 2,400 partitions per cluster"],
    ["too many connections", { clientConnections: 5000 }, "connections 5,000 above the quota of 3,000"],
    ["RF 4", { replicationFactor: 4 }, "replication factor is fixed at 3"],
  ])("refused: %s", (_n, extra, reason) => {
    const r = w({ messagesPerSecond: 10_000, ...extra });
    expect(sizeMskServerless(r, deriveLoad(r)).refusal).toContain(reason);
  });
});

describe("Confluent Cloud", () => {
  test.each([
    // 50 topics × 6 partitions = 300: one Standard eCKU allows 250 (the type's 2,500 is the 10-eCKU limit).
    ["standard", 50, 2, 300, 500],
    ["standard", 41, 1, 246, 250],
    // Enterprise allows 3,000 per eCKU: 1,000 topics × 6 = 6,000 fills its 2-eCKU minimum; 1,001 need 3.
    ["enterprise", 1001, 3, 6006, 9000],
  ] as const)(
    "%s with %d topics at 1K/s: sized to %d units by partitions (%d of %d at those units)",
    (kind, topics, units, total, limit) => {
      const r = w({ messagesPerSecond: 1000, topics });
      const o = sizeOffering(`confluent-${kind}`, r);
      expect(o.units).toBe(units);
      expect(o.partitions.total).toBe(total);
      expect(o.partitions.limitAtUnits).toBe(limit);
      if (units > 1) expect(o.limitingFactor).toBe("partitions");
      // One unit fewer does not hold the partitions: a forced count below the need is refused.
      if (units > 1) {
        const fewer = confluentCandidate(kind, r, deriveLoad(r), units - 1);
        expect(fewer.fits).toBe(false);
        expect(fewer.refusal).toContain(`partitions needs ${units}`);
      }
    },
  );

  const single = (x: ResolvedWorkload): ResolvedWorkload => ({ ...x, availabilityZones: 1 });

  test("Basic fits a single-zone 10K/s workload kept 3 days with 3 eCKU, the first one free", () => {
    const r = single(w({ messagesPerSecond: 10_000, retentionHours: 72 }));
    const c = confluentCandidate("basic", r, deriveLoad(r));
    expect([c.fits, c.units]).toEqual([true, 3]);
    expect(c.cost.lines[0].quantity).toBe(2 * 730);
  });

  test("Basic is refused above 5 TB retained (so 10K/s kept 7 days does not fit either; the reference prices it anyway)", () => {
    const seven = single(w({ messagesPerSecond: 10_000 }));
    expect(confluentCandidate("basic", seven, deriveLoad(seven)).refusal).toMatch(/^retains 6\.\d+ TB/);
    const r = single(w({ messagesPerSecond: 10_000, retentionHours: 30 * 24 }));
    expect(confluentCandidate("basic", r, deriveLoad(r)).refusal).toMatch(
      /^retains 26\.\d+ TB, above the type's 5 TB$/,
    );
  });

  test("Enterprise and Standard multi-zone have their minimum of 2 and 1 units", () => {
    const r = w({ messagesPerSecond: 100 });
    expect(confluentCandidate("enterprise", r, deriveLoad(r)).units).toBe(2);
    expect(confluentCandidate("enterprise", r, deriveLoad(r)).limitingFactor).toBe("minimum units");
    expect(confluentCandidate("standard", r, deriveLoad(r)).units).toBe(1);
  });

  test("a given unit count below the need is refused with what is needed", () => {
    const r = w({ messagesPerSecond: 1_000_000 });
    expect(confluentCandidate("dedicated", r, deriveLoad(r), 4).refusal).toBe(
      "4 CKU carry less than the workload: ingress needs 18",
    );
  });

  test("connections: 1,000 per Standard eCKU", () => {
    const r = w({ messagesPerSecond: 1000, clientConnections: 4500 });
    const c = confluentCandidate("standard", r, deriveLoad(r));
    expect([c.units, c.limitingFactor]).toEqual([5, "connections"]);
  });

  test("RF 4 is refused", () => {
    const r = w({ messagesPerSecond: 1000, replicationFactor: 4 });
    expect(confluentCandidate("standard", r, deriveLoad(r)).refusal).toContain("fixed at 3");
  });

  test("headroom: at 0.7 of the guideline, 1M/s needs 25 Enterprise eCKU instead of 18", () => {
    const r = w({ messagesPerSecond: 1_000_000, headroom: { confluentUtilization: 0.7 } });
    expect(confluentCandidate("enterprise", r, deriveLoad(r)).units).toBe(25);
  });
});

describe("the report", () => {
  test("one option per offering, in order, with sources for every price used", () => {
    const r = sizeWorkload({ messagesPerSecond: 10_000, averageMessageBytes: 1024 });
    expect(r.options.map((o) => o.offering)).toEqual(OFFERINGS.map((o) => o.id));
    const ids = new Set(r.sources.map((s) => s.id));
    for (const o of r.options) for (const l of o.cost?.lines ?? []) expect(ids).toContain(l.price.source);
    for (const o of r.options) for (const l of o.cost?.lines ?? []) expect(l.price.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("compression shrinks every byte figure by its ratio", () => {
    const a = sizeWorkload({ messagesPerSecond: 100_000, averageMessageBytes: 1024 });
    const b = sizeWorkload({ messagesPerSecond: 100_000, averageMessageBytes: 1024, compressionRatio: 2.56 });
    expect(a.load.peakIngressBytesPerSecond / b.load.peakIngressBytesPerSecond).toBeCloseTo(2.56, 9);
    const cost = (r: typeof a) => r.options.find((o) => o.offering === "msk-express")!.cost!.totalUsd;
    expect(cost(b)).toBeLessThan(cost(a) / 2);
  });

  test("nothing fits: no choice, and the reason says what to do", () => {
    const r = sizeWorkload({ messagesPerSecond: 1e9, averageMessageBytes: 1024 });
    expect(r.chosen).toBeUndefined();
    expect(r.choice).toContain("no offering fits");
    expect(cheapestOption(r.options)).toBeUndefined();
  });

  test("resolveOffering refuses an unknown offering with a suggestion", () => {
    let e: unknown;
    try {
      resolveOffering("msk-expres");
    } catch (x) {
      e = x;
    }
    expect((e as KafkaStandardsError).code).toBe("KSE-SIZE-031");
    expect((e as Error).message).toContain('did you mean "msk-express"?');
  });

  test("sizeOffering answers for one offering alone", () => {
    const r = resolveWorkload({ messagesPerSecond: 10_000, ...KIB });
    expect(sizeOffering("confluent-enterprise", r).units).toBe(2);
  });
});
