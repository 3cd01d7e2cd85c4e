/** `init`: a config file, the migrations and seeds folders and a schema file; no server needed. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import { CONFIG_FILE_NAMES } from "../config/load.js";

/** Options of `init`. */
export interface InitOptions {
  readonly cwd?: string;
  readonly dialect?: DialectName;
}

/** What `init` wrote. */
export interface InitResult {
  readonly dialect: DialectName;
  /** Paths written, relative to cwd. */
  readonly created: readonly string[];
}

const DEFAULT_URLS: Readonly<Record<DialectName, string>> = {
  sqlite: "sqlite:./shale.db",
  postgres: "postgres://localhost:5432/app",
  mysql: "mysql://root@localhost:3306/app",
};

/** Writes a starter project; refuses to overwrite an existing config file. */
export function init(options: InitOptions = {}): InitResult {
  const cwd = options.cwd ?? process.cwd();
  const dialect = options.dialect ?? "sqlite";
  if (!(dialect in DEFAULT_URLS)) {
    throw new ShaleError("SHALE_E_USAGE", `Unknown dialect "${dialect}"`, { hint: "Use sqlite, postgres or mysql" });
  }
  const existing = CONFIG_FILE_NAMES.find((name) => existsSync(join(cwd, name)));
  if (existing) {
    throw new ShaleError("SHALE_E_FILE_EXISTS", `${existing} already exists here; init changed nothing`, {
      file: existing,
      hint: "Edit the existing config, or run init in an empty folder",
    });
  }
  const created: string[] = [];
  const write = (path: string, text: string): void => {
    const full = join(cwd, path);
    if (existsSync(full)) return;
    writeFileSync(full, text);
    created.push(relative(cwd, full));
  };
  for (const dir of ["db/migrations", "db/seeds"]) {
    mkdirSync(join(cwd, dir), { recursive: true });
    write(join(dir, ".gitkeep"), "");
  }
  write("shale.config.ts", configText(dialect));
  write("db/schema.sql", "-- The desired schema of this database, as SQL DDL.\n-- `shale generate` will turn changes here into migrations.\n");
  return { dialect, created };
}

function configText(dialect: DialectName): string {
  return `import { defineConfig } from "shale";

export default defineConfig({
  dialect: "${dialect}",
  contexts: {
    main: { migrations: "db/migrations", seeds: "db/seeds", schema: "db/schema.sql" },
  },
  environments: {
    local: { url: process.env.DATABASE_URL ?? "${DEFAULT_URLS[dialect]}" },
    // prod: { url: process.env.PROD_DATABASE_URL, protected: true },
  },
});
`;
}
