import { describeRule, r } from "../helpers";

const subjectConfig = (attrs: Record<string, unknown>, name = "s") =>
  r(`confluent_subject_config.${name}`, { subject_name: "sales.orders-value", ...attrs });
const schema = (subject: string) => r("confluent_schema.v", { subject_name: subject, format: "AVRO", schema: "{}" });
const glue = (compatibility: unknown) =>
  r("aws_glue_schema.g", { schema_name: "sales.orders", data_format: "AVRO", compatibility, schema_definition: "{}" });

describeRule("KS-SCHEMA-001", [
  {
    name: "subject config BACKWARD",
    resources: [subjectConfig({ compatibility_level: "BACKWARD" })],
    expect: "compliant",
  },
  {
    name: "a schema whose subject has a configured compatibility",
    resources: [schema("sales.orders-value"), subjectConfig({ compatibility_level: "FULL" })],
    expect: "compliant",
  },
  { name: "Glue schema BACKWARD", resources: [glue("BACKWARD")], expect: "compliant" },
  { name: "Glue compatibility from a reference", resources: [glue("${var.compat}")], expect: "not-applicable" },
  {
    name: "schema subject from a reference",
    resources: [schema("${confluent_kafka_topic.t.topic_name}-value")],
    expect: "not-applicable",
  },
  {
    name: "subject config without a level",
    resources: [subjectConfig({})],
    expect: "non-compliant",
    message: "compatibility_level is not set: the subject follows the registry's global default",
  },
  {
    name: "subject config NONE",
    resources: [subjectConfig({ compatibility_level: "NONE" })],
    expect: "non-compliant",
    message: 'compatibility_level is "NONE": schema changes are not checked',
  },
  {
    name: "a schema without a subject config",
    resources: [schema("sales.orders-value")],
    expect: "non-compliant",
    message: 'no confluent_subject_config with a compatibility_level for subject "sales.orders-value"',
  },
  {
    name: "Glue schema DISABLED",
    resources: [glue("DISABLED")],
    expect: "non-compliant",
    message: 'compatibility is "DISABLED": schema changes are not checked',
  },
]);
