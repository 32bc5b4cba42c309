/**
 * The bad-input corpus: invalid inputs across every public entry point of the library, as a
 * JavaScript caller (or a careless TypeScript one with `as any`) can write them. Each must fail with a
 * KafkaStandardsError whose code is listed, whose message names the prop and renders the value
 * received, and must leave the construct tree exactly as it was (so the call can be retried with the
 * same id).
 */
import { App, TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { ClusterKey } from "../../lib/msk/cluster-key";
import { BrokerSecurityGroup } from "../../lib/msk/broker-security-group";
import { StorageAutoscaling } from "../../lib/msk/storage-autoscaling";
import { ScramUsers } from "../../lib/msk/scram-users";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterProps } from "../../lib/confluent/confluent-cluster-props";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { KafkaApplication, checkApplicationOptions } from "../../lib/access/kafka-application";
import { AlarmEscalation, AlarmEscalationProps } from "../../lib/monitoring/alarm-escalation";
import { KafkaStandardsAudit } from "../../lib/audit/cdktf/aspect";
import { KafkaStandardsSuppressions } from "../../lib/audit/cdktf/suppressions";
import { BrokerInstanceType } from "../../lib/standards/broker-types";
import { KafkaVersion } from "../../lib/standards/kafka-versions";
import { ERROR_CODES, KafkaStandardsError, renderValue } from "../../lib/errors";

const any = (v: unknown): any => v;

const SUBNETS = ["subnet-a", "subnet-b", "subnet-c"];
const MSK: MskClusterProps = { clusterName: "orders", tier: "prod", vpcId: "vpc-0a1b2c3d", clientSubnetIds: SUBNETS };
const CFL: ConfluentClusterProps = { clusterName: "orders", tier: "prod", cloud: "AWS", region: "eu-central-1" };
const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const PCA_ARN = "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/11111111-2222-3333-4444-555555555555";

/** What a case acts on. */
interface Fixture {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly msk: () => MskCluster;
  readonly confluent: () => ConfluentCluster;
}

function fixture(): Fixture {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new ConfluentProvider(stack, "confluent", {});
  let msk: MskCluster | undefined;
  let confluent: ConfluentCluster | undefined;
  return {
    app,
    stack,
    msk: () => (msk ??= new MskCluster(stack, "existing-msk", { ...MSK, clusterName: "existing" })),
    confluent: () => (confluent ??= new ConfluentCluster(stack, "existing-cfl", { ...CFL, clusterName: "existing" })),
  };
}

/** A case: what it does, and the code, prop and value its error must carry. */
type Case = readonly [name: string, code: string, prop: string, value: unknown, act: (f: Fixture) => unknown];

const mskProps = (props: Record<string, unknown>): MskClusterProps => any({ ...MSK, ...props });
const withoutMsk = (key: keyof MskClusterProps): MskClusterProps =>
  any(Object.fromEntries(Object.entries(MSK).filter(([k]) => k !== key)));
const cflProps = (props: Record<string, unknown>): ConfluentClusterProps => any({ ...CFL, ...props });
const withoutCfl = (key: keyof ConfluentClusterProps): ConfluentClusterProps =>
  any(Object.fromEntries(Object.entries(CFL).filter(([k]) => k !== key)));
const msk =
  (props: MskClusterProps) =>
  (f: Fixture): unknown =>
    new MskCluster(f.stack, "orders", props);
const cfl =
  (props: ConfluentClusterProps) =>
  (f: Fixture): unknown =>
    new ConfluentCluster(f.stack, "orders", props);
const dedicated = (networking: unknown): ConfluentClusterProps =>
  cflProps({ clusterType: ConfluentClusterType.dedicated({ cku: 2 }), networking });

/** Prepares the fixture's MSK cluster, then returns the failing call on it. */
const onMsk =
  (call: (c: MskCluster) => unknown) =>
  (f: Fixture): (() => unknown) => {
    const c = f.msk();
    return () => call(c);
  };

const ESCALATION: AlarmEscalationProps = { name: "team", kmsKeyArn: KEY_ARN, tier: "prod", tags: {} };
const LONG = "x".repeat(257);

