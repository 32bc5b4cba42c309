import {
  clustersReferencedBy,
  confluentBindingProblems,
  dataPlaneBindingProblems,
  passwordSourceProblems,
  refusalProblems,
  Stacks,
} from "./assertions";

/** Two MSK clusters in stack `estate`, their data plane in `estate-data`, shaped as cdktf 0.21 synthesizes. */
function estate(
  bindings: { alias?: string; output: "a" | "b" }[],
  topics: Record<string, { cluster: string; provider?: string }>,
): Stacks {
  const remote = "data.terraform_remote_state.cross-stack-reference-input-estate.outputs";
  return {
    estate: {
      resource: {
        aws_msk_cluster: { a_Cluster_1: { cluster_name: "a-prod" }, b_Cluster_2: { cluster_name: "b-prod" } },
      },
      output: {
        "cross-stack-output-aws_msk_clustera_Cluster_1bootstrap_brokers_sasl_iam": {
          value: "${aws_msk_cluster.a_Cluster_1.bootstrap_brokers_sasl_iam}",
        },
        "cross-stack-output-aws_msk_clusterb_Cluster_2bootstrap_brokers_sasl_iam": {
          value: "${aws_msk_cluster.b_Cluster_2.bootstrap_brokers_sasl_iam}",
        },
      },
    },
    "estate-data": {
      data: {
        terraform_remote_state: {
          "cross-stack-reference-input-estate": { config: { path: "/p/terraform.estate.tfstate" } },
        },
      },
      provider: {
        kafka: bindings.map((b) => ({
          ...(b.alias ? { alias: b.alias } : {}),
          bootstrap_servers: `\${split(",", ${remote}.cross-stack-output-aws_msk_cluster${b.output}_Cluster_${b.output === "a" ? 1 : 2}bootstrap_brokers_sasl_iam)}`,
        })),
      },
      resource: {
        kafka_topic: Object.fromEntries(
          Object.entries(topics).map(([name, t]) => [
            name,
            {
              "//": { "kafka-standards": { cluster: t.cluster } },
              name,
              ...(t.provider ? { provider: t.provider } : {}),
            },
          ]),
        ),
      },
    },
  };
}

describe("data-plane binding", () => {
  test("a remote-state bootstrap expression resolves to the cluster whose output it reads", () => {
    const s = estate([{ alias: "a", output: "a" }], {});
    expect(clustersReferencedBy(s, s["estate-data"].provider.kafka[0].bootstrap_servers, "estate-data")).toEqual(
      new Set(["a-prod"]),
    );
  });

  test("passes when each resource uses the alias of its own cluster", () => {
    const s = estate(
      [
        { alias: "a", output: "a" },
        { alias: "b", output: "b" },
      ],
      { t1: { cluster: "a-prod", provider: "kafka.a" }, t2: { cluster: "b-prod", provider: "kafka.b" } },
    );
    expect(dataPlaneBindingProblems(s)).toEqual([]);
  });

  test.each([
    [
      "one unaliased provider bound to the first cluster (today's main)",
      [{ output: "a" as const }],
      { t1: { cluster: "a-prod" }, t2: { cluster: "b-prod" } },
      ["estate-data: a kafka provider without alias", "has provider (none)"],
    ],
    [
      "a resource of cluster b on the alias of cluster a",
      [
        { alias: "a", output: "a" as const },
        { alias: "b", output: "b" as const },
      ],
      { t2: { cluster: "b-prod", provider: "kafka.a" } },
      ["is for b-prod, but kafka.a bootstraps from a-prod"],
    ],
    [
      "an alias that is not declared",
      [{ alias: "a", output: "a" as const }],
      { t1: { cluster: "a-prod", provider: "kafka.z" } },
      ["uses kafka.z, which the stack does not declare"],
    ],
    [
      "two aliases on the same cluster",
      [
        { alias: "a", output: "a" as const },
        { alias: "b", output: "a" as const },
      ],
      { t1: { cluster: "a-prod", provider: "kafka.a" } },
      ["aliases a and b both point at a-prod"],
    ],
  ])("fails on %s", (_, bindings, topics, expected) => {
    const problems = dataPlaneBindingProblems(estate(bindings, topics)).join("\n");
    for (const e of expected) expect(problems).toContain(e);
  });
});

