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
import { ARTIFACTS_CONTEXT, StackArtifacts, type ArtifactFile } from "../../core/stack-artifacts";
import { KafkaStandardsError } from "../../errors";
import { auditDocument, failingFindings, type AuditReport } from "../engine";
import { loadTerraformJsonConfig } from "../loaders/cdktf-json";
import { resolveAuditOptions, type AuditOptions } from "../options";
import { renderAuditJson } from "../report/json";
import { renderAuditMarkdown } from "../report/markdown";
import { summaryLine } from "../report/summary";
import type { Finding } from "../types";

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

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
}

/**
 * The line a successful synth prints for a stack: the audit summary, then where the artifacts went
 * (relative to the working directory), or that verify-only mode wrote none.
 *
 * ```
 * kafka-standards audit  orders  PASS  0 errors, 0 warnings, 0 info, 0 suppressed, 0 not verifiable (45 resources, 48 rules); artifacts: cdktf.out/stacks/orders/kafka-standards/ (14 files, AUDIT.md)
 * ```
 */
export function synthLine(report: AuditReport, artifactsDir: string | undefined, files: number): string {
  if (artifactsDir === undefined) return `${summaryLine(report)}; verify-only: no artifacts written`;
  const dir = path.relative(process.cwd(), artifactsDir) || ".";
  const audit = fs.existsSync(path.join(artifactsDir, "AUDIT.md")) ? ", AUDIT.md" : "";
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

/** Audits one stack at synth time. Create with `KafkaStandardsAudit.of(stack)`. */
export class KafkaStandardsAudit extends Construct {
  /** Construct id of the hidden audit construct. */
  public static readonly ID = "KafkaStandardsAudit";

  /**
   * Audit the stack that contains `scope` on every synth. Calling it again for the same stack
   * replaces the options.
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
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(KafkaStandardsAudit.ID);
    if (existing instanceof KafkaStandardsAudit) {
      existing.options = options;
      return existing;
    }
    return new KafkaStandardsAudit(stack, options);
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

  private constructor(stack: TerraformStack, options: KafkaStandardsAuditOptions) {
    super(stack, KafkaStandardsAudit.ID);
    this.options = options;
    // Audit exactly what cdktf wrote, read back by StackArtifacts after `cdk.tf.json` is written:
    // no second resolution of the stack. Error findings then fail the synth (the JSON stays for inspection).
    StackArtifacts.of(stack).add({
      name: AUDIT_ARTIFACT_PRODUCER,
      order: 10,
      produce: (context) => {
        this.report = this.audit(context.document, context.stackName);
        this.reportDir = path.join(context.stackDir, REPORT_DIR);
        return this.options.writeReports === false ? [] : auditReportFiles(this.report);
      },
      verify: (context) => {
        const report = this.report!;
        const verifyOnly = this.node.tryGetContext(ARTIFACTS_CONTEXT) === "verify-only";
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
        process.stdout.write(`${synthLine(report, dir, dir ? countFiles(dir) : 0)}\n`);
      },
    });
  }

  private audit(document: unknown, name: string): AuditReport {
    const doc = loadTerraformJsonConfig(document as Record<string, unknown>, name);
    const { compliance, tier, failOn, today } = this.options;
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
    // KafkaStandardsAudit.of(stack, …) called explicitly keeps its own options.
    if (!stack.node.tryFindChild(KafkaStandardsAudit.ID)) KafkaStandardsAudit.of(stack, this.options);
  }
}
