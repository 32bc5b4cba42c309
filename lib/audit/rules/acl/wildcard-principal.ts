import { defineRule, fail, notApplicable, pass } from "../../rule";
import { ACL_TYPES, aclView } from "../shared/acls";

/** No ALLOW ACL for every principal (`User:*`). */
export const aclWildcardPrincipal = defineRule({
  id: "KS-ACL-001",
  area: "ACL",
  severity: "error",
  title: "ACLs do not allow every principal (User:*)",
  explanation:
    "An ALLOW for User:* grants the operation to every authenticated client, including ones created later for other teams, and hides who actually needs access.",
  fix: "Name the principal (User:<service account or SCRAM user>) in each ALLOW ACL. DENY ACLs for User:* are fine.",
  controls: [],
  resourceTypes: ACL_TYPES,
  evaluate(acl) {
    const v = aclView(acl);
    if (!v.allow) return notApplicable("not an ALLOW ACL");
    if (v.principal === "User:*")
      return fail(`ALLOW ${v.resourceType ?? "?"} ${JSON.stringify(v.resourceName)} for principal User:*`);
    return pass();
  },
});
