/**
 * What the load generator reports (its JSON lines) and the report built from them.
 */
import type { ClientProfileName } from "../standards/client-profiles";
import type { LoadtestAuth } from "./options";

/** Latency percentiles in milliseconds. */
export interface LatencySummary {
  /** Samples. */
  readonly count: number;
  /** Mean. */
  readonly mean: number;
  /** Median. */
  readonly p50: number;
  /** 99th percentile. */
  readonly p99: number;
  /** 99.9th percentile. */
  readonly p999: number;
  /** Largest sample. */
  readonly max: number;
}

/** Producer phase. */
export interface ProducerResult {
  /** Records the producer was asked to send. */
  readonly records: number;
  /** Records acknowledged (and, with transactions, committed). */
  readonly acknowledged: number;
  /** Sends that failed. */
  readonly errors: number;
  /** The first failure, if any. */
  readonly firstError: string | null;
  /** From the first send to the last acknowledgement. */
  readonly durationMs: number;
  /** Acknowledged records per second. */
  readonly recordsPerSec: number;
  /** Acknowledged value bytes per second, in MiB. */
  readonly mibPerSec: number;
  /** Time from send() to the acknowledgement callback. */
  readonly ackLatencyMs: LatencySummary;
  /** Transactions (EXACTLY_ONCE). */
  readonly transactions?: {
    readonly committed: number;
    readonly aborted: number;
    readonly recordsPerTransaction: number;
  };
}

/** Consumer phase. */
export interface ConsumerResult {
  /** Distinct records of this run consumed. */
  readonly consumed: number;
  /** Of those, records that were acknowledged. */
  readonly consumedAcknowledged: number;
  /** Acknowledged records not consumed. */
  readonly missing: number;
  /** Sequence numbers of the first missing records. */
  readonly firstMissing: readonly number[];
  /** Records read more than once. */
  readonly duplicates: number;
  /** Records consumed whose send was not acknowledged (or whose transaction aborted). */
  readonly unacknowledgedConsumed: number;
  /** From subscribe() to the first partition assignment. */
  readonly groupJoinMs: number | null;
  /** From the assignment to the last new record. */
  readonly durationMs: number;
  /** Records per second. */
  readonly recordsPerSec: number;
  /** Value bytes per second, in MiB. */
  readonly mibPerSec: number;
  /** Offset commits (manual-commit profiles), or null with auto-commit. */
  readonly commits: number | null;
  /** End-to-end latency (consume time minus record timestamp) of a consumer reading along with the producer. */
  readonly endToEndLatencyMs: LatencySummary;
  /** Why the reading-along consumer stopped early, if it did. */
  readonly endToEndFailure: string | null;
}

/** The topic as the generator found or created it. */
export interface TopicInfo {
  /** Name. */
  readonly name: string;
  /** Created by this run. */
  readonly created: boolean;
  /** Partitions. */
  readonly partitions: number;
  /** Smallest replica count of any partition. */
  readonly replicationFactor: number;
  /** min.insync.replicas, when the principal may read topic configs. */
  readonly minInsyncReplicas: number | null;
  /** message.timestamp.type, when readable. */
  readonly timestampType: string | null;
  /** Why the topic's configs could not be read, if they could not. */
  readonly configsError?: string | null;
}

/** One broker. */
export interface BrokerInfo {
  /** Node id. */
  readonly id: number;
  /** Host. */
  readonly host: string;
  /** Port. */
  readonly port: number;
  /** Rack (availability zone on MSK), if any. */
  readonly rack: string | null;
}

/** The cluster. */
export interface ClusterInfo {
  /** Cluster id. */
  readonly clusterId: string | null;
  /** Brokers. */
  readonly brokers: readonly BrokerInfo[];
}

/** The generator's environment. */
export interface GeneratorInfo {
  /** Apache Kafka client version. */
  readonly kafkaClientVersion: string;
  /** JVM version. */
  readonly javaVersion: string;
  /** JVM vendor. */
  readonly javaVendor: string;
  /** Host name as the JVM sees it. */
  readonly host: string;
}

