/**
 * lib/providers/schema/aws-excerpt.json (hashicorp/aws 6.25.0, ephemeral resources and the write-only
 * argument) checked against the bindings generated from the real 6.25.0 schema, and the library's
 * ephemeral blocks checked against it: the SCRAM users, the SCRAM data plane, an existing SCRAM cluster.
 * The examples are checked in test/examples/examples.test.ts with the same functions.
 */
import { Fn, TerraformStack, Testing, Token } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { DataAwsSecretsmanagerRandomPassword } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-random-password";
import { DataAwsSecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-version";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ClientAuthentication } from "../../lib/msk/client-authentication";
import { ExistingClusterAuth } from "../../lib/msk/existing-cluster-auth";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { synth } from "../helpers";
import {
  AWS_EXCERPT,
  EPHEMERAL_SCHEMAS,
  RESOURCE_SCHEMAS,
  SchemaAttribute,
  ephemeralFlowProblems,
  ephemeralSchemaProblems,
} from "./aws-excerpt";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BINDINGS_PACKAGE = require("@cdktf/provider-aws/package.json");

/**
 * A binding's arguments as the generator wrote them: name → `string` / `number` / `boolean` / `stringList`.
 * `synthesizeHclAttributes` leaves out unset arguments, so it is read through a view in which every
 * argument field holds a token.
 */
function bindingArguments(element: object): Record<string, string> {
  // A protected method of every generated element; called here only to read the argument table.
  const synthesize = (element as unknown as { synthesizeHclAttributes(): Record<string, any> }).synthesizeHclAttributes;
  const everySet = new Proxy(element, {
    get: (target, key) =>
      typeof key === "string" && /^_[a-z]/.test(key) ? Token.asAny(Fn.uuid()) : Reflect.get(target, key),
  });
  return Object.fromEntries(
    Object.entries(synthesize.call(everySet)).map(([k, v]: [string, any]) => [k, String(v.storageClassType)]),
  );
}

/** The excerpt's arguments (required or optional) in the bindings' type names. */
function excerptArguments(attributes: Readonly<Record<string, SchemaAttribute>>): Record<string, string> {
  const typeName = (t: SchemaAttribute["type"]): string =>
    Array.isArray(t)
      ? `${t[1]}List`
      : ({ string: "string", number: "number", bool: "boolean" } as Record<string, string>)[t as string];
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, a]) => a.required || a.optional)
      .map(([k, a]) => [k, typeName(a.type)]),
  );
}

const sorted = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

describe("the excerpt of the hashicorp/aws schema", () => {
  const stack = new TerraformStack(Testing.app(), "bindings");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });

  test("is for the provider version the AWS bindings are generated from", () => {
    expect(BINDINGS_PACKAGE.cdktf.provider).toEqual({
      name: "registry.terraform.io/hashicorp/aws",
      version: AWS_EXCERPT["//"].version,
    });
    expect(AWS_EXCERPT["//"].version).toBe("6.25.0");
  });

  test("aws_secretsmanager_secret_version: the same arguments and types as the 6.25.0 binding, secret_string_wo write-only", () => {
    const binding = new SecretsmanagerSecretVersion(stack, "v", { secretId: "s" });
    const args = bindingArguments(binding);
    // Arguments of the binding generated from the provider's real schema (SDK v2 adds `id`).
    expect(sorted(excerptArguments(RESOURCE_SCHEMAS.aws_secretsmanager_secret_version))).toEqual(sorted(args));
    expect(args).toMatchObject({ secret_string_wo: "string", secret_string_wo_version: "number" });
    expect(RESOURCE_SCHEMAS.aws_secretsmanager_secret_version.secret_string_wo).toMatchObject({
      optional: true,
      write_only: true,
      sensitive: true,
    });
    // write_only is the one flag the bindings cannot show (cdktf 0.21 ignores it): only secret_string_wo has it.
    expect(
      Object.entries(RESOURCE_SCHEMAS.aws_secretsmanager_secret_version)
        .filter(([, a]) => a.write_only)
        .map(([k]) => k),
    ).toEqual(["secret_string_wo"]);
  });

  test.each([
    ["aws_secretsmanager_random_password", () => new DataAwsSecretsmanagerRandomPassword(stack, "p", {})],
    ["aws_secretsmanager_secret_version", () => new DataAwsSecretsmanagerSecretVersion(stack, "s", { secretId: "s" })],
  ])(
    "ephemeral %s takes the arguments (names and types) of the 6.25.0 data source of the same name, less its id",
    (type, dataSource) => {
      const args = bindingArguments(dataSource());
      delete args.id;
      expect(sorted(excerptArguments(EPHEMERAL_SCHEMAS[type]))).toEqual(sorted(args));
    },
  );

  test("the ephemeral attributes the library reads are computed and sensitive", () => {
    expect(EPHEMERAL_SCHEMAS.aws_secretsmanager_random_password.random_password).toMatchObject({
      computed: true,
      sensitive: true,
    });
    expect(EPHEMERAL_SCHEMAS.aws_secretsmanager_secret_version.secret_string).toMatchObject({
      computed: true,
      sensitive: true,
    });
    expect(EPHEMERAL_SCHEMAS.aws_secretsmanager_secret_version.secret_id.required).toBe(true);
  });
});

