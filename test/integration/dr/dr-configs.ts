/**
 * The MirrorMaker 2 connector configurations dr.sh runs, exactly as the library synthesizes them:
 *
 * - forward (primary → standby): the `orders-prod-dr` pair of the msk-dr example (synthesized by
 *   bin/synth-examples.ts into --synth);
 * - reverse (standby → primary, for failback): the pair the runbook tells on-call to declare, an
 *   MskDrPair with the clusters swapped and the example's MirrorMaker 2 options, synthesized here.
 *
 * Each configuration goes through the Connect harness's translation (connectors-from-synth.ts: MSK IAM
 * client settings → PLAINTEXT, Terraform expressions → placeholders, bootstrap servers → local); the
 * source cluster's bootstrap then points at the flow's local source cluster. Every changed key is
 * listed in the output (translations), for the report.
 *
 *   ts-node dr-configs.ts --synth DIR --primary B1 --standby B2 --out DIR
 */
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { MskCluster } from "../../../lib/msk/msk-cluster";
import { KafkaPrincipal } from "../../../lib/access/kafka-principal";
import { ConnectPlugin } from "../../../lib/connect/connect-plugin";
import { DrEngine } from "../../../patterns/dr-engine";
import { MskDrPair } from "../../../patterns/msk-dr-pair";
import { Translation, connectorsFromSynth, translate } from "../connect/connectors-from-synth";

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`--${name} is required`);
  return process.argv[i + 1];
}

/** The reverse pair of the example's orders-prod-dr: the standby (eu-west-1) becomes the source. */
function synthReverse(outdir: string): void {
  const app = new App({ outdir, skipBackendValidation: true });
  const site = (id: string, region: string): TerraformStack => {
    const s = new TerraformStack(app, id);
    new AwsProvider(s, "aws", { region });
    return s;
  };
  const west = site("reverse-standby-site", "eu-west-1");
  const central = site("reverse-primary-site", "eu-central-1");
  const cluster = (s: TerraformStack, name: string): MskCluster =>
    new MskCluster(s, name, {
      clusterName: name,
      tier: "prod",
      vpcId: new TerraformVariable(s, "vpc_id", { type: "string" }).stringValue,
      clientSubnetIds: new TerraformVariable(s, "private_subnet_ids", { type: "list(string)" }).listValue,
    });
  const from = cluster(west, "orders-dr");
  const to = cluster(central, "orders");
  const created = from.addTopic("orders.created", { partitions: 6 });
  created.grantConsume(from.addApplication("fulfilment", { principal: KafkaPrincipal.iamRole("fulfilment-task") }), {
    group: "fulfilment",
  });
  new MskDrPair(central, "OrdersFailback", {
    primary: from,
    standby: to,
    topics: [created],
    objectives: { rpoSeconds: 30, rtoMinutes: 20 },
    sites: { rttMs: 25 },
    engine: DrEngine.mirrorMaker2({
      plugin: ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "plugins/mirrormaker2-empty.zip" }),
      vpcId: "vpc-0a",
      subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
      primaryCidr: "10.2.0.0/16",
    }),
  });
  app.synth();
}

function main(): void {
  const synth = arg("synth");
  const out = arg("out");
  const bootstrap = { primary: arg("primary"), standby: arg("standby") };
  fs.mkdirSync(out, { recursive: true });
  const reverseDir = path.join(out, "reverse-synth");
  synthReverse(reverseDir);
  const flows = [
    { flow: "forward", dir: synth, prefix: "orders-prod-dr-", source: bootstrap.primary, target: bootstrap.standby },
    {
      flow: "reverse",
      dir: reverseDir,
      prefix: "orders-dr-prod-dr-",
      source: bootstrap.standby,
      target: bootstrap.primary,
    },
  ];
  const summary: Record<string, { name: string; translations: Translation[] }[]> = {};
  for (const f of flows) {
    const found = connectorsFromSynth(f.dir).filter((c) => c.name.startsWith(f.prefix));
    if (found.length !== 3)
      throw new Error(`${f.flow}: expected 3 MirrorMaker 2 connectors ${f.prefix}*, found ${found.length}`);
    summary[f.flow] = [];
    for (const c of found) {
      const t = translate(c, f.target);
      if (t.problems.length > 0) throw new Error(`${c.name}: ${t.problems.join("; ")}`);
      const config = { ...t.config, "source.cluster.bootstrap.servers": f.source, name: c.name };
      const translations = t.translations.map((x) =>
        x.key === "source.cluster.bootstrap.servers"
          ? { ...x, to: f.source, why: "bootstrap servers: the flow's local source cluster" }
          : x,
      );
      const kind = c.connectorClass.replace(/^.*\.Mirror(\w+)Connector$/, "$1").toLowerCase();
      fs.writeFileSync(path.join(out, `${f.flow}-${kind}.json`), JSON.stringify(config, null, 2));
      summary[f.flow].push({ name: c.name, translations });
    }
  }
  fs.writeFileSync(path.join(out, "translations.json"), JSON.stringify(summary, null, 2));
  process.stdout.write(`connector configs written to ${out}\n`);
}

main();