const MSK_CASES: Case[] = [
  // Missing and mistyped props.
  ["no props at all", "KSE-CORE-004", "props", undefined, (f) => new MskCluster(f.stack, "orders", any(undefined))],
  ["props null", "KSE-CORE-004", "props", null, (f) => new MskCluster(f.stack, "orders", any(null))],
  ["props a string", "KSE-CORE-004", "props", "orders", (f) => new MskCluster(f.stack, "orders", any("orders"))],
  ["props a list", "KSE-CORE-004", "props", [MSK], (f) => new MskCluster(f.stack, "orders", any([MSK]))],
  ["no clusterName", "KSE-MSK-011", "clusterName", undefined, msk(withoutMsk("clusterName"))],
  ["clusterName empty", "KSE-MSK-011", "clusterName", "", msk(mskProps({ clusterName: "" }))],
  ["clusterName a number", "KSE-MSK-011", "clusterName", 42, msk(mskProps({ clusterName: 42 }))],
  ["clusterName null", "KSE-MSK-011", "clusterName", null, msk(mskProps({ clusterName: null }))],
  [
    "clusterName too long",
    "KSE-MSK-011",
    "clusterName",
    "a".repeat(64),
    msk(mskProps({ clusterName: "a".repeat(64) })),
  ],
  ["no tier", "KSE-MSK-014", "tier", undefined, msk(withoutMsk("tier"))],
  ["tier in upper case", "KSE-MSK-014", "tier", "PROD", msk(mskProps({ tier: "PROD" }))],
  ["no vpcId", "KSE-MSK-024", "vpcId", undefined, msk(withoutMsk("vpcId"))],
  ["vpcId empty", "KSE-MSK-024", "vpcId", "", msk(mskProps({ vpcId: "" }))],
  ["vpcId blank", "KSE-MSK-024", "vpcId", "  ", msk(mskProps({ vpcId: "  " }))],
  ["vpcId a subnet id", "KSE-MSK-024", "vpcId", "subnet-a", msk(mskProps({ vpcId: "subnet-a" }))],
  [
    "vpcId an ARN",
    "KSE-MSK-024",
    "vpcId",
    "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a1b",
    msk(mskProps({ vpcId: "arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a1b" })),
  ],
  ["no clientSubnetIds", "KSE-MSK-015", "clientSubnetIds", undefined, msk(withoutMsk("clientSubnetIds"))],
  [
    "clientSubnetIds a string",
    "KSE-MSK-015",
    "clientSubnetIds",
    "subnet-a",
    msk(mskProps({ clientSubnetIds: "subnet-a" })),
  ],
  ["clientSubnetIds empty", "KSE-MSK-015", "clientSubnetIds", [], msk(mskProps({ clientSubnetIds: [] }))],
  [
    "four client subnets",
    "KSE-MSK-015",
    "clientSubnetIds",
    [...SUBNETS, "subnet-d"],
    msk(mskProps({ clientSubnetIds: [...SUBNETS, "subnet-d"] })),
  ],
  [
    "empty subnet id",
    "KSE-MSK-025",
    "clientSubnetIds[1]",
    "",
    msk(mskProps({ clientSubnetIds: ["subnet-a", "", "subnet-c"] })),
  ],
  [
    "subnet id a number",
    "KSE-MSK-025",
    "clientSubnetIds[0]",
    7,
    msk(mskProps({ clientSubnetIds: [7, "subnet-b", "subnet-c"] })),
  ],
  [
    "subnet given as a CIDR",
    "KSE-MSK-025",
    "clientSubnetIds[2]",
    "10.0.3.0/24",
    msk(mskProps({ clientSubnetIds: ["subnet-a", "subnet-b", "10.0.3.0/24"] })),
  ],
  [
    "subnet given as an ARN",
    "KSE-MSK-025",
    "clientSubnetIds[0]",
    "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a",
    msk(mskProps({ clientSubnetIds: ["arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-a", "subnet-b", "subnet-c"] })),
  ],
  ["brokerNodes NaN", "KSE-MSK-001", "brokerNodes", NaN, msk(mskProps({ brokerNodes: NaN }))],
  ["brokerNodes Infinity", "KSE-MSK-001", "brokerNodes", Infinity, msk(mskProps({ brokerNodes: Infinity }))],
  ["brokerNodes negative", "KSE-MSK-001", "brokerNodes", -3, msk(mskProps({ brokerNodes: -3 }))],
  ["brokerNodes fractional", "KSE-MSK-001", "brokerNodes", 4.5, msk(mskProps({ brokerNodes: 4.5 }))],
  ["brokerNodes a string", "KSE-MSK-001", "brokerNodes", "6", msk(mskProps({ brokerNodes: "6" }))],
  [
    "instanceType misspelt",
    "KSE-MSK-004",
    "instanceType",
    "kafka.m5.larg",
    msk(mskProps({ instanceType: "kafka.m5.larg" })),
  ],
  [
    "instanceType misspelt (express)",
    "KSE-MSK-004",
    "instanceType",
    "express.m7g.xlarg",
    msk(mskProps({ instanceType: "express.m7g.xlarg" })),
  ],
  [
    "instanceType an object",
    "KSE-MSK-004",
    "instanceType",
    { type: "kafka.m5.large" },
    msk(mskProps({ instanceType: { type: "kafka.m5.large" } })),
  ],
  [
    "instanceType escape hatch empty",
    "KSE-MSK-004",
    "instanceType",
    "",
    msk(mskProps({ instanceType: BrokerInstanceType.of("") })),
  ],
  [
    "instanceType escape hatch not an MSK type",
    "KSE-MSK-004",
    "instanceType",
    "m7g.large",
    msk(mskProps({ instanceType: BrokerInstanceType.of("m7g.large") })),
  ],
  ["kafkaVersion unknown string", "KSE-MSK-005", "kafkaVersion", "3.9", msk(mskProps({ kafkaVersion: "3.9" }))],
  ["kafkaVersion a number", "KSE-MSK-005", "kafkaVersion", 3.9, msk(mskProps({ kafkaVersion: 3.9 }))],
  [
    "kafkaVersion escape hatch empty",
    "KSE-MSK-005",
    "kafkaVersion",
    "",
    msk(mskProps({ kafkaVersion: KafkaVersion.of("") })),
  ],
  ["volumeSizeGiB NaN", "KSE-MSK-006", "volumeSizeGiB", NaN, msk(mskProps({ volumeSizeGiB: NaN }))],
  ["volumeSizeGiB -Infinity", "KSE-MSK-006", "volumeSizeGiB", -Infinity, msk(mskProps({ volumeSizeGiB: -Infinity }))],
  ["volumeSizeGiB fractional", "KSE-MSK-006", "volumeSizeGiB", 100.5, msk(mskProps({ volumeSizeGiB: 100.5 }))],
  ["volumeSizeGiB a string", "KSE-MSK-006", "volumeSizeGiB", "1000", msk(mskProps({ volumeSizeGiB: "1000" }))],
  [
    "autoscaling target NaN",
    "KSE-MSK-010",
    "storageAutoscaling.targetUtilizationPercent",
    NaN,
    msk(mskProps({ storageAutoscaling: { targetUtilizationPercent: NaN } })),
  ],
  [
    "autoscaling target Infinity",
    "KSE-MSK-010",
    "storageAutoscaling.targetUtilizationPercent",
    Infinity,
    msk(mskProps({ storageAutoscaling: { targetUtilizationPercent: Infinity } })),
  ],
  [
    "autoscaling target below 10",
    "KSE-MSK-010",
    "storageAutoscaling.targetUtilizationPercent",
    5,
    msk(mskProps({ storageAutoscaling: { targetUtilizationPercent: 5 } })),
  ],
  [
    "autoscaling max fractional",
    "KSE-MSK-010",
    "storageAutoscaling.maxVolumeSizeGiB",
    2000.5,
    msk(mskProps({ storageAutoscaling: { maxVolumeSizeGiB: 2000.5 } })),
  ],
  ["storageAutoscaling true", "KSE-CORE-006", "storageAutoscaling", true, msk(mskProps({ storageAutoscaling: true }))],
  [
    "storageAutoscaling misspelt key",
    "KSE-CORE-005",
    "storageAutoscaling.targetUtilisationPercent",
    60,
    msk(mskProps({ storageAutoscaling: { targetUtilisationPercent: 60 } })),
  ],
  ["authentication a string", "KSE-MSK-030", "authentication", "IAM", msk(mskProps({ authentication: "IAM" }))],
  [
    "authentication plain object",
    "KSE-MSK-030",
    "authentication",
    { iam: true },
    msk(mskProps({ authentication: { iam: true } })),
  ],
  [
    "scram users a string",
    "KSE-MSK-031",
    "scram.users",
    "alice",
    (f) =>
      new MskCluster(
        f.stack,
        "orders",
        mskProps({ authentication: ClientAuthentication.scram(any({ users: "alice" })) }),
      ),
  ],
  [
    "scram without options",
    "KSE-CORE-004",
    "ClientAuthentication.scram(options)",
    undefined,
    () => ClientAuthentication.scram(any(undefined)),
  ],
  ["scram users empty", "KSE-MSK-031", "scram.users", [], () => ClientAuthentication.scram({ users: [] })],
  ["scram user a number", "KSE-MSK-020", "scram.users[0]", 1, () => ClientAuthentication.scram(any({ users: [1] }))],
  ["scram user empty", "KSE-MSK-020", "scram.users[1]", "", () => ClientAuthentication.scram({ users: ["a", ""] })],
  [
    "SCRAM user name MSK rejects",
    "KSE-MSK-020",
    "authentication.scram.users[0]",
    "alice smith",
    msk(mskProps({ authentication: ClientAuthentication.scram({ users: ["alice smith"] }) })),
  ],
  [
    "mutual TLS with no CA",
    "KSE-MSK-032",
    "mutualTls.certificateAuthorityArns",
    [],
    () => ClientAuthentication.mutualTls({ certificateAuthorityArns: [] }),
  ],
  [
    "mutual TLS without options",
    "KSE-CORE-004",
    "ClientAuthentication.mutualTls(options)",
    undefined,
    () => ClientAuthentication.mutualTls(any(undefined)),
  ],
  [
    "mutual TLS CA a KMS ARN",
    "KSE-MSK-032",
    "mutualTls.certificateAuthorityArns[0]",
    KEY_ARN,
    () => ClientAuthentication.mutualTls({ certificateAuthorityArns: [KEY_ARN] }),
  ],
  [
    "mutual TLS CA twice",
    "KSE-MSK-032",
    "mutualTls.certificateAuthorityArns[1]",
    PCA_ARN,
    () => ClientAuthentication.mutualTls({ certificateAuthorityArns: [PCA_ARN, PCA_ARN] }),
  ],
  [
    "authentication modes with empty CA list",
    "KSE-MSK-032",
    "mutualTls.certificateAuthorityArns",
    [],
    () => ClientAuthentication.of({ iam: true, mutualTls: { certificateAuthorityArns: [] } }),
  ],
  [
    "authentication modes iam a string",
    "KSE-CORE-006",
    "iam",
    "true",
    () => ClientAuthentication.of(any({ iam: "true" })),
  ],
  [
    "authentication modes misspelt",
    "KSE-CORE-005",
    "sasl",
    { iam: true },
    () => ClientAuthentication.of(any({ sasl: { iam: true } })),
  ],
  [
    "authentication modes null",
    "KSE-CORE-004",
    "ClientAuthentication.of(modes)",
    null,
    () => ClientAuthentication.of(any(null)),
  ],
  [
    "security group a string",
    "KSE-MSK-026",
    "allowedClientSecurityGroupIds",
    "sg-0a1",
    msk(mskProps({ allowedClientSecurityGroupIds: "sg-0a1" })),
  ],
  [
    "security group duplicated",
    "KSE-MSK-026",
    "allowedClientSecurityGroupIds[1]",
    "sg-0a1",
    msk(mskProps({ allowedClientSecurityGroupIds: ["sg-0a1", "sg-0a1"] })),
  ],
  [
    "security group empty",
    "KSE-MSK-026",
    "allowedClientSecurityGroupIds[0]",
    "",
    msk(mskProps({ allowedClientSecurityGroupIds: [""] })),
  ],
  [
    "security group a name",
    "KSE-MSK-026",
    "allowedClientSecurityGroupIds[0]",
    "app-clients",
    msk(mskProps({ allowedClientSecurityGroupIds: ["app-clients"] })),
  ],
  [
    "CIDR prefix 33",
    "KSE-MSK-027",
    "allowedClientCidrs[0]",
    "10.0.0.0/33",
    msk(mskProps({ allowedClientCidrs: ["10.0.0.0/33"] })),
  ],
  [
    "CIDR octet 256",
    "KSE-MSK-027",
    "allowedClientCidrs[0]",
    "10.256.0.0/16",
    msk(mskProps({ allowedClientCidrs: ["10.256.0.0/16"] })),
  ],
  [
    "CIDR without prefix",
    "KSE-MSK-027",
    "allowedClientCidrs[0]",
    "10.0.0.1",
    msk(mskProps({ allowedClientCidrs: ["10.0.0.1"] })),
  ],
  [
    "CIDR with host bits",
    "KSE-MSK-027",
    "allowedClientCidrs[0]",
    "10.0.0.5/16",
    msk(mskProps({ allowedClientCidrs: ["10.0.0.5/16"] })),
  ],
  [
    "CIDR IPv6",
    "KSE-MSK-027",
    "allowedClientCidrs[0]",
    "2001:db8::/32",
    msk(mskProps({ allowedClientCidrs: ["2001:db8::/32"] })),
  ],
  [
    "CIDR duplicated",
    "KSE-MSK-027",
    "allowedClientCidrs[1]",
    "10.0.0.0/16",
    msk(mskProps({ allowedClientCidrs: ["10.0.0.0/16", "10.0.0.0/16"] })),
  ],
  [
    "CIDRs a string",
    "KSE-MSK-027",
    "allowedClientCidrs",
    "10.0.0.0/16",
    msk(mskProps({ allowedClientCidrs: "10.0.0.0/16" })),
  ],
  ["kmsKeyArn an alias", "KSE-MSK-028", "kmsKeyArn", "alias/kafka", msk(mskProps({ kmsKeyArn: "alias/kafka" }))],
  [
    "kmsKeyArn an alias ARN",
    "KSE-MSK-028",
    "kmsKeyArn",
    "arn:aws:kms:eu-west-1:111122223333:alias/kafka",
    msk(mskProps({ kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:alias/kafka" })),
  ],
  [
    "kmsKeyArn a key id",
    "KSE-MSK-028",
    "kmsKeyArn",
    "1234abcd-12ab-34cd-56ef-1234567890ab",
    msk(mskProps({ kmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" })),
  ],
  ["kmsKeyArn empty", "KSE-MSK-028", "kmsKeyArn", "", msk(mskProps({ kmsKeyArn: "" }))],
  ["log bucket empty", "KSE-MSK-029", "logging.s3.bucket", "", msk(mskProps({ logging: { s3: { bucket: "" } } }))],
  ["log bucket missing", "KSE-MSK-029", "logging.s3.bucket", undefined, msk(mskProps({ logging: { s3: {} } }))],
  [
    "log bucket an ARN",
    "KSE-MSK-029",
    "logging.s3.bucket",
    "arn:aws:s3:::logs",
    msk(mskProps({ logging: { s3: { bucket: "arn:aws:s3:::logs" } } })),
  ],
  [
    "log bucket upper case",
    "KSE-MSK-029",
    "logging.s3.bucket",
    "My_Logs",
    msk(mskProps({ logging: { s3: { bucket: "My_Logs" } } })),
  ],
  ["log s3 a string", "KSE-MSK-029", "logging.s3", "my-logs", msk(mskProps({ logging: { s3: "my-logs" } }))],
  [
    "firehose stream empty",
    "KSE-MSK-029",
    "logging.firehoseDeliveryStream",
    "",
    msk(mskProps({ logging: { firehoseDeliveryStream: "" } })),
  ],
  [
    "log retention NaN",
    "KSE-MSK-019",
    "logging.retentionDays",
    NaN,
    msk(mskProps({ logging: { retentionDays: NaN } })),
  ],
  [
    "log retention a string",
    "KSE-MSK-019",
    "logging.retentionDays",
    "30",
    msk(mskProps({ logging: { retentionDays: "30" } })),
  ],
  [
    "logging cloudWatch a string",
    "KSE-CORE-006",
    "logging.cloudWatch",
    "false",
    msk(mskProps({ logging: { cloudWatch: "false" } })),
  ],
  [
    "logging misspelt key",
    "KSE-CORE-005",
    "logging.cloudwatch",
    false,
    msk(mskProps({ logging: { cloudwatch: false } })),
  ],
  [
    "enhancedMonitoring lower case",
    "KSE-MSK-017",
    "enhancedMonitoring",
    "per_broker",
    msk(mskProps({ enhancedMonitoring: "per_broker" })),
  ],
  ["openMonitoring a boolean", "KSE-CORE-006", "openMonitoring", true, msk(mskProps({ openMonitoring: true }))],
  [
    "openMonitoring exporter a string",
    "KSE-CORE-006",
    "openMonitoring.jmxExporter",
    "yes",
    msk(mskProps({ openMonitoring: { jmxExporter: "yes" } })),
  ],
  [
    "server property value a number",
    "KSE-MSK-036",
    'serverProperties["num.partitions"]',
    6,
    msk(mskProps({ serverProperties: { "num.partitions": 6 } })),
  ],
  [
    "server property value empty",
    "KSE-MSK-036",
    'serverProperties["num.partitions"]',
    "",
    msk(mskProps({ serverProperties: { "num.partitions": "" } })),
  ],
  [
    "serverProperties a string",
    "KSE-CORE-006",
    "serverProperties",
    "num.partitions=6",
    msk(mskProps({ serverProperties: "num.partitions=6" })),
  ],
  [
    "clientBrokerEncryption PLAINTEXT",
    "KSE-MSK-033",
    "clientBrokerEncryption",
    "PLAINTEXT",
    msk(mskProps({ clientBrokerEncryption: "PLAINTEXT" })),
  ],
  [
    "clientBrokerEncryption lower case",
    "KSE-MSK-033",
    "clientBrokerEncryption",
    "tls",
    msk(mskProps({ clientBrokerEncryption: "tls" })),
  ],
  [
    "unauthenticatedAccess a string",
    "KSE-CORE-006",
    "unauthenticatedAccess",
    "false",
    msk(mskProps({ unauthenticatedAccess: "false" })),
  ],
  ["publicAccess a number", "KSE-CORE-006", "publicAccess", 0, msk(mskProps({ publicAccess: 0 }))],
  ["prodOverride a string", "KSE-MSK-021", "prodOverride", "migration", msk(mskProps({ prodOverride: "migration" }))],
  [
    "prodOverride reason a number",
    "KSE-MSK-021",
    "prodOverride.reason",
    12345678901,
    msk(mskProps({ prodOverride: { reason: 12345678901 } })),
  ],
  [
    "topicNamePattern a string",
    "KSE-CORE-006",
    "topicNamePattern",
    "^[a-z.]+$",
    msk(mskProps({ topicNamePattern: "^[a-z.]+$" })),
  ],
  ["dataPlane stackId empty", "KSE-MSK-035", "dataPlane.stackId", "", msk(mskProps({ dataPlane: { stackId: "" } }))],
  [
    "dataPlane stackId with a slash",
    "KSE-MSK-035",
    "dataPlane.stackId",
    "a/b",
    msk(mskProps({ dataPlane: { stackId: "a/b" } })),
  ],
  [
    "dataPlane admin user a number",
    "KSE-MSK-022",
    "dataPlane.adminScramUser",
    1,
    msk(mskProps({ dataPlane: { adminScramUser: 1 } })),
  ],
  [
    "dataPlane admin user not a SCRAM user",
    "KSE-MSK-022",
    "dataPlane.adminScramUser",
    "admin",
    msk(
      mskProps({
        authentication: ClientAuthentication.scram({ users: ["billing"] }),
        dataPlane: { adminScramUser: "admin" },
      }),
    ),
  ],
  ["owner empty", "KSE-CORE-007", "owner", "", msk(mskProps({ owner: "" }))],
  ["owner a number", "KSE-CORE-007", "owner", 42, msk(mskProps({ owner: 42 }))],
  ["tags a list", "KSE-CORE-007", "tags", ["a"], msk(mskProps({ tags: ["a"] }))],
  ["tag key empty", "KSE-CORE-007", 'tags[""]', "", msk(mskProps({ tags: { "": "x" } }))],
  ["tag key reserved", "KSE-CORE-007", 'tags["aws:team"]', "aws:team", msk(mskProps({ tags: { "aws:team": "x" } }))],
  [
    "tag key too long",
    "KSE-CORE-007",
    `tags["${"k".repeat(129)}"]`,
    "k".repeat(129),
    msk(mskProps({ tags: { ["k".repeat(129)]: "x" } })),
  ],
  ["tag value over 256", "KSE-CORE-007", 'tags["Team"]', LONG, msk(mskProps({ tags: { Team: LONG } }))],
  ["tag value a number", "KSE-CORE-007", 'tags["CostCenter"]', 42, msk(mskProps({ tags: { CostCenter: 42 } }))],
  [
    "tag value with forbidden characters",
    "KSE-CORE-007",
    'tags["Team"]',
    "a|b",
    msk(mskProps({ tags: { Team: "a|b" } })),
  ],
  [
    "too many tags",
    "KSE-CORE-007",
    "tags",
    "49 tags",
    msk(mskProps({ tags: Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`T${i}`, "x"])) })),
  ],
  ["misspelt prop", "KSE-CORE-005", "clientSubnetIDs", SUBNETS, msk(mskProps({ clientSubnetIDs: SUBNETS }))],
  ["misspelt optional prop", "KSE-CORE-005", "brokerNode", 6, msk(mskProps({ brokerNode: 6 }))],
];

const MONITORING_CASES: Case[] = [
  ["monitoring a string", "KSE-CORE-006", "monitoring", "on", msk(mskProps({ monitoring: "on" }))],
  ["monitoring null", "KSE-CORE-006", "monitoring", null, msk(mskProps({ monitoring: null }))],
  [
    "warning threshold NaN",
    "KSE-MON-005",
    'monitoring.thresholds["cpu"].warning.threshold',
    NaN,
    msk(mskProps({ monitoring: { thresholds: { cpu: { warning: { threshold: NaN, evaluationPeriods: 3 } } } } })),
  ],
  [
    "critical threshold Infinity",
    "KSE-MON-005",
    'monitoring.thresholds["disk-used"].critical.threshold',
    Infinity,
    msk(
      mskProps({
        monitoring: { thresholds: { "disk-used": { critical: { threshold: Infinity, evaluationPeriods: 1 } } } },
      }),
    ),
  ],
  [
    "threshold a string",
    "KSE-MON-005",
    'monitoring.thresholds["cpu"].critical.threshold',
    "90",
    msk(mskProps({ monitoring: { thresholds: { cpu: { critical: { threshold: "90", evaluationPeriods: 3 } } } } })),
  ],
  [
    "threshold level a number",
    "KSE-MON-005",
    'monitoring.thresholds["cpu"].critical',
    90,
    msk(mskProps({ monitoring: { thresholds: { cpu: { critical: 90 } } } })),
  ],
  [
    "evaluation periods fractional",
    "KSE-MON-003",
    'monitoring.thresholds["cpu"].warning.evaluationPeriods',
    1.5,
    msk(mskProps({ monitoring: { thresholds: { cpu: { warning: { threshold: 60, evaluationPeriods: 1.5 } } } } })),
  ],
  [
    "threshold override misspelt level",
    "KSE-CORE-005",
    'monitoring.thresholds["cpu"].warn',
    { threshold: 60, evaluationPeriods: 3 },
    msk(mskProps({ monitoring: { thresholds: { cpu: { warn: { threshold: 60, evaluationPeriods: 3 } } } } })),
  ],
  [
    "unknown alarm id in thresholds",
    "KSE-MON-001",
    'monitoring.thresholds["cpu-user"]',
    "cpu-user",
    msk(
      mskProps({ monitoring: { thresholds: { "cpu-user": { critical: { threshold: 90, evaluationPeriods: 3 } } } } }),
    ),
  ],
  [
    "disabled alarm reason a boolean",
    "KSE-MON-002",
    'monitoring.disabledAlarms["cpu"]',
    true,
    msk(mskProps({ monitoring: { disabledAlarms: { cpu: true } } })),
  ],
  [
    "disabledAlarms a list",
    "KSE-MON-002",
    "monitoring.disabledAlarms",
    ["cpu"],
    msk(mskProps({ monitoring: { disabledAlarms: ["cpu"] } })),
  ],
  [
    "unknown SNS protocol",
    "KSE-MON-004",
    "monitoring.subscriptions.critical[0].protocol",
    "pagerduty",
    msk(mskProps({ monitoring: { subscriptions: { critical: [{ protocol: "pagerduty", endpoint: "x" }] } } })),
  ],
  [
    "plaintext http subscription",
    "KSE-MON-004",
    "monitoring.subscriptions.warning[0].protocol",
    "http",
    msk(
      mskProps({
        monitoring: { subscriptions: { warning: [{ protocol: "http", endpoint: "http://x.example.com" }] } },
      }),
    ),
  ],
  [
    "email endpoint not an address",
    "KSE-MON-004",
    "monitoring.subscriptions.critical[0].endpoint",
    "oncall",
    msk(mskProps({ monitoring: { subscriptions: { critical: [{ protocol: "email", endpoint: "oncall" }] } } })),
  ],
  [
    "https endpoint over http",
    "KSE-MON-004",
    "monitoring.subscriptions.critical[0].endpoint",
    "http://pager.example.com",
    msk(
      mskProps({
        monitoring: { subscriptions: { critical: [{ protocol: "https", endpoint: "http://pager.example.com" }] } },
      }),
    ),
  ],
  [
    "empty subscription endpoint",
    "KSE-MON-004",
    "monitoring.subscriptions.critical[0].endpoint",
    "",
    msk(mskProps({ monitoring: { subscriptions: { critical: [{ protocol: "email", endpoint: "" }] } } })),
  ],
  [
    "duplicate subscriber",
    "KSE-MON-004",
    "monitoring.subscriptions.critical[1]",
    { protocol: "email", endpoint: "a@example.com" },
    msk(
      mskProps({
        monitoring: {
          subscriptions: {
            critical: [
              { protocol: "email", endpoint: "a@example.com" },
              { protocol: "email", endpoint: "a@example.com" },
            ],
          },
        },
      }),
    ),
  ],
  [
    "subscriptions a list",
    "KSE-MON-004",
    "monitoring.subscriptions",
    [{ protocol: "email", endpoint: "a@example.com" }],
    msk(mskProps({ monitoring: { subscriptions: [{ protocol: "email", endpoint: "a@example.com" }] } })),
  ],
  [
    "escalation a string",
    "KSE-CORE-006",
    "monitoring.escalation",
    "team",
    msk(mskProps({ monitoring: { escalation: "team" } })),
  ],
  [
    "dashboard a string",
    "KSE-CORE-006",
    "monitoring.dashboard",
    "false",
    msk(mskProps({ monitoring: { dashboard: "false" } })),
  ],
  [
    "runbookBaseUrl empty",
    "KSE-CORE-006",
    "monitoring.runbookBaseUrl",
    "",
    msk(mskProps({ monitoring: { runbookBaseUrl: "" } })),
  ],
  [
    "AlarmEscalation without props",
    "KSE-CORE-004",
    "props",
    undefined,
    (f) => new AlarmEscalation(f.stack, "team", any(undefined)),
  ],
  [
    "AlarmEscalation name with spaces",
    "KSE-MON-006",
    "name",
    "team data",
    (f) => new AlarmEscalation(f.stack, "team", { ...ESCALATION, name: "team data" }),
  ],
  [
    "AlarmEscalation key empty",
    "KSE-MON-006",
    "kmsKeyArn",
    "",
    (f) => new AlarmEscalation(f.stack, "team", { ...ESCALATION, kmsKeyArn: "" }),
  ],
  [
    "AlarmEscalation unknown tier",
    "KSE-MON-006",
    "tier",
    "qa",
    (f) => new AlarmEscalation(f.stack, "team", any({ ...ESCALATION, tier: "qa" })),
  ],
  [
    "AlarmEscalation unknown protocol",
    "KSE-MON-004",
    "subscriptions.warning[0].protocol",
    "slack",
    (f) =>
      new AlarmEscalation(
        f.stack,
        "team",
        any({ ...ESCALATION, subscriptions: { warning: [{ protocol: "slack", endpoint: "#ops" }] } }),
      ),
  ],
  [
    "AlarmEscalation sms not E.164",
    "KSE-MON-004",
    "subscriptions.critical[0].endpoint",
    "0170 1234567",
    (f) =>
      new AlarmEscalation(f.stack, "team", {
        ...ESCALATION,
        subscriptions: { critical: [{ protocol: "sms", endpoint: "0170 1234567" }] },
      }),
  ],
  [
    "AlarmEscalation tag value over 256",
    "KSE-CORE-007",
    'tags["Team"]',
    LONG,
    (f) => new AlarmEscalation(f.stack, "team", { ...ESCALATION, tags: { Team: LONG } }),
  ],
];

const CONFLUENT_CASES: Case[] = [
  [
    "no props at all",
    "KSE-CORE-004",
    "props",
    undefined,
    (f) => new ConfluentCluster(f.stack, "orders", any(undefined)),
  ],
  ["no clusterName", "KSE-CFL-002", "clusterName", undefined, cfl(withoutCfl("clusterName"))],
  ["clusterName empty", "KSE-CFL-002", "clusterName", "", cfl(cflProps({ clusterName: "" }))],
  ["no tier", "KSE-CFL-001", "tier", undefined, cfl(withoutCfl("tier"))],
  ["no cloud", "KSE-CFL-003", "cloud", undefined, cfl(withoutCfl("cloud"))],
  ["cloud a number", "KSE-CFL-003", "cloud", 1, cfl(cflProps({ cloud: 1 }))],
  ["no region", "KSE-CFL-004", "region", undefined, cfl(withoutCfl("region"))],
  ["region empty", "KSE-CFL-004", "region", "", cfl(cflProps({ region: "" }))],
  ["availability misspelt", "KSE-CFL-007", "availability", "MULTIZONE", cfl(cflProps({ availability: "MULTIZONE" }))],
  ["environmentId a number", "KSE-CFL-013", "environmentId", 123, cfl(cflProps({ environmentId: 123 }))],
  ["environmentName empty", "KSE-CFL-014", "environmentName", "", cfl(cflProps({ environmentName: "" }))],
  [
    "streamGovernance lower case",
    "KSE-CFL-015",
    "streamGovernance",
    "essentials",
    cfl(cflProps({ streamGovernance: "essentials" })),
  ],
  ["applications a string", "KSE-CFL-023", "applications", "orders-api", cfl(cflProps({ applications: "orders-api" }))],
  ["application a number", "KSE-CFL-023", "applications[0]", 7, cfl(cflProps({ applications: [7] }))],
  ["waitForApiKeys a string", "KSE-CORE-006", "waitForApiKeys", "no", cfl(cflProps({ waitForApiKeys: "no" }))],
  ["credentialOutputs a number", "KSE-CORE-006", "credentialOutputs", 1, cfl(cflProps({ credentialOutputs: 1 }))],
  ["topicNamePattern a string", "KSE-CORE-006", "topicNamePattern", "^x$", cfl(cflProps({ topicNamePattern: "^x$" }))],
  ["prodOverride null", "KSE-CFL-020", "prodOverride", null, cfl(cflProps({ prodOverride: null }))],
  ["misspelt prop", "KSE-CORE-005", "clustertype", "standard", cfl(cflProps({ clustertype: "standard" }))],
  ["clusterType misspelt", "KSE-CFL-005", "clusterType", "dedicted", cfl(cflProps({ clusterType: "dedicted" }))],
  [
    "dedicated without options",
    "KSE-CORE-004",
    "ConfluentClusterType.dedicated(options)",
    undefined,
    () => ConfluentClusterType.dedicated(any(undefined)),
  ],
  ["dedicated cku missing", "KSE-CFL-009", "dedicated.cku", undefined, () => ConfluentClusterType.dedicated(any({}))],
  ["dedicated cku NaN", "KSE-CFL-009", "dedicated.cku", NaN, () => ConfluentClusterType.dedicated({ cku: NaN })],
  [
    "dedicated cku a string",
    "KSE-CFL-009",
    "dedicated.cku",
    "2",
    () => ConfluentClusterType.dedicated(any({ cku: "2" })),
  ],
  [
    "dedicated misspelt option",
    "KSE-CORE-005",
    "dedicated.ckus",
    2,
    () => ConfluentClusterType.dedicated(any({ cku: 2, ckus: 2 })),
  ],
  [
    "byokKeyId a number",
    "KSE-CFL-012",
    "dedicated.byokKeyId",
    5,
    () => ConfluentClusterType.dedicated(any({ cku: 2, byokKeyId: 5 })),
  ],
  [
    "standard options a number",
    "KSE-CORE-004",
    "ConfluentClusterType.standard(options)",
    4,
    () => ConfluentClusterType.standard(any(4)),
  ],
  [
    "maxEcku Infinity",
    "KSE-CFL-011",
    "standard.maxEcku",
    Infinity,
    () => ConfluentClusterType.standard({ maxEcku: Infinity }),
  ],
  [
    "maxEcku fractional on the cluster",
    "KSE-CFL-011",
    "clusterType.maxEcku",
    2.5,
    cfl(cflProps({ clusterType: ConfluentClusterType.enterprise({ maxEcku: 2.5 }) })),
  ],
  [
    "privateLink without options",
    "KSE-CORE-004",
    "ConfluentNetworking.privateLink(options)",
    undefined,
    () => ConfluentNetworking.privateLink(any(undefined)),
  ],
  [
    "privateLink accounts a string",
    "KSE-CFL-022",
    "privateLink.allowedAccounts",
    "123456789012",
    () => ConfluentNetworking.privateLink(any({ allowedAccounts: "123456789012" })),
  ],
  [
    "privateLink account a number",
    "KSE-CFL-022",
    "privateLink.allowedAccounts[0]",
    123456789012,
    () => ConfluentNetworking.privateLink(any({ allowedAccounts: [123456789012] })),
  ],
  [
    "privateLink zones a string",
    "KSE-CFL-021",
    "privateLink.zones",
    "euc1-az1",
    () => ConfluentNetworking.privateLink(any({ allowedAccounts: ["123456789012"], zones: "euc1-az1" })),
  ],
  [
    "privateLink zone empty on the cluster",
    "KSE-CFL-021",
    "privateLink.zones[1]",
    "",
    () => ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"], zones: ["euc1-az1", "", "euc1-az3"] }),
  ],
  [
    "peering without options",
    "KSE-CORE-004",
    "ConfluentNetworking.peering(options)",
    undefined,
    () => ConfluentNetworking.peering(any(undefined)),
  ],
  ["peering cidr missing", "KSE-CFL-021", "peering.cidr", undefined, () => ConfluentNetworking.peering(any({}))],
  [
    "peering cidr /33",
    "KSE-CFL-021",
    "networking.cidr",
    "10.0.0.0/33",
    cfl(dedicated(ConfluentNetworking.peering({ cidr: "10.0.0.0/33" }))),
  ],
  [
    "transit gateway reserved cidr a number",
    "KSE-CFL-021",
    "transitGateway.reservedCidr",
    24,
    () => ConfluentNetworking.transitGateway(any({ cidr: "10.0.0.0/16", reservedCidr: 24 })),
  ],
  [
    "existing network without id",
    "KSE-CFL-021",
    "networkId",
    undefined,
    () => ConfluentNetworking.existingNetwork(any(undefined)),
  ],
  ["existing network id empty", "KSE-CFL-021", "networkId", "", () => ConfluentNetworking.existingNetwork("")],
];

const PRINCIPAL_CASES: Case[] = [
  ["iamRole wildcard", "KSE-ACCESS-010", "KafkaPrincipal.iamRole(roleName)", "*", () => KafkaPrincipal.iamRole("*")],
  [
    "iamRole with a wildcard",
    "KSE-ACCESS-010",
    "KafkaPrincipal.iamRole(roleName)",
    "orders-*",
    () => KafkaPrincipal.iamRole("orders-*"),
  ],
  [
    "iamRole given an ARN",
    "KSE-ACCESS-010",
    "KafkaPrincipal.iamRole(roleName)",
    "arn:aws:iam::111122223333:role/service/orders-api",
    () => KafkaPrincipal.iamRole("arn:aws:iam::111122223333:role/service/orders-api"),
  ],
  ["iamRole empty", "KSE-ACCESS-010", "KafkaPrincipal.iamRole(roleName)", "", () => KafkaPrincipal.iamRole("")],
  [
    "iamRole undefined",
    "KSE-ACCESS-010",
    "KafkaPrincipal.iamRole(roleName)",
    undefined,
    () => KafkaPrincipal.iamRole(any(undefined)),
  ],
  [
    "iamRole with spaces",
    "KSE-ACCESS-010",
    "KafkaPrincipal.iamRole(roleName)",
    "orders api",
    () => KafkaPrincipal.iamRole("orders api"),
  ],
  [
    "scramUser wildcard",
    "KSE-ACCESS-010",
    "KafkaPrincipal.scramUser(username)",
    "*",
    () => KafkaPrincipal.scramUser("*"),
  ],
  [
    "scramUser with User: prefix",
    "KSE-ACCESS-010",
    "KafkaPrincipal.scramUser(username)",
    "User:alice",
    () => KafkaPrincipal.scramUser("User:alice"),
  ],
  [
    "scramUser a number",
    "KSE-ACCESS-010",
    "KafkaPrincipal.scramUser(username)",
    1,
    () => KafkaPrincipal.scramUser(any(1)),
  ],
  [
    "tlsCertificate not a DN",
    "KSE-ACCESS-010",
    "KafkaPrincipal.tlsCertificate(distinguishedName)",
    "orders-api",
    () => KafkaPrincipal.tlsCertificate("orders-api"),
  ],
  [
    "tlsCertificate with spaces after the commas (Kafka sees CN=orders-api,OU=payments)",
    "KSE-ACCESS-010",
    "KafkaPrincipal.tlsCertificate(distinguishedName)",
    "CN=orders-api, OU=payments",
    () => KafkaPrincipal.tlsCertificate("CN=orders-api, OU=payments"),
  ],
  [
    "tlsCertificate with lower-case attribute types",
    "KSE-ACCESS-010",
    "KafkaPrincipal.tlsCertificate(distinguishedName)",
    "cn=orders-api,ou=payments",
    () => KafkaPrincipal.tlsCertificate("cn=orders-api,ou=payments"),
  ],
  [
    "tlsCertificate with an emailAddress attribute (Kafka names it by OID)",
    "KSE-ACCESS-010",
    "KafkaPrincipal.tlsCertificate(distinguishedName)",
    "CN=orders-api,EMAILADDRESS=ops@example.com",
    () => KafkaPrincipal.tlsCertificate("CN=orders-api,EMAILADDRESS=ops@example.com"),
  ],
  [
    "tlsCertificate empty",
    "KSE-ACCESS-010",
    "KafkaPrincipal.tlsCertificate(distinguishedName)",
    "",
    () => KafkaPrincipal.tlsCertificate(""),
  ],
  [
    "service account empty",
    "KSE-ACCESS-010",
    "KafkaPrincipal.confluentServiceAccount(serviceAccountId)",
    "",
    () => KafkaPrincipal.confluentServiceAccount(""),
  ],
  [
    "service account wildcard",
    "KSE-ACCESS-010",
    "KafkaPrincipal.confluentServiceAccount(serviceAccountId)",
    "User:*",
    () => KafkaPrincipal.confluentServiceAccount("User:*"),
  ],
];

const ACCESS_CASES: Case[] = [
  [
    "unknown producer profile",
    "KSE-ACCESS-011",
    "producerProfile",
    "DURABLE",
    onMsk((c) =>
      c.addApplication(
        "orders-api",
        any({ principal: KafkaPrincipal.iamRole("orders-api"), producerProfile: "DURABLE" }),
      ),
    ),
  ],
  [
    "unknown consumer profile",
    "KSE-ACCESS-011",
    "consumerProfile",
    "latency",
    onMsk((c) =>
      c.addApplication(
        "orders-api",
        any({ principal: KafkaPrincipal.iamRole("orders-api"), consumerProfile: "latency" }),
      ),
    ),
  ],
  [
    "principal a string",
    "KSE-ACCESS-012",
    "principal",
    "orders-api",
    (f) => {
      const c = f.msk();
      return () => c.addApplication("orders-api", any({ principal: "orders-api" }));
    },
  ],
  [
    "misspelt application option",
    "KSE-CORE-005",
    "producerProfle",
    "LATENCY",
    onMsk((c) =>
      c.addApplication(
        "orders-api",
        any({ principal: KafkaPrincipal.iamRole("orders-api"), producerProfle: "LATENCY" }),
      ),
    ),
  ],
  ["application without props", "KSE-CORE-004", "props", undefined, () => new KafkaApplication("x", any(undefined))],
  [
    "application name empty",
    "KSE-ACCESS-003",
    "application name",
    "",
    () => new KafkaApplication("", { principal: KafkaPrincipal.iamRole("r") }),
  ],
  [
    "application options: unknown profile (Confluent)",
    "KSE-ACCESS-011",
    "producerProfile",
    "FAST",
    () => checkApplicationOptions("orders-api", { producerProfile: "FAST" }),
  ],
  ["application options null", "KSE-CORE-004", "options", null, () => checkApplicationOptions("orders-api", null)],
  [
    "grantConsume without options",
    "KSE-ACCESS-002",
    "group",
    undefined,
    (f) => {
      const c = f.msk();
      const app = c.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing") });
      const t = c.addTopic("orders.created");
      return () => t.grantConsume(app, any(undefined));
    },
  ],
  [
    "grantConsume group empty",
    "KSE-ACCESS-002",
    "group",
    "",
    (f) => {
      const c = f.msk();
      const app = c.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing") });
      const t = c.addTopic("orders.created");
      return () => t.grantConsume(app, { group: "" });
    },
  ],
  [
    "grantConsume group a wildcard",
    "KSE-ACCESS-002",
    "group",
    "*",
    (f) => {
      const c = f.msk();
      const t = c.addTopic("orders.created");
      return () => t.grantConsume(KafkaPrincipal.iamRole("billing"), { group: "*" });
    },
  ],
  [
    "grantConsume group given as a string",
    "KSE-ACCESS-002",
    "group",
    undefined,
    (f) => {
      const c = f.msk();
      const app = c.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing") });
      const t = c.addTopic("orders.created");
      return () => t.grantConsume(app, any("billing"));
    },
  ],
  [
    "grantConsume misspelt option",
    "KSE-CORE-005",
    "options.groupId",
    "billing",
    (f) => {
      const c = f.msk();
      const app = c.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing") });
      const t = c.addTopic("orders.created");
      return () => t.grantConsume(app, any({ groupId: "billing" }));
    },
  ],
  [
    "grantProduce to a string",
    "KSE-ACCESS-012",
    "grantProduce(grantee)",
    "orders-api",
    (f) => {
      const t = f.msk().addTopic("orders.created");
      return () => t.grantProduce(any("orders-api"));
    },
  ],
  [
    "grantConsume to nothing (Confluent)",
    "KSE-ACCESS-012",
    "grantConsume(grantee)",
    undefined,
    (f) => {
      const t = f.confluent().addTopic("orders.created");
      return () => t.grantConsume(any(undefined), { group: "billing" });
    },
  ],
  [
    "quota with a negative rate",
    "KSE-ACCESS-004",
    "producerByteRate",
    -1,
    (f) => {
      const c = f.msk();
      const app = c.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing") });
      c.addTopic("orders.created");
      return () => c.addQuota(app, { producerByteRate: -1 });
    },
  ],
  [
    "quota with NaN",
    "KSE-ACCESS-004",
    "consumerByteRate",
    NaN,
    (f) => {
      const c = f.msk();
      const app = c.addApplication("billing", { principal: KafkaPrincipal.iamRole("billing") });
      c.addTopic("orders.created");
      return () => c.addQuota(app, { consumerByteRate: NaN });
    },
  ],
  [
    "quota on a Standard Confluent cluster",
    "KSE-ACCESS-004",
    "quota",
    "billing",
    (f) => {
      const c = f.confluent();
      const app = c.addApplication("billing");
      return () => c.addQuota(app, { producerByteRate: 1000 });
    },
  ],
];

/** Topic cases run on both backends; the cluster and one valid topic exist before the bad call. */
const TOPIC_PROPS: readonly (readonly [string, string, string, unknown, unknown, string?])[] = [
  ["props null", "KSE-CORE-004", "props", null, null],
  ["props a string", "KSE-CORE-004", "props", "events", "events"],
  ["unknown class", "KSE-TOPIC-002", "topicClass", "event", { topicClass: "event" }],
  ["class an inherited name", "KSE-TOPIC-002", "topicClass", "constructor", { topicClass: "constructor" }],
  ["partitions NaN", "KSE-TOPIC-003", "partitions", NaN, { partitions: NaN }],
  ["partitions Infinity", "KSE-TOPIC-003", "partitions", Infinity, { partitions: Infinity }],
  ["partitions fractional", "KSE-TOPIC-003", "partitions", 2.5, { partitions: 2.5 }],
  ["partitions a string", "KSE-TOPIC-003", "partitions", "6", { partitions: "6" }],
  ["throughput without target", "KSE-TOPIC-003", "throughput.targetMBps", undefined, { throughput: {} }],
  [
    "throughput target Infinity",
    "KSE-TOPIC-003",
    "throughput.targetMBps",
    Infinity,
    { throughput: { targetMBps: Infinity } },
  ],
  [
    "throughput misspelt",
    "KSE-CORE-005",
    "throughput.targetMbps",
    50,
    { throughput: { targetMBps: 50, targetMbps: 50 } },
  ],
  [
    "throughput floor fractional",
    "KSE-TOPIC-003",
    "throughput.minimumPartitions",
    2.5,
    { throughput: { targetMBps: 5, minimumPartitions: 2.5 } },
  ],
  ["replicationFactor NaN", "KSE-TOPIC-004", "replicationFactor", NaN, { replicationFactor: NaN }],
  [
    "config value a number",
    "KSE-TOPIC-007",
    'config["retention.ms"]',
    86400000,
    { config: { "retention.ms": 86400000 } },
  ],
  ["config a list", "KSE-CORE-006", "config", ["retention.ms=1"], { config: ["retention.ms=1"] }],
  ["retire without reason", "KSE-TOPIC-010", "retire.reason", undefined, { retire: {} }],
  ["retire a string", "KSE-TOPIC-010", "retire", "replaced", { retire: "replaced" }],
  [
    "retire an audit topic without its archive",
    "KSE-TOPIC-010",
    "retire.archive",
    undefined,
    { topicClass: "audit", retire: { reason: "moved to ledger.v2" } },
  ],
  [
    "retire with an empty archive",
    "KSE-TOPIC-010",
    "retire.archive",
    "",
    { retire: { reason: "moved to orders.v2", archive: "" } },
  ],
  ["owner empty", "KSE-CORE-006", "owner", "", { owner: "" }],
  ["misspelt prop", "KSE-CORE-005", "partition", 6, { partition: 6 }],
];

const TOPIC_CASES: Case[] = (["msk", "confluent"] as const).flatMap((backend) =>
  TOPIC_PROPS.map(
    ([name, code, prop, value, props]): Case => [
      `${backend}: ${name}`,
      code,
      prop,
      value,
      (f) => {
        const c = backend === "msk" ? f.msk() : f.confluent();
        c.addTopic("orders.created");
        return () => c.addTopic("orders.updated", any(props));
      },
    ],
  ),
);

const STRUCTURE_CASES: Case[] = [
  [
    "duplicate construct id (MSK)",
    "KSE-CORE-002",
    "id",
    "orders",
    (f) => {
      new MskCluster(f.stack, "orders", MSK);
      return () => new MskCluster(f.stack, "orders", { ...MSK, clusterName: "payments" });
    },
  ],
  [
    "duplicate construct id (Confluent)",
    "KSE-CORE-002",
    "id",
    "orders",
    (f) => {
      new ConfluentCluster(f.stack, "orders", CFL);
      return () => new ConfluentCluster(f.stack, "orders", { ...CFL, clusterName: "payments" });
    },
  ],
  ["an id the provider already has", "KSE-CORE-002", "id", "aws", (f) => new MskCluster(f.stack, "aws", MSK)],
  ["empty id", "KSE-CORE-002", "id", "", (f) => new MskCluster(f.stack, "", MSK)],
  ["id a number", "KSE-CORE-002", "id", 1, (f) => new ConfluentCluster(f.stack, any(1), CFL)],
  [
    "two MSK clusters with the same name and tier",
    "KSE-MSK-034",
    "clusterName",
    "orders",
    (f) => {
      new MskCluster(f.stack, "orders", MSK);
      return () => new MskCluster(f.stack, "orders-again", MSK);
    },
  ],
  [
    "two Confluent clusters with the same name and tier",
    "KSE-CFL-027",
    "clusterName",
    "orders",
    (f) => {
      new ConfluentCluster(f.stack, "orders", CFL);
      return () => new ConfluentCluster(f.stack, "orders-again", CFL);
    },
  ],
  ["scope the app", "KSE-CORE-003", "scope", "<App>", (f) => new MskCluster(f.app, "orders", MSK)],
  ["scope not a construct", "KSE-CORE-003", "scope", "stack", () => new MskCluster(any("stack"), "orders", MSK)],
  [
    "ClusterKey deletion window 3 days",
    "KSE-MSK-038",
    "deletionWindowDays",
    3,
    (f) =>
      new ClusterKey(f.stack, "key", {
        name: "orders-prod",
        deletionWindowDays: 3,
        tags: {},
        tier: "prod",
        preventDestroy: true,
      }),
  ],
  [
    "BrokerSecurityGroup port 0",
    "KSE-MSK-037",
    "ports[0]",
    0,
    (f) =>
      new BrokerSecurityGroup(f.stack, "sg", {
        name: "orders-prod",
        vpcId: "vpc-1",
        ports: [0],
        sourceSecurityGroupIds: [],
        sourceCidrs: [],
        tags: {},
        tier: "prod",
      }),
  ],
  [
    "StorageAutoscaling target NaN",
    "KSE-MSK-010",
    "targetPercent",
    NaN,
    (f) =>
      new StorageAutoscaling(f.stack, "as", {
        clusterArn: "arn",
        clusterName: "orders-prod",
        minGiB: 100,
        maxGiB: 1000,
        targetPercent: NaN,
        tags: {},
      }),
  ],
  [
    "ScramUsers users a string",
    "KSE-MSK-031",
    "users",
    "alice",
    (f) =>
      new ScramUsers(
        f.stack,
        "scram",
        any({
          clusterName: "orders-prod",
          clusterArn: "arn",
          users: "alice",
          kmsKeyArn: KEY_ARN,
          tags: {},
          tier: "prod",
          preventDestroy: true,
        }),
      ),
  ],
];

const AUDIT_CASES: Case[] = [
  [
    "audit profile unknown",
    "KSE-AUDIT-003",
    "compliance",
    "hipaa",
    (f) => KafkaStandardsAudit.of(f.stack, any({ compliance: ["hipaa"] })),
  ],
  ["audit tier unknown", "KSE-AUDIT-004", "tier", "qa", (f) => KafkaStandardsAudit.of(f.stack, any({ tier: "qa" }))],
  [
    "audit failOn unknown",
    "KSE-AUDIT-005",
    "failOn",
    "critical",
    (f) => KafkaStandardsAudit.of(f.stack, any({ failOn: "critical" })),
  ],
  [
    "audit date malformed",
    "KSE-AUDIT-006",
    "today",
    "2025-13-45",
    (f) => KafkaStandardsAudit.of(f.stack, any({ today: "2025-13-45" })),
  ],
  ["audit on the app", "KSE-AUDIT-007", "scope", "App", (f) => KafkaStandardsAudit.of(f.app)],
  [
    "suppression of an unknown rule",
    "KSE-AUDIT-001",
    "suppressions[0].id",
    "KS-MSK-999",
    (f) => KafkaStandardsSuppressions.add(f.stack, [{ id: "KS-MSK-999", reason: "reason long enough" }]),
  ],
  [
    "suppression with a short reason",
    "KSE-AUDIT-002",
    "suppressions[0].reason",
    "ok",
    (f) => KafkaStandardsSuppressions.add(f.stack, [{ id: "KS-MSK-001", reason: "ok" }]),
  ],
  ["suppression on the app", "KSE-AUDIT-008", "construct", "App", (f) => KafkaStandardsSuppressions.add(f.app, [])],
];

const group = (prefix: string, cases: readonly Case[]): Case[] =>
  cases.map(([name, ...rest]): Case => [`${prefix}: ${name}`, ...rest]);

const CORPUS: Case[] = [
  ...group("MskCluster", MSK_CASES),
  ...group("monitoring", MONITORING_CASES),
  ...group("ConfluentCluster", CONFLUENT_CASES),
  ...group("KafkaPrincipal", PRINCIPAL_CASES),
  ...group("access", ACCESS_CASES),
  ...group("addTopic", TOPIC_CASES),
  ...group("structure", STRUCTURE_CASES),
  ...group("audit", AUDIT_CASES),
];

/** Every construct path of the app, to compare before and after a failed call. */
function tree(app: App): string[] {
  return app.node.findAll().map((c) => `${c.node.path}:${c.constructor.name}`);
}

describe("bad-input corpus", () => {
  test("holds at least 150 invalid inputs, with distinct names", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((c) => c[0])).size).toBe(CORPUS.length);
  });

  test.each(CORPUS)("%s → %s", (_name, code, prop, value, act) => {
    const f = fixture();
    // A case either fails itself, or prepares valid state and returns the failing call.
    let bad: (() => unknown) | undefined;
    let error: unknown;
    const before = tree(f.app);
    try {
      const result = act(f);
      if (typeof result === "function") bad = result as () => unknown;
    } catch (e) {
      error = e;
    }
    let prepared = before;
    if (bad) {
      prepared = tree(f.app);
      try {
        bad();
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(KafkaStandardsError);
    const e = error as KafkaStandardsError;
    expect(Object.keys(ERROR_CODES)).toContain(code);
    expect({ code: e.code, prop: e.prop }).toEqual({ code, prop });
    expect(e.value).toEqual(value);
    expect(e.message).toContain(`[${code}] Invalid ${prop}`);
    expect(e.message).toContain(`got ${renderValue(value)}`);
    if (value !== null) expect(e.message).not.toContain("got null");
    // Nothing left behind: the tree is exactly what it was before the failed call.
    expect(tree(f.app)).toEqual(prepared);
  });
});
