/**
 * Where the corpus cases get their databases: made and dropped on the spot, made ahead and
 * dropped in the background, or (PostgreSQL) emptied and reused.
 */
import type { Dialect } from "../../src/dialects/dialect.js";
import { PostgresPool } from "./pg-pool.js";
import { freshDatabase, type CaseDatabase } from "./servers.js";

/** Where a case gets its databases and where it gives them back. */
export interface DatabaseSource {
  take(): Promise<CaseDatabase>;
  /**
   * Gives the database back to be dropped (the source may do it in the background, or empty
   * it for reuse). `abandoned`: a timed-out case may still be using it, so it must be dropped.
   */
  release(db: CaseDatabase, abandoned?: boolean): Promise<void>;
}

/** Makes each database when asked and drops it before returning: the simple source the tests use. */
export function directSource(dialect: Dialect): DatabaseSource {
  return { take: () => freshDatabase(dialect), release: (db) => db.dispose() };
}

/**
 * A source that keeps `ahead` fresh databases ready and drops returned ones in the
 * background, so that a server slow at CREATE/DROP DATABASE (PostgreSQL writes the whole
 * template through its WAL) does not hold up the cases. Every database is still new.
 */
export class PrefetchSource implements ClosableSource {
  private readonly ready: Promise<CaseDatabase>[] = [];
  private readonly drops = new Set<Promise<void>>();
  private readonly problems: string[] = [];

  constructor(
    private readonly dialect: Dialect,
    private readonly ahead: number,
  ) {}

  take(): Promise<CaseDatabase> {
    while (this.ready.length < this.ahead + 1) this.ready.push(this.made());
    const next = this.ready.shift()!;
    this.ready.push(this.made());
    return next;
  }

  async release(db: CaseDatabase): Promise<void> {
    // Bounded, so that drops never take more server connections than the cases themselves.
    while (this.drops.size >= Math.max(2, this.ahead)) await Promise.race(this.drops);
    const drop = db.dispose().catch((err: unknown) => {
      this.problems.push(`could not drop ${db.name}: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.drops.add(drop);
    void drop.finally(() => this.drops.delete(drop));
  }

  /** Drops the unused databases and waits for every drop; returns what could not be dropped. */
  async close(): Promise<string[]> {
    const unused = this.ready.splice(0);
    for (const made of await Promise.allSettled(unused)) if (made.status === "fulfilled") await this.release(made.value);
    while (this.drops.size > 0) await Promise.all([...this.drops]);
    return this.problems;
  }

  private made(): Promise<CaseDatabase> {
    const made = freshDatabase(this.dialect);
    made.catch(() => undefined);
    return made;
  }
}

/** A source that must be closed once the cases are done; `close` returns the databases it could not drop. */
export interface ClosableSource extends DatabaseSource {
  close(): Promise<string[]>;
}

/** The fastest safe source for a run of cases with `jobs` at once. */
export function sourceFor(dialect: Dialect, jobs: number): ClosableSource {
  return dialect.name === "postgres" ? new PostgresPool(dialect) : new PrefetchSource(dialect, jobs * 2);
}
