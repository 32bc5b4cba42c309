import * as fs from "fs";
import * as path from "path";
import { Construct } from "constructs";
import { App, ISynthesisSession, TerraformStack } from "cdktf";
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { failWith } from "../errors";
import { ArtifactWriter } from "./artifact-writer";

/** Any value read from synthesized Terraform JSON (untyped by nature). */
export type JsonAny = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A synthesized Terraform JSON document, as written to `cdk.tf.json`. */
export type TerraformDocument = Record<string, JsonAny>;

/** What an artifact producer gets: the stack's synthesized document and where it was written. */
export interface ArtifactContext {
  /** Stack name. */
  readonly stackName: string;
  /** The synthesized document. */
  readonly document: TerraformDocument;
  /** The stack's output folder (`<outdir>/stacks/<stack>`). */
  readonly stackDir: string;
  /** The document this synth replaced, when an earlier synth left one in the same folder. */
  readonly previousDocument?: TerraformDocument;
  /**
   * True in verify-only mode: the files `produce` returns are not written, so a producer may skip
   * rendering them (it still runs, for the state its `verify` needs).
   */
  readonly verifyOnly?: boolean;
  /**
   * Set for `verify` when every artifact is written: the files the stack's producers rendered, as
   * normalized paths relative to the artifacts folder (`AUDIT.md`, `runbooks/…`), one entry per file.
   * They may still be being written (see {@link ArtifactProducer.verifyReadsFiles}): count or name
   * them from here, not from the disk.
   */
  readonly files?: readonly string[];
}

/** A file to write under `kafka-standards/`. */
export interface ArtifactFile {
  /** Path relative to the artifacts folder, e.g. `runbooks/orders-prod-disk-used.md`. */
  readonly path: string;
  /** File content. */
  readonly content: string;
}

/** Produces files from a synthesized stack; may throw to fail synthesis (after files are written). */
export interface ArtifactProducer {
  /** Unique name, so a producer is registered once per stack. */
  readonly name: string;
  /** Lower runs first. */
  readonly order?: number;
  /** Files to write. */
  produce(context: ArtifactContext): readonly ArtifactFile[];
  /** Called after every producer's files are rendered; throw here to fail synthesis. */
  verify?(context: ArtifactContext): void;
  /**
   * Whether `verify` may read the stack's artifact files from disk. When no producer of a stack
   * needs them, its files are written on a second thread while `verify` and the next stacks run;
   * `app.synth()` returns, or fails, with every file on disk either way.
   *
   * @default true - the stack's files are on disk before any `verify` runs
   */
  readonly verifyReadsFiles?: boolean;
  /** Needs `previousDocument` (read from disk before the synth overwrites it, only when asked). */
  readonly usesPreviousDocument?: boolean;
}

function readJson(file: string): TerraformDocument | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * App context key that selects what synth writes besides `cdk.tf.json`:
 * `"all"` (default) writes every artifact; `"verify-only"` runs only the checks that can fail the
 * synth (the audit, the partition guard) and writes no file, for fast inner development loops.
 * Set it with `new App({ context: { "kafka-standards:artifacts": "verify-only" } })` or
 * the `context` object of `cdktf.json`.
 */
export const ARTIFACTS_CONTEXT = "kafka-standards:artifacts";

/** Folder, inside each stack's output folder, that holds the library's artifacts. */
export const ARTIFACTS_DIR = "kafka-standards";

/**
 * Per-stack registry of artifact producers (audit reports, runbooks, architecture doc).
 *
 * It wraps the stack's synthesizer: after cdktf has written `cdk.tf.json`, the file is read back and
 * each producer renders its files from exactly what was synthesized, into
 * `<outdir>/stacks/<stack>/kafka-standards/`. Reading the written file costs far less than
 * re-resolving the stack.
 *
 * @example
 * import { StackArtifacts } from "cdktf-kafka-standards";
 *
 * // An extra file in `cdktf.out/stacks/<stack>/kafka-standards/`, rendered from what was synthesized:
 * StackArtifacts.of(stack).add({
 *   name: "resource-types",
 *   produce: ({ document }) => [
 *     { path: "RESOURCE-TYPES.txt", content: Object.keys(document.resource ?? {}).sort().join("\n") + "\n" },
 *   ],
 * });
 */
export class StackArtifacts extends Construct {
  /**
   * The registry of a stack, created on first use.
   *
   * @example
   * import { StackArtifacts } from "cdktf-kafka-standards";
   *
   * if (!StackArtifacts.of(stack).has("resource-types")) {
   *   StackArtifacts.of(stack).add({ name: "resource-types", produce: () => [] });
   * }
   */
  public static of(scope: Construct): StackArtifacts {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(StackArtifacts.ID);
    return existing instanceof StackArtifacts ? existing : new StackArtifacts(stack);
  }

  private static readonly ID = "KafkaStandardsArtifacts";
  private readonly producers = new Map<string, ArtifactProducer>();

  private wrapped = false;

