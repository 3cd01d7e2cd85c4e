/** The MySQL/MariaDB dialect, assembled from its parts. */
import type { Dialect } from "../dialect.js";
import { planClean } from "./clean.js";
import { connect } from "./connection.js";
import { defaultSchema, historyTableDdl, historyTableExists } from "./history.js";
import { lock } from "./lock.js";
import { literal, quoteIdent } from "./quote.js";
import { mysqlSchema } from "./schema.js";
import { classify, split } from "./split.js";

/** MySQL and MariaDB: DDL commits implicitly; a schema is a database. */
export const mysqlDialect: Dialect = {
  name: "mysql",
  capabilities: { transactionalDdl: false, schemas: false },
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
  schema: mysqlSchema,
};
