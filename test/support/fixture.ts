/**
 * The set-up most database tests share: a fresh database, a connection to it, and a
 * project folder with the given files, made before each test and removed after it.
 */
import { afterEach, beforeEach } from "node:test";
import type { Connection, DialectName } from "../../src/dialects/dialect.js";
import { connectTestDatabase, createTestDatabase, type TestDatabase } from "./databases.js";
import { createProject, type TestProject } from "./project.js";

/** The current test's database, connection and project; valid inside a test or hook. */
export interface DatabaseProject {
  readonly db: TestDatabase;
  readonly conn: Connection;
  readonly project: TestProject;
}

/** Registers beforeEach/afterEach hooks and returns a handle on what they made. */
export function useDatabaseProject(
  dialect: DialectName,
  files: Record<string, string> | ((db: TestDatabase) => Record<string, string>) = {},
): DatabaseProject {
  let current: { db: TestDatabase; conn: Connection; project: TestProject } | undefined;
  const get = () => {
    if (!current) throw new Error("useDatabaseProject: used outside a test");
    return current;
  };
  beforeEach(async () => {
    const db = await createTestDatabase(dialect);
    const conn = await connectTestDatabase(db);
    current = { db, conn, project: createProject(db.url, typeof files === "function" ? files(db) : files) };
  });
  afterEach(async () => {
    const { db, conn, project } = get();
    current = undefined;
    await conn.close();
    await db.drop();
    project.dispose();
  });
  return {
    get db() {
      return get().db;
    },
    get conn() {
      return get().conn;
    },
    get project() {
      return get().project;
    },
  };
}
