/**
 * The audit inside `cdktf synth`.
 *
 * `KafkaStandardsAudit.of(stack, options)` adds a hidden construct to the stack whose custom
 * synthesis runs after aspects and validations, right before cdktf writes `cdk.tf.json`: it audits
 * `stack.toTerraform()`, writes `audit.json` and `AUDIT.md` to
 * `<outdir>/stacks/<stack>/kafka-standards/`, and throws when an unsuppressed finding reaches
 * `failOn` (default: error), so the synth fails, lists them, and no `cdk.tf.json` is written.
 *
 * The same two files are also registered with the stack's `StackArtifacts`, which clears and
 * rewrites that folder after `cdk.tf.json` is written (runbooks and other generated documents), so
 * the reports survive alongside them.
 */
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, type IAspect } from "cdktf";
import { Construct, type IConstruct } from "constructs";
import { StackArtifacts, type ArtifactFile } from "../../core/stack-artifacts";
import { KafkaStandardsError } from "../../errors";
import { auditDocument, failingFindings, type AuditReport } from "../engine";
import { loadTerraformJsonConfig } from "../loaders/cdktf-json";
import { resolveAuditOptions, type AuditOptions, type FailOn } from "../options";
import { renderAuditJson } from "../report/json";
import { renderAuditMarkdown } from "../report/markdown";
import { summaryLine } from "../report/summary";
import { SEVERITIES, type Finding } from "../types";

/** `failOn` levels from the strictest (fails on the least) to the most lenient. */
const FAIL_ON_ORDER: readonly FailOn[] = [...[...SEVERITIES].reverse(), "never"];

/** Folder under the stack's output folder that holds the reports (shared with `StackArtifacts`). */
export const REPORT_DIR = "kafka-standards";

/** Name of the audit's producer in `StackArtifacts`. */
export const AUDIT_ARTIFACT_PRODUCER = "kafka-standards-audit";

/** The report files of one audit run. */
export function auditReportFiles(report: AuditReport): ArtifactFile[] {
  return [
    { path: "audit.json", content: renderAuditJson(report) },
    { path: "AUDIT.md", content: renderAuditMarkdown(report) },
  ];
}

/** Options of the synth-time audit. */
export interface KafkaStandardsAuditOptions extends Omit<AuditOptions, "name"> {
  /**
   * Write `audit.json` and `AUDIT.md` next to the stack's `cdk.tf.json`.
   * @default true
   */
  readonly writeReports?: boolean;
  /**
   * Print one line per stack to standard output on a successful synth: the verdict, the counts and
   * where the stack's artifacts went (see {@link synthLine}).
   * @default true
   */
  readonly print?: boolean;
}

/** Most findings a failed synth's error message lists; the rest are in `AUDIT.md`. */
export const MAX_LISTED_FINDINGS = 10;

/**
 * The line a successful synth prints for a stack: the audit summary, then where the artifacts went
 * (relative to the working directory), or that verify-only mode wrote none. `files` is the number of
 * artifact files; `hasAuditReport` whether `AUDIT.md` is among them (when omitted, the folder is
 * looked at on disk).
 *
 * ```
 * kafka-standards audit  orders  PASS  0 errors, 0 warnings, 0 info, 0 suppressed, 0 not verifiable (45 resources, 48 rules); artifacts: cdktf.out/stacks/orders/kafka-standards/ (14 files, AUDIT.md)
 * ```
 */
export function synthLine(
  report: AuditReport,
  artifactsDir: string | undefined,
  files: number,
  hasAuditReport?: boolean,
): string {
  if (artifactsDir === undefined) return `${summaryLine(report)}; verify-only: no artifacts written`;
  const dir = path.relative(process.cwd(), artifactsDir) || ".";
  const written = hasAuditReport ?? fs.existsSync(path.join(artifactsDir, "AUDIT.md"));
  const audit = written ? ", AUDIT.md" : "";
  return `${summaryLine(report)}; artifacts: ${dir}${path.sep} (${files} file${files === 1 ? "" : "s"}${audit})`;
}

/**
 * Synth failed because of unsuppressed findings. Its message lists at most
 * {@link MAX_LISTED_FINDINGS} of them and points at `AUDIT.md`; the report and the findings are
 * carried as non-enumerable properties, so printing the error does not dump the report.
 */
export class KafkaStandardsAuditError extends KafkaStandardsError {
  /** The full report of the stack. */
  declare public readonly report: AuditReport;
  /** The findings that failed the synth. */
  declare public readonly findings: readonly Finding[];

