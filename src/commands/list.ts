import { bold } from "kolorist";
import { ALL_FEATURES, featureGroups, features, groupId } from "../features/index.js";
import { frameworks } from "../frameworks/index.js";
import { type JsonListResult, printJson } from "../support/json-output.js";
import { log } from "../support/ui.js";

/** `--list`: the frameworks and the features by group. */
export function runList(json: boolean): void {
  if (json) printJson(featureListJson());
  else log.info(featureList());
}

function featureListJson(): JsonListResult {
  return {
    ok: true,
    command: "list",
    frameworks: frameworks.map(({ id, label }) => ({ id, label })),
    features: features.map(({ id, label, group, description }) => ({ id, label, group, description })),
  };
}

export function featureList(): string {
  const width = Math.max(...features.map((feature) => feature.id.length)) + 2;
  return featureGroups
    .map((group) => {
      const rows = features
        .filter((feature) => feature.group === group)
        .map((feature) => `  ${feature.id.padEnd(width)}${feature.description}`);
      return rows.length === 0 ? "" : `${bold(group)}\n${rows.join("\n")}`;
    })
    .filter(Boolean)
    .join("\n\n")
    .concat(
      `\n\n--features and --add take feature ids, groups (${featureGroups.map(groupId).join(", ")}) and ${ALL_FEATURES}.`,
    );
}
