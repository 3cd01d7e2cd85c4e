/** The schema engine's MySQL/MariaDB parts, assembled. */
import type { SchemaSupport } from "../dialect.js";
import { mysqlDiffHooks } from "./diff-hooks.js";
import { inspect } from "./inspect.js";
import { normalize } from "./normalize.js";
import { render } from "./render.js";

/** Inspect, normalise, compare and render for MySQL 8 and MariaDB; DDL is not transactional there. */
export const mysqlSchema: SchemaSupport = {
  inspect,
  normalize,
  diffHooks: mysqlDiffHooks,
  planCapabilities: { transactionalDdl: false, addForeignKey: true },
  render,
};