/** One JSON line of the generator. */
export type GeneratorMessage =
  | ({ readonly type: "info" } & GeneratorInfo)
  | {
      readonly type: "overrides";
      readonly producer: readonly string[];
      readonly consumer: readonly string[];
      readonly admin: readonly string[];
    }
  | ({ readonly type: "cluster" } & ClusterInfo)
  | ({ readonly type: "topic" } & TopicInfo)
  | {
      readonly type: "progress";
      readonly phase: "produce" | "consume";
      readonly done: number;
      readonly total: number;
      readonly elapsedMs: number;
    }
  | ({ readonly type: "producer" } & ProducerResult)
  | ({ readonly type: "consumer" } & ConsumerResult)
  | { readonly type: "done" }
  | { readonly type: "error"; readonly kind: string; readonly message: string };

/** The count check of one run. */
export interface CountCheck {
  /** Records acknowledged by the producer. */
  readonly acknowledged: number;
  /** Acknowledged records consumed. */
  readonly consumed: number;
  /** Acknowledged records not consumed. */
  readonly missing: number;
  /** Sends that failed. */
  readonly sendErrors: number;
  /** Every acknowledged record consumed and no send failed. */
  readonly passed: boolean;
}

/** One run: the client defaults or a profile. */
export interface RunReport {
  /** "client defaults" or the profile name. */
  readonly name: string;
  /** The profile, or null for the Kafka client defaults. */
  readonly profile: ClientProfileName | null;
  /** The exact client properties used, secrets redacted. */
  readonly properties: {
    readonly producer: Readonly<Record<string, string>>;
    readonly consumer: Readonly<Record<string, string>>;
    readonly admin: Readonly<Record<string, string>>;
  };
  /** Producer phase. */
  readonly producer: ProducerResult;
  /** Consumer phase. */
  readonly consumer: ConsumerResult;
  /** Count check. */
  readonly check: CountCheck;
  /** When the run started and finished (ISO 8601). */
  readonly startedAt: string;
  /** Finish time. */
  readonly finishedAt: string;
}

/** A profile metric next to the client defaults. */
export interface ComparisonRow {
  /** What is compared. */
  readonly metric: string;
  /** Unit. */
  readonly unit: string;
  /** Value with the client defaults. */
  readonly defaults: number;
  /** Value with the profile. */
  readonly profile: number;
  /** profile / defaults (null when defaults is 0). */
  readonly ratio: number | null;
  /** Whether a higher value is better. */
  readonly higherIsBetter: boolean;
}

/** The JSON report. */
export interface LoadtestReport {
  /** Report format. */
  readonly schema: "kafka-standards/loadtest-report/v1";
  /** Tool and version. */
  readonly tool: { readonly name: string; readonly version: string };
  /** Start (ISO 8601). */
  readonly startedAt: string;
  /** End (ISO 8601). */
  readonly finishedAt: string;
  /** Where it ran. */
  readonly host: {
    readonly hostname: string;
    readonly platform: string;
    readonly arch: string;
    readonly cpus: number;
    readonly node: string;
    readonly java: string;
    readonly kafkaClient: string;
  };
  /** What was asked for (no secret: the password is named by its variable only). */
  readonly options: {
    readonly bootstrap: string;
    readonly topic: string;
    readonly profile: ClientProfileName;
    readonly compareDefault: boolean;
    readonly records: number;
    readonly recordSize: number;
    readonly throughput: number | null;
    readonly auth: LoadtestAuth;
    readonly username: string | null;
    readonly passwordEnv: string | null;
    readonly awsRegion: string | null;
    readonly consumerGroup: string;
    readonly extraProperties: readonly string[];
  };
  /** The cluster. */
  readonly cluster: ClusterInfo;
  /** The topic. */
  readonly topic: TopicInfo;
  /** Runs, client defaults first when compared. */
  readonly runs: readonly RunReport[];
  /** Profile against client defaults, with --compare-default. */
  readonly comparison: readonly ComparisonRow[] | null;
  /** Things that make the numbers or the profile's guarantees weaker. */
  readonly warnings: readonly string[];
  /** Every run passed its count check. */
  readonly passed: boolean;
}
