/**
 * Parses JSON text that contains Terraform interpolations (`"${replace(x, ":a", ":b")}/t"`), such as
 * the IAM and key policies the library writes as plain JSON strings. Quotes inside `${…}` belong to
 * the Terraform expression, not to the JSON, so they are escaped before parsing; the interpolation
 * text is kept as is in the result.
 */
export function parseJsonTemplate(text: string): unknown {
  let out = "";
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (depth === 0 && c === "$" && text[i + 1] === "{") {
      depth = 1;
      out += "${";
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === "\\") {
        // Already escaped (the text came from JSON.stringify): keep the pair as is.
        out += c + (text[i + 1] ?? "");
        i++;
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") depth--;
      out += c === '"' ? '\\"' : c;
      continue;
    }
    out += c;
  }
  return JSON.parse(out);
}
