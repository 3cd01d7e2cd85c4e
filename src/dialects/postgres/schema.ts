/** The PostgreSQL schema engine parts, assembled: inspect, normalise, compare, render. */
import type { SchemaSupport } from "../dialect.js";
import { diffHooks } from "./diff-hooks.js";
import { inspect } from "./inspect.js";
import { normalize } from "./normalize.js";
import { render } from "./render.js";

/** PostgreSQL's SchemaSupport: transactional DDL, foreign keys added with ALTER TABLE. */
export const postgresSchema: SchemaSupport = {
  inspect,
  normalize,
  diffHooks,
  planCapabilities: { transactionalDdl: true, addForeignKey: true },
  render,
};
