import { Rule, num, obj, validate } from "./validate";
import { failWith } from "../errors";

const BYTE_RATE = (key: string): Rule =>
  num("KSE-ACCESS-004", key, {
    integer: true,
    min: 1,
    allowed: "a positive whole number of bytes per second",
    fix: "Give the rate in bytes per second, e.g. 1048576 for 1 MiB/s.",
  });

const CLIENT_QUOTA: Rule = obj(
  "KSE-CORE-004",
  "quota",
  [
    BYTE_RATE("producerByteRate"),
    BYTE_RATE("consumerByteRate"),
    num("KSE-ACCESS-004", "requestPercentage", {
      min: 0,
      exclusiveMin: true,
      allowed: "a positive percentage of request-handler time",
      fix: "Give e.g. 50.",
    }),
  ],
  {
    required: true,
    allowed: "ClientQuota { producerByteRate?, consumerByteRate?, requestPercentage? } with at least one rate",
    fix: "Pass the quota, e.g. { producerByteRate: 1048576 }.",
  },
);

/**
 * Validates the shape of a quota given to `cluster.addQuota(app, quota)` before a backend creates
 * anything: an object with known keys only, each rate a positive whole number (NaN, ±Infinity,
 * fractions and strings refused), at least one rate. Backend rules (which rates a cluster supports)
 * follow in the backend.
 */
export function checkClientQuota(quota: unknown, path?: string): void {
  validate(quota, CLIENT_QUOTA, "quota", path);
  const q = quota as Record<string, unknown>;
  if (q.producerByteRate === undefined && q.consumerByteRate === undefined && q.requestPercentage === undefined) {
    failWith(
      "KSE-ACCESS-004",
      "quota",
      quota,
      "at least one of producerByteRate, consumerByteRate, requestPercentage",
      "Give the byte rates in bytes per second.",
      path,
    );
  }
}
