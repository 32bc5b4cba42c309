import { App, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { AwsProvider, AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";

const BASE: MskClusterProps = {
  clusterName: "orders",
  tier: "prod",
  vpcId: "vpc-1",
  clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
};

type ProviderSetup = AwsProviderConfig | ((stack: TerraformStack) => void);

/** Two stacks of one app, each with an AWS provider and an MskCluster; synthesized like `cdktf synth`. */
function twoStacks(
  first: ProviderSetup,
  second: ProviderSetup,
  props: [Partial<MskClusterProps>, Partial<MskClusterProps>] = [{}, {}],
): { app: App; a: MskCluster; b: MskCluster } {
  const app = Testing.app();
  const build = (id: string, setup: ProviderSetup, patch: Partial<MskClusterProps>): MskCluster => {
    const stack = new TerraformStack(app, id);
    if (typeof setup === "function") setup(stack);
    else new AwsProvider(stack, "aws", setup);
    return new MskCluster(stack, "orders", { ...BASE, ...patch });
  };
  const a = build("team-a", first, props[0]);
  const b = build("team-b", second, props[1]);
  app.synth();
  return { app, a, b };
}

function warnings(cluster: MskCluster): string[] {
  return cluster.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
}

describe("the same MSK cluster name in two stacks of one app", () => {
  test("same literal Region and no account settings: a synth warning on the second cluster, naming the first", () => {
    const { a, b } = twoStacks({ region: "eu-west-1" }, { region: "eu-west-1" });
    expect(warnings(a)).toEqual([]);
    expect(warnings(b)).toEqual([
      'MSK cluster name "orders-prod" is also used by team-a/orders in stack team-a, and both stacks\' AWS providers ' +
        "target eu-west-1 with the same account settings: MSK cluster names are unique per account and Region, so " +
        "the second apply fails. Give one cluster another clusterName; if the two stacks deploy to different " +
        "accounts, name the account in each AwsProvider (allowedAccountIds, assumeRole or profile).",
    ]);
  });

  test.each<[string, AwsProviderConfig, AwsProviderConfig]>([
    [
      "the same assume-role",
      { region: "eu-west-1", assumeRole: [{ roleArn: "arn:aws:iam::111122223333:role/deploy" }] },
      { region: "eu-west-1", assumeRole: [{ roleArn: "arn:aws:iam::111122223333:role/deploy" }] },
    ],
    ["the same profile", { region: "eu-west-1", profile: "prod" }, { region: "eu-west-1", profile: "prod" }],
    [
      "default tags that differ (they do not move the cluster)",
      { region: "eu-west-1", defaultTags: [{ tags: { team: "a" } }] },
      { region: "eu-west-1", defaultTags: [{ tags: { team: "b" } }] },
    ],
  ])("warns with %s", (_name, first, second) => {
    const { b } = twoStacks(first, second);
    expect(warnings(b)).toEqual([
      expect.stringContaining('MSK cluster name "orders-prod" is also used by team-a/orders'),
    ]);
  });

  type Row = [string, ProviderSetup, ProviderSetup, [Partial<MskClusterProps>, Partial<MskClusterProps>]?];
  // Every row gets its props pair: jest would take a missing fourth argument for a `done` callback.
  const rows = (table: Row[]) => table.map(([n, a, b, p]) => [n, a, b, p ?? [{}, {}]] as const);
  test.each(
    rows([
      ["different Regions", { region: "eu-west-1" }, { region: "eu-central-1" }],
      [
        "different assume-role accounts",
        { region: "eu-west-1", assumeRole: [{ roleArn: "arn:aws:iam::111122223333:role/deploy" }] },
        { region: "eu-west-1", assumeRole: [{ roleArn: "arn:aws:iam::444455556666:role/deploy" }] },
      ],
      [
        "assume-role in one stack only",
        { region: "eu-west-1" },
        { region: "eu-west-1", assumeRole: [{ roleArn: "arn:aws:iam::444455556666:role/deploy" }] },
      ],
      [
        "different allowed accounts",
        { region: "eu-west-1", allowedAccountIds: ["111122223333"] },
        { region: "eu-west-1", allowedAccountIds: ["444455556666"] },
      ],
      ["different profiles", { region: "eu-west-1", profile: "team-a" }, { region: "eu-west-1", profile: "team-b" }],
      ["no Region in either provider (taken from the environment)", {}, {}],
      [
        "a Region that is a variable",
        (stack: TerraformStack) =>
          new AwsProvider(stack, "aws", {
            region: new TerraformVariable(stack, "region", { type: "string" }).stringValue,
          }),
        { region: "eu-west-1" },
      ],
      [
        "a stack whose only AWS provider is aliased",
        (stack: TerraformStack) => new AwsProvider(stack, "aws", { region: "eu-west-1", alias: "secondary" }),
        { region: "eu-west-1" },
      ],
      [
        "different tiers (different AWS names)",
        { region: "eu-west-1" },
        { region: "eu-west-1" },
        [{}, { tier: "staging" }],
      ],
      ["different cluster names", { region: "eu-west-1" }, { region: "eu-west-1" }, [{}, { clusterName: "orders-eu" }]],
    ]),
  )("no warning with %s", (_name, first, second, props) => {
    const { a, b } = twoStacks(first, second, props);
    expect([...warnings(a), ...warnings(b)]).toEqual([]);
  });

  test("a cluster created through an explicitly given provider is judged by that provider", () => {
    const { b } = twoStacks({ region: "eu-west-1" }, (stack) => {
      new AwsProvider(stack, "aws", { region: "eu-west-1" });
    });
    expect(warnings(b)).toHaveLength(1);
    const app = Testing.app();
    const s1 = new TerraformStack(app, "one");
    new AwsProvider(s1, "aws", { region: "eu-west-1" });
    new MskCluster(s1, "orders", BASE);
    const s2 = new TerraformStack(app, "two");
    new AwsProvider(s2, "aws", { region: "eu-west-1" });
    const us = new AwsProvider(s2, "us", { region: "us-east-1", alias: "us" });
    const moved = new MskCluster(s2, "orders", BASE);
    moved.cluster.provider = us;
    app.synth();
    expect(warnings(moved)).toEqual([]);
  });

  test("a warning, not an error: the app still synthesizes, once per synth", () => {
    const { app, b } = twoStacks({ region: "eu-west-1" }, { region: "eu-west-1" });
    app.synth();
    expect(warnings(b)).toHaveLength(1);
  });
});
