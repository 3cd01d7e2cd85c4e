import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadConfig } from "../../src/config/load.js";
import { listContexts, resolveContext, resolveTarget } from "../../src/config/resolve.js";
import { assertNoSecret, isolateEnv, project, rejectsWith } from "./helpers.js";

isolateEnv();

/** Loads a shale.config.mjs with the given body (the object literal after `export default`). */
async function config(body: string) {
  return loadConfig({ cwd: project({ "shale.config.mjs": `export default ${body};\n` }) });
}

const ENVS = `{
  contexts: { main: {}, audit: { schemas: ["audit"] } },
  environments: {
    local: { url: process.env.LOCAL_URL ?? "postgres://localhost/app" },
    staging: { url: "postgres://staging/app", contexts: { audit: { url: "postgres://staging/audit" } } },
    prod: { url: process.env.PROD_DATABASE_URL, protected: true, contexts: { audit: { url: process.env.PROD_AUDIT_URL } } },
  },
}`;

describe("resolveTarget: environment", () => {
  it("takes --env, else SHALE_ENV, else local", async () => {
    process.env.PROD_DATABASE_URL = "postgres://prod/app";
    const c = await config(ENVS);
    assert.equal(resolveTarget(c).environment.name, "local");
    process.env.SHALE_ENV = "staging";
    assert.equal(resolveTarget(c).environment.name, "staging");
    assert.deepEqual(resolveTarget(c, { env: "prod" }).environment, { name: "prod", protected: true });
  });

  it("takes the only environment when there is no local", async () => {
    const c = await config('{ environments: { dev: { url: "sqlite::memory:" } } }');
    assert.equal(resolveTarget(c).environment.name, "dev");
  });

  it("refuses an unknown environment, listing the defined ones", async () => {
    const c = await config(ENVS);
    const err = await rejectsWith(() => resolveTarget(c, { env: "prd" }), "SHALE_E_UNKNOWN_ENV");
    assert.equal(err.file, "shale.config.mjs");
    assert.match(err.message, /"prd" \(from --env\) in shale\.config\.mjs \(did you mean "prod"\?\); defined: local, staging, prod/);
    process.env.SHALE_ENV = "qa";
    const fromEnv = await rejectsWith(() => resolveTarget(c), "SHALE_E_UNKNOWN_ENV");
    assert.match(fromEnv.message, /"qa" \(from SHALE_ENV\)/);
  });

  it("refuses to guess among several environments with no local", async () => {
    const c = await config('{ environments: { dev: { url: "sqlite:a.db" }, prod: { url: "sqlite:b.db" } } }');
    const err = await rejectsWith(() => resolveTarget(c), "SHALE_E_UNKNOWN_ENV");
    assert.match(err.message, /several environments \(dev, prod\)/);
    assert.match(err.hint!, /--env/);
  });
});

describe("resolveTarget: context", () => {
  it("takes --context, else main, else the only one", async () => {
    const c = await config(ENVS);
    assert.equal(resolveTarget(c).context.name, "main");
    const audit = resolveTarget(c, { context: "audit" }).context;
    assert.equal(audit.name, "audit");
    assert.deepEqual(audit.schemas, ["audit"]);
    assert.equal(audit.historyTable, "shale_history_audit");
    const only = await config('{ contexts: { billing: {} } }');
    assert.equal(resolveTarget(only).context.name, "billing");
  });

  it("gives a single main context with defaults when the config defines none", async () => {
    const c = await config("{}");
    assert.deepEqual(listContexts(c), ["main"]);
    const target = resolveTarget(c);
    assert.equal(target.context.migrations, join(c.root, "db/migrations"));
    assert.equal(target.context.historyTable, "shale_history");
  });

  it("refuses an unknown context, listing the defined ones", async () => {
    const c = await config(ENVS);
    const err = await rejectsWith(() => resolveTarget(c, { context: "audti" }), "SHALE_E_UNKNOWN_CONTEXT");
    assert.match(err.message, /"audti" .*\(did you mean "audit"\?\); defined: main, audit/);
  });

  it("requires --context among several contexts with no main", async () => {
    const c = await config("{ contexts: { a: {}, b: {} } }");
    const err = await rejectsWith(() => resolveTarget(c), "SHALE_E_CONTEXT_REQUIRED");
    assert.match(err.message, /several contexts \(a, b\)/);
    assert.match(err.hint!, /--context/);
  });

  it("picks a context without needing an environment or a URL", async () => {
    const c = await config('{ contexts: { main: {}, audit: {} }, environments: { a: {}, b: {} } }');
    assert.equal(resolveContext(c).name, "main");
    assert.equal(resolveContext(c, "audit").written.migrations, "db/migrations/audit");
    await rejectsWith(() => resolveContext(c, "nope"), "SHALE_E_UNKNOWN_CONTEXT");
  });

  it("lists the contexts in the config's order", async () => {
    assert.deepEqual(listContexts(await config("{ contexts: { b: {}, a: {}, main: {} } }")), ["b", "a", "main"]);
  });
});

