import { App, TerraformStack } from "cdktf";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { KafkaStandardsError } from "../../lib/errors";
import { ConnectorSecret } from "../../lib/connect/connector-secret";
import { ConnectPlugin } from "../../lib/connect/connect-plugin";
import { ConverterSettings, RenderContext } from "../../lib/connect/connector-definition";
import { MskConnectOptions } from "../../lib/connect/kafka-connector-props";
import { SynthDoc, newStack, synth } from "../helpers";
import { newConfluentStack } from "../confluent/helpers";

export const SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/sales/pipeline-AbCdEf";

/** A Secrets Manager secret reference. */
export function sm(key: string): ConnectorSecret {
  return ConnectorSecret.secretsManager({ secretArn: SECRET_ARN, secretName: "prod/sales/pipeline" }, key);
}

/** A prod MSK cluster (IAM) in a fresh stack. */
export function mskFixture(tier: "prod" | "dev" = "prod"): { stack: TerraformStack; cluster: MskCluster } {
  const { stack } = newStack();
  const cluster = new MskCluster(stack, "sales", {
    clusterName: "sales",
    tier,
    vpcId: "vpc-0abc",
    clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
  });
  return { stack, cluster };
}

/**
 * Synthesizes `stack` after resolving the app's cross-stack references as `app.synth()` does
 * (remote-state data sources in the consuming stack, outputs in the producing one).
 */
export function synthResolved(stack: TerraformStack): SynthDoc {
  for (const s of App.of(stack).node.findAll().filter(TerraformStack.isStack)) s.prepareStack();
  return synth(stack);
}

/** A prod Confluent cluster (Standard) in a fresh stack. */
export function confluentFixture(): { stack: TerraformStack; cluster: ConfluentCluster } {
  const { stack } = newConfluentStack();
  const cluster = new ConfluentCluster(stack, "sales", {
    clusterName: "sales",
    tier: "prod",
    cloud: "AWS",
    region: "eu-west-1",
  });
  return { stack, cluster };
}

/** MSK Connect options with an S3 plugin. */
export function mskOptions(extra: Partial<MskConnectOptions> = {}): MskConnectOptions {
  return {
    plugin: ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "connector.zip" }),
    vpcId: "vpc-0abc",
    subnetIds: ["subnet-a", "subnet-b"],
    ...extra,
  };
}

export const JSON_CONVERTERS: ConverterSettings = {
  format: "json",
  managedDataFormat: "JSON",
  converterConfig: { "key.converter": "org.apache.kafka.connect.json.JsonConverter" },
};

/** A render context. */
export function renderContext(backend: "msk" | "confluent", extra: Partial<RenderContext> = {}): RenderContext {
  return {
    backend,
    connectorName: "sales-connector",
    path: "test/connector",
    clusterName: "sales-prod",
    bootstrapServers: backend === "msk" ? "b-1:9098" : undefined,
    converters: JSON_CONVERTERS,
    ...extra,
  };
}

/** Runs `fn`, expects a KafkaStandardsError with `code` whose message contains every fragment. */
export function expectError(fn: () => unknown, code: string, ...fragments: string[]): KafkaStandardsError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KafkaStandardsError);
  const k = error as KafkaStandardsError;
  expect(k.code).toBe(code);
  expect(k.message).toContain(`[${code}]`);
  for (const f of fragments) expect(k.message).toContain(f);
  return k;
}
