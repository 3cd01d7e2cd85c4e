/**
 * The shape of `shale.config.ts` as a user writes it, and `defineConfig`, which exists only
 * so that an editor checks and completes that shape.
 */
import type { DialectName } from "../dialects/url.js";

/** One migration stream (its folders and history table); relative paths are from the config file. */
export interface ContextInput {
  /** Versioned and repeatable migrations; default `db/migrations` (main) or `db/migrations/<name>`. */
  migrations?: string;
  /** Seeds folder; default `db/seeds` (main) or `db/seeds/<name>`. */
  seeds?: string;
  /** Desired schema as code (`.ts` or `.sql`); default `db/schema.ts` (main) or `db/schema/<name>.ts`. */
  schema?: string;
  /** History table; default `shale_history` (main) or `shale_history_<name>`. */
  historyTable?: string;
  /** PostgreSQL schemas this context owns (what `clean` drops); default the connection's own. */
  schemas?: string[];
}

/** Where one context of an environment lives when it is not in the environment's database. */
export interface EnvironmentContextInput {
  url?: string | undefined;
}

/** One deployment target (local, staging, prod...). */
export interface EnvironmentInput {
  /** May be undefined (an unset variable); that is an error only when the environment is used. */
  url?: string | undefined;
  /** Refuses clean, reset, push and destructive undo without --allow-protected. */
  protected?: boolean;
  /** Per-context URL overrides, for contexts kept in another database. */
  contexts?: Record<string, EnvironmentContextInput>;
}

/** The configuration a config file exports (SPEC, Configuration). */
export interface ShaleConfig {
  /** Checked against every URL; inferred from the URL when absent. */
  dialect?: DialectName;
  /** Base history table name; default `shale_history`. */
  historyTable?: string;
  /** Seconds to wait for another run's lock; default 600. */
  lockTimeout?: number;
  /** Scratch database for the schema engine. */
  devUrl?: string | undefined;
  contexts?: Record<string, ContextInput>;
  environments?: Record<string, EnvironmentInput>;
}

/** Returns its argument: a typed way to write a config file. */
export function defineConfig(config: ShaleConfig): ShaleConfig {
  return config;
}
