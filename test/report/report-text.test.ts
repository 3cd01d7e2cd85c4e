/**
 * The reports on hand-made diffs: what no renderer output would show on its own — names that
 * try to break out of a comment, a Markdown cell or a Mermaid line; MySQL bodies holding `;`;
 * statements that carry several changes or none.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Change } from "../../src/diff/changes.js";
import type { RenderedStatement } from "../../src/dialects/dialect.js";
import type { PlanStep } from "../../src/plan/types.js";
import type { DiffReportInput } from "../../src/report/input.js";
import { jsonReport } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { cellCode, code, codeBlock } from "../../src/report/markdown-text.js";
import { erDiagram } from "../../src/report/mermaid.js";
import { renderSqlScript } from "../../src/report/sql.js";
import { emptySchema, type Schema, type SchemaDialect, type Table } from "../../src/schema/types.js";
import { col, entity, fk, idx, table } from "../support/ir.js";

const LABELS = { from: "postgres://app:****@prod/app", to: "postgres://app@dev/app" };

function step(change: Change, destructive = false, warning?: string): PlanStep {
  return { change, phase: "alter-tables", destructive, irreversible: destructive, ...(warning ? { warning } : {}) };
}

function stmt(sql: string, steps: number[], destructive = false, extra: Partial<RenderedStatement> = {}): RenderedStatement {
  return { sql, steps, destructive, ...extra };
}

function input(dialect: SchemaDialect, tables: { from?: Table[]; to?: Table[] }, steps: PlanStep[], statements: RenderedStatement[]): DiffReportInput {
  const schema = (t: Table[] = []): Schema => ({ ...emptySchema(dialect), tables: t });
  return { from: schema(tables.from), to: schema(tables.to), plan: { steps }, statements };
}

/** The lines of a script that are not comments, blank, or DELIMITER lines. */
function sqlLines(script: string): string[] {
  return script.split("\n").filter((l) => l !== "" && !l.startsWith("-- ") && !l.startsWith("DELIMITER "));
}

describe("SQL script", () => {
  it("keeps a name with a line break inside its comment", () => {
    const evil = "x\nDROP TABLE important; --";
    const users = entity("users");
    const diff = input("postgres", { from: [users], to: [users] }, [step({ kind: "add-column", table: users, column: col(evil) })], [
      stmt(`ALTER TABLE "public"."users" ADD COLUMN "x\nDROP TABLE important; --" integer`, [0]),
    ]);
    const script = renderSqlScript(diff, LABELS);
    assert.ok(script.includes("-- add column x\\u000aDROP TABLE important; -- to public.users\n"), script);
    // The only line starting with DROP is the one inside the quoted name of the statement itself
    // (its `--` makes the terminator go on a line of its own, which changes nothing).
    assert.deepEqual(sqlLines(script), ['ALTER TABLE "public"."users" ADD COLUMN "x', 'DROP TABLE important; --" integer', ";"]);
  });

  it("puts a warning comment right before every destructive statement, and no timestamp anywhere", () => {
    const users = entity("users", [col("legacy", "text")]);
    const diff = input(
      "postgres",
      { from: [users], to: [entity("users")] },
      [step({ kind: "drop-column", table: users, column: col("legacy", "text") }, true, "drops column public.users.legacy and its data")],
      [stmt('ALTER TABLE "public"."users" DROP COLUMN "legacy"', [0], true)],
    );
    const script = renderSqlScript(diff, LABELS);
    const lines = script.split("\n");
    const at = lines.indexOf('ALTER TABLE "public"."users" DROP COLUMN "legacy";');
    assert.equal(lines[at - 1], "-- WARNING: destructive: drops column public.users.legacy and its data");
    assert.equal(lines[at - 2], "-- drop column legacy from public.users");
    assert.doesNotMatch(script, /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}/);
    assert.match(script, /^-- from: postgres:\/\/app:\*\*\*\*@prod\/app$/m);
    assert.equal(renderSqlScript(diff, LABELS), script, "deterministic");
  });

  it("warns about a destructive statement whose steps do not say why", () => {
    const t = table("t", [col("a")]);
    const diff = input("sqlite", { from: [t], to: [t] }, [], [stmt("DROP TABLE t", [], true, { comment: "rebuilds t" })]);
    assert.match(renderSqlScript(diff, LABELS), /-- rebuilds t\n-- WARNING: destructive: rebuilds t\nDROP TABLE t;/);
  });

  it("wraps MySQL statements holding `;` between DELIMITER lines, with a delimiter the body lacks", () => {
    const t = table("t", [col("a")]);
    const trigger = { schema: "", name: "trg", table: { schema: "", name: "t" }, definition: "" };
    const steps = [step({ kind: "create-trigger", trigger }), step({ kind: "create-trigger", trigger: { ...trigger, name: "trg2" } })];
    const body = "CREATE TRIGGER `trg` BEFORE INSERT ON `t` FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.a = NEW.a + 1; END";
    const dollars = "CREATE TRIGGER `trg2` BEFORE INSERT ON `t` FOR EACH ROW BEGIN SET NEW.a = '$$'; END";
    const diff = input("mysql", { from: [t], to: [t] }, steps, [stmt(body, [0]), stmt(dollars, [1]), stmt("ALTER TABLE `t` ADD COLUMN `b` int", [])]);
    const script = renderSqlScript(diff, LABELS);
    assert.ok(script.includes(`DELIMITER $$\n${body}$$\nDELIMITER ;\n`), script);
    assert.ok(script.includes(`DELIMITER //\n${dollars}//\nDELIMITER ;\n`), script);
    assert.ok(script.includes("\nALTER TABLE `t` ADD COLUMN `b` int;\n"), script);
  });

  it("puts the terminator on its own line after a trailing line comment", () => {
    const diff = input("postgres", {}, [], [stmt("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$ -- one", [])]);
    assert.ok(renderSqlScript(diff, LABELS).endsWith("$$ -- one\n;\n"));
  });

  it("says when the schemas are equal", () => {
    const script = renderSqlScript(input("sqlite", {}, [], []), LABELS);
    assert.equal(sqlLines(script).length, 0);
    assert.match(script, /-- The schemas are equal: nothing to change\.\n$/);
  });
});

