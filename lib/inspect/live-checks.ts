/**
 * Checks only a running cluster can answer (partition health, skew, consumer lag, metadata mode,
 * version support), reported next to the rule engine's findings with ids `KS-LIVE-NNN`.
 */
import { auditDocument, type AuditReport } from "../audit/engine";
import { failsAt, resolveAuditOptions, type AuditOptions } from "../audit/options";
import { SEVERITIES, type Finding, type RuleStats, type Severity } from "../audit/types";
import { isPastEndOfSupport, KAFKA_VERSION_CATALOG, type KafkaVersionInfo } from "../standards/kafka-versions";
import { kafkaRelease, skew, topicHealth } from "./metrics";
import { inventoryToTerraform } from "./resources";
import type { LiveInventory } from "./types";
import { compareText } from "../core/compare";

/** Thresholds of the live checks. */
export interface LiveCheckOptions {
  /** Leader skew (busiest broker's leaders / mean − 1) above which KS-LIVE-004 fires. Default 0.25. */
  readonly maxLeaderSkew?: number;
  /** Total lag (messages) above which a group is lagging (KS-LIVE-005). Default 1000. */
  readonly maxGroupLag?: number;
  /** Audit date (ISO), for end of support. */
  readonly today: string;
}

/** One live-only check. */
export interface LiveCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly fix: string;
}

function check(id: string, severity: Severity, title: string, fix: string): LiveCheck {
  return Object.freeze({ id, severity, title, fix });
}

/** Every live-only check. */
export const LIVE_CHECKS = Object.freeze({
  underReplicated: check(
    "KS-LIVE-001",
    "error",
    "No under-replicated partitions",
    "Find the broker missing from the ISR (down, slow disk, network) and bring it back; reassign replicas off a broker that stays down.",
  ),
  offline: check(
    "KS-LIVE-002",
    "error",
    "No offline partitions",
    "Start the brokers holding the partition's replicas; an offline partition accepts no reads or writes.",
  ),
  belowMinIsr: check(
    "KS-LIVE-003",
    "error",
    "ISR at or above min.insync.replicas",
    "Restore the missing replicas: with the ISR below min.insync.replicas every acks=all producer fails with NotEnoughReplicas.",
  ),
  leaderSkew: check(
    "KS-LIVE-004",
    "warning",
    "Partition leadership is balanced across brokers",
    "Run a preferred leader election (kafka-leader-election.sh --election-type PREFERRED --all-topic-partitions) and keep auto.leader.rebalance.enable=true.",
  ),
  laggingGroup: check(
    "KS-LIVE-005",
    "warning",
    "Consumer groups keep up with their topics",
    "Scale the group's consumers up to the partition count, or find the slow processing step; lag beyond retention loses data.",
  ),
  idleGroup: check(
    "KS-LIVE-006",
    "info",
    "No idle consumer groups holding offsets",
    "Delete groups no application uses (kafka-consumer-groups.sh --delete --group <id>), or restart their consumers.",
  ),
  zookeeper: check(
    "KS-LIVE-007",
    "error",
    "Cluster runs in KRaft mode",
    "ZooKeeper mode is removed in Kafka 4.0. On MSK, create a KRaft cluster (kafka_version x.y.x.kraft; metadata mode cannot change in place) and move clients with MirrorMaker 2 or a dual-write cutover; self-managed 3.9 clusters can migrate in place (KIP-866: provision controllers with zookeeper.metadata.migration.enable=true, roll brokers, then finalize).",
  ),
  endOfSupport: check(
    "KS-LIVE-008",
    "error",
    "Kafka version is supported",
    "Upgrade to a supported release (3.9.x.kraft on MSK is the library default).",
  ),
  noAuthorizer: check(
    "KS-LIVE-009",
    "error",
    "ACLs are enforced and readable",
    "Enable an authorizer (StandardAuthorizer on KRaft) with allow.everyone.if.no.acl.found=false, and inspect with a principal allowed to describe ACLs.",
  ),
});

