/** The PostgreSQL dialect, assembled from its parts. */
import type { Dialect } from "../dialect.js";
import { planClean } from "./clean.js";
import { connect } from "./connection.js";
import { defaultSchema, historyTableDdl, historyTableExists } from "./history.js";
import { lock } from "./lock.js";
import { literal, quoteIdent } from "./quote.js";
import { postgresSchema } from "./schema.js";
import { classify, split } from "./split.js";

/** PostgreSQL: transactional DDL, named schemas. */
export const postgresDialect: Dialect = {
  name: "postgres",
  capabilities: { transactionalDdl: true, schemas: true },
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
  // transaction_timestamp() is when the batch's BEGIN ran, on the server's own clock.
  executionTimeSql: () => "CAST(EXTRACT(EPOCH FROM clock_timestamp() - transaction_timestamp()) * 1000 AS integer)",
  schema: postgresSchema,
};
