import { parseJsonTemplate } from "../../lib/core/json-template";

test.each([
  ['{"a":"${replace(x, ":cluster/", ":topic/")}/t"}', { a: '${replace(x, ":cluster/", ":topic/")}/t' }],
  ['{"a":["${lookup({"k" = "v"}, "k")}"],"b":1}', { a: ['${lookup({"k" = "v"}, "k")}'], b: 1 }],
  ['{"a":"plain"}', { a: "plain" }],
  [JSON.stringify({ a: '${replace(x, ":c/", ":t/")}/t' }), { a: '${replace(x, ":c/", ":t/")}/t' }],
])("%s", (text, expected) => {
  expect(parseJsonTemplate(text)).toEqual(expected);
});

test("invalid JSON outside interpolations still fails", () => {
  expect(() => parseJsonTemplate('{"a":}')).toThrow(SyntaxError);
});