describe("resolveTarget: URL", () => {
  it("uses the environment's URL, the context's override, or --url, in that order of precedence", async () => {
    const c = await config(ENVS);
    const main = resolveTarget(c, { env: "staging" });
    assert.equal(main.url.raw, "postgres://staging/app");
    assert.equal(main.urlSource, "environments.staging.url");
    const audit = resolveTarget(c, { env: "staging", context: "audit" });
    assert.equal(audit.url.raw, "postgres://staging/audit");
    assert.equal(audit.urlSource, "environments.staging.contexts.audit.url");
    const flag = resolveTarget(c, { env: "staging", context: "audit", url: "postgres://elsewhere/x" });
    assert.equal(flag.url.raw, "postgres://elsewhere/x");
    assert.equal(flag.urlSource, "--url");
    assert.equal(flag.dialect, "postgres");
  });

  it("fails with SHALE_E_NO_URL naming the environment and the unset variable", async () => {
    const c = await config(ENVS);
    const err = await rejectsWith(() => resolveTarget(c, { env: "prod" }), "SHALE_E_NO_URL");
    assert.match(err.message, /environment "prod"/);
    assert.match(err.hint!, /PROD_DATABASE_URL/);
    assert.doesNotMatch(err.hint!, /LOCAL_URL/);
    assert.match(err.hint!, /--url/);
    assert.ok(resolveTarget(c, { env: "prod", url: "postgres://h/db" }));
  });

  it("does not fall back to the environment's URL when a context's override is unset", async () => {
    process.env.PROD_DATABASE_URL = "postgres://prod/app";
    const c = await config(ENVS);
    const err = await rejectsWith(() => resolveTarget(c, { env: "prod", context: "audit" }), "SHALE_E_NO_URL");
    assert.match(err.message, /environments\.prod\.contexts\.audit\.url has no value/);
    assert.match(err.hint!, /^Set PROD_AUDIT_URL \(read by shale\.config\.mjs, currently unset\)/);
  });

  it("treats an empty URL as missing", async () => {
    process.env.PROD_DATABASE_URL = "";
    const c = await config(ENVS);
    await rejectsWith(() => resolveTarget(c, { env: "prod" }), "SHALE_E_NO_URL");
  });

  it("zero-config with a server dialect and no DATABASE_URL asks for DATABASE_URL", async () => {
    const c = await config('{ dialect: "mysql" }');
    const err = await rejectsWith(() => resolveTarget(c), "SHALE_E_NO_URL");
    assert.match(err.hint!, /DATABASE_URL/);
  });

  it("zero-config: DATABASE_URL, else shale.db next to the project", async () => {
    const dir = project({});
    const sqlite = resolveTarget(await loadConfig({ cwd: dir }));
    assert.equal(sqlite.dialect, "sqlite");
    assert.equal(sqlite.url.file, join(dir, "shale.db"));
    assert.equal(sqlite.environment.name, "local");
    process.env.DATABASE_URL = "mysql://root@localhost/app";
    const mysql = resolveTarget(await loadConfig({ cwd: dir }));
    assert.equal(mysql.dialect, "mysql");
    assert.equal(mysql.urlSource, "DATABASE_URL");
  });

  it("resolves a relative SQLite file in the config against the config's folder, but not one from --url", async () => {
    const c = await config('{ environments: { local: { url: "sqlite:./data/app.db?mode=rwc" } } }');
    const target = resolveTarget(c);
    assert.equal(target.url.file, join(c.root, "data/app.db"));
    assert.deepEqual(target.url.params, { mode: "rwc" });
    assert.equal(resolveTarget(c, { url: "sqlite:./x.db" }).url.file, "./x.db");
    assert.equal(resolveTarget(c, { url: "sqlite::memory:" }).url.file, ":memory:");
  });

  it("refuses a URL of another dialect than the config's, without showing the password", async () => {
    const c = await config('{ dialect: "postgres", environments: { local: { url: "mysql://root:hunter2@db/app" } } }');
    const err = await rejectsWith(() => resolveTarget(c), "SHALE_E_DIALECT_MISMATCH");
    assert.match(err.message, /environments\.local\.url is a mysql URL \(mysql:\/\/root:\*\*\*\*@db\/app\)/);
    assert.match(err.message, /dialect: "postgres"/);
    assertNoSecret(err, "hunter2");
    const flag = await rejectsWith(() => resolveTarget(c, { url: "sqlite::memory:" }), "SHALE_E_DIALECT_MISMATCH");
    assert.match(flag.message, /--url is a sqlite URL/);
  });

  it("passes SHALE_E_URL on, saying which setting held the bad URL, password masked", async () => {
    const c = await config('{ environments: { local: { url: "postgres://bob:hunter2@/app" } } }');
    const err = await rejectsWith(() => resolveTarget(c), "SHALE_E_URL");
    assert.match(err.message, /^environments\.local\.url: /);
    assert.ok(err.hint);
    assertNoSecret(err, "hunter2");
    await rejectsWith(() => resolveTarget(c, { url: "http://nope" }), "SHALE_E_URL");
  });
});

describe("resolveTarget: the rest of the target", () => {
  it("carries the config file, root, lock timeout in ms and devUrl", async () => {
    const c = await config('{ lockTimeout: 2.5, devUrl: "postgres://localhost/scratch" }');
    const target = resolveTarget(c);
    assert.equal(target.configFile, join(c.root, "shale.config.mjs"));
    assert.equal(target.root, c.root);
    assert.equal(target.lockTimeoutMs, 2500);
    assert.equal(target.devUrl, "postgres://localhost/scratch");
    assert.equal(resolveTarget(await config("{}")).lockTimeoutMs, 600_000);
  });
});
