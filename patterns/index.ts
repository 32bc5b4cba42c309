// Public entry point of cdktf-kafka-standards/patterns: compositions of the library's constructs for the use cases.
export * from "./confluent-dr-pair";
export * from "./failover-runbook";
export * from "./db2-to-snowflake-pipeline";
export * from "./mq-migration";
