import { defineRule, fail, notApplicable, pass } from "../../rule";
import { ACL_TYPES, aclView } from "../shared/acls";

/** No ALLOW ACL on every resource name (`*` with a literal pattern). */
export const aclWildcardResource = defineRule({
  id: "KS-ACL-002",
  area: "ACL",
  severity: "error",
  title: "ACLs do not allow every topic or group (resource name *)",
  explanation:
    "A literal * resource name matches every topic (or group) now and in future, so one principal's grant silently widens as other teams add topics.",
  fix: 'Grant on the topic name, or on the owning domain\'s prefix with pattern type PREFIXED (e.g. "orders.").',
  controls: [],
  resourceTypes: ACL_TYPES,
  evaluate(acl) {
    const v = aclView(acl);
    if (!v.allow) return notApplicable("not an ALLOW ACL");
    // With PREFIXED, "*" is a literal prefix, not a wildcard (Mongey provider notes).
    if (v.resourceName === "*" && v.patternType !== "PREFIXED") {
      return fail(`ALLOW on every ${v.resourceType ?? "resource"} (resource_name "*") for ${v.principal ?? "?"}`);
    }
    return pass();
  },
});
