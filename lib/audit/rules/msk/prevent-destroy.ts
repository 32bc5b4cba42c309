import { defineRule } from "../../rule";
import { requirePreventDestroyInProd } from "../shared/lifecycle";

/** Prod clusters carry `lifecycle.prevent_destroy` (tier policy `preventDestroy`). */
export const mskPreventDestroy = defineRule({
  id: "KS-MSK-015",
  area: "MSK",
  severity: "error",
  title: "Prod MSK clusters are protected from destroy",
  explanation:
    "Changing an immutable argument (subnets, KRaft mode, some encryption settings) makes Terraform replace the cluster, deleting every topic and record. prevent_destroy turns that plan into an error.",
  fix: "Set lifecycle { prevent_destroy = true } on prod clusters; record metadata.retire to decommission one.",
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  tierDependent: true,
  evaluate: (cluster, ctx) => requirePreventDestroyInProd(cluster, ctx, "MSK cluster"),
});
