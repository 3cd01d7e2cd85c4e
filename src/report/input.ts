/** What every report reads: both schemas, the ordered plan and the rendered statements (a SchemaDiff). */
import type { RenderedStatement } from "../dialects/dialect.js";
import type { Plan } from "../plan/types.js";
import type { Schema } from "../schema/types.js";

/** The parts of a diff a report needs; `SchemaDiff` from the pipeline is one. */
export interface DiffReportInput {
  readonly from: Schema;
  readonly to: Schema;
  readonly plan: Plan;
  readonly statements: readonly RenderedStatement[];
}

/** What the reports say the two sides are; URLs already redacted. */
export interface ReportLabels {
  readonly from: string;
  readonly to: string;
}
