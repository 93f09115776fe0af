import { describe, expect, it } from "vitest";
import { checkTemplateSource } from "../../src/template.js";

describe("checkTemplateSource", () => {
  it.each(["acme/starter", "acme/starter/hono", "acme/starter/apps/hono#v2", "gitlab:acme/starter#main", "a.b/c-d_e"])(
    "accepts %s",
    (source) => expect(() => checkTemplateSource(source)).not.toThrow(),
  );

  it.each(["starter", "not a repo", "acme/", "/acme/starter"])("refuses %s with the expected form", (source) => {
    expect(() => checkTemplateSource(source)).toThrow(/user\/repo\[\/subdir\]\[#ref\]/);
  });
});
