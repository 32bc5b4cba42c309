/**
 * Lets the repository's own programs (examples, `npm run synth`, the benchmark) import the package by
 * its published name, `cdktf-kafka-standards[/patterns|/providers]`, exactly as a user's project does,
 * without a build step: importing this module maps those three names onto the entry-point sources next
 * to it (`lib/index`, `patterns/index`, `providers/index`, as TypeScript under ts-node or as compiled
 * JavaScript under `.bench/js`). Import it before anything that imports an example.
 *
 * The same mapping is declared to the compiler as `paths` in tsconfig.json and to jest as
 * `moduleNameMapper` (derived from those `paths` in jest.config.js); test/package.test.ts checks that
 * the three agree with the `exports` map of package.json.
 */
import * as path from "path";
import Module from "module";
import { ENTRY_POINTS } from "./entry-points";

/** Package specifier → entry-point source, relative to the repository root, without extension. */
export const SELF_REFERENCES: Readonly<Record<string, string>> = Object.fromEntries(
  ENTRY_POINTS.map((e) => [e.specifier, e.source]),
);

type Resolve = (request: string, ...rest: unknown[]) => string;
// `_resolveFilename` is the CommonJS loader's resolver (not in @types/node); wrapping it is how
// tsconfig-paths and similar loaders map module names.
const loader = Module as unknown as { _resolveFilename: Resolve & { selfReference?: true } };

if (!loader._resolveFilename.selfReference) {
  const root = path.join(__dirname, "..");
  const original = loader._resolveFilename;
  const hook: Resolve & { selfReference?: true } = function (this: unknown, request, ...rest) {
    const target = SELF_REFERENCES[request];
    return original.call(this, target === undefined ? request : path.join(root, target), ...rest);
  };
  hook.selfReference = true;
  loader._resolveFilename = hook;
}
