export * from "./client-authentication";
export * from "./msk-cluster-props";
export * from "./msk-cluster";
export * from "./cluster-key";
export * from "./broker-security-group";
export * from "./broker-configuration";
export * from "./scram-users";
export * from "./storage-autoscaling";
export { LOG_RETENTION_DAYS } from "./resolve-props";
