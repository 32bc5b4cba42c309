import { UNPROTECTED_COMPATIBILITIES } from "../../../standards/connect";
import { defineRule, fail, notApplicable, pass } from "../../rule";
import { isUnresolved, show, str } from "../../values";

/**
 * Every schema-registry subject has a compatibility mode that protects its consumers: a
 * `confluent_subject_config` with a level other than NONE for each `confluent_schema`'s subject, and
 * Glue schemas other than NONE or DISABLED.
 */
export const subjectCompatibility = defineRule({
  id: "KS-SCHEMA-001",
  area: "SCHEMA",
  severity: "warning",
  title: "Schema registry subjects have a compatibility mode",
  explanation:
    "Without a compatibility mode on the subject, a producer or source connector can register a schema its consumers cannot read (a dropped field, a changed type): the sink fails, or dead-letters every record, after the change is live. Change streams need BACKWARD so consumers on the new schema still read every retained record.",
  fix: 'Declare a confluent_subject_config with compatibility_level = "BACKWARD" for each subject (Confluent), or set compatibility = "BACKWARD" on the aws_glue_schema (AWS).',
  controls: [],
  resourceTypes: ["confluent_subject_config", "confluent_schema", "aws_glue_schema"],
  evaluate(resource, ctx) {
    const a = resource.attributes;
    if (resource.type === "aws_glue_schema") {
      const c = a.compatibility;
      if (isUnresolved(c)) return notApplicable("compatibility is an unresolved reference");
      if (typeof c === "string" && !UNPROTECTED_COMPATIBILITIES.includes(c.toUpperCase())) return pass();
      return fail(`compatibility is ${show(c)}: schema changes are not checked`);
    }
    if (resource.type === "confluent_subject_config") {
      const level = a.compatibility_level;
      if (isUnresolved(level)) return notApplicable("compatibility_level is an unresolved reference");
      if (level === undefined)
        return fail("compatibility_level is not set: the subject follows the registry's global default");
      if (typeof level === "string" && UNPROTECTED_COMPATIBILITIES.includes(level.toUpperCase())) {
        return fail(`compatibility_level is ${show(level)}: schema changes are not checked`);
      }
      return pass();
    }
    const subject = str(a.subject_name);
    if (subject === undefined || isUnresolved(subject)) return notApplicable("subject_name is not a literal");
    const configured = ctx.doc
      .ofType("confluent_subject_config")
      .some((c) => str(c.attributes.subject_name) === subject && c.attributes.compatibility_level !== undefined);
    if (configured) return pass();
    return fail(`no confluent_subject_config with a compatibility_level for subject ${show(subject)}`);
  },
});
