/** Which corpus cases apply to a server, and the reasons given for the others. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CorpusCase } from "./loader.js";
import { compareVersions, selectCase, type ServerInfo } from "./select.js";

const MARIADB: ServerInfo = { dialect: "mysql", version: "10.11.19-MariaDB-0+deb12u1", flavors: ["mariadb"] };
const MYSQL: ServerInfo = { dialect: "mysql", version: "8.0.36", flavors: ["mysql"] };
const PG15: ServerInfo = { dialect: "postgres", version: "15.20 (Debian 15.20-0+deb12u1)", flavors: [] };

function makeCase(extra: Partial<CorpusCase> = {}): CorpusCase {
  return { dialect: "mysql", file: "mysqldef/tests_x.yml", name: "X", current: "", desired: "", enableDrop: true, offline: false, managedRoles: [], manage: [], ...extra };
}

function reason(c: CorpusCase, server: ServerInfo): string | undefined {
  const s = selectCase(c, server);
  return s.run ? undefined : s.reason;
}

describe("compareVersions", () => {
  it("compares only the segments the gate gives", () => {
    assert.equal(compareVersions("8.0.17", "8.0"), 0);
    assert.equal(compareVersions("5.7.44", "5.7"), 0);
    assert.equal(compareVersions("8.0.12", "8.0.13"), -1);
    assert.equal(compareVersions("8.0.13", "8.0.13"), 0);
    assert.equal(compareVersions("10.11.19-MariaDB-0+deb12u1", "10.2"), 1);
    assert.equal(compareVersions("15.20 (Debian 15.20-0+deb12u1)", "18"), -1);
    assert.equal(compareVersions("15.20", "9.1"), 1);
  });

  it("compares segments as numbers, not text", () => {
    assert.equal(compareVersions("10.11", "10.2"), 1);
    assert.equal(compareVersions("10.2", "10.11"), -1);
  });

  it("rejects a text that is no version", () => {
    assert.throws(() => compareVersions("latest", "8.0"), /Not a version number/);
  });
});

describe("selectCase", () => {
  it("runs a case with no gate", () => {
    assert.deepEqual(selectCase(makeCase(), MARIADB), { run: true });
  });

  it("skips offline, error and privilege cases with their reasons", () => {
    assert.match(reason(makeCase({ offline: true }), MARIADB)!, /offline case: needs a SQL parser, no database/);
    assert.match(reason(makeCase({ error: "x" }), MARIADB)!, /expects sqldef's own error text/);
    assert.match(reason(makeCase({ user: "psqldef_user" }), PG15)!, /needs roles\/privileges/);
    assert.match(reason(makeCase({ managedRoles: ["reader"] }), PG15)!, /needs roles\/privileges \(managed_roles\)/);
    assert.match(reason(makeCase({ manage: ["extension"] }), PG15)!, /needs roles\/privileges \(manage: extension\)/);
  });

  it("applies flavors: named ones run only there, !x everywhere else", () => {
    assert.equal(reason(makeCase({ flavor: "mariadb" }), MARIADB), undefined);
    assert.match(reason(makeCase({ flavor: "mariadb" }), MYSQL)!, /flavor mariadb only/);
    assert.match(reason(makeCase({ flavor: "mysql" }), MARIADB)!, /flavor mysql only/);
    assert.match(reason(makeCase({ flavor: "tidb" }), MARIADB)!, /flavor tidb only/);
    assert.match(reason(makeCase({ flavor: "!mariadb" }), MARIADB)!, /flavor !mariadb: not for mariadb/);
    assert.equal(reason(makeCase({ flavor: "!mariadb" }), MYSQL), undefined);
    assert.equal(reason(makeCase({ flavor: "!tidb" }), MARIADB), undefined);
    assert.match(reason(makeCase({ flavor: "pgvector" }), PG15)!, /flavor pgvector only/);
    assert.equal(reason(makeCase({ flavor: "pgvector" }), { ...PG15, flavors: ["pgvector"] }), undefined);
  });

  it("gates on the live server's version", () => {
    assert.match(reason(makeCase({ minVersion: "18" }), PG15)!, /needs server version >= 18 \(server is 15.20/);
    assert.equal(reason(makeCase({ minVersion: "12" }), PG15), undefined);
    assert.equal(reason(makeCase({ minVersion: "8.0" }), MARIADB), undefined);
    assert.match(reason(makeCase({ maxVersion: "5.7" }), MARIADB)!, /needs server version <= 5.7/);
    assert.match(reason(makeCase({ minVersion: "8.0.17" }), { ...MYSQL, version: "8.0.16" })!, />= 8.0.17/);
  });

  it("gives the first rule's reason when several exclude a case", () => {
    assert.match(reason(makeCase({ offline: true, flavor: "tidb" }), MARIADB)!, /offline/);
  });
});
