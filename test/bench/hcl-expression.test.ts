import { parseExpression, splitInterpolations } from "../../bench/hcl-expression";

describe("splitInterpolations", () => {
  test.each<[string, ReturnType<typeof splitInterpolations>]>([
    ["plain", [{ text: "plain" }]],
    ["${a.b.c}", [{ expr: "a.b.c" }]],
    ["arn:${a.b.arn}/*", [{ text: "arn:" }, { expr: "a.b.arn" }, { text: "/*" }]],
    ["$${literal}", [{ text: "$${literal}" }]],
    ['${jsonencode({"a" = "}"})}!', [{ expr: 'jsonencode({"a" = "}"})' }, { text: "!" }]],
    ["${unclosed", [{ text: "${unclosed" }]],
  ])("%s", (s, parts) => {
    expect(splitInterpolations(s)).toEqual(parts);
  });
});

describe("parseExpression", () => {
  test.each<[string, unknown]>([
    ["aws_msk_cluster.c.arn", { kind: "traversal", parts: ["aws_msk_cluster", "c", "arn"] }],
    [
      "data.terraform_remote_state.cross-stack-reference-input-x.outputs.cross-stack-output-y",
      {
        kind: "traversal",
        parts: ["data", "terraform_remote_state", "cross-stack-reference-input-x", "outputs", "cross-stack-output-y"],
      },
    ],
    [
      'replace(aws_msk_cluster.c.arn, ":cluster/", ":topic/")',
      {
        kind: "call",
        name: "replace",
        args: [
          { kind: "traversal", parts: ["aws_msk_cluster", "c", "arn"] },
          { kind: "string", value: ":cluster/" },
          { kind: "string", value: ":topic/" },
        ],
      },
    ],
    [
      'jsonencode({"username" = "u", "password" = e.p.q, n = 3, ok = true, none = null, l = [1, "\\""]})',
      {
        kind: "call",
        name: "jsonencode",
        args: [
          {
            kind: "object",
            entries: [
              ["username", { kind: "string", value: "u" }],
              ["password", { kind: "traversal", parts: ["e", "p", "q"] }],
              ["n", { kind: "number", value: 3 }],
              ["ok", { kind: "bool", value: true }],
              ["none", { kind: "null" }],
              [
                "l",
                {
                  kind: "tuple",
                  items: [
                    { kind: "number", value: 1 },
                    { kind: "string", value: '"' },
                  ],
                },
              ],
            ],
          },
        ],
      },
    ],
  ])("%s", (source, expected) => {
    expect(parseExpression(source)).toEqual(expected);
  });

  test.each(["a.b[0].c", "a ? b : c", "a + 1", "[for x in y: x]", '"${nested}"', "f(a", "a.b c"])(
    "unsupported: %s",
    (source) => {
      expect(parseExpression(source)).toBeUndefined();
    },
  );
});
