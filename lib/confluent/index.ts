export * from "./cluster-type";
export * from "./networking";
export * from "./confluent-cluster-props";
export * from "./confluent-cluster";
export * from "./confluent-application";
export * from "./cluster-service-account";
export * from "./private-network";
