import type { GeneratorSpawner } from "../../lib/loadtest/java";
import { INSPECTOR_MAIN, readInventory } from "../../lib/inspect/run";
import { legacyEstate } from "./helpers";

const target = { bootstrapServer: "127.0.0.1:9092", windowMs: 2000, timeoutMs: 5000 };
const prepare = async () => ({ java: "java", classpath: "cp" });

function spawner(lines: object[], status = 0): { spawn: GeneratorSpawner; calls: string[][] } {
  const calls: string[][] = [];
  const spawn: GeneratorSpawner = async (_command, args, _env, onMessage) => {
    calls.push([...args]);
    for (const l of lines) onMessage(l as never);
    return { status, stderrTail: ["last stderr line"] };
  };
  return { spawn, calls };
}

test("runs the inspector main with the target and returns its inventory; progress goes to err", async () => {
  let err = "";
  const { spawn, calls } = spawner([{ type: "progress", step: "topics" }, legacyEstate()]);
  const inv = await readInventory(target, { err: (t) => void (err += t), env: {}, prepare, spawn });
  expect(inv.clusterId).toBe("U5PoiCfnR9-Q3rsbd-e4fw");
  expect(err).toBe("inspect: topics\n");
  const args = calls[0];
  expect(args.slice(args.indexOf(INSPECTOR_MAIN))).toEqual([
    INSPECTOR_MAIN,
    "--bootstrap-server",
    "127.0.0.1:9092",
    "--window-ms",
    "2000",
    "--timeout-ms",
    "5000",
  ]);
});

test.each([
  [
    "unreachable",
    "KSE-INSPECT-001",
    /^cluster 127\.0\.0\.1:9092 unreachable within 5 s: TimeoutException: x \[KSE-INSPECT-001\]$/,
  ],
  [
    "unauthorized",
    "KSE-INSPECT-002",
    /^cluster 127\.0\.0\.1:9092 refused the inspect principal: .* \[KSE-INSPECT-002\]$/,
  ],
  ["failed", "KSE-INSPECT-003", /^the inspector failed: .* \[KSE-INSPECT-003\]$/],
])("an error of kind %s becomes %s on one line", async (kind, code, message) => {
  const { spawn } = spawner([{ type: "error", kind, message: "TimeoutException: x" }]);
  const p = readInventory(target, { err: () => undefined, env: {}, prepare, spawn });
  await expect(p).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
});

test("no inventory line is KSE-INSPECT-003 with the last stderr line", async () => {
  const { spawn } = spawner([], 1);
  await expect(readInventory(target, { err: () => undefined, env: {}, prepare, spawn })).rejects.toMatchObject({
    code: "KSE-INSPECT-003",
    message: "the inspector failed: last stderr line [KSE-INSPECT-003]",
  });
});

test("a missing command config is KSE-INSPECT-004 before Java starts", async () => {
  const { spawn, calls } = spawner([]);
  await expect(
    readInventory(
      { ...target, commandConfig: "/nonexistent/admin.properties" },
      { err: () => undefined, env: {}, prepare, spawn },
    ),
  ).rejects.toMatchObject({
    code: "KSE-INSPECT-004",
    message: expect.stringContaining("/nonexistent/admin.properties does not exist"),
  });
  expect(calls).toEqual([]);
});