describe("Markdown text", () => {
  it("holds backticks and pipes in code spans and table cells", () => {
    assert.equal(code("a`b"), "``a`b``");
    assert.equal(code("`x"), "`` `x ``");
    assert.equal(cellCode("a|b"), "`a\\|b`");
    assert.equal(code("a\nb"), "`a\\u000ab`");
    assert.equal(codeBlock("sql", "SELECT '```';\n"), "```sql\nSELECT '```';\n```");
    assert.equal(codeBlock("sql", "SELECT '\n```';\n"), "````sql\nSELECT '\n```';\n````");
  });

  it("escapes names and warnings: no HTML, no broken table rows", () => {
    const weird = "<img src=x onerror=alert(1)>|`tick`";
    const users = entity(weird, [col("a|b", "text")]);
    const diff = input(
      "postgres",
      { from: [users], to: [entity(weird)] },
      [step({ kind: "drop-column", table: users, column: col("a|b", "text") }, true, `drops ${weird}`)],
      [stmt("ALTER TABLE x DROP COLUMN y", [0], true)],
    );
    const md = renderMarkdown(diff, LABELS);
    const body = md.slice(0, md.indexOf("## SQL"));
    // Raw only inside code spans, which Markdown prints as they are.
    for (const line of body.split("\n").filter((l) => l.includes("<img"))) assert.match(line, /`` [^`]*<img[^`]*`tick` ``/, line);
    assert.match(body, /- ⚠️ \*\*drop column a\\\|b from public\.&lt;img src=x onerror=alert\(1\)&gt;\\\|\\`tick\\`\*\*/);
    const row = body.split("\n").find((l) => l.startsWith("| ⚠️ drop column"))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 6, `four cells: ${row}`);
  });
});

