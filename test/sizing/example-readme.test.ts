import * as fs from "fs";
import { README, generatedBlock, regeneratedReadme } from "../../examples/msk-scale/readme";

test("examples/msk-scale/README.md carries the current comparison, plan and charts (npx ts-node --transpile-only examples/msk-scale/readme.ts)", () => {
  const current = fs.readFileSync(README, "utf8");
  expect(current === regeneratedReadme(current)).toBe(true);
});

test("the README shows the 10K and 1M comparisons, the plan and both charts", () => {
  const block = generatedBlock();
  expect(block).toContain("### 10,000 messages/s");
  expect(block).toContain("### 1,000,000 messages/s");
  expect(block).toContain(
    "### Scale plan for MSK Express: 10K → 1M messages/s (partitions: target count from the start)",
  );
  expect(block.match(/```mermaid\nxychart-beta/g)).toHaveLength(2);
});

test("the README's comparisons carry every option's notes (the AZ-loss warning, Enterprise above 10 eCKU, Dedicated above 4 CKU)", () => {
  const block = generatedBlock();
  expect(block.match(/\n\*\*Notes:\*\*\n/g)!.length).toBeGreaterThanOrEqual(3);
  expect(block).toContain("with one AZ down the other brokers run at 112 % of the recommended throughput");
  expect(block).toContain("18 eCKU: above 10 on AWS needs private network interfaces");
  expect(block).toContain("18 CKU: above 4, invoice billing is needed");
  expect(block).toContain("set retention.bytes=-1 for time-based retention");
});
