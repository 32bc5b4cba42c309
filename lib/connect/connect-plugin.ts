import { isUnresolved } from "../core/resource-metadata";
import { failWith } from "../errors";

/** Packaging of an MSK Connect custom plugin (`aws_mskconnect_custom_plugin.content_type`). */
export type ConnectPluginContentType = "ZIP" | "JAR";

/** Where the plugin's archive already is. */
export interface S3PluginLocation {
  /** ARN of the bucket holding the archive. */
  readonly bucketArn: string;
  /** Object key of the archive. */
  readonly fileKey: string;
  /**
   * Object version (versioned buckets): pins the plugin to exactly this upload.
   * @default - the latest version
   */
  readonly objectVersion?: string;
  /**
   * ZIP (a folder of jars, the usual case) or a single JAR.
   * @default - from the key's extension
   */
  readonly contentType?: ConnectPluginContentType;
}

/** An archive on the machine running `cdktf deploy` that the construct uploads. */
export interface UploadedPluginSource {
  /** Local path of the ZIP or JAR, relative to the working directory of the synth. */
  readonly path: string;
  /** Name of the bucket to upload into (it should be versioned and encrypted). */
  readonly bucketName: string;
  /** ARN of that bucket (for the plugin's location). */
  readonly bucketArn: string;
  /**
   * Object key.
   * @default "mskconnect/plugins/<connector>/<file name>"
   */
  readonly fileKey?: string;
  /**
   * ZIP or JAR.
   * @default - from the path's extension
   */
  readonly contentType?: ConnectPluginContentType;
}

/**
 * The custom plugin of an MSK Connect connector: the connector's jars plus everything it loads
 * (JDBC drivers such as `com.ibm.db2:jcc`, the `msk-config-providers` jar for Secrets Manager
 * references, the AWS Glue Schema Registry converter when schemas live in Glue).
 *
 * `ConnectPlugin.fromS3(...)` uses an archive already in S3; `ConnectPlugin.upload(...)` uploads a
 * local archive with `aws_s3_object` (encrypted with the cluster's KMS key) and points the plugin at
 * that exact object version.
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-connect-plugins.html
 */
export class ConnectPlugin {
  /**
   * A plugin archive already in S3.
   * @example
   * import { ConnectPlugin } from "cdktf-kafka-standards";
   *
   * // A plugin archive already in a versioned, encrypted bucket:
   * const plugin = ConnectPlugin.fromS3({ bucketArn: "arn:aws:s3:::connect-plugins", fileKey: "debezium-connector-db2-3.3.1.zip" });
   * console.log(plugin.origin);
   */
  public static fromS3(location: S3PluginLocation): ConnectPlugin {
    if (typeof location !== "object" || location === null) {
      failWith("KSE-CONN-010", "plugin", location, "{ bucketArn, fileKey }", "Name the S3 object of the plugin.");
    }
    checkArn(location.bucketArn, "plugin.bucketArn", /^arn:aws[a-z-]*:s3:::[a-z0-9.-]{3,63}$/);
    checkKey(location.fileKey, "plugin.fileKey");
    return new ConnectPlugin("s3", contentTypeOf(location.contentType, location.fileKey), location, undefined);
  }

  /**
   * A local archive the construct uploads with `aws_s3_object` before creating the plugin.
   * @example
   * import { ConnectPlugin } from "cdktf-kafka-standards";
   *
   * // The construct uploads the local archive (aws_s3_object) and registers it as a custom plugin:
   * const plugin = ConnectPlugin.upload({
   *   path: "plugins/snowflake-kafka-connector-2.5.0.zip",
   *   bucketName: "connect-plugins",
   *   bucketArn: "arn:aws:s3:::connect-plugins",
   * });
   * console.log(plugin.origin);
   */
  public static upload(source: UploadedPluginSource): ConnectPlugin {
    if (typeof source !== "object" || source === null) {
      failWith(
        "KSE-CONN-010",
        "plugin",
        source,
        "{ path, bucketName, bucketArn }",
        "Name the local archive and the bucket to upload it to.",
      );
    }
    if (typeof source.path !== "string" || !/\.(zip|jar)$/i.test(source.path)) {
      failWith(
        "KSE-CONN-010",
        "plugin.path",
        source.path,
        "the path of a .zip or .jar file",
        "Package the connector's jars as a ZIP.",
      );
    }
    if (typeof source.bucketName !== "string" || !source.bucketName) {
      failWith(
        "KSE-CONN-010",
        "plugin.bucketName",
        source.bucketName,
        "an S3 bucket name",
        "Name the bucket to upload into.",
      );
    }
    checkArn(source.bucketArn, "plugin.bucketArn", /^arn:aws[a-z-]*:s3:::[a-z0-9.-]{3,63}$/);
    if (source.fileKey !== undefined) checkKey(source.fileKey, "plugin.fileKey");
    return new ConnectPlugin("upload", contentTypeOf(source.contentType, source.path), undefined, source);
  }

  private constructor(
    /** Where the archive comes from. */
    public readonly origin: "s3" | "upload",
    /** ZIP or JAR. */
    public readonly contentType: ConnectPluginContentType,
    /** The S3 location, for `fromS3`. */
    public readonly location?: S3PluginLocation,
    /** The upload source, for `upload`. */
    public readonly uploadSource?: UploadedPluginSource,
  ) {}

  /** True for a ConnectPlugin. */
  public static isConnectPlugin(value: unknown): value is ConnectPlugin {
    return value instanceof ConnectPlugin;
  }
}

function contentTypeOf(given: ConnectPluginContentType | undefined, file: string): ConnectPluginContentType {
  if (given !== undefined) {
    if (given !== "ZIP" && given !== "JAR") {
      failWith("KSE-CONN-010", "plugin.contentType", given, "ZIP or JAR", "Use ZIP for a folder of jars.");
    }
    return given;
  }
  if (isUnresolved(file)) return "ZIP";
  return /\.jar$/i.test(file) ? "JAR" : "ZIP";
}

function checkArn(value: unknown, prop: string, pattern: RegExp): void {
  if (isUnresolved(value)) return;
  if (typeof value !== "string" || !pattern.test(value)) {
    failWith(
      "KSE-CONN-010",
      prop,
      value,
      "an S3 bucket ARN (arn:aws:s3:::<bucket>)",
      "Pass the bucket's ARN, e.g. bucket.arn.",
    );
  }
}

function checkKey(value: unknown, prop: string): void {
  if (isUnresolved(value)) return;
  if (typeof value !== "string" || value.length === 0 || value.length > 1024 || value.startsWith("/")) {
    failWith(
      "KSE-CONN-010",
      prop,
      value,
      "an S3 object key (1–1024 characters, no leading '/')",
      'Give the key, e.g. "plugins/debezium-db2-3.3.1.zip".',
    );
  }
}
