/** The SQLite schema engine's parts, as the Dialect bundle exposes them. */
import type { SchemaSupport } from "../dialect.js";
import { diffHooks } from "./diff-hooks.js";
import { inspect } from "./inspect.js";
import { normalize } from "./normalize.js";
import { render } from "./render.js";

/**
 * SQLite: DDL is transactional; a foreign key can only be added by rebuilding the table,
 * and a key may name a table that does not exist yet, so cycles stay inline.
 */
export const sqliteSchema: SchemaSupport = {
  inspect,
  normalize,
  diffHooks,
  planCapabilities: { transactionalDdl: true, addForeignKey: false },
  render,
};
