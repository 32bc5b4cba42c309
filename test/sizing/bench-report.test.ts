/** bench/sizing-report.ts: the measured-vs-model section of docs/PERFORMANCE.md. */
import * as fs from "fs";
import * as path from "path";
import { BEGIN, END, modelPerBroker, renderSection, withSection, type SizingRun } from "../../bench/sizing-report";

const META = {
  date: "2026-01-01",
  kafka: "3.9.1",
  cores: "2",
  rate: "10000",
  rate_records: "100000",
  saturation_records: "300000",
  rate_warmup_records: "20000",
  saturation_warmup_records: "20000",
  rounds: "1",
  lz4_ratio: "2.56",
  cpu: "test",
  java: "test",
  load_average: "0 0 0",
  seconds: "1",
};

const run = (mode: SizingRun["mode"], records: number, rps: number, cpu: number): SizingRun => ({
  mode,
  partitions: 3,
  round: 1,
  records,
  recordsPerSecond: rps,
  p99Ms: 10,
  brokerCpuSeconds: cpu,
  wallSeconds: 10,
  otherCpuPct: 0,
});

test("the model's 2-vCPU broker: kafka.m7g.large 11.55 MiB/s (storage-bound) = 30,288 records of 400 bytes", () => {
  const m = modelPerBroker(2.56);
  expect(m.bound).toBe("storage");
  expect(m.standardMiBps).toBeCloseTo(78.75e6 / 1048576 / 6.5, 6);
  expect(Math.round(m.standardSafe)).toBe(30288);
  expect(m.standardPlanned).toBeCloseTo(m.standardSafe / 2, 6);
});

test("records per broker core-second count the warm-up records too, and the ratio divides by the model per vCPU", () => {
  const section = renderSection([run("saturation", 300_000, 30_000, 10), run("rate", 100_000, 10_000, 6)], META);
  const perVcpu = modelPerBroker(2.56).standardSafe / 2;
  expect(section).toContain(
    `| saturation | 3 | 30,000 | 10 | 0.94 | 15,000 | 32,000 | ${(32_000 / perVcpu).toFixed(1)}× |`,
  );
  // Every run lists the warm-up records beside the measured ones: the per-core figure counts both.
  expect(section).toContain(
    "| Mode | Partitions | Round | records measured | warm-up records | records/s | p99 ms | broker CPU s | wall s | other CPU |",
  );
  expect(section).toContain("| saturation | 3 | 1 | 300,000 | 20,000 | 30,000 | 10 | 10.00 | 10.00 | 0 % |");
  expect(section).toContain("| rate | 3 | 1 | 100,000 | 20,000 | 10,000 | 10 | 6.00 | 10.00 | 0 % |");
  expect(section.startsWith(BEGIN)).toBe(true);
  expect(section.endsWith(END)).toBe(true);
});

test("the section replaces its previous copy and keeps the rest of the document; it is appended when absent", () => {
  const section = `${BEGIN}\nnew\n${END}`;
  expect(withSection(`# Doc\n\n${BEGIN}\nold\n${END}\n\n## After\n`, section)).toBe(
    `# Doc\n\n${section}\n\n## After\n`,
  );
  expect(withSection("# Doc\n", section)).toBe(`# Doc\n\n${section}\n`);
});

test("docs/PERFORMANCE.md keeps the profile benchmark and carries one measured sizing section", () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "PERFORMANCE.md"), "utf8");
  expect(doc.startsWith("# Producer performance of the client profiles")).toBe(true);
  expect(doc.split(BEGIN)).toHaveLength(2);
  expect(doc).toContain("## Sizing model against the local cluster");
});