/** Every stack the library writes ephemeral blocks into: SCRAM users, a SCRAM data plane, an existing cluster. */
function fixtures(): Record<string, any> {
  const app = Testing.app();
  const control = new TerraformStack(app, "control");
  new AwsProvider(control, "aws", { region: "eu-west-1" });
  const scram = new MskCluster(control, "payments", {
    clusterName: "payments",
    tier: "prod",
    vpcId: "vpc-1",
    clientSubnetIds: ["a", "b", "c"],
    authentication: ClientAuthentication.scram({ users: ["admin", "ledger"] }),
    dataPlane: { adminScramUser: "admin" },
  });
  scram.addTopic("payments.ledger").grantProduce(
    scram.addApplication("ledger", {
      principal: KafkaPrincipal.scramUser("ledger"),
    }),
  );
  const existing = new TerraformStack(app, "existing");
  new AwsProvider(existing, "aws", { region: "eu-west-1" });
  const legacy = MskCluster.fromAttributes(existing, "legacy", {
    clusterName: "legacy",
    tier: "prod",
    clusterArn: "arn:aws:kafka:eu-west-1:123456789012:cluster/legacy/abc",
    bootstrapBrokers: "b-1.legacy:9096,b-2.legacy:9096",
    auth: ExistingClusterAuth.scram({
      username: "admin",
      passwordSecretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:admin",
    }),
    principals: { scramUsers: ["admin", "orders-api"] },
    brokerNodes: 3,
  });
  legacy.addTopic("orders.created");
  return { control: synth(control), "control-data": synth(scram.dataPlane), existing: synth(existing) };
}

describe("the library's ephemeral blocks against the excerpt", () => {
  const docs = fixtures();

  test("the fixtures emit both ephemeral types: the SCRAM passwords and the admin secret reads", () => {
    const count = (stack: string, type: string): number => Object.keys(docs[stack].ephemeral?.[type] ?? {}).length;
    expect(count("control", "aws_secretsmanager_random_password")).toBe(2);
    expect(count("control-data", "aws_secretsmanager_secret_version")).toBe(1);
    expect(count("existing", "aws_secretsmanager_secret_version")).toBe(1);
  });

  test.each(["control", "control-data", "existing"])(
    "%s: every ephemeral block and reference matches the schema; values flow only into write-only args and providers",
    (stack) => {
      expect(ephemeralSchemaProblems(docs[stack])).toEqual([]);
      expect(ephemeralFlowProblems(docs[stack])).toEqual([]);
    },
  );
});

