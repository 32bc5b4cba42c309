import { describeRule, r } from "../helpers";

const mongey = (attrs: Record<string, unknown>) => [
  r("kafka_acl.a", {
    resource_name: "orders.created",
    resource_type: "Topic",
    acl_principal: "User:orders-service",
    acl_host: "*",
    acl_operation: "Write",
    acl_permission_type: "Allow",
    ...attrs,
  }),
];
const confluent = (attrs: Record<string, unknown>) => [
  r("confluent_kafka_acl.a", {
    resource_type: "TOPIC",
    resource_name: "orders.created",
    pattern_type: "LITERAL",
    principal: "User:sa-123",
    host: "*",
    operation: "READ",
    permission: "ALLOW",
    ...attrs,
  }),
];

describeRule("KS-ACL-001", [
  { name: "named principal", resources: mongey({}), expect: "compliant" },
  {
    name: "DENY for everyone",
    resources: mongey({ acl_principal: "User:*", acl_permission_type: "Deny" }),
    expect: "not-applicable",
  },
  {
    name: "ALLOW User:* fails (Mongey)",
    resources: mongey({ acl_principal: "User:*" }),
    expect: "non-compliant",
    message: 'ALLOW Topic "orders.created" for principal User:*',
  },
  {
    name: "ALLOW User:* fails (Confluent)",
    resources: confluent({ principal: "User:*" }),
    expect: "non-compliant",
    message: 'ALLOW TOPIC "orders.created" for principal User:*',
  },
]);

describeRule("KS-ACL-002", [
  { name: "named topic", resources: confluent({}), expect: "compliant" },
  {
    name: "domain prefix",
    resources: mongey({ resource_name: "orders.", resource_pattern_type_filter: "Prefixed" }),
    expect: "compliant",
  },
  {
    name: "* as a literal prefix is not a wildcard",
    resources: mongey({ resource_name: "*", resource_pattern_type_filter: "Prefixed" }),
    expect: "compliant",
  },
  { name: "DENY on *", resources: confluent({ resource_name: "*", permission: "DENY" }), expect: "not-applicable" },
  {
    name: "ALLOW on * fails (Confluent)",
    resources: confluent({ resource_name: "*" }),
    expect: "non-compliant",
    message: 'ALLOW on every TOPIC (resource_name "*") for User:sa-123',
  },
  {
    name: "ALLOW on * fails (Mongey, default Literal)",
    resources: mongey({ resource_name: "*", resource_type: "Group" }),
    expect: "non-compliant",
    message: 'ALLOW on every Group (resource_name "*") for User:orders-service',
  },
]);
