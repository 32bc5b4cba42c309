/**
 * The name, domain and region that generated topic names are made of, checked once for every pattern
 * that names topics after them (not exported from the package).
 */
import { failWith } from "../errors";
import type { KafkaStandardsErrorCode } from "../error-codes";
import { TOPIC_SEGMENT_PATTERN } from "../standards/naming";

/**
 * Checks the `name`, `domain` and `region` that generated topic names are made of: each a lower-case
 * topic-name segment (`example` shows a name or domain in the hint; a region gets a region code).
 */
export function checkNameSegments(
  code: KafkaStandardsErrorCode,
  input: { readonly name: unknown; readonly domain: unknown; readonly region: unknown },
  example: string,
  path: string,
): void {
  for (const [prop, value] of [
    ["name", input.name],
    ["domain", input.domain],
    ["region", input.region],
  ] as const) {
    if (typeof value !== "string" || !TOPIC_SEGMENT_PATTERN.test(value)) {
      failWith(
        code,
        prop,
        value,
        `${TOPIC_SEGMENT_PATTERN} (a lower-case topic-name segment)`,
        prop === "region"
          ? 'Use the region code, e.g. "eu-west-1".'
          : `Use lower-case letters, digits and hyphens, e.g. "${example}".`,
        path,
      );
    }
  }
}
