import { KafkaStandardsError } from "../../lib/errors";
import { WORKLOAD_DEFAULTS, deriveLoad, resolveWorkload } from "../../lib/sizing/workload";
import { sizeWorkload } from "../../lib/sizing/size";
import { GiB, MB } from "../../lib/sizing/units";

const OK = { messagesPerSecond: 10_000, averageMessageBytes: 1024 };

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KafkaStandardsError);
    return { code: (e as KafkaStandardsError).code, message: (e as Error).message };
  }
  throw new Error("no error thrown");
}

describe("resolveWorkload applies the defaults", () => {
  const w = resolveWorkload(OK);
  test.each([
    ["compressionRatio", 1],
    ["replicationFactor", 3],
    ["retentionHours", 168],
    ["consumerGroups", 2],
    ["peakToAverage", 1],
    ["availabilityZones", 3],
    ["topics", 1],
    ["rackAwareConsumers", true],
    ["region", "us-east-1"],
  ])("%s defaults to %p", (key, value) => {
    expect((w as unknown as Record<string, unknown>)[key]).toBe(value);
  });

  test("headroom defaults to AWS's sizing script: 0.5 Standard, 0.75 Express, 2× disk, 60 brokers; Confluent 1", () => {
    expect(w.headroom).toEqual({
      standardUtilization: 0.5,
      expressUtilization: 0.75,
      confluentUtilization: 1,
      diskHeadroomFactor: 2,
      brokerQuota: 60,
    });
    expect(WORKLOAD_DEFAULTS.headroom).toEqual(w.headroom);
  });

  test("a partial headroom keeps the other defaults", () => {
    expect(resolveWorkload({ ...OK, headroom: { diskHeadroomFactor: 1.2 } }).headroom).toEqual({
      ...WORKLOAD_DEFAULTS.headroom,
      diskHeadroomFactor: 1.2,
    });
  });
});

