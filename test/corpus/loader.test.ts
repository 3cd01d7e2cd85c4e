/** The corpus loader: the YAML format as the corpus README describes it, and the real files. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { corpusFiles, loadCorpus, parseCorpusFile } from "./loader.js";

const SAMPLE = `# yaml-language-server: $schema=../../testutil/testcase.schema.json
AddColumn:
  current: |
    CREATE TABLE users (id bigint);
  desired: |
    CREATE TABLE users (id bigint, name text);
  up: |
    ALTER TABLE "public"."users" ADD COLUMN "name" text;
  down: |
    ALTER TABLE "public"."users" DROP COLUMN "name";
CreateOnly:
  min_version: 10.10
  max_version: '5.7'
  flavor: "!mariadb"  # a comment
  enable_drop: false
  legacy_ignore_quotes: false
  desired: ''
Roles:
  desired: "CREATE TABLE t (id int);"
  user: psqldef_user
  managed_roles:
    - reader
    - "My User"
  manage:
    privilege:
      - target: .*
        drop: true
  offline: true
  error: "boom"
`;

describe("parseCorpusFile", () => {
  const cases = parseCorpusFile(SAMPLE, "psqldef/tests_sample.yml", "postgres");

  it("reads every case in file order with its SQL", () => {
    assert.deepEqual(
      cases.map((c) => c.name),
      ["AddColumn", "CreateOnly", "Roles"],
    );
    const [add] = cases;
    assert.equal(add!.current, "CREATE TABLE users (id bigint);\n");
    assert.equal(add!.desired, "CREATE TABLE users (id bigint, name text);\n");
    assert.equal(add!.up, 'ALTER TABLE "public"."users" ADD COLUMN "name" text;\n');
    assert.equal(add!.down, 'ALTER TABLE "public"."users" DROP COLUMN "name";\n');
    assert.equal(add!.file, "psqldef/tests_sample.yml");
    assert.equal(add!.dialect, "postgres");
    assert.equal(add!.enableDrop, true);
    assert.equal(add!.offline, false);
    assert.deepEqual(add!.managedRoles, []);
    assert.deepEqual(add!.manage, []);
    assert.equal("minVersion" in add!, false);
  });

  it("keeps versions as written and reads flags", () => {
    const c = cases[1]!;
    assert.equal(c.current, "", "a missing current is the empty schema");
    assert.equal(c.desired, "");
    assert.equal(c.minVersion, "10.10", "not the number 10.1");
    assert.equal(c.maxVersion, "5.7");
    assert.equal(c.flavor, "!mariadb");
    assert.equal(c.enableDrop, false);
  });

  it("reads roles, manage rules, offline and error", () => {
    const c = cases[2]!;
    assert.equal(c.user, "psqldef_user");
    assert.deepEqual(c.managedRoles, ["reader", "My User"]);
    assert.deepEqual(c.manage, ["privilege"]);
    assert.equal(c.offline, true);
    assert.equal(c.error, "boom");
  });

  it("rejects an unknown key, a case without desired, and a bad flag", () => {
    assert.throws(() => parseCorpusFile("X:\n  desired: ''\n  output: ''\n", "f.yml", "mysql"), /case X has an unknown key "output"/);
    assert.throws(() => parseCorpusFile("X:\n  current: 'CREATE TABLE t (a int)'\n", "f.yml", "mysql"), /case X has no "desired"/);
    assert.throws(() => parseCorpusFile("X:\n  desired: ''\n  offline: yes\n", "f.yml", "mysql"), /offline is not true or false/);
    assert.throws(() => parseCorpusFile("- a\n- b\n", "f.yml", "mysql"), /not a mapping/);
  });

  it("reads an empty file as no cases", () => {
    assert.deepEqual(parseCorpusFile("# nothing\n", "f.yml", "sqlite"), []);
  });
});

describe("the corpus files", () => {
  it("holds the counts its README gives", () => {
    const counts = { postgres: [26, 838, 554], mysql: [17, 313, 215], sqlite: [5, 65, 36] } as const;
    for (const [dialect, [files, total, withUp]] of Object.entries(counts) as [keyof typeof counts, readonly number[]][]) {
      const cases = loadCorpus(dialect);
      assert.equal(corpusFiles(dialect).length, files, `${dialect} files`);
      assert.equal(cases.length, total, `${dialect} cases`);
      assert.equal(cases.filter((c) => c.up !== undefined).length, withUp, `${dialect} cases with up`);
      assert.equal(cases.filter((c) => c.error !== undefined).length, dialect === "postgres" ? 2 : dialect === "mysql" ? 1 : 0, `${dialect} error cases`);
    }
  });

  it("names each case once per dialect", () => {
    for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
      const names = loadCorpus(dialect).map((c) => c.name);
      assert.equal(new Set(names).size, names.length, dialect);
    }
  });
});
