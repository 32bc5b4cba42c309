// Public entry point of cdktf-kafka-standards/patterns: compositions of the library's constructs for the use cases.
export * from "./confluent-dr-pair";
export * from "./failover-runbook";
export * from "./db2-to-snowflake-pipeline";
export * from "./mq-migration";
export * from "./dr-pair";
export * from "./dr-engine";
export * from "./msk-dr-pair";
export * from "./msk-dr-runbook";