  constructor(stackName: string, report: AuditReport, failing: readonly Finding[], reportDir?: string) {
    const howTo =
      'fix the resources, or accept a finding with KafkaStandardsSuppressions.add(<construct>, [{ id: "<rule id>", reason: "<why, 10+ characters>" }])';
    const listed = failing.slice(0, MAX_LISTED_FINDINGS);
    const more = failing.length - listed.length;
    super({
      code: "KSE-AUDIT-010",
      prop: `stack ${stackName}`,
      value: [...listed.map((f) => `${f.rule} ${f.resource}`), ...(more > 0 ? [`… ${more} more`] : [])],
      allowed: `no unsuppressed finding of severity ${report.options.failOn} or worse`,
      fix: howTo,
    });
    this.name = "KafkaStandardsAuditError";
    Object.defineProperty(this, "report", { value: report, enumerable: false });
    Object.defineProperty(this, "findings", { value: failing, enumerable: false });
    for (const key of ["name", "prop", "value", "allowed", "fix"]) {
      Object.defineProperty(this, key, { enumerable: false });
    }
    const lines = listed.map((f) => `  - ${f.rule} ${f.resource}${f.path ? ` (${f.path})` : ""}: ${f.message}`);
    if (more > 0) lines.push(`  … ${more} more`);
    this.message =
      `[KSE-AUDIT-010] Kafka standards audit failed for stack "${stackName}": ` +
      `${failing.length} unsuppressed finding${failing.length === 1 ? "" : "s"} of severity ${report.options.failOn} or worse.\n` +
      `${lines.join("\n")}\n` +
      (reportDir
        ? `Every finding with its fix: ${path.join(reportDir, "AUDIT.md")}\n`
        : "Fix hints: run the audit with writeReports on, or `kafka-standards audit <cdk.tf.json>`.\n") +
      `To proceed, ${howTo}.`;
  }
}

/**
 * Audits one stack at synth time. Create with `KafkaStandardsAudit.of(stack)`.
 *
 * @example
 * import { KafkaStandardsAudit } from "cdktf-kafka-standards";
 *
 * // Every stack holding a library construct is audited on synth; set options for the whole app:
 * KafkaStandardsAudit.forApp(app, { compliance: ["gdpr"], failOn: "warning" });
 */
export class KafkaStandardsAudit extends Construct {
  /** Construct id of the hidden audit construct. */
  public static readonly ID = "KafkaStandardsAudit";

  /**
   * Audit the stack that contains `scope` on every synth. Calling it again for the same stack
   * replaces the options.
   *
   * @example
   * import { KafkaStandardsAudit } from "cdktf-kafka-standards";
   *
   * KafkaStandardsAudit.of(stack, { compliance: ["gdpr", "sox"] });
   *
   * @throws KafkaStandardsError when `scope` is not inside a stack, or an option is invalid
   */
  public static of(scope: IConstruct, options: KafkaStandardsAuditOptions = {}): KafkaStandardsAudit {
    resolveAuditOptions(options);
    if (App.isApp(scope)) {
      throw new KafkaStandardsError({
        code: "KSE-AUDIT-007",
        prop: "scope",
        value: scope.node.path || "App",
        allowed: "a TerraformStack or a construct inside one",
        fix: "call KafkaStandardsAudit.of(stack) per stack, or KafkaStandardsAudit.forApp(app)",
      });
    }
    const audit = KafkaStandardsAudit.ensure(TerraformStack.of(scope));
    audit.options = options;
    audit.explicit = true;
    return audit;
  }

  /**
   * The audit of a stack, created with default options when the stack has none. Unlike `of`, it
   * never replaces options and does not mark them as the stack's own: a stack audited only through
   * `ensure` follows the stacks named with `inherit`.
   *
   * @example
   * import { KafkaStandardsAudit } from "cdktf-kafka-standards";
   *
   * // Audit a stack that holds no library construct, keeping any options set on it elsewhere:
   * KafkaStandardsAudit.ensure(stack);
   */
  public static ensure(stack: TerraformStack): KafkaStandardsAudit {
    const existing = stack.node.tryFindChild(KafkaStandardsAudit.ID);
    return existing instanceof KafkaStandardsAudit ? existing : new KafkaStandardsAudit(stack, {});
  }

  /**
   * Makes the audit of `stack` follow the options of `source`'s audit, unless options are set on
   * `stack` itself with `of`. A data-plane stack follows the stacks of its clusters, so the compliance
   * profiles chosen for a cluster's stack also audit its topics, ACLs and quotas. With several
   * sources, the compliance profiles are combined and the strictest `failOn` applies.
   */
  public static inherit(stack: TerraformStack, source: TerraformStack): void {
    const audit = KafkaStandardsAudit.ensure(stack);
    if (source !== stack && !audit.sources.includes(source)) audit.sources.push(source);
  }

