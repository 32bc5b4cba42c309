import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { preventDestroy } from "../../values";
import { LIFECYCLE_NOT_IN_PLANS } from "../shared/lifecycle";
import { TOPIC_TYPES, topicView } from "../shared/topics";

/** Audit-class topics carry `prevent_destroy` in every tier. */
export const soxAuditTopicProtected = defineRule({
  id: "KS-SOX-002",
  area: "SOX",
  pack: "sox",
  severity: "error",
  title: "Audit topics are protected from deletion",
  explanation:
    "Destroying an audit topic destroys the records; SOX §802 makes their destruction an offence. Retiring one is allowed only after its archive is recorded.",
  fix: "Set lifecycle { prevent_destroy = true } on audit-class topics; record retire and archive in metadata to decommission one.",
  controls: ["SOX-802"],
  compliance: ["sox"],
  resourceTypes: TOPIC_TYPES,
  evaluate(topic, ctx) {
    if (topicView(topic).className !== "audit") return notApplicable("not an audit-class topic");
    if (!ctx.doc.lifecycleKnown) return notVerifiable(LIFECYCLE_NOT_IN_PLANS);
    if (preventDestroy(topic.attributes)) return pass();
    if (topic.metadata?.retire && topic.metadata.archive) return pass();
    return fail("audit topic without lifecycle.prevent_destroy = true");
  },
});
