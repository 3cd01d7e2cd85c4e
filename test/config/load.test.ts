import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadConfig } from "../../src/config/load.js";
import { assertNoSecret, isolateEnv, project, rejectsWith } from "./helpers.js";

isolateEnv();

const TS_CONFIG = `import { defineConfig } from "shale";

const timeout: number = 5;
export default defineConfig({
  dialect: "postgres",
  lockTimeout: timeout,
  contexts: { main: { migrations: "sql/main" }, audit: {} },
  environments: { local: { url: process.env.LOCAL_URL }, prod: { url: process.env.PROD_DATABASE_URL, protected: true } },
});
`;

describe("loadConfig: finding and evaluating the file", () => {
  it("loads a .ts config importing defineConfig from shale in a folder without node_modules", async () => {
    const dir = project({ "shale.config.ts": TS_CONFIG });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.configFile, join(dir, "shale.config.ts"));
    assert.equal(config.configLabel, "shale.config.ts");
    assert.equal(config.root, dir);
    assert.equal(config.dialect, "postgres");
    assert.equal(config.lockTimeout, 5);
    assert.deepEqual(config.contexts.map((c) => c.name), ["main", "audit"]);
    assert.deepEqual(config.environments.map((e) => [e.name, e.protected]), [["local", false], ["prod", true]]);
    assert.deepEqual(config.envVars, ["LOCAL_URL", "PROD_DATABASE_URL"]);
  });

  it("loads .mjs, .cjs and .json configs", async () => {
    for (const [name, text] of [
      ["shale.config.mjs", 'import { defineConfig } from "shale";\nexport default defineConfig({ dialect: "mysql" });\n'],
      ["shale.config.cjs", 'module.exports = { dialect: "mysql" };\n'],
      ["shale.config.json", '{ "dialect": "mysql" }\n'],
    ] as const) {
      const config = await loadConfig({ cwd: project({ [name]: text }) });
      assert.equal(config.dialect, "mysql", name);
      assert.equal(config.configLabel, name);
    }
  });

  it("prefers shale.config.ts over the other names", async () => {
    const dir = project({
      "shale.config.json": '{ "dialect": "mysql" }',
      "shale.config.ts": 'export default { dialect: "sqlite" };',
    });
    assert.equal((await loadConfig({ cwd: dir })).dialect, "sqlite");
  });

  it("loads exactly the --config file, relative to cwd, and resolves paths from its folder", async () => {
    const dir = project({ "config/custom.json": '{ "contexts": { "main": { "migrations": "../migrations" } } }' });
    const config = await loadConfig({ cwd: dir, configPath: "config/custom.json" });
    assert.equal(config.configFile, join(dir, "config/custom.json"));
    assert.equal(config.configLabel, join("config", "custom.json"));
    assert.equal(config.root, join(dir, "config"));
    assert.equal(config.contexts[0]!.migrations, join(dir, "migrations"));
    assert.equal(config.contexts[0]!.written.migrations, "../migrations");
  });

  it("fails with SHALE_E_CONFIG_NOT_FOUND for a missing --config file", async () => {
    const err = await rejectsWith(() => loadConfig({ cwd: project({}), configPath: "nope.ts" }), "SHALE_E_CONFIG_NOT_FOUND");
    assert.match(err.message, /nope\.ts/);
    assert.ok(err.hint);
  });

  it("refuses a --config file of an unknown kind", async () => {
    const dir = project({ "shale.yaml": "dialect: sqlite" });
    const err = await rejectsWith(() => loadConfig({ cwd: dir, configPath: "shale.yaml" }), "SHALE_E_CONFIG_LOAD");
    assert.match(err.message, /shale\.yaml/);
  });

  it("reports a syntax error with the file and line", async () => {
    const dir = project({ "shale.config.ts": 'export default {\n  dialect: "sqlite",,\n};\n' });
    const err = await rejectsWith(() => loadConfig({ cwd: dir }), "SHALE_E_CONFIG_LOAD");
    assert.match(err.message, /shale\.config\.ts/);
    assert.equal(err.line, 2);
    assert.equal(err.file, "shale.config.ts");
    assert.match(err.hint!, /syntax/);
  });

  it("reports an error thrown by the config, with its line and the password masked", async () => {
    const dir = project({
      "shale.config.ts": 'const url = "postgres://bob:hunter2@db/app";\n\nthrow new Error("cannot reach " + url);\n',
    });
    const err = await rejectsWith(() => loadConfig({ cwd: dir }), "SHALE_E_CONFIG_LOAD");
    assert.match(err.message, /cannot reach postgres:\/\/bob:\*\*\*\*@db\/app/);
    assert.equal(err.line, 3);
    assertNoSecret(err, "hunter2");
  });

  it("reports a failed import with a hint", async () => {
    const dir = project({ "shale.config.mjs": 'import x from "./missing.mjs";\nexport default x;\n' });
    const err = await rejectsWith(() => loadConfig({ cwd: dir }), "SHALE_E_CONFIG_LOAD");
    assert.match(err.message, /missing\.mjs/);
    assert.match(err.hint!, /import/);
  });

  it("reports invalid JSON with its line", async () => {
    const dir = project({ "shale.config.json": '{\n  "dialect": "sqlite",\n}\n' });
    const err = await rejectsWith(() => loadConfig({ cwd: dir }), "SHALE_E_CONFIG_LOAD");
    assert.match(err.message, /shale\.config\.json/);
    assert.equal(err.line, 3);
  });

  it("reports validation problems naming the file and the key", async () => {
    const dir = project({
      "shale.config.ts": 'export default { environments: { prod: { url: "mysql://root:hunter2@db/app", protected: "yes" } } };\n',
    });
    const err = await rejectsWith(() => loadConfig({ cwd: dir }), "SHALE_E_CONFIG");
    assert.match(err.message, /shale\.config\.ts/);
    assert.match(err.message, /environments\.prod\.protected/);
    assertNoSecret(err, "hunter2");
  });

  it("awaits a default export that is a promise", async () => {
    const dir = project({ "shale.config.ts": 'export default Promise.resolve({ dialect: "mysql" as const });\n' });
    assert.equal((await loadConfig({ cwd: dir })).dialect, "mysql");
  });

  it("reports a config file without a default export", async () => {
    const dir = project({ "shale.config.ts": "export const config = {};\n" });
    const err = await rejectsWith(() => loadConfig({ cwd: dir }), "SHALE_E_CONFIG");
    assert.match(err.message, /no default export/);
  });

  it("re-reads a .ts config file edited between two loads", async () => {
    const dir = project({ "shale.config.ts": 'export default { dialect: "mysql" };' });
    assert.equal((await loadConfig({ cwd: dir })).dialect, "mysql");
    writeFileSync(join(dir, "shale.config.ts"), 'export default { dialect: "postgres" };');
    assert.equal((await loadConfig({ cwd: dir })).dialect, "postgres");
  });
});

