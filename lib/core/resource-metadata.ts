import { TerraformOutput, TerraformResource, TerraformStack, Token } from "cdktf";
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";
import { failWith } from "../errors";
import { EnvironmentTier } from "../standards/tiers";
import { MANAGED_BY, RESOURCE_METADATA_KEY, ResourceMetadata, STANDARD_TAG_KEYS } from "../standards/naming";
import {
  METADATA_OUTPUT,
  carriedMetadata,
  encodeMetadata,
  escapeTemplate,
  type CarriedMetadata,
} from "./metadata-output";

/** One suppression as recorded on a resource (the audit's `SuppressionEntry`). */
export interface RecordedSuppression {
  readonly id: string;
  readonly reason: string;
  readonly scope?: string;
}

/**
 * Carries the metadata of a stack's resources into its plans and states: on synth, one sensitive
 * output ({@link METADATA_OUTPUT}) holds what `"//"` holds, because `terraform show -json` drops
 * comments but keeps outputs. Created with the first recorded metadata or suppression of a stack;
 * the output is added only when the stack is synthesized (`app.synth()`), after aspects have
 * recorded suppressions.
 */
export class MetadataCarrier extends Construct {
  /** Construct id under the stack. */
  public static readonly ID = "KafkaStandardsMetadata";

  /** The carrier of the stack that holds `scope`, created on first use. */
  public static of(scope: Construct): MetadataCarrier {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(MetadataCarrier.ID);
    return existing instanceof MetadataCarrier ? existing : new MetadataCarrier(stack);
  }

  private readonly metadata = new Map<TerraformResource, CarriedMetadata>();
  private readonly suppressions = new Map<TerraformResource, readonly RecordedSuppression[]>();

  private constructor(private readonly stack: TerraformStack) {
    super(stack, MetadataCarrier.ID);
    addCustomSynthesis(this, { onSynthesize: () => this.materialize() });
  }

  /** Remember a resource's metadata (the latest call wins, as the override does). */
  public setMetadata(resource: TerraformResource, metadata: Readonly<Record<string, unknown>>): void {
    this.metadata.set(resource, carriedMetadata(metadata));
  }

  /** Remember a resource's suppressions. */
  public setSuppressions(resource: TerraformResource, list: readonly RecordedSuppression[]): void {
    this.suppressions.set(resource, list);
  }

  /** The value of the output: every remembered resource's metadata by Terraform address. */
  public encode(): string {
    const byAddress = new Map<string, CarriedMetadata>();
    for (const resource of new Set([...this.metadata.keys(), ...this.suppressions.keys()])) {
      const list = this.suppressions.get(resource);
      byAddress.set(`${resource.terraformResourceType}.${resource.friendlyUniqueId}`, {
        ...(this.metadata.get(resource) ?? {}),
        ...(list && list.length > 0 ? { suppressions: list.map((s) => ({ ...s })) } : {}),
      });
    }
    return encodeMetadata(byAddress);
  }

  private materialize(): void {
    if (this.stack.node.tryFindChild(METADATA_OUTPUT)) return;
    const output = new TerraformOutput(this.stack, METADATA_OUTPUT, {
      value: escapeTemplate(this.encode()),
      sensitive: true,
      description:
        "cdktf-kafka-standards: tier, topic class, overrides and suppressions of this stack's resources, for the audit of plans and states (not secret; sensitive only to keep plan and apply output short)",
    });
    output.overrideLogicalId(METADATA_OUTPUT);
  }
}

/** Resources with recorded metadata, per stack. */
const RECORDED = new WeakMap<TerraformStack, Set<TerraformResource>>();

