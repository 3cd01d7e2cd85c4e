/**
 * The schema engine's pipeline, shared by `diff`, `pull`, `baseline --from-db` and the
 * corpus runner: inspect → normalise → diff → plan → render. No command builds its own.
 */
import type { Change } from "../diff/changes.js";
import { diff } from "../diff/differ.js";
import type { DiffOptions } from "../diff/options.js";
import type { Connection, Dialect, InspectOptions, RenderedStatement, SchemaSupport } from "../dialects/dialect.js";
import { ShaleError } from "../errors.js";
import { plan } from "../plan/planner.js";
import type { Plan, PlanStep } from "../plan/types.js";
import { emptySchema, type Schema } from "../schema/types.js";

/** The changes between two schemas, their plan, and the DDL that carries it out. */
export interface SchemaDiff {
  readonly from: Schema;
  readonly to: Schema;
  readonly changes: readonly Change[];
  readonly plan: Plan;
  readonly statements: readonly RenderedStatement[];
}

/** The dialect's schema support, or a clear error while a dialect lacks it. */
export function schemaSupport(dialect: Dialect): SchemaSupport {
  if (!dialect.schema) {
    throw new ShaleError("SHALE_E_USAGE", `The schema engine does not support ${dialect.name} yet.`, {
      hint: "Use a PostgreSQL, MySQL or SQLite database.",
    });
  }
  return dialect.schema;
}

/** Reads a live database into the IR, normalised, leaving out the given tables. */
export async function inspectSchema(dialect: Dialect, conn: Connection, options: InspectOptions = {}): Promise<Schema> {
  const support = schemaSupport(dialect);
  return support.normalize(await support.inspect(conn, options));
}

/** Diffs two schemas of one dialect and renders the DDL that turns `from` into `to`. */
export function diffSchemas(dialect: Dialect, from: Schema, to: Schema, options: Omit<DiffOptions, "hooks"> = {}): SchemaDiff {
  const support = schemaSupport(dialect);
  if (from.dialect !== dialect.name || to.dialect !== dialect.name) {
    throw new ShaleError("SHALE_E_DIALECT_MISMATCH", `Cannot diff a ${from.dialect} schema against a ${to.dialect} schema with the ${dialect.name} dialect.`, {
      hint: "Both sides of a diff must be databases of the same kind.",
    });
  }
  const changes = diff(from, to, { ...options, hooks: support.diffHooks });
  const ordered = plan(changes, from, to, support.planCapabilities);
  const statements = support.render(ordered, from, to);
  return { from, to, changes, plan: withStatementRisks(ordered, statements), statements };
}

/**
 * The plan with the steps of every destructive statement that carries no destructive step
 * marked destructive too (a MySQL DROP PARTITION), so that the steps are the one place reports
 * count from. A statement that carries a destructive step already says why it loses data.
 */
export function withStatementRisks(ordered: Plan, statements: readonly RenderedStatement[]): Plan {
  const marked = new Map<number, string>();
  for (const statement of statements) {
    if (!statement.destructive || statement.steps.some((i) => ordered.steps[i]?.destructive)) continue;
    const sql = statement.sql.replace(/\s+/g, " ").trim();
    const why = statement.comment ?? `runs ${sql.length > 120 ? `${sql.slice(0, 119)}…` : sql}`;
    for (const i of statement.steps) if (!marked.has(i)) marked.set(i, `${why}, which can lose data`);
  }
  if (marked.size === 0) return ordered;
  const steps = ordered.steps.map((step, i): PlanStep => {
    const why = marked.get(i);
    return why === undefined ? step : { ...step, destructive: true, warning: step.warning ? `${step.warning}; ${why}` : why };
  });
  return { steps };
}

/** The DDL that creates `schema` in an empty database, in a loadable order. */
export function createSchemaDdl(dialect: Dialect, schema: Schema): SchemaDiff {
  return diffSchemas(dialect, emptySchema(dialect.name), schema);
}