describe("loadConfig: .env", () => {
  it("reads .env next to the config before evaluating it, without overriding set variables", async () => {
    process.env.SHALE_TEST_KEEP = "from-shell";
    const dir = project({
      ".env": "SHALE_TEST_URL=sqlite:./from-env.db\nSHALE_TEST_KEEP=from-file\n",
      "shale.config.ts": "export default { environments: { local: { url: process.env.SHALE_TEST_URL } }, devUrl: process.env.SHALE_TEST_KEEP };\n",
    });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.environments[0]!.url, "sqlite:./from-env.db");
    assert.equal(config.devUrl, "from-shell");
    assert.equal(config.envFile, join(dir, ".env"));
  });

  it("reads .env from the config's folder, not from cwd", async () => {
    const dir = project({
      ".env": "SHALE_TEST_WHERE=cwd\n",
      "sub/.env": "SHALE_TEST_WHERE=config\n",
      "sub/shale.config.mjs": "export default { devUrl: process.env.SHALE_TEST_WHERE };\n",
    });
    assert.equal((await loadConfig({ cwd: dir, configPath: "sub/shale.config.mjs" })).devUrl, "config");
  });

  it("reads .env from cwd in zero-config", async () => {
    const dir = project({ ".env": "DATABASE_URL=postgres://app@localhost/app\n" });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.environments[0]!.url, "postgres://app@localhost/app");
  });
});

