// `npm run demo`: the main job on SQLite, no server. A scratch project in a temporary
// folder, driven through the real `shale` command, printed as a person would see it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "shale-demo-"));
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.SHALE_ENV;

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (t) => (color ? `\u001b[1m${t}\u001b[0m` : t);
const dim = (t) => (color ? `\u001b[2m${t}\u001b[0m` : t);

function shale(...args) {
  process.stdout.write(`\n${bold(`$ shale ${args.join(" ")}`)}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\nshale ${args[0]} exited with ${r.status}; the demo stops here (folder kept: ${dir})`);
    process.exit(1);
  }
}

function write(path, text) {
  process.stdout.write(`\n${dim(`# ${path}`)}\n${text}`);
  writeFileSync(join(dir, path), text);
}

function newest(prefix) {
  return readdirSync(join(dir, "db/migrations")).filter((n) => n.startsWith(prefix)).sort().at(-1);
}

console.log(`shale demo in ${dir}`);
shale("init");
shale("new", "create users");
write(`db/migrations/${newest("V")}`, "CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE,\n  name TEXT\n);\n");
// A second later, so the two timestamp versions differ and sort in creation order.
await new Promise((r) => setTimeout(r, 1100));
shale("new", "add posts", "--undo");
write(
  `db/migrations/${newest("V")}`,
  "CREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n  user_id INTEGER NOT NULL REFERENCES users(id),\n  title TEXT NOT NULL -- a title; semicolons; in comments are fine\n);\nCREATE INDEX posts_user_id ON posts (user_id);\n",
);
write(`db/migrations/${newest("U")}`, "DROP INDEX posts_user_id;\nDROP TABLE posts;\n");
write("db/seeds/R__demo_users.sql", "INSERT INTO users (id, email, name) VALUES (1, 'ada@example.com', 'Ada')\n  ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name;\n");
shale("migrate", "--dry-run");
shale("migrate");
shale("seed");
shale("seed");
shale("status");
shale("undo", "--yes");
shale("status");
shale("migrate");
shale("validate");
shale("status", "--json");

// The schema engine: a "prod" database one migration behind, compared with the dev database.
const firstVersion = readdirSync(join(dir, "db/migrations")).filter((n) => n.startsWith("V")).sort()[0].replace(/^V(\d+)__.*$/, "$1");
shale("migrate", "--url", "sqlite:./prod.db", "--to", firstVersion);
shale("diff", "--from", "sqlite:./prod.db", "--to", "sqlite:./shale.db");
shale("diff", "--from", "sqlite:./prod.db", "--to", "sqlite:./shale.db", "--format", "md");
shale("pull", "--url", "sqlite:./shale.db");
rmSync(dir, { recursive: true, force: true });
console.log("\ndemo finished; the scratch folder was removed");
