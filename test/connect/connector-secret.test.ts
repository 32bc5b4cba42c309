import { TerraformVariable } from "cdktf";
import { ConnectorSecret, requireSecret } from "../../lib/connect/connector-secret";
import { ConnectPlugin } from "../../lib/connect/connect-plugin";
import { newStack } from "../helpers";
import { expectError } from "./helpers";

const ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf";

describe("ConnectorSecret", () => {
  test("Secrets Manager: a config-provider reference with Terraform's $${ escape, by name or encoded ARN", () => {
    expect(ConnectorSecret.secretsManager({ secretArn: ARN, secretName: "prod/db" }, "password").configValue()).toBe(
      "$${secretsmanager:prod/db:password}",
    );
    expect(ConnectorSecret.secretsManager({ secretArn: ARN }, "password").configValue()).toBe(
      "$${secretsmanager:arn%3Aaws%3Asecretsmanager%3Aeu-west-1%3A111122223333%3Asecret%3Adb-AbCdEf:password}",
    );
  });

  test("Terraform reference: the reference itself", () => {
    const { stack } = newStack();
    const v = new TerraformVariable(stack, "pw", { type: "string", sensitive: true }).stringValue;
    const s = ConnectorSecret.terraformReference(v);
    expect([s.kind, s.configValue()]).toEqual(["terraform-reference", v]);
  });

  test.each([
    ["no ARN", () => ConnectorSecret.secretsManager({} as never, "k"), "KSE-CONN-015", "secret.secretArn"],
    ["bad key", () => ConnectorSecret.secretsManager({ secretArn: ARN }, "a b"), "KSE-CONN-015", "jsonKey"],
    [
      "a token ARN without a name",
      () => {
        const { stack } = newStack();
        return ConnectorSecret.secretsManager(
          { secretArn: new TerraformVariable(stack, "a", { type: "string" }).stringValue },
          "k",
        );
      },
      "KSE-CONN-015",
      "secretName",
    ],
    [
      "a literal as a Terraform reference",
      () => ConnectorSecret.terraformReference("hunter2"),
      "KSE-CONN-003",
      "<literal string, value hidden>",
    ],
    [
      "a plain string where a secret is expected",
      () => requireSecret("hunter2", "password", "p"),
      "KSE-CONN-003",
      "Invalid password",
    ],
  ])("refuses %s", (_n, fn, code, fragment) => {
    const e = expectError(fn, code, fragment);
    expect(e.message).not.toContain("hunter2");
  });
});

describe("ConnectPlugin", () => {
  test("from S3: content type from the key", () => {
    expect(ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "a/x.jar" }).contentType).toBe("JAR");
    expect(ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "a/x.zip" }).contentType).toBe("ZIP");
  });

  test.each([
    ["bucket ARN", () => ConnectPlugin.fromS3({ bucketArn: "my-bucket", fileKey: "x.zip" }), "plugin.bucketArn"],
    ["key", () => ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "/x.zip" }), "plugin.fileKey"],
    [
      "content type",
      () => ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::plugins", fileKey: "x", contentType: "TAR" as "ZIP" }),
      "ZIP or JAR",
    ],
    [
      "upload path",
      () => ConnectPlugin.upload({ path: "x.tgz", bucketName: "b", bucketArn: "arn:aws:s3:::plugins" }),
      "plugin.path",
    ],
    [
      "upload bucket",
      () => ConnectPlugin.upload({ path: "x.zip", bucketName: "", bucketArn: "arn:aws:s3:::plugins" }),
      "plugin.bucketName",
    ],
    ["not an object", () => ConnectPlugin.fromS3(undefined as never), "{ bucketArn, fileKey }"],
  ])("refuses an invalid %s", (_n, fn, fragment) => {
    expectError(fn, "KSE-CONN-010", fragment);
  });
});