/**
 * Records the library's metadata on a synthesized resource under `"//"."kafka-standards"`.
 * Terraform ignores `"//"` keys in JSON configuration; the audit reads them.
 *
 * The metadata is an override of the resource, as with `addOverride`, and later overrides of paths
 * below `//.kafka-standards` (suppressions) change it as usual. What differs is when it is resolved:
 * cdktf resolves every value of a stack several times per synth (once while preparing cross-stack
 * references and twice in `toTerraform`), and plain metadata (strings, numbers, booleans, objects
 * and arrays of them, no tokens) resolves to itself. So the stack's `toTerraform` is wrapped: while
 * cdktf resolves, each recorded resource holds an empty object in place of its plain metadata, which
 * is then put back in the resolved document, in the same place. The document is the same, byte for
 * byte; metadata with tokens is left to cdktf.
 *
 * The same metadata reaches plans and states through the stack's {@link MetadataCarrier} output.
 */
export function recordMetadata(resource: TerraformResource, metadata: ResourceMetadata): void {
  const clean = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
  LATEST.set(resource, clean as ResourceMetadata);
  resource.addOverride(`//.${RESOURCE_METADATA_KEY}`, clean);
  const stack = TerraformStack.of(resource);
  let resources = RECORDED.get(stack);
  if (!resources) {
    resources = new Set();
    RECORDED.set(stack, resources);
    wrapRendering(stack, resources);
  }
  resources.add(resource);
  MetadataCarrier.of(resource).setMetadata(resource, clean);
}

/** A plain object (not a class instance, not an array). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * True when cdktf's resolve would return the value unchanged, apart from dropping `undefined`
 * properties: strings without braces (no token, no `${` escape), finite numbers that are not
 * tokens, booleans, and plain objects (keys without braces) and arrays (without `undefined`
 * elements) of those.
 */
function resolvesToItself(v: unknown): boolean {
  switch (typeof v) {
    case "string":
      return !v.includes("{") && !v.includes("}");
    case "number":
      return Number.isFinite(v) && !Token.isUnresolved(v);
    case "boolean":
    case "undefined":
      return true;
    case "object":
      if (Array.isArray(v)) return v.every((x) => x !== undefined && resolvesToItself(x));
      return isPlainObject(v) && Object.entries(v).every(([k, x]) => resolvesToItself(k) && resolvesToItself(x));
    default:
      return false;
  }
}

/** A copy of a value {@link resolvesToItself} accepts, as cdktf's resolve returns it. */
function copyResolved(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyResolved);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = copyResolved(x);
    return out;
  }
  return v;
}

/** The raw overrides of a resource (cdktf keeps them in a private field). */
function rawOverridesOf(resource: TerraformResource): Record<string, unknown> | undefined {
  const raw = (resource as unknown as { rawOverrides?: Record<string, unknown> }).rawOverrides;
  return isPlainObject(raw) ? raw : undefined;
}

/** Plain metadata taken out of one resource's overrides while cdktf renders its stack. */
interface LiftedMetadata {
  readonly resource: TerraformResource;
  readonly raw: Record<string, unknown>;
  readonly comment: Record<string, unknown>;
  readonly value: Record<string, unknown>;
  /** The comment held nothing else, so the whole `"//"` override was removed. */
  readonly whole: boolean;
}

/** Takes the plain metadata out of each resource's overrides (see {@link wrapRendering}). */
function liftMetadata(resources: ReadonlySet<TerraformResource>): LiftedMetadata[] {
  const lifted: LiftedMetadata[] = [];
  for (const resource of resources) {
    const raw = rawOverridesOf(resource);
    const comment = raw?.["//"];
    if (!raw || !isPlainObject(comment)) continue;
    const value = comment[RESOURCE_METADATA_KEY];
    if (!isPlainObject(value) || !resolvesToItself(value)) continue;
    // The whole comment goes when it holds nothing else; otherwise only the library's key.
    const whole = Object.keys(comment).length === 1;
    if (whole) delete raw["//"];
    else delete comment[RESOURCE_METADATA_KEY];
    lifted.push({ resource, raw, comment, value, whole });
  }
  return lifted;
}

/** Puts lifted metadata back into the overrides, for the next render (each render lifts it again). */
function restoreMetadata(lifted: readonly LiftedMetadata[]): void {
  for (const l of lifted) {
    if (l.whole) l.raw["//"] = l.comment;
    else l.comment[RESOURCE_METADATA_KEY] = l.value;
  }
}

