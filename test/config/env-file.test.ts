import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadEnvFile } from "../../src/config/env-file.js";
import { isolateEnv, project, rejectsWith } from "./helpers.js";

isolateEnv();

describe("loadEnvFile", () => {
  it("sets the file's variables, keeping those already set", () => {
    process.env.SHALE_TEST_SET = "shell";
    const dir = project({ ".env": 'SHALE_TEST_NEW="quoted value"\nexport SHALE_TEST_EXPORTED=1\nSHALE_TEST_SET=file\n' });
    const result = loadEnvFile(dir);
    assert.equal(result.file, join(dir, ".env"));
    assert.deepEqual(result.assigned.sort(), ["SHALE_TEST_EXPORTED", "SHALE_TEST_NEW"]);
    assert.equal(process.env.SHALE_TEST_NEW, "quoted value");
    assert.equal(process.env.SHALE_TEST_SET, "shell");
  });

  it("keeps a variable set to the empty string", () => {
    process.env.SHALE_TEST_EMPTY = "";
    loadEnvFile(project({ ".env": "SHALE_TEST_EMPTY=file\n" }));
    assert.equal(process.env.SHALE_TEST_EMPTY, "");
  });

  it("does nothing without a .env file", () => {
    assert.deepEqual(loadEnvFile(project({})), { file: undefined, assigned: [] });
  });

  it("does not crash on a malformed file", () => {
    assert.doesNotThrow(() => loadEnvFile(project({ ".env": "=nothing\njust words\n\u0000\n" })));
    loadEnvFile(project({ ".env": 'SHALE_TEST_BAD="unterminated\nSHALE_TEST_OK=yes\n' }));
    assert.equal(process.env.SHALE_TEST_OK, "yes");
  });

  it("reports a .env that cannot be read", async () => {
    const dir = project({ ".env/inside": "" });
    const err = await rejectsWith(() => loadEnvFile(dir), "SHALE_E_CONFIG_LOAD");
    assert.match(err.message, /\.env/);
  });
});
