import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSameFields, findDeclaredEvent, newEventDeclaration } from "../../src/commands/function/events-module.js";
import { repoRoot } from "../helpers/cli.js";

const module = [
  'import { eventType } from "inngest";',
  'import { z } from "zod";',
  "",
  'export const userSignedUp = eventType("app/user.signed-up", {',
  '  schema: z.object({ userId: z.string(), plan: z.enum(["free", "pro"]), email: z.string().optional() }),',
  "});",
  "",
].join("\n");

describe("the events module", () => {
  it("finds a declaration and reads its fields back, optional ones included", () => {
    expect(findDeclaredEvent(module, "app/user.signed-up")).toMatchObject({
      exportName: "userSignedUp",
      fields: [
        { name: "userId", type: { kind: "string" }, optional: false },
        { name: "plan", type: { kind: "enum", values: ["free", "pro"] }, optional: false },
        { name: "email", type: { kind: "string" }, optional: true },
      ],
    });
    expect(findDeclaredEvent(module, "app/user.signed")).toBeUndefined();
  });

  it("finds the catalogue's declarations, and leaves fields it does not write (z.email()) unread", () => {
    const catalogue = readFileSync(path.join(repoRoot, "starters/events.ts"), "utf8");
    const signedUp = findDeclaredEvent(catalogue, "app/user.signed-up");
    expect(signedUp?.exportName).toBe("userSignedUp");
    expect(signedUp?.fields).toBeUndefined();
    expect(findDeclaredEvent(catalogue, "app/welcome-email.sent")?.fields).toHaveLength(2);
  });

  it("accepts --data equal to the declared fields and refuses other fields in one line", () => {
    const declared = findDeclaredEvent(module, "app/user.signed-up")!;
    const same = declared.fields!;
    expect(() => checkSameFields("app/user.signed-up", declared, same, "src/inngest/events.ts")).not.toThrow();
    const other = [{ name: "userId", type: { kind: "number" as const }, optional: false }];
    expect(() => checkSameFields("app/user.signed-up", declared, other, "src/inngest/events.ts")).toThrow(
      /^--data: app\/user\.signed-up is already declared in src\/inngest\/events\.ts \(userSignedUp\) with other fields/,
    );
  });

  it("declares a new event under the camelCase of its name, with the imports it uses", () => {
    const declaration = newEventDeclaration("crm/contact.updated", [
      { name: "contactId", type: { kind: "string" }, optional: false },
    ]);
    expect(declaration.name).toBe("crmContactUpdated");
    expect(declaration.text.startsWith('export const crmContactUpdated = eventType("crm/contact.updated", {')).toBe(
      true,
    );
    expect(declaration.imports).toEqual(['import { eventType } from "inngest";', 'import { z } from "zod";']);
    expect(findDeclaredEvent(declaration.text, "crm/contact.updated")?.fields).toEqual([
      { name: "contactId", type: { kind: "string" }, optional: false },
    ]);
  });
});