const ATTRIBUTE = /^ {8}[A-Za-z_][A-Za-z0-9_]* [A-Za-z_][A-Za-z0-9_]*( (PK|FK|UK)(,(PK|FK|UK))*)?( "[^"%#\\\n]*")?$/;

describe("Mermaid diagram", () => {
  it("reduces names to what GitHub's Mermaid accepts and aliases entity names it cannot hold", () => {
    const parent = entity("order items", [col("名前", "varchar(20)"), col("pk", "integer"), col("2nd", { kind: "array", element: { kind: "builtin", name: "text" } })]);
    const child = entity("one", [col("parent_id", "integer", { nullable: false })], { foreignKeys: [fk('fk "quoted"', ["parent_id"], "order items")] });
    const diff = input("postgres", { to: [parent, child] }, [step({ kind: "create-table", table: child })], []);
    const result = erDiagram(diff);
    assert.equal(result.kind, "diagram");
    const lines = result.kind === "diagram" ? result.text.split("\n") : [];
    assert.equal(lines[0], "erDiagram");
    for (const line of lines.filter((l) => l.startsWith("        "))) assert.match(line, ATTRIBUTE);
    assert.ok(lines.includes('    e1["order items"] {'), lines.join("\n"));
    assert.ok(lines.includes('    "one" {'));
    assert.ok(lines.includes('        varchar_20 _ "名前"'));
    assert.ok(lines.includes('        integer pk_ "pk"'));
    assert.ok(lines.includes('        text_array _2nd "2nd"'));
    assert.ok(lines.includes('    "one" }o--|| e1 : "fk _quoted_"'), lines.join("\n"));
  });

  it("draws changed tables and what they reference, not unrelated ones", () => {
    const users = entity("users");
    const posts = entity("posts", [col("user_id")], { foreignKeys: [fk("posts_user_id_fkey", ["user_id"], "users")] });
    const other = entity("other");
    const diff = input("postgres", { from: [users, other], to: [users, posts, other] }, [step({ kind: "create-table", table: posts })], []);
    const result = erDiagram(diff);
    assert.ok(result.kind === "diagram");
    assert.match(result.text, /"users" \{/);
    assert.doesNotMatch(result.text, /"other"/);
    assert.match(result.text, /"posts" }o--o\| "users" : "posts_user_id_fkey"/);
  });
});

describe("JSON report", () => {
  it("names comment changes on constraints and triggers by the table they sit on", () => {
    const t = table("t", [col("a")]);
    const trigger = { schema: "public", name: "t_touch", table: { schema: "public", name: "t" }, definition: "CREATE TRIGGER t_touch BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.f()" };
    const steps = [
      step({ kind: "alter-constraint-comment", table: t, constraint: { kind: "foreign-key", name: "t_fk" }, from: "a", to: "b" }),
      step({ kind: "alter-constraint-comment", table: t, constraint: { kind: "check" }, to: "c" }),
      step({ kind: "alter-trigger-comment", from: trigger, to: { ...trigger, comment: "d" } }),
    ];
    const diff = input("postgres", { from: [t], to: [t] }, steps, [stmt("COMMENT 1", [0]), stmt("COMMENT 2", [1]), stmt("COMMENT 3", [2])]);
    assert.deepEqual(
      jsonReport(diff, LABELS).changes.map((c) => [c.kind, c.object, c.description]),
      [
        ["alter-constraint-comment", "public.t.t_fk", "alter comment on foreign key t_fk of public.t"],
        ["alter-constraint-comment", "public.t", "alter comment on check of public.t"],
        ["alter-trigger-comment", "public.t_touch", "alter comment on trigger t_touch of public.t"],
      ],
    );
    const rows = renderMarkdown(diff, LABELS).split("\n");
    assert.ok(rows.includes("| alter constraint comment | foreign key `t_fk` | `a` | `b` |"), rows.join("\n"));
    assert.ok(rows.includes("| alter constraint comment | check | `(no comment)` | `c` |"), rows.join("\n"));
    assert.ok(rows.some((row) => row.startsWith("| alter trigger comment | trigger `public.t_touch` |")), rows.join("\n"));
  });

  it("lists each change with its SQL; a statement carrying two changes is under both", () => {
    const t = table("t", [col("a")]);
    const steps = [step({ kind: "add-column", table: t, column: col("b") }), step({ kind: "create-index", table: t, index: idx("t_b", ["b"]) })];
    const diff = input("mysql", { from: [t], to: [t] }, steps, [stmt("SET foreign_key_checks = 0", []), stmt("ALTER TABLE `t` ADD COLUMN `b` int, ADD INDEX `t_b` (`b`)", [0, 1])]);
    const doc = jsonReport(diff, LABELS);
    assert.deepEqual(Object.keys(doc), ["changes", "summary"]);
    assert.deepEqual(doc.changes.map((c) => [c.kind, c.object, c.destructive, c.sql.length]), [
      ["add-column", "public.t.b", false, 2],
      ["create-index", "public.t.t_b", false, 2],
    ]);
    assert.deepEqual(doc.summary, { dialect: "mysql", from: LABELS.from, to: LABELS.to, changes: 2, destructive: 0, statements: 2, byKind: { "add-column": 1, "create-index": 1 } });
  });
});
