/**
 * Turns a SQL file into what the runner executes: its statements, and whether it can run
 * as one transaction ("atomic") or must go statement by statement with recorded progress
 * ("stepwise": MySQL, `-- shale:no-transaction`, or statements a transaction cannot hold).
 */
import type { Dialect, SqlStatement } from "../dialects/dialect.js";
import { ShaleError } from "../errors.js";
import type { MigrationFile } from "./source.js";

/** One unit the runner executes: statements that commit together (or alone, outside a transaction). */
export interface StatementGroup {
  /** Index of the group's first statement in the file. */
  readonly first: number;
  readonly statements: readonly SqlStatement[];
  readonly transactional: boolean;
}

/** A SQL file ready to run. */
export interface PreparedSql {
  readonly file: MigrationFile;
  readonly statements: readonly SqlStatement[];
  readonly mode: "atomic" | "stepwise";
  readonly groups: readonly StatementGroup[];
  /** Why the file does not run as one transaction, for the notice a person sees. */
  readonly notices: readonly { line: number; message: string }[];
}

/** Splits and classifies a SQL file; rejects empty files and hand-written transaction control. */
export function prepareSql(file: MigrationFile, dialect: Dialect): PreparedSql {
  const statements = dialect.split(file.content, file.displayPath);
  if (statements.length === 0) {
    throw new ShaleError("SHALE_E_EMPTY_MIGRATION", `${file.displayPath} holds no SQL statement`, {
      file: file.displayPath,
      hint: "Write the migration's SQL, or delete the file if it is not needed",
    });
  }
  const classes = statements.map((s) => dialect.classify(s));
  const noTransaction = file.directives.noTransaction;
  if (!noTransaction) {
    const control = classes.findIndex((c) => c.kind === "transaction-control");
    if (control >= 0) {
      const s = statements[control]!;
      throw new ShaleError(
        "SHALE_E_TRANSACTION_CONTROL",
        `${file.displayPath}:${s.line}: "${firstWords(s.sql)}" controls the transaction, which shale does itself`,
        {
          file: file.displayPath,
          line: s.line,
          hint: "Remove BEGIN/COMMIT from the file (each migration already runs in a transaction where the database allows), or add `-- shale:no-transaction` at the top to run it exactly as written",
        },
      );
    }
  }
  const notices: { line: number; message: string }[] = [];
  classes.forEach((c, i) => {
    if ((c.kind === "no-transaction" || c.kind === "commit-after") && !noTransaction && dialect.capabilities.transactionalDdl) {
      notices.push({ line: statements[i]!.line, message: `${c.reason}: running this migration statement by statement` });
    }
  });
  const atomic = dialect.capabilities.transactionalDdl && !noTransaction && notices.length === 0;
  if (atomic) {
    return { file, statements, mode: "atomic", groups: [{ first: 0, statements, transactional: true }], notices };
  }
  return { file, statements, mode: "stepwise", groups: groupStatements(statements, classes, dialect, noTransaction), notices };
}

/**
 * Stepwise groups. Without transactional DDL (MySQL) or under no-transaction, every
 * statement stands alone. Otherwise consecutive plain statements share a transaction,
 * a no-transaction statement runs alone, and a commit-after statement closes its group.
 */
function groupStatements(
  statements: readonly SqlStatement[],
  classes: readonly ReturnType<Dialect["classify"]>[],
  dialect: Dialect,
  noTransaction: boolean,
): StatementGroup[] {
  if (!dialect.capabilities.transactionalDdl || noTransaction) {
    return statements.map((s, i) => ({ first: i, statements: [s], transactional: false }));
  }
  const groups: StatementGroup[] = [];
  let current: SqlStatement[] = [];
  let first = 0;
  const flush = (): void => {
    if (current.length) groups.push({ first, statements: current, transactional: true });
    current = [];
  };
  statements.forEach((s, i) => {
    const c = classes[i]!;
    if (c.kind === "no-transaction") {
      flush();
      groups.push({ first: i, statements: [s], transactional: false });
      first = i + 1;
      return;
    }
    if (current.length === 0) first = i;
    current.push(s);
    if (c.kind === "commit-after") {
      flush();
      first = i + 1;
    }
  });
  flush();
  return groups;
}

function firstWords(sql: string): string {
  const code = sql.replace(/^(\s*(--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/))*\s*/, "");
  return code.replace(/\s+/g, " ").split(" ").slice(0, 3).join(" ");
}
