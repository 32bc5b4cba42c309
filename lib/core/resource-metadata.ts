import { TerraformOutput, TerraformResource, TerraformStack, Token } from "cdktf";
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";
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

/**
 * Records the library's metadata on a synthesized resource under `"//"."kafka-standards"`.
 * Terraform ignores `"//"` keys in JSON configuration; the audit reads them. The same metadata
 * reaches plans and states through the stack's {@link MetadataCarrier} output.
 */
export function recordMetadata(resource: TerraformResource, metadata: ResourceMetadata): void {
  const clean = Object.fromEntries(Object.entries(metadata).filter(([, v]) => v !== undefined));
  resource.addOverride(`//.${RESOURCE_METADATA_KEY}`, clean);
  MetadataCarrier.of(resource).setMetadata(resource, clean);
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
