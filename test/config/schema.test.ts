import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { closestName, validateConfig } from "../../src/config/schema.js";
import { assertNoSecret, rejectsWith } from "./helpers.js";

const FILE = "shale.config.ts";

describe("validateConfig", () => {
  it("accepts a full config and returns it", async () => {
    const config = {
      dialect: "postgres",
      historyTable: "history",
      lockTimeout: 30,
      devUrl: "postgres://localhost/dev",
      contexts: { main: { migrations: "m", seeds: "s", schema: "x.sql", historyTable: "h", schemas: ["public"] } },
      environments: { prod: { url: undefined, protected: true, contexts: { main: { url: "postgres://h/db" } } } },
    };
    assert.deepEqual(await validateConfig(config, FILE), config);
  });

  it("names the file, the key path, what was expected and what was found", async () => {
    const err = await rejectsWith(() => validateConfig({ environments: { prod: { protected: "yes" } } }, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /shale\.config\.ts/);
    assert.match(err.message, /environments\.prod\.protected: expected boolean, got string "yes"/);
    assert.equal(err.file, FILE);
    assert.ok(err.hint);
  });

  it("suggests the closest key for an unknown one", async () => {
    const err = await rejectsWith(() => validateConfig({ enviroments: {} }, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /enviroments: unknown key \(did you mean "environments"\?\)/);
    assert.match(err.hint!, /Known keys in the top level: dialect, historyTable/);
  });

  it("says where a key that sits at the wrong level belongs", async () => {
    const err = await rejectsWith(() => validateConfig({ url: "sqlite:x.db" }, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /url: unknown key here; url belongs in environments\.<name>/);
  });

  it("lists every problem at once", async () => {
    const err = await rejectsWith(
      () =>
        validateConfig(
          {
            dialect: "postgresql",
            lockTimeout: -1,
            contexts: { main: { migratons: "db", schemas: [] } },
            environments: { prod: { url: 5 } },
          },
          FILE,
        ),
      "SHALE_E_CONFIG",
    );
    assert.match(err.message, /\(5 problems\)/);
    assert.match(err.message, /dialect: expected one of "postgres", "mysql", "sqlite", got string "postgresql" \(did you mean "postgres"\?\)/);
    assert.match(err.message, /lockTimeout: expected a number >= 0, got number -1/);
    assert.match(err.message, /contexts\.main\.migratons: unknown key \(did you mean "migrations"\?\)/);
    assert.match(err.message, /contexts\.main\.schemas: expected at least 1 item, got empty array/);
    assert.match(err.message, /environments\.prod\.url: expected string, got number 5/);
  });

  it("rejects context names that cannot be folder names", async () => {
    const err = await rejectsWith(() => validateConfig({ contexts: { "a/b": {} } }, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /contexts: "a\/b" is not a valid context name/);
  });

  it("rejects empty contexts and environments", async () => {
    const err = await rejectsWith(() => validateConfig({ contexts: {}, environments: {} }, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /contexts: expected at least one context/);
    assert.match(err.message, /environments: expected at least one environment/);
  });

  it("rejects a per-environment URL for a context the config does not define", async () => {
    const config = { contexts: { main: {}, audit: {} }, environments: { prod: { contexts: { audti: { url: "x" } } } } };
    const err = await rejectsWith(() => validateConfig(config, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /environments\.prod\.contexts\.audti: no context named "audti" \(did you mean "audit"\?\)/);
    assert.match(err.hint!, /Contexts defined: main, audit/);
  });

  it("knows only main when the config defines no contexts", async () => {
    const err = await rejectsWith(
      () => validateConfig({ environments: { prod: { contexts: { audit: {} } } } }, FILE),
      "SHALE_E_CONFIG",
    );
    assert.match(err.message, /no context named "audit"/);
  });

  it("never shows a password found in a wrongly typed value", async () => {
    const err = await rejectsWith(
      () => validateConfig({ environments: { prod: { protected: "postgres://bob:hunter2@db/app" } } }, FILE),
      "SHALE_E_CONFIG",
    );
    assert.match(err.message, /postgres:\/\/bob:\*\*\*\*@db\/app/);
    assertNoSecret(err, "hunter2");
  });

  it("explains a missing default export and a non-object export", async () => {
    const none = await rejectsWith(() => validateConfig(undefined, FILE), "SHALE_E_CONFIG");
    assert.match(none.message, /has no default export/);
    assert.match(none.hint!, /export default defineConfig/);
    const fn = await rejectsWith(() => validateConfig(() => ({}), FILE), "SHALE_E_CONFIG");
    assert.match(fn.message, /expected object, got function/);
  });

  it("quotes keys that are not identifiers in paths", async () => {
    const err = await rejectsWith(() => validateConfig({ contexts: { "my-ctx": { seeds: 1 } } }, FILE), "SHALE_E_CONFIG");
    assert.match(err.message, /contexts\["my-ctx"\]\.seeds: expected string, got number 1/);
  });
});

describe("closestName", () => {
  it("finds typos, swaps and case slips, and nothing for unrelated words", () => {
    assert.equal(closestName("enviroments", ["contexts", "environments"]), "environments");
    assert.equal(closestName("histroyTable", ["historyTable", "lockTimeout"]), "historyTable");
    assert.equal(closestName("LockTimeout", ["historyTable", "lockTimeout"]), "lockTimeout");
    assert.equal(closestName("database", ["dialect", "devUrl"]), undefined);
  });
});