describe("the checks report what Terraform would reject", () => {
  const password = (body: Record<string, unknown>) => ({
    ephemeral: { aws_secretsmanager_random_password: { P: body } },
    resource: {
      aws_secretsmanager_secret_version: {
        V: {
          secret_id: "${aws_secretsmanager_secret.S.id}",
          secret_string_wo: "${ephemeral.aws_secretsmanager_random_password.P.random_password}",
          secret_string_wo_version: 1,
        },
      },
    },
  });

  test("a well-formed document passes", () => {
    const doc = password({ password_length: 32, exclude_punctuation: true, require_each_included_type: true });
    expect(ephemeralSchemaProblems(doc)).toEqual([]);
    expect(ephemeralFlowProblems(doc)).toEqual([]);
  });

  test.each<[string, any, string]>([
    [
      "an argument the schema lacks",
      password({ length: 32 }),
      "ephemeral.aws_secretsmanager_random_password.P.length: no such argument",
    ],
    ["a computed attribute set", password({ random_password: "x" }), "random_password: computed only, not an argument"],
    ["a number given as a string", password({ password_length: "32" }), 'password_length: "32" is not a "number"'],
    [
      "a bool given as a string",
      password({ exclude_punctuation: "true" }),
      'exclude_punctuation: "true" is not a "bool"',
    ],
    [
      "a required argument missing",
      { ephemeral: { aws_secretsmanager_secret_version: { A: { provider: "aws.x" } } } },
      "ephemeral.aws_secretsmanager_secret_version.A: required argument secret_id missing",
    ],
    [
      "an ephemeral type outside the excerpt",
      { ephemeral: { aws_secretsmanager_random_passwords: { P: {} } } },
      "not an ephemeral resource of the excerpt",
    ],
    [
      "a reference to an attribute the schema lacks",
      {
        ephemeral: { aws_secretsmanager_secret_version: { A: { secret_id: "s" } } },
        provider: { kafka: [{ sasl_password: "${ephemeral.aws_secretsmanager_secret_version.A.secret_value}" }] },
      },
      "aws_secretsmanager_secret_version has no attribute secret_value",
    ],
    [
      "a reference to an undeclared block",
      { provider: { kafka: [{ sasl_password: "${ephemeral.aws_secretsmanager_secret_version.B.secret_string}" }] } },
      "no ephemeral block aws_secretsmanager_secret_version.B",
    ],
  ])("schema: %s", (_name, doc, problem) => {
    expect(ephemeralSchemaProblems(doc)).toEqual([expect.stringContaining(problem)]);
  });

  const ref = "${ephemeral.aws_secretsmanager_random_password.P.random_password}";
  test.each<[string, any, string]>([
    [
      "a normal resource argument",
      { resource: { aws_secretsmanager_secret_version: { V: { secret_string: ref } } } },
      "resource.aws_secretsmanager_secret_version.V.secret_string reads",
    ],
    [
      "the version argument next to the write-only one",
      { resource: { aws_secretsmanager_secret_version: { V: { secret_string_wo_version: ref } } } },
      "secret_string_wo_version reads",
    ],
    [
      "a *_wo argument the excerpt does not list as write_only",
      { resource: { aws_db_instance: { D: { password_wo: ref } } } },
      "aws_db_instance.D.password_wo reads ephemeral.aws_secretsmanager_random_password.P.random_password: not a write_only argument of the excerpt",
    ],
    ["an output", { output: { pw: { value: ref, sensitive: true } } }, "output reads"],
    ["a data source", { data: { aws_iam_policy_document: { D: { json: ref } } } }, "data reads"],
    ["a local", { locals: { pw: ref } }, "locals reads"],
  ])("flow: an ephemeral value in %s is reported", (_name, doc, problem) => {
    expect(ephemeralFlowProblems(doc)).toEqual([expect.stringContaining(problem)]);
  });

  test("flow: provider blocks and other ephemeral blocks may read ephemeral values", () => {
    expect(
      ephemeralFlowProblems({
        provider: { kafka: [{ sasl_password: ref }] },
        ephemeral: { aws_secretsmanager_secret_version: { A: { secret_id: ref } } },
      }),
    ).toEqual([]);
  });
});
