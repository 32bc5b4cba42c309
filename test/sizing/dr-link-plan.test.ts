import { DR_LINK_FACTORS, DrLinkPlanInput, planDrLink } from "../../lib/sizing/dr-link-plan";
import { KafkaStandardsError } from "../../lib/errors";

const BASE: DrLinkPlanInput = {
  engine: "mirrormaker2",
  peakBytesPerSecond: 2e6,
  rttMs: 25,
  partitions: 6,
  sourceBrokers: 3,
  tasks: 1,
  rpoSeconds: 30,
};

describe("planDrLink", () => {
  test("bandwidth is the peak wire bytes plus protocol overhead, in Mbit/s", () => {
    expect(planDrLink(BASE).bandwidthMbps).toBeCloseTo(2e6 * 1.1 * 8 * 1e-6, 6);
  });

  test("MirrorMaker 2: one connection per broker and task, capped by the receive buffer over the RTT", () => {
    const p = planDrLink(BASE);
    expect(p.ceilingMBps).toBeCloseTo((3 * DR_LINK_FACTORS.consumerReceiveBufferBytes) / 0.025 / 1e6, 6);
    expect(p.expectedLagSeconds).toBeCloseTo((0.025 + 0.1) / (1 - p.utilization), 6);
    expect(p.meetsRpo).toBe(true);
  });

  test("MSK Replicator: AWS's partition guidance (167 partitions for 50 MB/s)", () => {
    expect(planDrLink({ ...BASE, engine: "replicator", partitions: 167 }).ceilingMBps).toBeCloseTo(50, 6);
  });

  test("a link smaller than the engine's ceiling limits it", () => {
    const p = planDrLink({ ...BASE, linkMbps: 22 });
    expect(p.limitedBy).toBe("the 22 Mbit/s inter-site link");
    expect(p.ceilingMBps).toBeCloseTo(22 / 8 / 1.1, 6);
  });

  test.each<[string, Partial<DrLinkPlanInput>, string]>([
    ["demand at the ceiling", { peakBytesPerSecond: 10e6 }, "grows without bound"],
    ["lag above the RPO", { rttMs: 900, rpoSeconds: 0.5, peakBytesPerSecond: 0 }, "exceeds the RPO"],
  ])("does not meet the RPO: %s", (_, over, reason) => {
    const p = planDrLink({ ...BASE, ...over });
    expect(p.meetsRpo).toBe(false);
    expect(p.reason).toContain(reason);
  });

  test("no known throughput plans the RTT alone", () => {
    const p = planDrLink({ ...BASE, peakBytesPerSecond: 0 });
    expect(p.utilization).toBe(0);
    expect(p.expectedLagSeconds).toBeCloseTo(0.125, 6);
  });

  test.each<[string, Partial<DrLinkPlanInput>]>([
    ["rttMs NaN", { rttMs: NaN }],
    ["rttMs 0", { rttMs: 0 }],
    ["negative peak", { peakBytesPerSecond: -1 }],
    ["link Infinity", { linkMbps: Infinity }],
    ["RPO a string", { rpoSeconds: "30" as unknown as number }],
  ])("refuses %s (KSE-DR-010)", (_, over) => {
    expect(() => planDrLink({ ...BASE, ...over })).toThrow(KafkaStandardsError);
    try {
      planDrLink({ ...BASE, ...over });
    } catch (e) {
      expect((e as KafkaStandardsError).code).toBe("KSE-DR-010");
    }
  });
});
