#!/usr/bin/env node
/**
 * The `shale` command. Parsing only: each command's module is imported when it runs, so
 * `shale --help` loads no driver, no config loader and no TypeScript compiler.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { collectSecrets, Output } from "./output.js";
import type { CommandOptions } from "./options.js";

type Handler = (args: string[], options: CommandOptions, out: Output) => Promise<number>;

const program = new Command("shale")
  .description("Database schema migrations for PostgreSQL, MySQL/MariaDB and SQLite")
  .version(packageVersion(), "-V, --version")
  // Root options only before the command, so `baseline --version 3` is baseline's own option.
  .enablePositionalOptions()
  .exitOverride();

// Usage errors are printed below as coded errors, like every other error.
program.configureOutput({ outputError: () => {} });

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function wantsJson(): boolean {
  return process.argv.includes("--json");
}

/** For a repeatable option: each use adds its value to the list. */
function collect(value: string, all: string[] = []): string[] {
  return [...all, value];
}

/** Declares a command with the options every command takes (SPEC, command line). */
function command(name: string, description: string, load: () => Promise<{ run: Handler }>, extra: { writes?: boolean; destroys?: boolean } = {}): Command {
  const cmd = program
    .command(name)
    .description(description)
    .option("--config <file>", "config file (default: shale.config.ts/.mjs/.js/.json in this folder)")
    .option("--env <name>", "environment (default: $SHALE_ENV, else local, else the only one)")
    .option("--context <name>", "context (default: main, else the only one)")
    .option("--url <url>", "database URL, overriding the environment's")
    .option("--json", "machine output: one JSON document on stdout")
    .option("--verbose", "more detail, including stack traces of unexpected errors");
  if (extra.writes) cmd.option("--dry-run", "print the SQL that would run, change nothing");
  if (extra.destroys) {
    cmd.option("-y, --yes", "answer yes to the confirmation").option("--allow-protected", "allow this on a protected environment");
  }
  cmd.action(async (...params: unknown[]) => {
    const self = params[params.length - 1] as Command;
    const options = self.opts() as CommandOptions;
    const args = self.args;
    const out = new Output({ json: Boolean(options.json), verbose: Boolean(options.verbose) }, collectSecrets([options.url, options.from, options.to]));
    try {
      const { run } = await load();
      process.exitCode = await run(args, options, out);
    } catch (err) {
      process.exitCode = out.error(err);
    }
  });
  return cmd;
}

command("init", "write shale.config.ts, the migrations and seeds folders and a schema file", () => import("./commands/init.js")).addOption(
  new Option("--dialect <dialect>", "database family").choices(["sqlite", "postgres", "mysql"]).default("sqlite"),
);
command("new", "create a migration file named with a UTC timestamp version", () => import("./commands/new.js"))
  .argument("<description...>", "what the migration does")
  .option("--sql", "a SQL migration (default)")
  .option("--ts", "a TypeScript migration with up(ctx) and down(ctx)")
  .option("--repeatable", "a repeatable migration (R__), applied again whenever it changes")
  .option("--undo", "also write the undo file (U...)");
command("migrate", "apply pending migrations, then new or changed repeatables", () => import("./commands/migrate.js"), { writes: true })
  .option("--to <version>", "stop after this version")
  .option("--out-of-order", "also apply pending migrations older than the current version");
command("undo", "revert applied migrations, newest first", () => import("./commands/undo.js"), { writes: true, destroys: true })
  .option("--steps <n>", "how many migrations to revert (default 1)")
  .option("--to <version>", "revert every migration above this version; 0 reverts all");
command("status", "every migration with its state", () => import("./commands/status.js"));
command("validate", "exit 1 on a changed, missing, failed or out-of-order migration", () => import("./commands/validate.js"));
command("baseline", "mark an existing database as being at a version", () => import("./commands/baseline.js"), { writes: true })
  .option("--version <version>", "the version the database is at", "1")
  .option("--from-db", "first write V<version>__baseline.sql that recreates the live schema");
command("mark-applied", "record migrations as applied without running them", () => import("./commands/mark-applied.js"), { writes: true })
  .argument("[versions...]", "versions to record")
  .option("--to <version>", "every pending migration up to this version");
command("unmark", "remove the history records of migrations (they are not reverted)", () => import("./commands/unmark.js"), { writes: true })
  .argument("[versions...]", "versions whose records to remove")
  .option("--to <version>", "every record above this version");
command("repair", "remove failed entries and realign checksums after a reviewed edit", () => import("./commands/repair.js"), { writes: true });
command("clean", "drop every object in the target schema(s)", () => import("./commands/clean.js"), { writes: true, destroys: true });
command("seed", "apply the seeds folder (new or changed seeds)", () => import("./commands/seed.js"), { writes: true });
command("reset", "clean, migrate and seed", () => import("./commands/reset.js"), { writes: true, destroys: true });
command("diff", "the changes that turn one database into another, as SQL, Markdown or JSON", () => import("./commands/diff.js"))
  .requiredOption("--from <src>", "the database to change: a URL or env:NAME")
  .requiredOption("--to <src>", "the database to match: a URL or env:NAME")
  .addOption(new Option("--format <format>", "report format (default sql)").choices(["sql", "md", "json"]))
  .option("--out <file>", "write the report to this file")
  .option("--exit-code", "exit 1 when the databases differ")
  .option("--rename-table <old=new>", "rename table OLD to NEW (repeatable)", collect)
  .option("--rename-column <table.old=new>", "rename column TABLE.OLD to NEW (repeatable)", collect)
  .option("--rename-index <table.old=new>", "rename index TABLE.OLD to NEW (repeatable)", collect);
command("pull", "write the live schema as DDL that loads into an empty database", () => import("./commands/pull.js"))
  .addOption(new Option("--format <format>", "output format (default sql)").choices(["sql", "ts"]))
  .option("--out <file>", "write the DDL to this file");

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") {
      // `shale` with no command prints the help on stderr as an error (commander's exitCode 1): a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
    } else {
      const out = new Output({ json: wantsJson(), verbose: false }, collectSecrets(process.argv));
      const { ShaleError } = await import("../errors.js");
      const message = err.message.replace(/^error:\s*/, "");
      process.exitCode = out.error(new ShaleError("SHALE_E_USAGE", message, { hint: "Run `shale --help` or `shale <command> --help`" }));
    }
  } else {
    throw err;
  }
}
