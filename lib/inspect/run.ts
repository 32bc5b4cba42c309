/**
 * Runs the Java inspector (built with the load generator's Maven project) and returns its inventory.
 * Progress lines go to `err`; an unreachable or unauthorized cluster becomes an `InspectError`.
 */
import * as fs from "fs";
import {
  ensureGenerator,
  findJava,
  GENERATOR_JVM_OPTIONS,
  spawnGenerator,
  type GeneratorSpawner,
} from "../loadtest/java";
import type { GeneratorMessage } from "../loadtest/types";
import { InspectError } from "./errors";
import type { InspectorMessage, LiveInventory } from "./types";

/** Main class of the inspector. */
export const INSPECTOR_MAIN = "kafkastandards.loadtest.Inspect";

/** What `readInventory` needs. */
export interface InspectTarget {
  /** Bootstrap servers, `host:port[,host:port…]`. */
  readonly bootstrapServer: string;
  /** Admin client properties file (security.protocol, sasl.*, ssl.*). */
  readonly commandConfig?: string;
  /** Sampling window for rates, ms. */
  readonly windowMs: number;
  /** Timeout of every Admin call, ms. */
  readonly timeoutMs: number;
}

/** The surroundings; tests replace the Java parts. */
export interface InspectDeps {
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly prepare?: (log: (line: string) => void) => Promise<{ java: string; classpath: string }>;
  readonly spawn?: GeneratorSpawner;
}

async function defaultPrepare(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ java: string; classpath: string }> {
  const { java } = findJava(env);
  const built = await ensureGenerator({ env, log });
  return { java, classpath: built.classpath };
}

/** Read the inventory of a live cluster (read-only Admin calls). */
export async function readInventory(target: InspectTarget, deps: InspectDeps): Promise<LiveInventory> {
  if (target.commandConfig !== undefined && !fs.existsSync(target.commandConfig))
    throw new InspectError(
      "KSE-INSPECT-004",
      "--command-config",
      target.commandConfig,
      `command config ${target.commandConfig} does not exist`,
      "pass an existing client properties file",
    );
  const log = (line: string): void => deps.err(`inspect: ${line}\n`);
  const { java, classpath } = await (deps.prepare ?? ((l) => defaultPrepare(deps.env, l)))(log);
  const args = [
    ...GENERATOR_JVM_OPTIONS,
    "-cp",
    classpath,
    INSPECTOR_MAIN,
    "--bootstrap-server",
    target.bootstrapServer,
    ...(target.commandConfig !== undefined ? ["--command-config", target.commandConfig] : []),
    "--window-ms",
    String(target.windowMs),
    "--timeout-ms",
    String(target.timeoutMs),
  ];
  let inventory: LiveInventory | undefined;
  let error: Extract<InspectorMessage, { type: "error" }> | undefined;
  const exit = await (deps.spawn ?? spawnGenerator)(java, args, deps.env, (raw: GeneratorMessage) => {
    const m = raw as unknown as InspectorMessage;
    if (m.type === "progress") log(m.step);
    else if (m.type === "inventory") inventory = m;
    else if (m.type === "error") error = m;
  });
  if (error?.kind === "unreachable")
    throw new InspectError(
      "KSE-INSPECT-001",
      "--bootstrap-server",
      target.bootstrapServer,
      `cluster ${target.bootstrapServer} unreachable within ${target.timeoutMs / 1000} s: ${error.message}`,
      "check the bootstrap servers, the listener's security protocol in --command-config, and network access",
    );
  if (error?.kind === "unauthorized")
    throw new InspectError(
      "KSE-INSPECT-002",
      "--command-config",
      target.commandConfig ?? "(none)",
      `cluster ${target.bootstrapServer} refused the inspect principal: ${error.message}`,
      "check the credentials in --command-config and grant DESCRIBE and DESCRIBE_CONFIGS on the cluster and topics",
    );
  if (error || !inventory)
    throw new InspectError(
      "KSE-INSPECT-003",
      "inspector",
      error?.message ?? `exit ${exit.status}`,
      `the inspector failed: ${error?.message ?? exit.stderrTail.slice(-1)[0] ?? `exit ${exit.status}`}`,
      "run again with KS_DEBUG=1; report the last lines of its output",
    );
  return inventory;
}
