/** The PostgreSQL schema engine parts, assembled: inspect, normalise, compare, render. */
import type { PlanCapabilities } from "../../plan/types.js";
import type { Routine } from "../../schema/types.js";
import type { SchemaSupport } from "../dialect.js";
import { diffHooks } from "./diff-hooks.js";
import { inspect } from "./inspect.js";
import { normalize } from "./normalize.js";
import { render } from "./render.js";

/**
 * The part of a routine's definition before its body. A body written as a string (`AS $$ … $$`,
 * `AS '…'`) is not parsed for dependencies; a SQL-standard body (BEGIN ATOMIC) is, so then the
 * whole definition counts.
 */
function routineHeader(routine: Routine): string {
  const body = /\bAS\s+(\$[^$\s]*\$|')/i.exec(routine.definition);
  return body ? routine.definition.slice(0, body.index) : routine.definition;
}

/**
 * PostgreSQL checks SQL-language bodies at creation (check_function_bodies), so the tables they
 * read must exist by then; PL/pgSQL bodies are only parsed, and may name tables freely.
 */
const planCapabilities: PlanCapabilities = {
  transactionalDdl: true,
  addForeignKey: true,
  routineHeader,
  routineBodyChecked: (routine) => !/\bLANGUAGE\s+plpgsql\b/i.test(routineHeader(routine)),
};

/** PostgreSQL's SchemaSupport: transactional DDL, foreign keys added with ALTER TABLE. */
export const postgresSchema: SchemaSupport = {
  inspect,
  normalize,
  diffHooks,
  planCapabilities,
  render,
};
