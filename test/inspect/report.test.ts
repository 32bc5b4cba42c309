import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditInventory } from "../../lib/inspect/live-checks";
import { renderInventoryMarkdown, renderInventoryMermaid, writeInspectReports } from "../../lib/inspect/report";
import { legacyEstate } from "./helpers";

const inv = legacyEstate();

test("INVENTORY.md lists versions, brokers, the topic, ACL, SCRAM user, quota and group", () => {
  const md = renderInventoryMarkdown(inv, { today: "2026-12-06", inspectSeconds: 5.2 });
  expect(md).toContain("| Metadata mode | KRaft |");
  expect(md).toContain("| Kafka release | 3.9 |");
  expect(md).toContain("| Matching MSK versions | 3.9.x.kraft (supported) |");
  expect(md).toContain("| legacy.orders | 6 | 2 | 1 | 0 | 0 | 0 | 0 | min.insync.replicas=1, retention.ms=-1 |");
  expect(md).toContain("| User:* | ALLOW | READ | TOPIC * | LITERAL | * |");
  expect(md).toContain("| legacy-app | SCRAM-SHA-512 |");
  expect(md).toContain("| user=legacy-app | producer_byte_rate=1048576 |");
  expect(md).toContain("| legacy-reporting | Empty | 0 | 5000 | 6 |");
  expect(md).toContain("in 5.2 s");
});

test("the Mermaid view links the wildcard principal and the group to the topic", () => {
  const mermaid = renderInventoryMermaid(inv);
  expect(mermaid[0]).toBe("```mermaid");
  expect(mermaid).toContain('  p_User__ -- "READ" --> t_legacy_orders');
  expect(mermaid).toContain("  t_legacy_orders -. consumed by .-> g_legacy_reporting");
  expect(mermaid.filter((l) => l.includes("broker "))).toHaveLength(3);
});

test("writes the four files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ks-inspect-"));
  try {
    const files = writeInspectReports(dir, inv, auditInventory(inv, { today: "2026-12-06" }), { today: "2026-12-06" });
    expect(files.map((f) => path.basename(f))).toEqual(["INVENTORY.md", "inventory.json", "AUDIT.md", "audit.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "audit.json"), "utf8")).summary.error).toBe(4);
    expect(fs.readFileSync(path.join(dir, "AUDIT.md"), "utf8")).toContain("KS-LIVE-005");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
