import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defineConfig, type ShaleConfig } from "../../src/config/define-config.js";

describe("defineConfig", () => {
  it("returns its argument unchanged", () => {
    const config: ShaleConfig = {
      dialect: "postgres",
      contexts: { main: { migrations: "db/migrations/main" }, audit: {} },
      environments: { local: { url: process.env.SHALE_TEST_NEVER_SET }, prod: { protected: true } },
    };
    assert.equal(defineConfig(config), config);
  });

  it("rejects unknown keys and wrong types at compile time", () => {
    // @ts-expect-error: not a dialect
    defineConfig({ dialect: "oracle" });
    // @ts-expect-error: protected is a boolean
    defineConfig({ environments: { prod: { protected: "yes" } } });
    // @ts-expect-error: unknown key
    defineConfig({ enviroments: {} });
  });
});