  /** Audit every stack the app holds now (stacks added later need `of`). */
  public static forApp(app: App, options: KafkaStandardsAuditOptions = {}): KafkaStandardsAudit[] {
    return app.node
      .findAll()
      .filter((c): c is TerraformStack => TerraformStack.isStack(c))
      .map((s) => KafkaStandardsAudit.of(s, options));
  }

  /** The report of the last synth, once synthesized. */
  public report?: AuditReport;
  /** Where the last synth wrote the reports. */
  public reportDir?: string;
  private options: KafkaStandardsAuditOptions;
  private explicit = false;
  private readonly sources: TerraformStack[] = [];

  private constructor(stack: TerraformStack, options: KafkaStandardsAuditOptions) {
    super(stack, KafkaStandardsAudit.ID);
    this.options = options;
    // Audit exactly what cdktf wrote, read back by StackArtifacts after `cdk.tf.json` is written:
    // no second resolution of the stack. Error findings then fail the synth (the JSON stays for inspection).
    StackArtifacts.of(stack).add({
      name: AUDIT_ARTIFACT_PRODUCER,
      order: 10,
      // The check reads the report it rendered, and counts the files from `context.files`.
      verifyReadsFiles: false,
      produce: (context) => {
        this.report = this.audit(context.document, context.stackName);
        this.reportDir = path.join(context.stackDir, REPORT_DIR);
        return this.options.writeReports === false || context.verifyOnly ? [] : auditReportFiles(this.report);
      },
      verify: (context) => {
        const report = this.report!;
        const verifyOnly = context.verifyOnly === true;
        const failing = failingFindings(report);
        if (failing.length > 0) {
          throw new KafkaStandardsAuditError(
            context.stackName,
            report,
            failing,
            this.options.writeReports === false || verifyOnly ? undefined : this.reportDir,
          );
        }
        if (this.options.print === false) return;
        const dir = verifyOnly ? undefined : path.join(context.stackDir, REPORT_DIR);
        // The files may still be being written: count what the stack rendered, not what is on disk yet
        // (`files` is set whenever files are written, so only in verify-only mode, without `dir`, is it absent).
        const files = context.files ?? [];
        process.stdout.write(`${synthLine(report, dir, files.length, files.includes("AUDIT.md"))}\n`);
      },
    });
  }

  /** True when options were set on this stack with `of` (or `forApp`), not only defaulted or inherited. */
  public get hasOwnOptions(): boolean {
    return this.explicit;
  }

  /** The options in force: the stack's own, else those inherited from the source stacks' audits. */
  public get effectiveOptions(): KafkaStandardsAuditOptions {
    if (this.explicit) return this.options;
    const inherited = this.sources
      .map((s) => s.node.tryFindChild(KafkaStandardsAudit.ID))
      .filter((a): a is KafkaStandardsAudit => a instanceof KafkaStandardsAudit && a !== this)
      .map((a) => a.effectiveOptions);
    if (inherited.length === 0) return this.options;
    const compliance = [...new Set(inherited.flatMap((o) => o.compliance ?? []))];
    const failOn = inherited
      .map((o) => o.failOn ?? "error")
      .reduce((a, b) => (FAIL_ON_ORDER.indexOf(a) <= FAIL_ON_ORDER.indexOf(b) ? a : b));
    return {
      ...inherited[0],
      compliance,
      failOn,
      writeReports: this.options.writeReports,
    };
  }

  private audit(document: unknown, name: string): AuditReport {
    const doc = loadTerraformJsonConfig(document as Record<string, unknown>, name);
    const { compliance, tier, failOn, today } = this.effectiveOptions;
    return auditDocument(doc, { compliance, tier, failOn, today, name });
  }
}

/**
 * The same audit as an Aspect: `Aspects.of(stack).add(new KafkaAuditAspect({ tier: "prod" }))`.
 * Add it to a stack or a construct in one (cdktf does not run aspects added to the App).
 */
export class KafkaAuditAspect implements IAspect {
  constructor(private readonly options: KafkaStandardsAuditOptions = {}) {
    resolveAuditOptions(options);
  }

  public visit(node: IConstruct): void {
    if (node instanceof KafkaStandardsAudit || App.isApp(node)) return;
    const stack = TerraformStack.of(node);
    // KafkaStandardsAudit.of(stack, …) called explicitly keeps its own options; an audit the library
    // turned on by default takes the aspect's.
    const audit = stack.node.tryFindChild(KafkaStandardsAudit.ID);
    if (!(audit instanceof KafkaStandardsAudit) || !audit.hasOwnOptions) KafkaStandardsAudit.of(stack, this.options);
  }
}
