/** The SQLite dialect, assembled from its parts. */
import type { Dialect } from "../dialect.js";
import { planClean } from "./clean.js";
import { connect } from "./connection.js";
import { defaultSchema, historyTableDdl, historyTableExists } from "./history.js";
import { lock } from "./lock.js";
import { literal, quoteIdent } from "./quote.js";
import { sqliteSchema } from "./schema.js";
import { classify, split } from "./split.js";

/** SQLite: transactional DDL, one file per database ("main"). */
export const sqliteDialect: Dialect = {
  name: "sqlite",
  capabilities: { transactionalDdl: true, schemas: false },
  connect,
  split,
  classify,
  quoteIdent,
  literal,
  defaultSchema,
  historyTableDdl,
  historyTableExists,
  lock,
  planClean,
  // SQLite runs in this process, so the client's start time is on the same clock as 'now'.
  executionTimeSql: (startedAt) => `CAST((julianday('now') - julianday('${startedAt.toISOString()}')) * 86400000 AS INTEGER)`,
  schema: sqliteSchema,
};
