/**
 * Tags inherited from the AWS provider's `default_tags` count for the tag rules and the tier, in
 * cdktf JSON (`provider.aws[].default_tags[].tags`, per alias) and in plans
 * (`configuration.provider_config`).
 */
import { auditDocument } from "../../lib/audit/engine";
import { loadDocument } from "../../lib/audit/loaders/load";
import { tierResolver } from "../../lib/audit/tier";
import { secureCluster } from "./fixtures";
import { planDoc, r, tfDoc } from "./helpers";

const untagged = secureCluster({ tags: undefined });

function withProviders(doc: Record<string, unknown>, providers: Record<string, unknown>[]): Record<string, unknown> {
  return { ...doc, provider: { aws: providers } };
}

describe("cdktf JSON: provider default_tags", () => {
  const base = tfDoc([
    r("aws_msk_cluster.main", untagged),
    r("aws_msk_cluster.west", { ...untagged, cluster_name: "west", provider: "aws.west" }),
  ]);
  const doc = withProviders(base, [
    { region: "eu-west-1", default_tags: [{ tags: { Owner: "team-orders", Environment: "prod" } }] },
    { alias: "west", region: "us-west-2", default_tags: [{ tags: { Environment: "dev" } }] },
  ]);

  test("the loader attaches the default tags of the provider configuration a resource uses", () => {
    const loaded = loadDocument(doc, "d");
    expect(loaded.get("aws_msk_cluster.main")?.defaultTags).toEqual({ Owner: "team-orders", Environment: "prod" });
    expect(loaded.get("aws_msk_cluster.west")?.defaultTags).toEqual({ Environment: "dev" });
  });

  test("KS-SOX-003 passes with Owner from default_tags and fails where the provider has none", () => {
    const report = auditDocument(doc, { compliance: ["sox"], today: "2026-01-15" });
    const owner = report.findings.filter((f) => f.rule === "KS-SOX-003").map((f) => f.resource);
    expect(owner).toEqual(["aws_msk_cluster.west"]);
  });

  test("the tier comes from default_tags: prod protections apply to main, not to west", () => {
    const loaded = loadDocument(doc, "d");
    const tierOf = tierResolver(undefined);
    expect([tierOf(loaded.get("aws_msk_cluster.main")!), tierOf(loaded.get("aws_msk_cluster.west")!)]).toEqual([
      "prod",
      "dev",
    ]);
  });

  test("a resource's own tags win over the provider's", () => {
    const own = withProviders(
      tfDoc([r("aws_msk_cluster.main", secureCluster({ tags: { Owner: "own", Environment: "staging" } }))]),
      [{ default_tags: [{ tags: { Owner: "default", Environment: "prod" } }] }],
    );
    const loaded = loadDocument(own, "d");
    expect(tierResolver(undefined)(loaded.get("aws_msk_cluster.main")!)).toBe("staging");
  });

  test("non-AWS resources get no AWS default tags", () => {
    const loaded = loadDocument(
      withProviders(tfDoc([r("kafka_topic.t", { name: "orders.created" })]), [
        { default_tags: [{ tags: { Owner: "x" } }] },
      ]),
      "d",
    );
    expect(loaded.get("kafka_topic.t")?.defaultTags).toBeUndefined();
  });
});

describe("plans: provider_config default_tags", () => {
  const plan = {
    ...planDoc([r("aws_msk_cluster.main", untagged), r("aws_msk_cluster.west", { ...untagged, cluster_name: "west" })]),
    configuration: {
      provider_config: {
        aws: {
          name: "aws",
          full_name: "registry.terraform.io/hashicorp/aws",
          expressions: { default_tags: [{ tags: { constant_value: { Owner: "team-orders", Environment: "prod" } } }] },
        },
        "aws.west": { name: "aws", alias: "west", expressions: {} },
      },
      root_module: {
        resources: [
          {
            address: "aws_msk_cluster.main",
            mode: "managed",
            type: "aws_msk_cluster",
            name: "main",
            provider_config_key: "aws",
          },
          {
            address: "aws_msk_cluster.west",
            mode: "managed",
            type: "aws_msk_cluster",
            name: "west",
            provider_config_key: "aws.west",
          },
        ],
      },
    },
  };

  test("each resource gets the default tags of its provider configuration", () => {
    const loaded = loadDocument(plan, "p");
    expect(loaded.get("aws_msk_cluster.main")?.defaultTags).toEqual({ Owner: "team-orders", Environment: "prod" });
    expect(loaded.get("aws_msk_cluster.west")?.defaultTags).toBeUndefined();
    const report = auditDocument(plan, { compliance: ["sox"], today: "2026-01-15" });
    expect(report.findings.filter((f) => f.rule === "KS-SOX-003").map((f) => f.resource)).toEqual([
      "aws_msk_cluster.west",
    ]);
  });

  test("a module's resources inherit the root provider's default tags", () => {
    const moduleKey = {
      ...plan,
      configuration: {
        ...plan.configuration,
        root_module: {
          resources: [
            { ...plan.configuration.root_module.resources[0], provider_config_key: "module.msk:aws" },
            plan.configuration.root_module.resources[1],
          ],
        },
      },
    };
    expect(loadDocument(moduleKey, "p").get("aws_msk_cluster.main")?.defaultTags).toEqual({
      Owner: "team-orders",
      Environment: "prod",
    });
  });
});
