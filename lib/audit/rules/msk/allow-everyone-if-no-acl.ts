import { BASELINE_REQUIREMENTS } from "../../../standards/broker-baseline";
import { defineRule, fail, pass } from "../../rule";
import { effective, readConfiguration } from "../shared/configuration";

const KEY = "allow.everyone.if.no.acl.found";
const REQUIRED = BASELINE_REQUIREMENTS[KEY].equals;

/** Broker baseline: `allow.everyone.if.no.acl.found=false` in every MSK configuration. */
export const mskAllowEveryoneIfNoAcl = defineRule({
  id: "KS-MSK-023",
  area: "MSK",
  severity: "error",
  title: "MSK configuration denies access to resources without ACLs",
  explanation:
    "With allow.everyone.if.no.acl.found = true (the MSK default) any authenticated SCRAM or mTLS principal can read and write every topic that has no ACL. Set it false once the ACLs exist, or clients are locked out.",
  fix: `Add "${KEY}=${REQUIRED}" to server_properties.`,
  controls: [],
  resourceTypes: ["aws_msk_configuration"],
  evaluate(configuration, ctx) {
    const parsed = readConfiguration(configuration, ctx);
    if (!parsed.ok) return parsed.result;
    const { value, defaulted } = effective(parsed.props, KEY);
    if (value === REQUIRED) return pass();
    return fail(
      `${KEY} is ${value}${defaulted ? " (MSK default: key not set)" : ""}; the baseline requires ${REQUIRED}`,
    );
  },
});