function finding(c: LiveCheck, resource: string, type: string, message: string): Finding {
  return {
    rule: c.id,
    severity: c.severity,
    title: c.title,
    resource,
    type,
    message,
    fix: c.fix,
    controls: [],
    compliance: [],
    suppressed: false,
  };
}

/** The MSK catalog entries of a release (major.minor) in a metadata mode. */
export function catalogEntries(release: string, kraft: boolean): KafkaVersionInfo[] {
  return KAFKA_VERSION_CATALOG.filter((v) => v.version.startsWith(`${release}.`) && v.kraft === kraft);
}

/** Run the live-only checks; also returns per-check outcome counts. */
export function liveFindings(
  inv: LiveInventory,
  options: LiveCheckOptions,
): { findings: Finding[]; stats: RuleStats[] } {
  const maxSkew = options.maxLeaderSkew ?? 0.25;
  const maxLag = options.maxGroupLag ?? 1000;
  const findings: Finding[] = [];
  const counts = new Map<string, { ok: number; bad: number }>();
  const tally = (c: LiveCheck, bad: boolean): void => {
    const s = counts.get(c.id) ?? { ok: 0, bad: 0 };
    if (bad) s.bad++;
    else s.ok++;
    counts.set(c.id, s);
  };
  const cluster = `cluster ${inv.clusterId}`;

  for (const h of topicHealth(inv)) {
    const where = `topic ${h.topic}`;
    tally(LIVE_CHECKS.underReplicated, h.underReplicated > 0);
    if (h.underReplicated > 0)
      findings.push(
        finding(
          LIVE_CHECKS.underReplicated,
          where,
          "topic",
          `${h.underReplicated} of ${h.partitions} partitions are under-replicated`,
        ),
      );
    tally(LIVE_CHECKS.offline, h.offline > 0);
    if (h.offline > 0)
      findings.push(
        finding(LIVE_CHECKS.offline, where, "topic", `${h.offline} of ${h.partitions} partitions have no leader`),
      );
    tally(LIVE_CHECKS.belowMinIsr, h.belowMinIsr > 0);
    if (h.belowMinIsr > 0)
      findings.push(
        finding(
          LIVE_CHECKS.belowMinIsr,
          where,
          "topic",
          `${h.belowMinIsr} of ${h.partitions} partitions have fewer in-sync replicas than min.insync.replicas ${h.minInsyncReplicas}`,
        ),
      );
  }

  const s = skew(inv);
  const leaderCount = Object.values(s.leaders).reduce((a, b) => a + b, 0);
  // With fewer leaders than brokers some broker necessarily leads nothing: not a skew.
  const skewed = leaderCount >= inv.brokers.length && s.leaderSkew > maxSkew;
  tally(LIVE_CHECKS.leaderSkew, skewed);
  if (skewed) {
    const per = Object.entries(s.leaders)
      .map(([b, n]) => `broker ${b}: ${n}`)
      .join(", ");
    findings.push(
      finding(
        LIVE_CHECKS.leaderSkew,
        cluster,
        "cluster",
        `the busiest broker leads ${Math.round(s.leaderSkew * 100)}% more partitions than the mean (${per}); at most ${Math.round(maxSkew * 100)}%`,
      ),
    );
  }

  for (const g of inv.consumerGroups) {
    const where = `group ${g.groupId}`;
    const lagging = g.lag > maxLag;
    tally(LIVE_CHECKS.laggingGroup, lagging);
    if (lagging)
      findings.push(
        finding(
          LIVE_CHECKS.laggingGroup,
          where,
          "consumer_group",
          `lag ${g.lag} messages (state ${g.state}, ${g.members} members); at most ${maxLag}`,
        ),
      );
    const idle = g.members === 0 && g.offsets.length > 0;
    tally(LIVE_CHECKS.idleGroup, idle);
    if (idle)
      findings.push(
        finding(
          LIVE_CHECKS.idleGroup,
          where,
          "consumer_group",
          `no members (state ${g.state}) but committed offsets on ${g.offsets.length} partitions`,
        ),
      );
  }

  const zk = inv.mode === "zookeeper";
  tally(LIVE_CHECKS.zookeeper, zk);
  if (zk)
    findings.push(
      finding(
        LIVE_CHECKS.zookeeper,
        cluster,
        "cluster",
        "the cluster keeps its metadata in ZooKeeper (describeMetadataQuorum is not supported)",
      ),
    );

  const release = kafkaRelease(inv);
  if (release !== undefined && /^\d+\.\d+$/.test(release)) {
    const entries = catalogEntries(release, !zk);
    const [major, minor] = release.split(".").map(Number);
    const older = major < 3 || (major === 3 && minor < 1);
    const past = older || (entries.length > 0 && entries.every((e) => isPastEndOfSupport(e, options.today)));
    tally(LIVE_CHECKS.endOfSupport, past);
    if (past) {
      const dates = entries.map((e) => `${e.version} ${e.endOfSupport ?? e.status}`).join(", ");
      findings.push(
        finding(
          LIVE_CHECKS.endOfSupport,
          cluster,
          "cluster",
          `Kafka ${release} is past end of support${dates ? ` (${dates})` : ""} on ${options.today}`,
        ),
      );
    }
  }

  const noAcls = inv.acls === null;
  tally(LIVE_CHECKS.noAuthorizer, noAcls);
  if (noAcls) {
    const why = inv.warnings.find((w) => w.startsWith("acls:")) ?? "acls: not readable";
    findings.push(finding(LIVE_CHECKS.noAuthorizer, cluster, "cluster", `ACLs could not be read (${why.slice(6)})`));
  }

  const stats: RuleStats[] = Object.values(LIVE_CHECKS)
    .filter((c) => counts.has(c.id))
    .map((c) => {
      const n = counts.get(c.id)!;
      return { rule: c.id, compliant: n.ok, nonCompliant: n.bad, suppressed: 0, notApplicable: 0, notVerifiable: 0 };
    });
  return { findings, stats };
}