/**
 * While cdktf renders the stack, plain metadata is lifted out of each recorded resource's overrides
 * and written into the rendered document afterwards, in the same place. cdktf therefore neither
 * resolves it (five walks per synth: one while preparing cross-stack references, whose result is
 * discarded, and two in each of the two renders of `toTerraform`) nor lists the resource in the
 * stack's `//.metadata.overrides`, which it builds by copying the whole list once per overridden
 * resource (quadratic in the number of resources of a type). The resources' blocks are the same,
 * byte for byte; only that list loses its `"//"` entries (Terraform ignores `"//"` keys). Plain
 * metadata holds no token, so the preparing walk, which looks for cross-stack references, finds
 * the same references without it.
 */
function wrapRendering(stack: TerraformStack, resources: ReadonlySet<TerraformResource>): void {
  const prepare = stack.prepareStack;
  const preparing = function (this: TerraformStack): void {
    const lifted = liftMetadata(resources);
    try {
      prepare.call(this);
    } finally {
      restoreMetadata(lifted);
    }
  };
  const render = stack.toTerraform;
  const rendering = function (this: TerraformStack): unknown {
    const lifted = liftMetadata(resources);
    let doc: Record<string, Record<string, Record<string, Record<string, unknown>>>>;
    try {
      doc = render.call(this);
    } finally {
      restoreMetadata(lifted);
    }
    for (const l of lifted) {
      const body = doc?.resource?.[l.resource.terraformResourceType]?.[l.resource.friendlyUniqueId];
      if (!body) continue;
      // First in the comment, where cdktf's merge of the override puts it.
      const existing = body["//"];
      const rest = isPlainObject(existing) ? existing : {};
      body["//"] = { [RESOURCE_METADATA_KEY]: copyResolved(l.value), ...rest };
    }
    return doc;
  };
  Object.defineProperty(stack, "prepareStack", { value: preparing, configurable: true, writable: true });
  Object.defineProperty(stack, "toTerraform", { value: rendering, configurable: true, writable: true });
}

/** The metadata last recorded per resource, for {@link extendMetadata}. */
const LATEST = new WeakMap<TerraformResource, ResourceMetadata>();

/**
 * Adds keys to a resource's recorded metadata (`overrides` are merged), in the synthesized JSON and in
 * the stack's {@link MetadataCarrier}, so plans and states see the same metadata as the synth audit.
 */
export function extendMetadata(resource: TerraformResource, extra: ResourceMetadata): void {
  const current = LATEST.get(resource) ?? ({} as ResourceMetadata);
  const overrides =
    current.overrides || extra.overrides ? { ...(current.overrides ?? {}), ...(extra.overrides ?? {}) } : undefined;
  recordMetadata(resource, { ...current, ...extra, overrides } as ResourceMetadata);
}

/** Records audit suppressions on a resource (`"//"."kafka-standards".suppressions`) and in its stack's carrier. */
export function recordSuppressions(resource: TerraformResource, list: readonly RecordedSuppression[]): void {
  resource.addOverride(
    `//.${RESOURCE_METADATA_KEY}.suppressions`,
    list.map((e) => ({ ...e })),
  );
  MetadataCarrier.of(resource).setSuppressions(resource, list);
}

/** Inputs for the standard tag set. */
export interface StandardTagInputs {
  /** Environment tier. */
  readonly tier: EnvironmentTier;
  /** Owning team, when known. */
  readonly owner?: string;
  /** Data classification, when known. */
  readonly dataClassification?: string;
  /** Caller tags; they win over nothing the standard requires (tier and ManagedBy are fixed). */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The tags every AWS resource of the library carries. */
export function standardTags(inputs: StandardTagInputs): Record<string, string> {
  const tags: Record<string, string> = { ...(inputs.tags ?? {}) };
  tags[STANDARD_TAG_KEYS.tier] = inputs.tier;
  tags[STANDARD_TAG_KEYS.managedBy] = MANAGED_BY;
  if (inputs.owner !== undefined) tags[STANDARD_TAG_KEYS.owner] = inputs.owner;
  if (inputs.dataClassification !== undefined) tags[STANDARD_TAG_KEYS.dataClassification] = inputs.dataClassification;
  return tags;
}

/** True when a value is an unresolved cdktf token (validation skips those). */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === "string") return Token.isUnresolved(value);
  if (typeof value === "number") return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value);
  return false;
}

