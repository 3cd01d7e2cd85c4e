/**
 * shale's public API: every command of the CLI as a function returning a result value,
 * so an application can migrate at start-up. Errors are ShaleError values with a code.
 */
export { defineConfig } from "./config/define-config.js";
export type { ShaleConfig, ContextInput, EnvironmentInput } from "./config/define-config.js";
export { ShaleError, isShaleError, ERROR_CODES } from "./errors.js";
export type { ErrorCode } from "./errors.js";
export { redactUrl, parseDatabaseUrl } from "./dialects/url.js";
export type { DatabaseUrl, DialectName } from "./dialects/url.js";
export type { MigrationContext } from "./migrate/ts-module.js";
export type { RunEvent, EventListener } from "./migrate/events.js";
export type { MigrationState } from "./migrate/state.js";
export { describeTarget } from "./api/session.js";
export type { TargetOptions, WriteOptions } from "./api/session.js";

export { init } from "./api/init.js";
export type { InitOptions, InitResult } from "./api/init.js";
export { newMigration } from "./api/new-migration.js";
export type { NewMigrationOptions, NewMigrationResult } from "./api/new-migration.js";
export { migrate } from "./api/migrate.js";
export type { MigrateOptions, MigrateResult, AppliedScript } from "./api/migrate.js";
export { undo } from "./api/undo.js";
export type { UndoOptions, UndoResult } from "./api/undo.js";
export { status, validate } from "./api/status.js";
export type { StatusEntry, StatusResult, ValidateResult } from "./api/status.js";
export { baseline } from "./api/baseline.js";
export type { BaselineOptions, BaselineResult } from "./api/baseline.js";
export { markApplied, unmark } from "./api/mark.js";
export type { MarkOptions, MarkResult } from "./api/mark.js";
export { repair } from "./api/repair.js";
export type { RepairResult } from "./api/repair.js";
export { clean } from "./api/clean.js";
export type { CleanOptions, CleanResult } from "./api/clean.js";
export { seed } from "./api/seed.js";
export type { SeedResult } from "./api/seed.js";
export { reset } from "./api/reset.js";
export type { ResetOptions, ResetResult } from "./api/reset.js";

export { diff, DIFF_FORMATS } from "./api/diff.js";
export type { DiffOptions, DiffResult, DiffFormat, ExplicitRenames, ScopedRename, TableRename } from "./api/diff.js";
export { pull } from "./api/pull.js";
export type { PullOptions, PullResult } from "./api/pull.js";
export { inspectSchema as inspect, diffSchemas, createSchemaDdl } from "./api/schema-diff.js";
export type { SchemaDiff } from "./api/schema-diff.js";
export type { JsonReport, JsonChange } from "./report/json.js";
export type {
  Schema,
  SchemaDialect,
  Attrs,
  QualifiedName,
  Namespace,
  Extension,
  EnumType,
  Domain,
  Sequence,
  ColumnType,
  Identity,
  Generated,
  Column,
  Deferrable,
  PrimaryKey,
  UniqueConstraint,
  ReferentialAction,
  ForeignKey,
  Check,
  IndexPart,
  Index,
  Partitioning,
  Table,
  View,
  Routine,
  Trigger,
} from "./schema/types.js";
export type { Change, ChangeKind, ColumnAspect, TableAspect } from "./diff/changes.js";
export type { Plan, PlanStep, PhaseName } from "./plan/types.js";
export type { Dialect, Connection, InspectOptions, RenderedStatement } from "./dialects/dialect.js";
export { loadDialect } from "./dialects/load.js";
