import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, isUnresolved, show } from "../../values";

/**
 * Client-to-broker traffic is TLS only.
 *
 * Union of the scanners: Checkov CKV_AWS_81 and KICS fail on a missing `encryption_info` or a
 * `client_broker` other than TLS; Trivy AVD-AWS-0073 also treats an absent `client_broker` as
 * TLS_PLAINTEXT, so the value must be written explicitly.
 */
export const mskClientBrokerTls = defineRule({
  id: "KS-MSK-001",
  area: "MSK",
  severity: "error",
  title: "MSK client-to-broker traffic is TLS only",
  explanation:
    "PLAINTEXT or TLS_PLAINTEXT listeners let clients send credentials and records unencrypted. Trivy treats an absent client_broker as TLS_PLAINTEXT, so the value must be explicit.",
  fix: 'Set encryption_info.encryption_in_transit.client_broker = "TLS".',
  constructFix: {
    MskCluster: 'Remove clientBrokerEncryption: "TLS_PLAINTEXT" from the MskCluster props (TLS is the default).',
  },
  controls: [
    "CKV_AWS_81",
    "AVD-AWS-0073",
    "6db52fa6-d4da-4608-908a-89f0c59e743e",
    "MSKClientToBrokerTLS",
    "GDPR-Art.32(1)(a)",
  ],
  compliance: ["gdpr"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const info = block(cluster.attributes, "encryption_info");
    if (!info) return fail("no encryption_info block: client_broker defaults to TLS_PLAINTEXT for scanners");
    const value = block(info, "encryption_in_transit")?.client_broker;
    if (value === undefined || value === null) {
      return fail("encryption_in_transit.client_broker is not set (read as TLS_PLAINTEXT by Trivy)");
    }
    if (isUnresolved(value)) return notVerifiable("client_broker is an unresolved reference", [String(value)]);
    if (value === "TLS") return pass();
    return fail(`encryption_in_transit.client_broker is ${show(value)}, not "TLS"`);
  },
});
