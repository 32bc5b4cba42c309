/**
 * Entry points for turning input into an `AuditDocument`: a parsed JSON value, a JSON string or a
 * file. Anything that is not Terraform raises `AuditInputError`.
 */
import * as fs from "fs";
import { AuditDocument } from "../document";
import { asObject } from "../values";
import { isTerraformJsonConfig, loadTerraformJsonConfig } from "./cdktf-json";
import { AuditInputError, INPUT_ERROR_CODES } from "./input-error";
import { isPlanJson, isStateJson, loadTerraformShowJson } from "./terraform-show";

/** Turn a parsed JSON value into a document, detecting its kind. `name` labels errors and reports. */
export function loadDocument(json: unknown, name: string): AuditDocument {
  if (json instanceof AuditDocument) return json;
  const obj = asObject(json);
  if (!obj) {
    throw new AuditInputError(
      INPUT_ERROR_CODES.notTerraform,
      name,
      "not a Terraform document (top level is not a JSON object)",
      "pass a synthesized cdk.tf.json, or the output of `terraform show -json <planfile>`",
    );
  }
  if (isPlanJson(obj)) return loadTerraformShowJson(obj, name);
  if (isTerraformJsonConfig(obj)) return loadTerraformJsonConfig(obj, name);
  if (isStateJson(obj)) return loadTerraformShowJson(obj, name);
  throw new AuditInputError(
    INPUT_ERROR_CODES.notTerraform,
    name,
    "not a Terraform document (no resource, data, planned_values or values section)",
    "pass a synthesized cdk.tf.json, or the output of `terraform show -json <planfile>`",
  );
}

/** Parse JSON text into a document. */
export function loadDocumentText(text: string, name: string): AuditDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new AuditInputError(
      INPUT_ERROR_CODES.badJson,
      name,
      `not valid JSON (${detail})`,
      "check that the file is complete JSON, e.g. re-run `terraform show -json` or `npm run synth`",
    );
  }
  return loadDocument(json, name);
}

/** Read and load a file. */
export function loadDocumentFile(file: string): AuditDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problem =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a directory"
          : `cannot be read (${code ?? String(e)})`;
    throw new AuditInputError(
      INPUT_ERROR_CODES.unreadable,
      file,
      problem,
      code === "EISDIR"
        ? "pass the JSON file itself, e.g. cdktf.out/stacks/<stack>/cdk.tf.json"
        : "check the path; synthesize first with `npm run synth`",
    );
  }
  return loadDocumentText(text, file);
}
