/**
 * A T-SQL expression (default, check, filter, computed column) as it crosses the model.
 * `text` is valid T-SQL that can be emitted as is (what the user wrote, or what SQL Server
 * stored). `canonical` is the comparison key made from it by src/expr at the boundary where the
 * model is built; two expressions are the same exactly when their canonical keys are equal.
 * `parsed` is false when src/expr could not read the text and fell back to a whitespace- and
 * case-insensitive text key (the builder also reports a warning then).
 */
export interface SqlExpression {
  readonly text: string;
  readonly canonical: string;
  readonly parsed: boolean;
}