function compare(a: Finding, b: Finding): number {
  return (
    Number(a.suppressed) - Number(b.suppressed) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.rule, b.rule) ||
    compareText(a.resource, b.resource)
  );
}

/** Options of a live audit. */
export interface LiveAuditOptions extends AuditOptions {
  readonly maxLeaderSkew?: number;
  readonly maxGroupLag?: number;
}

/**
 * Audit a live inventory: the rule engine over its Terraform view, plus the live-only checks, merged
 * into one report (the live findings count in the summary and against `failOn`).
 */
export function auditInventory(inv: LiveInventory, options: LiveAuditOptions = {}): AuditReport {
  const { maxLeaderSkew, maxGroupLag, ...auditOptions } = options;
  const resolved = resolveAuditOptions(auditOptions);
  const doc = inventoryToTerraform(inv);
  const base = auditDocument(doc, { ...auditOptions, name: auditOptions.name ?? doc["//"].metadata.stackName });
  const live = liveFindings(inv, {
    today: resolved.today,
    ...(maxLeaderSkew !== undefined ? { maxLeaderSkew } : {}),
    ...(maxGroupLag !== undefined ? { maxGroupLag } : {}),
  });
  const findings = [...base.findings, ...live.findings].sort(compare);
  const open = findings.filter((f) => !f.suppressed);
  const count = (sev: Severity): number => open.filter((f) => f.severity === sev).length;
  return {
    ...base,
    summary: {
      ...base.summary,
      rulesRun: base.summary.rulesRun + live.stats.length,
      error: count("error"),
      warning: count("warning"),
      info: count("info"),
      compliant: base.summary.compliant + live.stats.reduce((n, s) => n + s.compliant, 0),
      passed: !open.some((f) => failsAt(f.severity, resolved.failOn)),
    },
    findings,
    rules: [...base.rules, ...live.stats],
  };
}
