/**
 * The intermediate representation (IR) of a database schema: plain, readonly,
 * JSON-serialisable data with no I/O. Objects refer to each other by qualified name,
 * never by pointer, so a Schema can be snapshotted, hashed, written to a file and compared.
 *
 * Conventions every producer (inspector, normalizer, declare/) follows:
 * - Names are stored exactly as the database spells them (case kept, never quoted).
 * - `schema` is the namespace: a PostgreSQL schema, the MySQL database, or "main" on SQLite.
 * - SQL fragments (defaults, expressions, view bodies) are stored as the database prints them
 *   after the dialect's normalizer has run, so two equal schemas hold equal strings.
 * - Lists are sorted by name, except columns (table order) and key/index parts (key order).
 * - Optional fields are omitted rather than set to undefined, so JSON round-trips are exact.
 * - Dialect-only details live in `attrs`, a flat map of namespaced keys ("mysql.engine").
 */
/** The database families the IR describes (the same names as the dialects'). */
export type SchemaDialect = "postgres" | "mysql" | "sqlite";

/** Dialect-only details: flat, namespaced keys ("mysql.engine", "sqlite.strict"). */
export type Attrs = Readonly<Record<string, string | number | boolean>>;

/** A name inside a namespace. */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/** A whole database schema, as far as shale manages it. */
export interface Schema {
  readonly dialect: SchemaDialect;
  /** The namespaces the schema covers (PostgreSQL schemas, the MySQL database, "main"). */
  readonly namespaces: readonly Namespace[];
  readonly extensions: readonly Extension[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly Domain[];
  readonly sequences: readonly Sequence[];
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  readonly routines: readonly Routine[];
  readonly triggers: readonly Trigger[];
}

/** A PostgreSQL schema, a MySQL database, or SQLite's "main". */
export interface Namespace {
  readonly name: string;
  readonly comment?: string;
}

/** A PostgreSQL extension. */
export interface Extension {
  readonly name: string;
  /** The schema its objects were installed into. */
  readonly schema?: string;
  readonly version?: string;
}

/** A named enum type (PostgreSQL). MySQL enums are inline column types instead. */
export interface EnumType extends QualifiedName {
  readonly values: readonly string[];
  readonly comment?: string;
}

/** A domain: a named base type with constraints (PostgreSQL). */
export interface Domain extends QualifiedName {
  readonly type: ColumnType;
  readonly nullable: boolean;
  readonly default?: string;
  readonly collation?: string;
  readonly checks: readonly Check[];
  readonly comment?: string;
}

/** A standalone sequence (identity sequences belong to their column instead). */
export interface Sequence extends QualifiedName {
  /** The integer type, e.g. "bigint". */
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** The column that owns it (SERIAL columns, OWNED BY). */
  readonly ownedBy?: { readonly table: QualifiedName; readonly column: string };
  readonly comment?: string;
}

/**
 * A column type: a small union for what the IR models, with `raw` as the escape hatch for
 * types it does not (geometry, tsvector, …). Renderers turn it back into SQL.
 */
export type ColumnType =
  /** A built-in type: canonical lower-case name plus its modifiers ("numeric", ["10", "2"]). */
  | { readonly kind: "builtin"; readonly name: string; readonly args?: readonly string[] }
  /** An array of another type (PostgreSQL); `dimensions` is informational, PostgreSQL ignores it. */
  | { readonly kind: "array"; readonly element: ColumnType }
  /** An inline enum or set (MySQL `ENUM('a','b')`, `SET(...)`). */
  | { readonly kind: "enum" | "set"; readonly values: readonly string[] }
  /** A user-defined type referred to by name: enum type, domain, composite (PostgreSQL). */
  | { readonly kind: "named"; readonly schema: string; readonly name: string }
  /** A type the IR does not model, as the database prints it. */
  | { readonly kind: "raw"; readonly sql: string };

/** How a column gets its values automatically. */
export type Identity =
  /** SQL-standard identity (PostgreSQL); options are the sequence's, as strings. */
  | {
      readonly kind: "always" | "by-default";
      readonly start?: string;
      readonly increment?: string;
      readonly min?: string;
      readonly max?: string;
      readonly cache?: string;
      readonly cycle?: boolean;
    }
  /** MySQL AUTO_INCREMENT, SQLite AUTOINCREMENT. */
  | { readonly kind: "auto-increment" };

/** A generated (computed) column. */
export interface Generated {
  readonly expression: string;
  readonly stored: boolean;
}

/** A table column. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  /** The default as a SQL expression, as the database prints it. */
  readonly default?: string;
  readonly identity?: Identity;
  readonly generated?: Generated;
  readonly collation?: string;
  readonly comment?: string;
  /** e.g. "mysql.onUpdate": "current_timestamp()", "mysql.invisible": true, "mysql.charset". */
  readonly attrs?: Attrs;
}

