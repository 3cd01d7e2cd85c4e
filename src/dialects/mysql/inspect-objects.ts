/**
 * Views, triggers and routines. information_schema holds their parts, not their CREATE
 * statements (SHOW CREATE is one query per object), so the statements are rebuilt here in
 * one fixed form: no DEFINER (it names an account, which differs between servers), database
 * qualifiers removed from view bodies.
 */
import { ShaleError } from "../../errors.js";
import { compareNames } from "../../schema/names.js";
import type { QualifiedName, Routine, Trigger, View } from "../../schema/types.js";
import type { Row } from "../dialect.js";
import { parseColumnType, renderColumnType } from "./column-types.js";
import { field, groupBy, text, type Server } from "./inspect-rows.js";
import { quoteIdent } from "./quote.js";
import { qualifiedReferences, stringLiteral, stripQualifier } from "./sql-text.js";

/** A view row as an IR view; `known` names the tables and views it may depend on. */
export function viewFromRow(row: Row, server: Server, known: ReadonlySet<string>): View {
  const name = text(row, "table_name");
  const raw = text(row, "view_definition");
  if (raw.trim() === "") {
    throw unreadable(`view ${name}`, "SHOW VIEW", `GRANT SHOW VIEW ON \`${server.database}\`.* to the user, or connect as the view's definer.`);
  }
  const attrs: Record<string, string> = {};
  const algorithm = text(row, "algorithm").toUpperCase();
  if (algorithm && algorithm !== "UNDEFINED") attrs["mysql.algorithm"] = algorithm;
  if (text(row, "security_type").toUpperCase() === "INVOKER") attrs["mysql.security"] = "INVOKER";
  const checkOption = text(row, "check_option").toUpperCase();
  if (checkOption === "CASCADED" || checkOption === "LOCAL") attrs["mysql.checkOption"] = checkOption;
  const dependsOn: QualifiedName[] = qualifiedReferences(raw, server.database)
    .filter((ref) => ref !== name && known.has(ref))
    .map((ref) => ({ schema: "", name: ref }))
    .sort(compareNames);
  return {
    schema: "",
    name,
    definition: stripQualifier(raw, server.database).trim(),
    materialized: false,
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
  };
}

/** A trigger row as an IR trigger with its CREATE TRIGGER statement. */
export function triggerFromRow(row: Row): Trigger {
  const name = text(row, "name");
  const table = text(row, "table_name");
  const timing = text(row, "timing").toUpperCase();
  const event = text(row, "event").toUpperCase();
  return {
    schema: "",
    name,
    table: { schema: "", name: table },
    definition: `CREATE TRIGGER ${quoteIdent(name)} ${timing} ${event} ON ${quoteIdent(table)} FOR EACH ROW ${text(row, "body").trim()}`,
  };
}

/** A routine's parameter or return type in the canonical column type form. */
function routineType(dtd: string): string {
  const type = parseColumnType(dtd);
  return type.kind === "raw" ? dtd.trim() : renderColumnType(type);
}

/**
 * The error for an object whose definition the catalog hides from the connected user (MySQL and
 * MariaDB show an empty or NULL text rather than refuse); reading it as "" would re-create the
 * object empty.
 */
function unreadable(object: string, privilege: string, hint: string): ShaleError {
  return new ShaleError("SHALE_E_INSPECT", `Cannot read the definition of ${object}: the connected user lacks the ${privilege} privilege and is not its definer.`, { hint });
}

/** The privilege that shows other users' routine bodies: MySQL 8.0.20+ has SHOW_ROUTINE, MariaDB (before 11.3) only reading mysql.proc. */
function routinePrivilege(server: Server): [privilege: string, hint: string] {
  return server.mariadb
    ? ["SELECT on mysql.proc", "GRANT SELECT ON mysql.proc to the user (SHOW CREATE ROUTINE on MariaDB 11.3+), or connect as the routine's definer."]
    : ["SHOW_ROUTINE", "GRANT SHOW_ROUTINE ON *.* to the user (MySQL 8.0.20+), or connect as the routine's definer."];
}

/** Routine rows and their parameter rows as IR routines with CREATE statements. */
export function routinesFromRows(rows: readonly Row[], parameterRows: readonly Row[], server: Server): Routine[] {
  const parameters = groupBy(parameterRows, (row) => JSON.stringify([text(row, "routine_type").toUpperCase(), text(row, "routine_name")]));
  return rows.map((row) => {
    const name = text(row, "name");
    const kind = text(row, "routine_type").toUpperCase() === "FUNCTION" ? "function" : "procedure";
    const body = field(row, "body");
    if (body === undefined) throw unreadable(`${kind} ${name}`, ...routinePrivilege(server));
    const params = parameters.get(JSON.stringify([kind.toUpperCase(), name])) ?? [];
    const types = params.map((p) => routineType(text(p, "type")));
    const list = params.map((p, i) => {
      const mode = kind === "procedure" ? `${text(p, "parameter_mode").toUpperCase() || "IN"} ` : "";
      return `${mode}${quoteIdent(text(p, "parameter_name"))} ${types[i]}`;
    });
    const returns = kind === "function" ? ` RETURNS ${routineType(text(row, "returns_type"))}` : "";
    const comment = text(row, "comment");
    const head = `CREATE ${kind.toUpperCase()} ${quoteIdent(name)}(${list.join(", ")})${returns}`;
    const definition = [head, ...characteristics(row), body.trim()].join(" ");
    return { schema: "", name, kind, signature: types.join(", "), definition, ...(comment ? { comment } : {}) };
  });
}

/** The characteristics that differ from the defaults, in the order SHOW CREATE prints them. */
function characteristics(row: Row): string[] {
  const out: string[] = [];
  if (text(row, "is_deterministic").toUpperCase() === "YES") out.push("DETERMINISTIC");
  const access = text(row, "sql_data_access").toUpperCase();
  if (access && access !== "CONTAINS SQL") out.push(access);
  if (text(row, "security_type").toUpperCase() === "INVOKER") out.push("SQL SECURITY INVOKER");
  const comment = field(row, "comment");
  if (comment) out.push(`COMMENT ${stringLiteral(comment)}`);
  return out;
}