describe("resolveWorkload refuses invalid workloads with a coded error naming the field", () => {
  test.each<[string, unknown, string, string]>([
    ["undefined", undefined, "KSE-SIZE-001", "Invalid workload: got undefined"],
    ["null", null, "KSE-SIZE-001", "Invalid workload: got null"],
    ["an array", [], "KSE-SIZE-001", "Invalid workload: got []"],
    ["a number", 5, "KSE-SIZE-001", "Invalid workload: got 5"],
    ["a misspelt key", { ...OK, messagesPerSec: 1 }, "KSE-SIZE-001", 'did you mean "messagesPerSecond"?'],
    [
      "messagesPerSecond missing",
      { averageMessageBytes: 1024 },
      "KSE-SIZE-002",
      "Invalid messagesPerSecond: got undefined",
    ],
    ["messagesPerSecond NaN", { ...OK, messagesPerSecond: NaN }, "KSE-SIZE-002", "got NaN"],
    ["messagesPerSecond zero", { ...OK, messagesPerSecond: 0 }, "KSE-SIZE-002", "got 0"],
    ["messagesPerSecond negative", { ...OK, messagesPerSecond: -5 }, "KSE-SIZE-002", "got -5"],
    ["messagesPerSecond Infinity", { ...OK, messagesPerSecond: Infinity }, "KSE-SIZE-002", "positive finite number"],
    ["messagesPerSecond a string", { ...OK, messagesPerSecond: "10000" }, "KSE-SIZE-002", 'got "10000"'],
    [
      "averageMessageBytes missing",
      { messagesPerSecond: 1 },
      "KSE-SIZE-003",
      "Invalid averageMessageBytes: got undefined",
    ],
    ["averageMessageBytes zero", { ...OK, averageMessageBytes: 0 }, "KSE-SIZE-003", "got 0"],
    ["compressionRatio below 1", { ...OK, compressionRatio: 0.5 }, "KSE-SIZE-004", "at least 1"],
    ["compressionRatio NaN", { ...OK, compressionRatio: NaN }, "KSE-SIZE-004", "at least 1"],
    ["replicationFactor 0", { ...OK, replicationFactor: 0 }, "KSE-SIZE-005", "an integer from 1 to 10"],
    ["replicationFactor 2.5", { ...OK, replicationFactor: 2.5 }, "KSE-SIZE-005", "got 2.5"],
    ["retentionHours zero", { ...OK, retentionHours: 0 }, "KSE-SIZE-006", "positive finite number of hours"],
    ["retentionHours negative", { ...OK, retentionHours: -1 }, "KSE-SIZE-006", "got -1"],
    ["consumerGroups negative", { ...OK, consumerGroups: -1 }, "KSE-SIZE-007", "non-negative integer"],
    ["consumerGroups fractional", { ...OK, consumerGroups: 1.5 }, "KSE-SIZE-007", "got 1.5"],
    ["peakToAverage below 1", { ...OK, peakToAverage: 0.8 }, "KSE-SIZE-008", "at least 1"],
    ["availabilityZones 1", { ...OK, availabilityZones: 1 }, "KSE-SIZE-009", "Allowed: 2 or 3"],
    ["topics zero", { ...OK, topics: 0 }, "KSE-SIZE-010", "a positive integer"],
    ["headroom not an object", { ...OK, headroom: 0.5 }, "KSE-SIZE-011", "Invalid headroom: got 0.5"],
    [
      "headroom misspelt",
      { ...OK, headroom: { diskHeadroomFacter: 2 } },
      "KSE-SIZE-011",
      'did you mean "diskHeadroomFactor"?',
    ],
    ["utilization above 1", { ...OK, headroom: { standardUtilization: 1.5 } }, "KSE-SIZE-011", "at most 1"],
    ["utilization zero", { ...OK, headroom: { expressUtilization: 0 } }, "KSE-SIZE-011", "greater than 0"],
    ["disk headroom below 1", { ...OK, headroom: { diskHeadroomFactor: 0.9 } }, "KSE-SIZE-011", "at least 1"],
    ["broker quota fractional", { ...OK, headroom: { brokerQuota: 2.5 } }, "KSE-SIZE-011", "a positive integer"],
    ["region without prices", { ...OK, region: "eu-west-1" }, "KSE-SIZE-012", "a region with a price table: us-east-1"],
    ["clientConnections zero", { ...OK, clientConnections: 0 }, "KSE-SIZE-013", "a positive integer, or nothing"],
    ["rackAwareConsumers a string", { ...OK, rackAwareConsumers: "yes" }, "KSE-SIZE-014", "true or false"],
  ])("%s → %s", (_name, input, code, fragment) => {
    const e = codeOf(() => resolveWorkload(input));
    expect(e.code).toBe(code);
    expect(e.message).toContain(`[${code}]`);
    expect(e.message).toContain(fragment);
    expect(e.message).toContain("Fix:");
  });

  test("field names carry the caller's prefix (the construct prop), and the construct path", () => {
    const e = codeOf(() => resolveWorkload({ ...OK, topics: -1 }, "workload", "stack/orders"));
    expect(e.message).toContain("Invalid workload.topics at stack/orders: got -1");
  });

  test("sizeWorkload refuses the same way (the CLI relies on it)", () => {
    expect(codeOf(() => sizeWorkload({ messagesPerSecond: 0, averageMessageBytes: 1024 })).code).toBe("KSE-SIZE-002");
  });
});

describe("deriveLoad", () => {
  const load = deriveLoad(resolveWorkload({ ...OK, peakToAverage: 2, compressionRatio: 2, consumerGroups: 3 }));
  const avg = (10_000 * 1024) / 2;

  test.each([
    ["ingressBytesPerSecond", avg],
    ["peakIngressBytesPerSecond", avg * 2],
    ["peakEgressBytesPerSecond", avg * 2 * 3],
    ["peakReplicationBytesPerSecond", avg * 2 * 2],
    ["peakBrokerNetworkOutBytesPerSecond", avg * 2 * (3 + 3 - 1)],
    ["peakWriteBytesPerSecond", avg * 2 * 3],
    ["monthlyInGiB", (avg * 730 * 3600) / GiB],
    ["monthlyOutGiB", (avg * 730 * 3600 * 3) / GiB],
    ["retainedGiB", (avg * 168 * 3600) / GiB],
    ["retainedReplicatedGiB", (avg * 168 * 3600 * 3) / GiB],
  ])("%s = %f", (key, value) => {
    expect((load as unknown as Record<string, number>)[key]).toBeCloseTo(value, 6);
  });

  test("10K/s of 1 KiB is 10.24 MB/s, 25,063 GiB a month and 5,768 GiB over 7 days (the reference's figures)", () => {
    const l = deriveLoad(resolveWorkload(OK));
    expect(l.peakIngressBytesPerSecond / MB).toBeCloseTo(10.24, 6);
    expect(Math.round(l.monthlyInGiB)).toBe(25063);
    expect(Math.round(l.retainedGiB)).toBe(5768);
  });
});
