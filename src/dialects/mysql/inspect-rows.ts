/** Reading information_schema rows the same way on MariaDB and MySQL 8. */
import { readFile } from "node:fs/promises";
import type { Connection, Row } from "../dialect.js";

/** The server an inspection runs against. */
export interface Server {
  /** MariaDB (its VERSION() says so) rather than MySQL. */
  readonly mariadb: boolean;
  /** The connected database; its objects get the schema "". */
  readonly database: string;
}

const queries = new Map<string, Promise<string>>();

/** The text of ./queries/<name>.sql, read once per process. */
export function queryText(name: string): Promise<string> {
  let text = queries.get(name);
  if (!text) {
    text = readFile(new URL(`./queries/${name}.sql`, import.meta.url), "utf8");
    queries.set(name, text);
  }
  return text;
}

/** Runs one of the catalog queries in ./queries, which take no parameters. */
export async function runQuery(conn: Connection, name: string): Promise<Row[]> {
  return conn.query(await queryText(name));
}

/**
 * A column of a row as text, or undefined when NULL or absent. Rows of `SELECT *` carry the
 * server's upper-case names, aliased columns their alias; MySQL 8 returns some catalog
 * columns as binary strings.
 */
export function field(row: Row, name: string): string | undefined {
  const value = row[name] ?? row[name.toUpperCase()];
  if (value === null || value === undefined) return undefined;
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  return String(value);
}

/** A column of a row as text, "" when NULL or absent. */
export function text(row: Row, name: string): string {
  return field(row, name) ?? "";
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
