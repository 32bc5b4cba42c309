import { parseArgs, type ParseArgsConfig } from "util";
import { UsageError } from "./usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments; a malformed command line becomes a UsageError (exit 2, one line). */
export function parseCommandArgs<T extends Options>(
  args: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>> {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options });
  } catch (e) {
    // Node prefixes parseArgs errors with their type and code in some realms; keep the sentence.
    // One line: Node's "ambiguous argument" message spans several.
    const message = (e instanceof Error ? e.message : String(e)).replace(/^\w*Error \[[A-Z_]+\]: /, "");
    throw new UsageError(message.split("\n")[0]);
  }
}