/** Whether a constraint may be checked at commit instead of per statement. */
export interface Deferrable {
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

/** A primary key. */
export interface PrimaryKey extends Deferrable {
  /** The constraint name; omitted where the database has no name for it (SQLite, MySQL). */
  readonly name?: string;
  readonly columns: readonly string[];
  /** COMMENT ON CONSTRAINT (PostgreSQL). */
  readonly comment?: string;
}

/** A UNIQUE constraint (as opposed to a unique index). */
export interface UniqueConstraint extends Deferrable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct?: boolean;
  /** COMMENT ON CONSTRAINT (PostgreSQL). */
  readonly comment?: string;
}

/** What a foreign key does when the referenced row changes. */
export type ReferentialAction = "no action" | "restrict" | "cascade" | "set null" | "set default";

/** A foreign key. */
export interface ForeignKey extends Deferrable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: QualifiedName;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly match?: "full" | "partial" | "simple";
  /** Added NOT VALID: existing rows were not checked (PostgreSQL). */
  readonly notValid?: boolean;
  /** COMMENT ON CONSTRAINT (PostgreSQL). */
  readonly comment?: string;
}

/** A CHECK constraint. */
export interface Check {
  /** The name; SQLite checks may have none. */
  readonly name?: string;
  readonly expression: string;
  readonly notValid?: boolean;
  readonly noInherit?: boolean;
  /** COMMENT ON CONSTRAINT on a table's check (PostgreSQL); domain checks carry none. */
  readonly comment?: string;
}

/** One part of an index key: a column or an expression. */
export interface IndexPart {
  readonly column?: string;
  readonly expression?: string;
  readonly descending?: boolean;
  /** NULLS FIRST/LAST when it differs from the default for the direction. */
  readonly nulls?: "first" | "last";
  readonly collation?: string;
  /** Operator class, when not the default for the type (PostgreSQL). */
  readonly opclass?: string;
  /** Prefix length in characters (MySQL). */
  readonly length?: number;
}

/** An index that is not the implicit index of a primary key or unique constraint. */
export interface Index {
  readonly name: string;
  readonly unique: boolean;
  readonly parts: readonly IndexPart[];
  /** Partial index predicate. */
  readonly where?: string;
  /** Access method when not the default: "gin", "gist", "hash", "fulltext", "spatial". */
  readonly method?: string;
  /** Non-key columns (PostgreSQL INCLUDE). */
  readonly include?: readonly string[];
  readonly nullsNotDistinct?: boolean;
  readonly comment?: string;
  /** e.g. "mysql.invisible": true, "postgres.with": "fillfactor=70". */
  readonly attrs?: Attrs;
}

/** Table partitioning (PostgreSQL declarative partitions). */
export interface Partitioning {
  /** The PARTITION BY clause body, e.g. "RANGE (created_at)". */
  readonly by?: string;
  /** This table is a partition of `parent`, with the given FOR VALUES bound. */
  readonly of?: { readonly parent: QualifiedName; readonly bound: string };
}

/** A table. */
export interface Table extends QualifiedName {
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly uniques: readonly UniqueConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly Check[];
  readonly indexes: readonly Index[];
  readonly comment?: string;
  readonly partitioning?: Partitioning;
  /** e.g. "mysql.engine", "mysql.charset", "mysql.collation", "sqlite.strict", "sqlite.withoutRowid". */
  readonly attrs?: Attrs;
}

/** A view or materialized view. */
export interface View extends QualifiedName {
  /** The SELECT, as the database prints it after normalising. */
  readonly definition: string;
  readonly materialized: boolean;
  /** Explicit column names, when the view declares them. */
  readonly columns?: readonly string[];
  /** The tables and views it reads, for ordering; filled by the inspector where it can. */
  readonly dependsOn?: readonly QualifiedName[];
  /** Indexes on a materialized view. */
  readonly indexes?: readonly Index[];
  readonly comment?: string;
  /** e.g. "postgres.checkOption", "mysql.algorithm", "mysql.security". */
  readonly attrs?: Attrs;
}

/** A function or procedure, compared as normalised text. */
export interface Routine extends QualifiedName {
  readonly kind: "function" | "procedure";
  /** The identity arguments, so overloads differ ("integer, text"); "" when none. */
  readonly signature: string;
  /** The complete CREATE statement, as the database prints it after normalising. */
  readonly definition: string;
  readonly comment?: string;
}

/** A trigger on a table (or view), compared as normalised text. */
export interface Trigger extends QualifiedName {
  readonly table: QualifiedName;
  /** The complete CREATE TRIGGER statement after normalising. */
  readonly definition: string;
  /** The routine it calls (PostgreSQL), for ordering. */
  readonly routine?: QualifiedName;
  /** COMMENT ON TRIGGER (PostgreSQL). */
  readonly comment?: string;
}

/** An empty schema of a dialect: the starting point of `pull` into a fresh database. */
export function emptySchema(dialect: SchemaDialect): Schema {
  return {
    dialect,
    namespaces: [],
    extensions: [],
    enums: [],
    domains: [],
    sequences: [],
    tables: [],
    views: [],
    routines: [],
    triggers: [],
  };
}
