import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { block, bool, isSet, isUnresolved } from "../../values";

/** Clients must authenticate: IAM, SASL/SCRAM or mutual TLS, and unauthenticated access off (Security Hub MSK.6). */
export const mskUnauthenticatedAccess = defineRule({
  id: "KS-MSK-007",
  area: "MSK",
  severity: "error",
  title: "MSK unauthenticated access is disabled",
  explanation:
    "With unauthenticated access (or no client_authentication at all) any host that reaches the brokers can produce and consume, and ACLs cannot name who did what.",
  fix: "Set client_authentication { unauthenticated = false, sasl { iam = true } } (or sasl.scram / tls with certificate_authority_arns).",
  constructFix: {
    MskCluster:
      "Remove unauthenticatedAccess from the MskCluster props; authenticate with the authentication prop (ClientAuthentication.iam(), .scram({ users }) or mutual TLS).",
  },
  controls: ["MSK.6"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const auth = block(cluster.attributes, "client_authentication");
    if (!auth) return fail("no client_authentication block: MSK allows unauthenticated clients");
    if (isUnresolved(auth.unauthenticated))
      return notVerifiable("unauthenticated is an unresolved reference", [String(auth.unauthenticated)]);
    if (bool(auth.unauthenticated) === true) return fail("client_authentication.unauthenticated = true");
    const sasl = block(auth, "sasl");
    const tls = block(auth, "tls");
    const methods = [
      bool(sasl?.iam) === true || isUnresolved(sasl?.iam),
      bool(sasl?.scram) === true || isUnresolved(sasl?.scram),
      tls !== undefined && isSet(tls.certificate_authority_arns),
    ];
    if (!methods.some(Boolean)) return fail("client_authentication enables no method (sasl.iam, sasl.scram or tls)");
    return pass();
  },
});