/** AWS tag limits (Tagging AWS resources, "Tag naming limits and requirements"). */
export const AWS_TAG_LIMITS = Object.freeze({
  maxKeyLength: 128,
  maxValueLength: 256,
  maxTagsPerResource: 50,
  /** Letters, digits, white space and `_ . : / = + - @`, the set every AWS service accepts. */
  characters: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
});

function checkTagValue(prop: string, value: unknown, path: string | undefined): void {
  if (typeof value !== "string") {
    failWith(
      "KSE-CORE-007",
      prop,
      value,
      `a string of at most ${AWS_TAG_LIMITS.maxValueLength} characters`,
      "Give tag values as strings.",
      path,
    );
  }
  if (Token.isUnresolved(value)) return;
  if (value.length > AWS_TAG_LIMITS.maxValueLength || !AWS_TAG_LIMITS.characters.test(value)) {
    failWith(
      "KSE-CORE-007",
      prop,
      value,
      `at most ${AWS_TAG_LIMITS.maxValueLength} characters of letters, digits, spaces and _ . : / = + - @ (got ${value.length} characters)`,
      "Shorten the value, or drop the characters AWS refuses.",
      path,
    );
  }
}

/**
 * Validates caller tags and the owner before anything is created: keys of 1–128 characters without
 * the reserved `aws:` prefix, values of at most 256, AWS's character set, at most 50 tags with the
 * standard's own (which win over caller tags of the same key).
 */
export function checkTags(
  inputs: { readonly tier: string; readonly owner?: unknown; readonly tags?: unknown },
  path: string | undefined,
): void {
  if (inputs.owner !== undefined) {
    checkTagValue("owner", inputs.owner, path);
    if (!Token.isUnresolved(inputs.owner) && (inputs.owner as string).trim() === "") {
      failWith(
        "KSE-CORE-007",
        "owner",
        inputs.owner,
        "a non-empty team name",
        "Name the owning team, or omit owner.",
        path,
      );
    }
  }
  const tags = inputs.tags;
  if (tags === undefined) return;
  const proto = typeof tags === "object" && tags !== null ? Object.getPrototypeOf(tags) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    failWith(
      "KSE-CORE-007",
      "tags",
      tags,
      "an object of tag keys to string values",
      'Give tags as { Team: "payments" }.',
      path,
    );
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  for (const [key, value] of entries) {
    const prop = `tags[${JSON.stringify(key)}]`;
    if (!Token.isUnresolved(key)) {
      if (
        key.trim() === "" ||
        key.length > AWS_TAG_LIMITS.maxKeyLength ||
        /^aws:/i.test(key) ||
        !AWS_TAG_LIMITS.characters.test(key)
      ) {
        failWith(
          "KSE-CORE-007",
          prop,
          key,
          `tag keys of 1 to ${AWS_TAG_LIMITS.maxKeyLength} letters, digits, spaces and _ . : / = + - @, not starting with "aws:"`,
          /^aws:/i.test(key) ? 'Drop the "aws:" prefix; AWS reserves it.' : "Rename the tag key.",
          path,
        );
      }
    }
    checkTagValue(prop, value, path);
  }
  const standard = new Set([
    STANDARD_TAG_KEYS.tier,
    STANDARD_TAG_KEYS.managedBy,
    ...(inputs.owner !== undefined ? [STANDARD_TAG_KEYS.owner] : []),
  ]);
  const total = new Set([...entries.map(([k]) => k), ...standard]).size;
  if (total > AWS_TAG_LIMITS.maxTagsPerResource) {
    failWith(
      "KSE-CORE-007",
      "tags",
      `${entries.length} tags`,
      `at most ${AWS_TAG_LIMITS.maxTagsPerResource} tags per resource, ${standard.size} of them the standard's`,
      "Drop some tags.",
      path,
    );
  }
}
