/**
 * Loads a dialect by name when a command needs it. Each dialect sits behind its own dynamic
 * import so that `shale --help` loads none and a SQLite user never loads `pg`.
 */
import type { Dialect } from "./dialect.js";
import type { DialectName } from "./url.js";

/** The dialect for `name`, imported on first use. */
export async function loadDialect(name: DialectName): Promise<Dialect> {
  switch (name) {
    case "postgres":
      return (await import("./postgres/index.js")).postgresDialect;
    case "mysql":
      return (await import("./mysql/index.js")).mysqlDialect;
    case "sqlite":
      return (await import("./sqlite/index.js")).sqliteDialect;
  }
}
