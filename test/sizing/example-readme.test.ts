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
  expect(block).toContain("### Scale plan for MSK Express: 10K → 1M messages/s");
  expect(block.match(/```mermaid\nxychart-beta/g)).toHaveLength(2);
});
