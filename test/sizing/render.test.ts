/** lib/sizing/render.ts: what the comparison prints, in text and Markdown. */
import { comparisonRows, renderComparisonMarkdown, renderSizingText } from "../../lib/sizing/render";
import { sizeWorkload } from "../../lib/sizing/size";

const AT_10K = sizeWorkload({ messagesPerSecond: 10_000, averageMessageBytes: 1024 });
const AT_1M = sizeWorkload({ messagesPerSecond: 1_000_000, averageMessageBytes: 1024 });

function row(report: typeof AT_10K, label: string): Record<string, string> {
  const [head, ...rows] = comparisonRows(report);
  const r = rows.find((x) => x[0] === label)!;
  return Object.fromEntries(head.map((h, i) => [h, r[i]]));
}

describe("every option's notes are printed, in text and in the comparison's Markdown", () => {
  const NOTES_AT_1M = [
    "MSK Express: storage is managed and unlimited: no volume to size; with one AZ down the other brokers run at 112 % of the recommended throughput",
    "Confluent Enterprise: private networking only",
    "18 eCKU: above 10 on AWS needs private network interfaces",
    "18 CKU: above 4, invoice billing is needed",
    "MSK Standard: tiered storage (not modelled) keeps only recent data on EBS",
    "topics default to retention.bytes of 250 GiB per partition: set retention.bytes=-1 for time-based retention",
  ];

  test.each(NOTES_AT_1M)("text: %s", (note) => {
    const text = renderSizingText(AT_1M);
    expect(text).toContain("\nNotes:\n");
    expect(text).toContain(note);
  });

  test.each(NOTES_AT_1M)("Markdown comparison: %s", (note) => {
    const md = renderComparisonMarkdown(AT_1M);
    expect(md).toContain("\n**Notes:**\n\n- MSK Standard: tiered storage");
    expect(md).toContain(note);
  });

  test("one line per option with notes, each naming its option", () => {
    const md = renderComparisonMarkdown(AT_1M);
    const lines = md
      .slice(md.indexOf("**Notes:**"))
      .split("\n")
      .filter((l) => l.startsWith("- "));
    expect(lines.map((l) => l.slice(2, l.indexOf(":")))).toEqual(
      AT_1M.options.filter((o) => o.notes.length > 0).map((o) => o.label),
    );
  });
});

describe("partitions against the limit at the sized units (and the type's maximum)", () => {
  test.each([
    [AT_10K, "Confluent Standard", "6/topic; 6 of 250 at 1 eCKU (type max 2,500)"],
    [AT_10K, "Confluent Enterprise", "6/topic; 6 of 6,000 at 2 eCKU (type max 96,000)"],
    [AT_10K, "Confluent Dedicated", "6/topic; 6 of 9,000 at 2 CKU (type max 100,000)"],
    [AT_1M, "Confluent Enterprise", "171/topic; 171 of 54,000 at 18 eCKU (type max 96,000)"],
    [AT_10K, "MSK Serverless", "6/topic; 6 of 2,400/cluster"],
  ])("%#: %s: %s", (report, label, cell) => {
    expect(row(report, label).Partitions).toBe(cell);
  });

  test("the option carries the limit at its units", () => {
    const standard = AT_10K.options.find((o) => o.offering === "confluent-standard")!;
    expect(standard.partitions).toMatchObject({ total: 6, limitAtUnits: 250, clusterLimit: 2500 });
  });
});

describe("network per broker: each share says what it is a share of", () => {
  test("MSK Standard at 10K: client ingress against the safe ingress (28 %), network out against the baseline (12 %)", () => {
    const cell = row(AT_10K, "MSK Standard").Network;
    expect(cell).toBe(
      "per broker: client in 3.26 of 11.6 MiB/s safe ingress (28 %); network out 13 of 112 MiB/s baseline (12 %); tightest 28 %, 42 % with one AZ down",
    );
    const o = AT_10K.options.find((x) => x.offering === "msk-standard")!;
    expect(o.network!.clientInPerBrokerMiBps! / o.network!.safeInMiBps!).toBeCloseTo(o.network!.utilization, 12);
  });

  test("MSK Express at 1M: ingress and egress against the recommended figures, and the AZ-loss share", () => {
    expect(row(AT_1M, "MSK Express").Network).toBe(
      "per broker: in 46.5 of 62.5 MiB/s recommended (74 %), out 93 of 125 (74 %); tightest 74 %, 112 % with one AZ down",
    );
  });
});