describe("loadConfig: defaults", () => {
  it("zero-config: context main and environment local on DATABASE_URL", async () => {
    process.env.DATABASE_URL = "postgres://app@localhost/app";
    const dir = project({});
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.configFile, undefined);
    assert.equal(config.root, dir);
    assert.deepEqual(config.contexts, [
      {
        name: "main",
        migrations: join(dir, "db/migrations"),
        seeds: join(dir, "db/seeds"),
        schema: join(dir, "db/schema.ts"),
        historyTable: "shale_history",
        schemas: undefined,
        written: { migrations: "db/migrations", seeds: "db/seeds", schema: "db/schema.ts" },
      },
    ]);
    assert.deepEqual(config.environments, [
      { name: "local", url: "postgres://app@localhost/app", protected: false, contextUrls: {}, implicit: true },
    ]);
    assert.equal(config.lockTimeout, 600);
  });

  it("zero-config without DATABASE_URL: a SQLite file shale.db", async () => {
    const config = await loadConfig({ cwd: project({}) });
    assert.equal(config.environments[0]!.url, "sqlite:./shale.db");
  });

  it("a config without environments and a server dialect has no default URL but DATABASE_URL", async () => {
    const config = await loadConfig({ cwd: project({ "shale.config.json": '{ "dialect": "postgres" }' }) });
    assert.equal(config.environments[0]!.url, undefined);
    assert.equal(config.environments[0]!.implicit, true);
  });

  it("gives the main or only context the plain folders and table, and the others their own", async () => {
    const several = await loadConfig({
      cwd: project({ "shale.config.json": '{ "historyTable": "hist", "contexts": { "main": {}, "audit": {} } }' }),
    });
    const [main, audit] = several.contexts;
    assert.deepEqual(main!.written, { migrations: "db/migrations", seeds: "db/seeds", schema: "db/schema.ts" });
    assert.equal(main!.historyTable, "hist");
    assert.deepEqual(audit!.written, { migrations: "db/migrations/audit", seeds: "db/seeds/audit", schema: "db/schema/audit.ts" });
    assert.equal(audit!.historyTable, "hist_audit");

    const only = await loadConfig({ cwd: project({ "shale.config.json": '{ "contexts": { "billing": {} } }' }) });
    assert.equal(only.contexts[0]!.written.migrations, "db/migrations");
    assert.equal(only.contexts[0]!.historyTable, "shale_history");
  });

  it("keeps absolute paths as they are and records per-context URL overrides, even unset ones", async () => {
    const dir = project({
      "shale.config.mjs": `export default {
        contexts: { main: { migrations: "/abs/migrations", schemas: ["app"] }, audit: {} },
        environments: { prod: { url: "postgres://h/app", contexts: { audit: { url: process.env.SHALE_TEST_UNSET } } } },
      };\n`,
    });
    const config = await loadConfig({ cwd: dir });
    assert.equal(config.contexts[0]!.migrations, "/abs/migrations");
    assert.deepEqual(config.contexts[0]!.schemas, ["app"]);
    assert.ok("audit" in config.environments[0]!.contextUrls);
    assert.equal(config.environments[0]!.contextUrls.audit, undefined);
  });
});

describe("start-up cost", () => {
  it("imports zod and jiti only inside the functions that need them", () => {
    const dir = new URL("../../src/config/", import.meta.url);
    for (const name of readdirSync(dir)) {
      const source = readFileSync(new URL(name, dir), "utf8");
      assert.doesNotMatch(source, /^import (?!type )[^;]*from "(zod|jiti)"/m, name);
    }
  });
});
