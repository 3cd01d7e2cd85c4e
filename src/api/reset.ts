/** `reset`: clean, migrate and seed in one run, under one lock. Refused on a protected environment. */
import type { DialectName } from "../dialects/url.js";
import type { CleanResult } from "./clean.js";
import { readMigrationFolder } from "../migrate/source.js";
import { readMigrations } from "./checks.js";
import { cleanIn } from "./clean.js";
import { loadBody, migrateIn, type MigrateResult } from "./migrate.js";
import { refuseProtected } from "./protect.js";
import { seedIn, type SeedResult } from "./seed.js";
import { withSession, type Session, type WriteOptions } from "./session.js";

/** Options of `reset`. */
export interface ResetOptions extends WriteOptions {
  readonly allowProtected?: boolean;
}

/** What `reset` did, step by step. */
export interface ResetResult {
  readonly context: string;
  readonly clean: CleanResult;
  readonly migrate: MigrateResult;
  readonly seed: SeedResult;
  readonly dryRun: boolean;
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Drops everything, then applies every migration and seed. */
export async function reset(options: ResetOptions = {}): Promise<ResetResult> {
  const dryRun = options.dryRun ?? false;
  return withSession(options, { lock: !dryRun, create: true }, async (session) => {
    refuseProtected(session.target, "reset", { allowProtected: options.allowProtected ?? false, dryRun });
    if (!dryRun) await loadEverything(session);
    const cleaned = await cleanIn(session, dryRun, options.allowProtected ?? false);
    const sql: string[] = [...cleaned.sql];
    const migrated = await migrateIn(session, { dryRun }, sql, true);
    const seeded = await seedIn(session, dryRun, dryRun ? sql : [], { migrated: migrated.applied.length });
    return { context: session.target.context.name, dialect: session.dialect.name, clean: cleaned, migrate: migrated, seed: seeded, dryRun, sql };
  });
}

/**
 * Reads, splits and loads every migration and seed that the rebuild will run, so that a bad
 * file stops `reset` before `clean` has dropped anything.
 */
async function loadEverything(session: Session): Promise<void> {
  const set = readMigrations(session);
  for (const file of [...set.versioned, ...set.repeatable]) await loadBody(session, file, "up");
  const seeds = readMigrationFolder(session.target.context.seeds, { allowMissing: true, repeatableOnly: true });
  for (const file of seeds.repeatable) await loadBody(session, file, "up");
}
