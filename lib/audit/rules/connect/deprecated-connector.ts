import { defineRule, fail, notApplicable, pass } from "../../rule";
import { visibleConfig } from "../shared/connectors";
import { findModernizations } from "../../../connect/connector-modernization";

/**
 * A connector runs a deprecated class or deprecated keys that the modernization catalog
 * (lib/standards/connector-modernization.ts) maps to a standard replacement.
 */
export const deprecatedConnector = defineRule({
  id: "KS-CONNECT-001",
  area: "CONNECT",
  severity: "warning",
  title: "Connectors use no deprecated class or key of the modernization catalog",
  explanation:
    "Deprecated connector classes and keys stop working at the next plugin or Kafka upgrade: MirrorMaker 1 is gone from Kafka 4.0, Debezium 2 ignores database.server.name and database.history.*, the JDBC source's table lists moved to table.include.list, Snowpipe ingestion is superseded by Snowpipe Streaming. Each has a standard replacement.",
  fix: "Run `kafka-standards connectors <export.json|cdktf.out> --rewrite <dir>` for the mechanical rewrites, and follow the listed manual steps for the others.",
  controls: [],
  resourceTypes: ["aws_mskconnect_connector", "confluent_connector"],
  evaluate(connector) {
    const config = visibleConfig(connector);
    const cls = config["connector.class"];
    if (typeof cls !== "string") return notApplicable("no connector.class in the visible configuration");
    const found = findModernizations(cls, config).filter((f) => f.status === "deprecated");
    if (found.length === 0) return pass();
    return fail(
      found
        .map(
          (f) =>
            `${f.entry.id}: ${f.keys.length > 0 ? f.keys.join(", ") : cls} → ${f.entry.replacement} (${f.entry.kind === "mechanical" ? "mechanical rewrite" : "needs a person"})`,
        )
        .join("; "),
    );
  },
});