describe("cross-cluster refusals", () => {
  const refused = {
    case: "msk grant",
    threw: true,
    name: "KafkaStandardsError",
    isKafkaStandardsError: true,
    code: "KSE-ACCESS-007",
    message: "[KSE-ACCESS-007] … application of a-prod granted on b-prod …",
    clusters: ["a-prod", "b-prod"],
  };

  test("passes when every case is refused with KSE-ACCESS-007 naming both clusters", () => {
    expect(refusalProblems([refused], 1)).toEqual([]);
  });

  test.each([
    ["accepted", { ...refused, threw: false }, "msk grant: accepted"],
    [
      "a TypeError",
      { ...refused, isKafkaStandardsError: false, name: "TypeError", code: undefined },
      "msk grant: TypeError",
    ],
    ["another code", { ...refused, code: "KSE-ACCESS-005" }, "KSE-ACCESS-005"],
    ["a message naming one cluster", { ...refused, message: "[KSE-ACCESS-007] not on b-prod" }, "does not name a-prod"],
  ])("fails when a case is %s", (_, c, expected) => {
    expect(refusalProblems([c], 1).join("\n")).toContain(expected);
  });

  test("fails when cases are missing", () => {
    expect(refusalProblems([refused], 5)).toEqual(["1 cases ran, expected 5"]);
  });
});

describe("password sources", () => {
  const ephemeral = (version: Record<string, unknown>, extra: Record<string, unknown> = {}): Stacks => ({
    estate: {
      ephemeral: { aws_secretsmanager_random_password: { P: { password_length: 32 } } },
      resource: { aws_secretsmanager_secret_version: { V: version } },
      ...extra,
    },
  });
  const wo =
    '${jsonencode({"username" = "u", "password" = ephemeral.aws_secretsmanager_random_password.P.random_password})}';

  test("passes for an ephemeral password written through secret_string_wo", () => {
    expect(
      passwordSourceProblems(ephemeral({ secret_string_wo: wo, secret_string_wo_version: 1 }), ["estate"]),
    ).toEqual([]);
  });

  test.each([
    [
      "a random password data source",
      ephemeral({ secret_string_wo: wo }, { data: { aws_secretsmanager_random_password: { P: {} } } }),
      "data.aws_secretsmanager_random_password.P",
    ],
    [
      "a secret version data source",
      ephemeral({ secret_string_wo: wo }, { data: { aws_secretsmanager_secret_version: { Admin: {} } } }),
      "data.aws_secretsmanager_secret_version.Admin",
    ],
    ["secret_string", ephemeral({ secret_string: wo }), "sets secret_string"],
    [
      "a password from a data source in secret_string_wo",
      ephemeral({ secret_string_wo: wo.replace("ephemeral.", "data.") }),
      "does not read an ephemeral",
    ],
  ])("fails on %s", (_, stacks, expected) => {
    expect(passwordSourceProblems(stacks, ["estate"]).join("\n")).toContain(expected);
  });
});

