/**
 * The package's public entry points: the specifier a user imports and the source file it is compiled
 * from (`dist/<source>.js` in the package). The `exports` map of package.json, tsconfig `paths`, the
 * in-repository resolution hook (scripts/self-reference.ts) and the API reference (bin/gen-api-doc.ts)
 * all follow this list; test/package.test.ts checks that they agree.
 */
export interface EntryPoint {
  /** What a user imports. */
  readonly specifier: string;
  /** Source file, relative to the repository root, without extension. */
  readonly source: string;
  /** One line on what it holds. */
  readonly summary: string;
}

/** Every public entry point, the root first. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    specifier: "cdktf-kafka-standards",
    source: "lib/index",
    summary: "constructs (MSK, Confluent Cloud, topics, applications), the standard as data, the audit",
  },
  {
    specifier: "cdktf-kafka-standards/patterns",
    source: "patterns/index",
    summary: "compositions of the constructs for the use cases (ConfluentDrPair)",
  },
  {
    specifier: "cdktf-kafka-standards/providers",
    source: "providers/index",
    summary: "the generated confluentinc/confluent and Mongey/kafka provider bindings",
  },
];
