/**
 * Reads argument interfaces from the type declarations (.d.ts) of Pulumi packages
 * bridged from Terraform providers, with the TypeScript compiler API.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

export interface PulumiProperty {
  readonly name: string;
  /** Declared with `?`. */
  readonly optional: boolean;
  /** Name of the nested input type the property refers to (`inputs.X`), if any. */
  readonly nestedType?: string;
  /** Whether the nested input type is wrapped in an array. */
  readonly nestedIsArray: boolean;
}

export type PulumiInterface = ReadonlyMap<string, PulumiProperty>;

function findInputsReference(node: ts.Node, inArray: boolean): { name: string; isArray: boolean } | undefined {
  if (ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left)) {
    if (node.typeName.left.text === "inputs") return { name: node.typeName.right.text, isArray: inArray };
  }
  const childInArray = inArray || ts.isArrayTypeNode(node);
  let found: { name: string; isArray: boolean } | undefined;
  ts.forEachChild(node, (child) => {
    found ??= findInputsReference(child, childInArray);
  });
  return found;
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw new Error(`unsupported property name kind ${ts.SyntaxKind[name.kind]}`);
}

/** Parses every exported interface of a declaration file. */
export function readInterfaces(file: string): Map<string, PulumiInterface> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out = new Map<string, PulumiInterface>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const props = new Map<string, PulumiProperty>();
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const ref = findInputsReference(member.type, false);
      const name = propertyName(member.name);
      props.set(name, {
        name,
        optional: member.questionToken !== undefined,
        nestedType: ref?.name,
        nestedIsArray: ref?.isArray ?? false,
      });
    }
    out.set(statement.name.text, props);
  }
  return out;
}

/** The declarations of one extracted package, read lazily file by file. */
export class PulumiPackage {
  private readonly files = new Map<string, Map<string, PulumiInterface>>();

  constructor(readonly dir: string) {}

  private interfaces(file: string): Map<string, PulumiInterface> {
    let parsed = this.files.get(file);
    if (!parsed) {
      parsed = readInterfaces(path.join(this.dir, file));
      this.files.set(file, parsed);
    }
    return parsed;
  }

  /** An interface declared in `file` (e.g. `kafkaTopic.d.ts`, `KafkaTopicArgs`). */
  argsInterface(file: string, name: string): PulumiInterface | undefined {
    return this.interfaces(file).get(name);
  }

  /** A nested input type from `types/input.d.ts`. */
  inputType(name: string): PulumiInterface | undefined {
    return this.interfaces(path.join("types", "input.d.ts")).get(name);
  }
}