describe("Confluent resources bound to their cluster", () => {
  /** Two Confluent clusters (`shop-prod`, `shop-dr-prod`) in stack `estate`, shaped as the library synthesizes them. */
  function confluent(patch: (r: Record<string, Record<string, any>>) => void = () => undefined): Stacks {
    const meta = (cluster: string) => ({ "//": { "kafka-standards": { cluster } } });
    const c = (name: string, attr: string) => `\${confluent_kafka_cluster.${name}.${attr}}`;
    const key = (name: string) => ({
      key: `\${confluent_api_key.${name}.id}`,
      secret: `\${confluent_api_key.${name}.secret}`,
    });
    const resource: Record<string, Record<string, any>> = {
      confluent_kafka_cluster: {
        shop_Cluster: { ...meta("shop-prod"), display_name: "shop-prod" },
        dr_Cluster: { ...meta("shop-dr-prod"), display_name: "shop-dr-prod" },
      },
      confluent_api_key: {
        shop_Manager_ApiKey: {
          ...meta("shop-prod"),
          managed_resource: {
            id: c("shop_Cluster", "id"),
            kind: "Cluster",
            environment: [{ id: "${confluent_environment.E.id}" }],
          },
        },
        dr_Manager_ApiKey: {
          ...meta("shop-dr-prod"),
          managed_resource: { id: c("dr_Cluster", "id"), kind: "Cluster" },
        },
      },
      confluent_kafka_topic: {
        carts: {
          ...meta("shop-prod"),
          topic_name: "shop.carts",
          kafka_cluster: { id: c("shop_Cluster", "id") },
          rest_endpoint: c("shop_Cluster", "rest_endpoint"),
          credentials: key("shop_Manager_ApiKey"),
        },
      },
      confluent_kafka_acl: {
        carts_read: {
          ...meta("shop-prod"),
          kafka_cluster: { id: c("shop_Cluster", "id") },
          rest_endpoint: c("shop_Cluster", "rest_endpoint"),
          credentials: key("shop_Manager_ApiKey"),
        },
      },
      confluent_role_binding: {
        dr_read: {
          ...meta("shop-dr-prod"),
          crn_pattern: `${c("dr_Cluster", "rbac_crn")}/kafka=${c("dr_Cluster", "id")}/topic=shop.carts`,
        },
      },
      confluent_kafka_mirror_topic: {
        mirror_carts: {
          ...meta("shop-dr-prod"),
          kafka_cluster: {
            id: c("dr_Cluster", "id"),
            rest_endpoint: c("dr_Cluster", "rest_endpoint"),
            credentials: key("dr_Manager_ApiKey"),
          },
        },
      },
    };
    patch(resource);
    return { estate: { resource } };
  }

  test("passes when every resource names its own cluster", () => {
    expect(confluentBindingProblems(confluent())).toEqual([]);
  });

  test.each<[string, (r: Record<string, Record<string, any>>) => void, string]>([
    [
      "a topic whose kafka_cluster.id points at the other cluster",
      (r) => (r.confluent_kafka_topic.carts.kafka_cluster.id = "${confluent_kafka_cluster.dr_Cluster.id}"),
      "confluent_kafka_topic.carts is for shop-prod, but kafka_cluster.id references shop-dr-prod",
    ],
    [
      "a topic whose rest_endpoint is the other cluster's",
      (r) => (r.confluent_kafka_topic.carts.rest_endpoint = "${confluent_kafka_cluster.dr_Cluster.rest_endpoint}"),
      "confluent_kafka_topic.carts is for shop-prod, but rest_endpoint references shop-dr-prod",
    ],
    [
      "a topic whose rest_endpoint reads another attribute of its cluster",
      (r) =>
        (r.confluent_kafka_topic.carts.rest_endpoint = "${confluent_kafka_cluster.shop_Cluster.bootstrap_endpoint}"),
      "confluent_kafka_topic.carts: rest_endpoint reads confluent_kafka_cluster.shop_Cluster.bootstrap_endpoint",
    ],
    [
      "a topic signed in with the other cluster's API key",
      (r) => (r.confluent_kafka_topic.carts.credentials.key = "${confluent_api_key.dr_Manager_ApiKey.id}"),
      "confluent_kafka_topic.carts is for shop-prod, but credentials.key is an API key of shop-dr-prod",
    ],
    [
      "an ACL on the other cluster",
      (r) => (r.confluent_kafka_acl.carts_read.kafka_cluster.id = "${confluent_kafka_cluster.dr_Cluster.id}"),
      "confluent_kafka_acl.carts_read is for shop-prod, but kafka_cluster.id references shop-dr-prod",
    ],
    [
      "a role binding whose crn_pattern mixes both clusters",
      (r) =>
        (r.confluent_role_binding.dr_read.crn_pattern =
          "${confluent_kafka_cluster.dr_Cluster.rbac_crn}/kafka=${confluent_kafka_cluster.shop_Cluster.id}/topic=shop.carts"),
      "confluent_role_binding.dr_read is for shop-dr-prod, but crn_pattern references shop-dr-prod and shop-prod",
    ],
    [
      "an API key managing the other cluster",
      (r) => (r.confluent_api_key.dr_Manager_ApiKey.managed_resource.id = "${confluent_kafka_cluster.shop_Cluster.id}"),
      "confluent_api_key.dr_Manager_ApiKey is for shop-dr-prod, but managed_resource.id references shop-prod",
    ],
    [
      "a mirror topic created on the primary",
      (r) =>
        (r.confluent_kafka_mirror_topic.mirror_carts.kafka_cluster.id = "${confluent_kafka_cluster.shop_Cluster.id}"),
      "confluent_kafka_mirror_topic.mirror_carts is for shop-dr-prod, but kafka_cluster.id references shop-prod",
    ],
    [
      "a topic without kafka_cluster",
      (r) => delete r.confluent_kafka_topic.carts.kafka_cluster,
      "confluent_kafka_topic.carts (shop-prod) has no kafka_cluster.id",
    ],
    [
      "a literal cluster id",
      (r) => (r.confluent_kafka_topic.carts.kafka_cluster.id = "lkc-123"),
      "confluent_kafka_topic.carts is for shop-prod, but kafka_cluster.id references lkc-123",
    ],
    [
      "a topic without cluster metadata",
      (r) => delete r.confluent_kafka_topic.carts["//"],
      "confluent_kafka_topic.carts has no cluster in its metadata",
    ],
  ])("reports %s", (_, patch, expected) => {
    expect(confluentBindingProblems(confluent(patch))).toEqual([`estate: ${expected}`]);
  });
});
