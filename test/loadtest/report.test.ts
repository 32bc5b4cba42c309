import { compareRuns, countCheck, renderMarkdown, renderSummary, reportWarnings } from "../../lib/loadtest/report";
import { consumerResult, fixedReport, producerResult, TOPIC } from "./fixtures";

describe("loadtest reports", () => {
  test("count check: every acknowledged record consumed and no send failed", () => {
    expect(countCheck(producerResult(), consumerResult())).toEqual({
      acknowledged: 20000,
      consumed: 20000,
      missing: 0,
      sendErrors: 0,
      passed: true,
    });
    expect(countCheck(producerResult(), consumerResult({ consumedAcknowledged: 19990, missing: 10 })).passed).toBe(
      false,
    );
    expect(
      countCheck(producerResult({ errors: 3, acknowledged: 19997 }), consumerResult({ consumedAcknowledged: 19997 }))
        .passed,
    ).toBe(false);
    expect(countCheck(producerResult({ acknowledged: 0 }), consumerResult({ consumedAcknowledged: 0 })).passed).toBe(
      false,
    );
  });

  test("comparison: profile over defaults", () => {
    const r = fixedReport();
    const rows = compareRuns(r.runs[0], r.runs[1]);
    expect(rows[0]).toEqual({
      metric: "producer throughput",
      unit: "records/s",
      defaults: 8000,
      profile: 10000,
      ratio: 1.25,
      higherIsBetter: true,
    });
    expect(rows.find((x) => x.metric === "ack latency p99")).toMatchObject({
      defaults: 25,
      profile: 12.5,
      ratio: 0.5,
      higherIsBetter: false,
    });
    const zero = compareRuns({ ...r.runs[0], producer: producerResult({ recordsPerSec: 0 }) }, r.runs[1]);
    expect(zero[0].ratio).toBeNull();
  });

  test("warnings: weak topic for a durable profile, unreadable min ISR, LogAppendTime, overridden profile keys", () => {
    const r = fixedReport();
    expect(reportWarnings({ profile: "DURABILITY", topic: TOPIC, extraProperties: [], runs: r.runs })).toEqual([]);
    expect(
      reportWarnings({
        profile: "DURABILITY",
        topic: { ...TOPIC, replicationFactor: 1, minInsyncReplicas: 1, timestampType: "LogAppendTime" },
        extraProperties: ["acks", "ssl.truststore.location"],
        runs: r.runs,
      }),
    ).toEqual([
      "DURABILITY needs topics with replication factor >= 3 and min.insync.replicas >= 2; lt-orders has replication factor 1 and min.insync.replicas 1.",
      "lt-orders uses LogAppendTime: end-to-end latency is measured from the broker's append, not from the send.",
      "--property overrides DURABILITY settings (acks): the run is not the profile as published.",
    ]);
    expect(
      reportWarnings({
        profile: "LATENCY",
        topic: { ...TOPIC, replicationFactor: 1, minInsyncReplicas: null },
        extraProperties: [],
        runs: [],
      }),
    ).toEqual(["min.insync.replicas of lt-orders could not be read."]);
    expect(
      reportWarnings({
        profile: "LATENCY",
        topic: { ...TOPIC, minInsyncReplicas: null, configsError: "TopicAuthorizationException: denied" },
        extraProperties: [],
        runs: [],
      }),
    ).toEqual(["min.insync.replicas of lt-orders could not be read (TopicAuthorizationException: denied)."]);
  });

  test("summary on stdout", () => {
    expect(renderSummary(fixedReport(), { json: "r.json", markdown: "r.md" })).toBe(
      [
        "loadtest DURABILITY: 20,000 records of 1,024 B to lt-orders (6 partitions, RF 3, min ISR 2, created), Kafka client 3.9.1",
        "client defaults:",
        "  producer  8,000 records/s  7.8 MiB/s  ack latency p50 4.00 ms  p99 25.0 ms  p99.9 30.0 ms  max 40.0 ms",
        "  consumer  32,000 records/s  39.1 MiB/s  end-to-end p50 6.00 ms  p99 25.0 ms  p99.9 40.0 ms  max 55.0 ms",
        "  check     20,000 acknowledged, 20,000 consumed, 0 missing: PASS",
        "DURABILITY:",
        "  producer  10,000 records/s  9.8 MiB/s  ack latency p50 3.10 ms  p99 12.5 ms  p99.9 20.3 ms  max 31.0 ms",
        "  consumer  40,000 records/s  39.1 MiB/s  end-to-end p50 6.00 ms  p99 25.0 ms  p99.9 40.0 ms  max 55.0 ms",
        "  check     20,000 acknowledged, 20,000 consumed, 0 missing: PASS",
        "DURABILITY vs client defaults:",
        "  producer throughput (records/s)  x1.25",
        "  producer throughput (MiB/s)      x1.26",
        "  ack latency p50 (ms)             x0.78",
        "  ack latency p99 (ms)             x0.50",
        "  consumer throughput (records/s)  x1.25",
        "  end-to-end latency p50 (ms)      x1.00",
        "  end-to-end latency p99 (ms)      x1.00",
        "reports: r.json, r.md",
        "",
      ].join("\n"),
    );
  });

  test("summary of a failed check names the first send error", () => {
    const r = fixedReport();
    const run = {
      ...r.runs[1],
      producer: producerResult({ errors: 2, firstError: "TimeoutException: Expiring 2 record(s)" }),
      check: { acknowledged: 19998, consumed: 19998, missing: 0, sendErrors: 2, passed: false },
    };
    const text = renderSummary(
      { ...r, runs: [run], comparison: null, passed: false, warnings: ["w1"] },
      { json: "a", markdown: "b" },
    );
    expect(text).toContain(
      "  check     19,998 acknowledged, 19,998 consumed, 0 missing, 2 send errors (TimeoutException: Expiring 2 record(s)): FAIL\n",
    );
    expect(text).toContain("warning: w1\n");
    expect(text).not.toContain("vs client defaults");
  });

  test("markdown report", () => {
    const md = renderMarkdown(fixedReport());
    expect(md).toMatchSnapshot();
    expect(md).toContain("| Authentication | scram (user it-app), secret from $IT_PW |");
    expect(md).toContain("| DURABILITY | 10,000 | 9.8 | 3.10 ms | 12.5 ms | 20.3 ms | 31.0 ms |");
    expect(md).toContain("| producer throughput (records/s, higher is better) | 8,000 | 10,000 | ×1.25 |");
    expect(md).toContain("```properties\nbootstrap.servers=127.0.0.1:39092\nacks=all\nenable.idempotence=true\n```");
  });

  test("the JSON report round-trips and names the secret's variable only", () => {
    const r = fixedReport();
    const parsed = JSON.parse(JSON.stringify(r));
    expect(parsed.runs[1].check).toEqual({
      acknowledged: 20000,
      consumed: 20000,
      missing: 0,
      sendErrors: 0,
      passed: true,
    });
    expect(parsed.options.passwordEnv).toBe("IT_PW");
  });
});
