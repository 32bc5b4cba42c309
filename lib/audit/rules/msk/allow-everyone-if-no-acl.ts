import { baselineEqualsRule } from "../shared/configuration";

/** Broker baseline: `allow.everyone.if.no.acl.found=false` in every MSK configuration. */
export const mskAllowEveryoneIfNoAcl = baselineEqualsRule({
  id: "KS-MSK-023",
  key: "allow.everyone.if.no.acl.found",
  title: "MSK configuration denies access to resources without ACLs",
  explanation:
    "With allow.everyone.if.no.acl.found = true (the MSK default) any authenticated SCRAM or mTLS principal can read and write every topic that has no ACL. Set it false once the ACLs exist, or clients are locked out.",
});
