// Public entry point of cdktf-kafka-standards. Inside the library, import from defining files, never from here.
export * from "./errors";
export * from "./standards/tiers";
export * from "./standards/kafka-versions";
export * from "./standards/broker-types";
export * from "./standards/broker-baseline";
export * from "./standards/alarm-thresholds";
export * from "./standards/naming";
export * from "./standards/topic-classes";
export * from "./standards/client-profiles";
export * from "./msk/index";
export * from "./standards/confluent";
export * from "./confluent/index";
