/**
 * Inspecting as a user who may not read every definition: MySQL and MariaDB then show an empty
 * view body or a NULL routine body instead of refusing, and the inspector must stop there, naming
 * the object and the privilege, rather than read "" and later re-create the object empty. The
 * user is created for the test and dropped after it.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import type { Connection } from "../../../src/dialects/dialect.js";
import { routinesFromRows, viewFromRow } from "../../../src/dialects/mysql/inspect-objects.js";
import { ShaleError } from "../../../src/errors.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect } from "../../support/databases.js";
import { inspect, load } from "./schema-helpers.js";

/** Requires a SHALE_E_INSPECT error whose message names all of `parts`. */
function unreadable(...parts: string[]): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof ShaleError, String(err));
    assert.equal(err.code, "SHALE_E_INSPECT");
    for (const part of parts) assert.ok(err.message.includes(part), `${err.message} should name ${part}`);
    assert.equal(typeof err.hint, "string");
    return true;
  };
}

describeEachDialect("MySQL inspection with too few privileges", (dialect) => {
  if (dialect !== "mysql") return;

  it("refuses a view or routine whose definition the user may not see, and reads it once granted", async () => {
    const db = await createTestDatabase("mysql");
    const admin = await connectTestDatabase(db);
    const user = `shale_t_${randomBytes(4).toString("hex")}`;
    const password = randomBytes(8).toString("hex");
    const database = new URL(db.url).pathname.slice(1);
    let low: Connection | undefined;
    try {
      await load(admin, "CREATE TABLE t (a INT); CREATE VIEW v AS SELECT a FROM t");
      await admin.exec(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
      await admin.exec(`GRANT SELECT, EXECUTE ON \`${database}\`.* TO '${user}'@'%'`);
      const url = new URL(db.url);
      url.username = user;
      url.password = password;
      // Database privileges apply to a session from its next USE, so each check connects anew.
      const asUser = async (): Promise<Connection> => {
        await low?.close();
        low = await connectTestDatabase({ ...db, url: url.toString() });
        return low;
      };
      await assert.rejects(inspect(await asUser()), unreadable("view v", "SHOW VIEW"));

      await admin.exec(`GRANT SHOW VIEW ON \`${database}\`.* TO '${user}'@'%'`);
      await load(admin, "CREATE FUNCTION f() RETURNS INT RETURN 1");
      await assert.rejects(inspect(await asUser()), unreadable("function f", "mysql.proc"));

      await admin.exec(`GRANT SELECT ON mysql.proc TO '${user}'@'%'`);
      assert.deepEqual(await inspect(await asUser()), await inspect(admin));
    } finally {
      await low?.close();
      await admin.exec(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.close();
      await db.drop();
    }
  });
});

describe("MySQL 8 catalog rows with hidden definitions", () => {
  const mysql8 = { mariadb: false, database: "app" };

  it("refuses an empty view body and a NULL routine body, naming MySQL 8's privileges", () => {
    assert.throws(
      () => viewFromRow({ TABLE_NAME: "v", VIEW_DEFINITION: "", CHECK_OPTION: "NONE", SECURITY_TYPE: "DEFINER" }, mysql8, new Set()),
      unreadable("view v", "SHOW VIEW"),
    );
    const row = { name: "p", routine_type: "PROCEDURE", returns_type: "", body: null, is_deterministic: "NO", sql_data_access: "CONTAINS SQL", security_type: "DEFINER", comment: "" };
    assert.throws(() => routinesFromRows([row], [], mysql8), unreadable("procedure p", "SHOW_ROUTINE"));
  });
});