  private constructor(stack: TerraformStack) {
    super(stack, StackArtifacts.ID);
    const inner = stack.synthesizer;
    stack.synthesizer = {
      synthesize: (session) => {
        const file = path.join(session.outdir, session.manifest.forStack(stack).synthesizedStackPath);
        const previous = this.needsPrevious() ? readJson(file) : undefined;
        this.wrapped = true;
        try {
          inner.synthesize(session);
        } finally {
          this.wrapped = false;
        }
        const document = readJson(file);
        // Undefined for HCL output or a synthesizer that wrote elsewhere: nothing to render.
        if (document !== undefined) {
          this.emit({ stackName: stack.node.id, document, stackDir: path.dirname(file), previousDocument: previous });
        }
        this.finish(stack, session);
      },
    };
    // Created during this synth (e.g. by an Aspect), the wrapper above is too late for it: render
    // from the resolved stack instead, before cdktf writes the file.
    addCustomSynthesis(this, {
      onSynthesize: (session) => {
        if (this.wrapped) return;
        const file = path.join(session.outdir, session.manifest.forStack(stack).synthesizedStackPath);
        this.emit({
          stackName: stack.node.id,
          document: JSON.parse(JSON.stringify(stack.toTerraform())),
          stackDir: path.dirname(file),
          previousDocument: this.needsPrevious() ? readJson(file) : undefined,
        });
        this.finish(stack, session);
      },
    });
  }

  /** Registers a producer once (later registrations with the same name are ignored). */
  public add(producer: ArtifactProducer): void {
    if (!this.producers.has(producer.name)) this.producers.set(producer.name, producer);
  }

  private needsPrevious(): boolean {
    return [...this.producers.values()].some((p) => p.usesPreviousDocument === true);
  }

  /** True when a producer of that name is registered. */
  public has(name: string): boolean {
    return this.producers.has(name);
  }

  /** Renders every producer's files for a document (also usable without a synth, e.g. by the CLI). */
  public static render(producers: readonly ArtifactProducer[], context: ArtifactContext): ArtifactFile[] {
    return [...producers].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).flatMap((p) => p.produce(context));
  }

  private emit(context: ArtifactContext): void {
    const producers = [...this.producers.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const mode: unknown = this.node.tryGetContext(ARTIFACTS_CONTEXT) ?? "all";
    if (mode !== "all" && mode !== "verify-only") {
      failWith(
        "KSE-CORE-001",
        `context["${ARTIFACTS_CONTEXT}"]`,
        mode,
        '"all" or "verify-only"',
        "Remove the context key, or set it to one of the allowed values.",
        this.node.path,
      );
    }
    if (mode === "verify-only") {
      const verifying = { ...context, verifyOnly: true };
      for (const p of producers.filter((x) => x.verify)) {
        p.produce(verifying);
        p.verify!(verifying);
      }
      return;
    }
    const writer = ArtifactWriter.get();
    const root = path.join(context.stackDir, ARTIFACTS_DIR);
    // Files an earlier synth of this stack handed over must land before its folder is cleared; other
    // stacks' files go on being written.
    writer.settle(root);
    fs.rmSync(root, { recursive: true, force: true });
    // Each producer's files are handed over as soon as they are rendered: the large batches are
    // written on the writer thread while the next producers, and the next stacks, render.
    const rendered = new Set<string>();
    for (const p of producers) {
      const files = p.produce(context);
      for (const file of files) rendered.add(path.normalize(file.path));
      writer.write(
        files.map((file) => ({ target: path.join(root, file.path), content: file.content })),
        root,
      );
    }
    const verifiers = producers.filter((p) => p.verify !== undefined);
    if (verifiers.some((p) => p.verifyReadsFiles !== false)) writer.settle(root);
    const verifying: ArtifactContext = { ...context, files: [...rendered] };
    try {
      for (const p of verifiers) p.verify!(verifying);
    } catch (e) {
      // A failing check fails the synth after the files are written, so its report can be read.
      writer.close();
      throw e;
    }
  }

  /**
   * Ends this stack's part of a synth: when no later stack of the app renders artifacts, waits for
   * every file still being written, so that `app.synth()` returns with all of them on disk, and
   * stops the writer thread.
   */
  private finish(stack: TerraformStack, session: ISynthesisSession): void {
    const writer = ArtifactWriter.get();
    if (!writer.running) return;
    const stacks = synthOrder(stack, session);
    const at = stacks.indexOf(stack);
    const later = at < 0 ? [] : stacks.slice(at + 1);
    if (!later.some((s) => s.node.tryFindChild(StackArtifacts.ID) instanceof StackArtifacts)) writer.close();
  }
}

const SYNTH_ORDER = new WeakMap<ISynthesisSession, TerraformStack[]>();

/**
 * The app's stacks in the order `app.synth()` synthesizes them (a pre-order walk; stacks nested in
 * stacks are not listed, and a stack not listed flushes at its end). Computed once per synth.
 */
function synthOrder(stack: TerraformStack, session: ISynthesisSession): TerraformStack[] {
  let stacks = SYNTH_ORDER.get(session);
  if (stacks === undefined) {
    stacks = [];
    const walk = (c: Construct): void => {
      for (const child of c.node.children) {
        if (TerraformStack.isStack(child)) stacks!.push(child);
        else walk(child);
      }
    };
    walk(App.of(stack));
    SYNTH_ORDER.set(session, stacks);
  }
  return stacks;
}
