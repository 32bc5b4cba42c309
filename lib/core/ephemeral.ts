import { Construct } from "constructs";
import { TerraformElement, TerraformProvider, Token, ref } from "cdktf";

/** Properties of an {@link EphemeralResource}. */
export interface EphemeralResourceProps {
  /** The ephemeral resource type, e.g. `aws_secretsmanager_random_password`. */
  readonly type: string;
  /** Its arguments, with Terraform's (snake_case) names. */
  readonly config: Readonly<Record<string, unknown>>;
  /**
   * Provider configuration to use.
   * @default - the provider's default configuration
   */
  readonly provider?: TerraformProvider;
}

/**
 * A Terraform `ephemeral` block (Terraform ≥ 1.10). Its values are never written to the plan or the
 * state; they may only flow into write-only arguments (`secret_string_wo`) and provider configuration.
 *
 * cdktf 0.21 has no class for ephemeral blocks, so this element renders the block itself:
 * `{ "ephemeral": { "<type>": { "<logical id>": { ... } } } }`, merged into the stack's JSON like any
 * other element.
 * @see https://developer.hashicorp.com/terraform/language/resources/ephemeral
 */
export class EphemeralResource extends TerraformElement {
  /** The resource type. */
  public readonly type: string;
  private readonly config: Readonly<Record<string, unknown>>;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: EphemeralResourceProps) {
    super(scope, id);
    this.type = props.type;
    this.config = props.config;
    this.provider = props.provider;
  }

  /** A reference to one of its attributes (`ephemeral.<type>.<name>.<attribute>`), for use in this stack. */
  public attribute(name: string): string {
    return Token.asString(ref(`ephemeral.${this.type}.${this.friendlyUniqueId}.${name}`, this.cdktfStack));
  }

  public toTerraform(): Record<string, unknown> {
    const body: Record<string, unknown> = { ...this.config };
    if (this.provider) body.provider = this.provider.fqn;
    return { ephemeral: { [this.type]: { [this.friendlyUniqueId]: body } } };
  }
}
