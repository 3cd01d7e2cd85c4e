/**
 * Golden files for the reports: hand-built IR pairs (cases.ts) diffed through the real
 * pipeline of each dialect (differ, planner, renderer), rendered as SQL, Markdown and JSON,
 * and the DDL of `pull` for the target schema. Each text must equal its file under
 * test/golden/report/<dialect>/; SHALE_UPDATE_GOLDEN=1 rewrites the files (review the diff).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { createSchemaDdl, diffSchemas } from "../../src/api/schema-diff.js";
import { loadDialect } from "../../src/dialects/load.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderDdlScript, renderSqlScript } from "../../src/report/sql.js";
import { ALL_DIALECTS } from "../support/databases.js";
import { driftCase, identifiersCase } from "./cases.js";

const GOLDEN = fileURLToPath(new URL("../golden/report", import.meta.url));
const UPDATE = process.env.SHALE_UPDATE_GOLDEN === "1";
const LABELS = { from: "prod (env:prod)", to: "dev (env:dev)" };

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (UPDATE) {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${path} is missing: run the test with SHALE_UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(path, "utf8"), `${file} differs from its golden file (SHALE_UPDATE_GOLDEN=1 rewrites it)`);
}

for (const name of ALL_DIALECTS) {
  describe(`report golden files [${name}]`, async () => {
    const dialect = await loadDialect(name);
    const support = dialect.schema;
    if (!support) {
      it("schema support", { skip: `the ${name} dialect has no schema support yet` }, () => {});
      return;
    }
    for (const c of [driftCase(name), identifiersCase(name)]) {
      const from = support.normalize(c.from);
      const to = support.normalize(c.to);
      const result = diffSchemas(dialect, from, to);

      it(`${c.name}: the SQL script`, () => golden(`${name}/${c.name}.sql`, renderSqlScript(result, LABELS)));
      it(`${c.name}: the Markdown report`, () => golden(`${name}/${c.name}.md`, renderMarkdown(result, LABELS)));
      it(`${c.name}: the JSON report`, () => golden(`${name}/${c.name}.json`, renderJson(result, LABELS)));
      it(`${c.name}: the pull DDL of the target`, () => golden(`${name}/${c.name}-pull.sql`, renderDdlScript(createSchemaDdl(dialect, to), `shale pull (${name}): the schema of dev`)));

      it(`${c.name}: the same text on a second run; the reverse diff is not empty; diff(x, x) is`, () => {
        const again = diffSchemas(dialect, support.normalize(c.from), support.normalize(c.to));
        assert.equal(renderMarkdown(again, LABELS), renderMarkdown(result, LABELS));
        assert.ok(diffSchemas(dialect, to, from).plan.steps.length > 0);
        assert.equal(diffSchemas(dialect, to, to).plan.steps.length, 0);
      });
    }
  });
}
