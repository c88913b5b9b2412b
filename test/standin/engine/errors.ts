/** SQL Server errors raised inside the engine, with SQL Server's numbers, classes and wording. */

/**
 * How far an error reaches: the statement (the batch goes on); the batch (THROW); or a
 * compile error (syntax, name resolution), which ends the batch but, unlike runtime errors, is
 * not turned into a rollback by XACT_ABORT (the transaction stays open, @@ERROR is set).
 * "Compile errors, such as syntax errors, are not affected by SET XACT_ABORT"
 * (https://learn.microsoft.com/sql/t-sql/statements/set-xact-abort-transact-sql); that 207 and
 * 208 (names resolved when the statement is compiled, deferred name resolution included) count
 * as compile errors here follows Erland Sommarskog, "Error and Transaction Handling in SQL
 * Server, Part Two" (https://www.sommarskog.se/error_handling/Part2.html). That @@ERROR still
 * holds the number in the session's next batch is inferred.
 */
export type ErrorScope = 'statement' | 'batch' | 'compile' | 'raiserror';
// 'raiserror': RAISERROR of severity 11 and up reports an error, and the batch goes on whatever
// XACT_ABORT says: "The THROW statement honors SET XACT_ABORT. RAISERROR does not."
// (https://learn.microsoft.com/sql/t-sql/statements/set-xact-abort-transact-sql).

/** An error SQL Server would report as a Msg (number, class, state, message). */
export class SqlError extends Error {
  constructor(
    readonly number: number,
    readonly cls: number,
    readonly state: number,
    message: string,
    /** See ErrorScope. */
    readonly scope: ErrorScope = 'statement',
    /** Follow-up messages SQL Server sends after this one (e.g. 4922 after 5074, 1750 after 2714). */
    readonly followUps: readonly SqlError[] = [],
    /** The batch line, when the error knows it better than its statement (parser errors). */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** A name as the user wrote it: a session's temporary table without its stored suffix (temp-tables.ts). */
function asWritten(name: string): string { return name.replace(/(#[^.#]*?)_{6}[0-9A-F]{12}/g, '$1'); }

/** The messages the engine raises, worded as SQL Server words them. */
export const err = {
  syntax: (near: string) => new SqlError(102, 15, 1, `Incorrect syntax near '${near}'.`, 'compile'),
  invalidColumn: (c: string) => new SqlError(207, 16, 1, `Invalid column name '${c}'.`, 'compile'),
  invalidObject: (o: string) => new SqlError(208, 16, 1, `Invalid object name '${asWritten(o)}'.`, 'compile'),
  mustDeclare: (v: string) => new SqlError(137, 15, 2, `Must declare the scalar variable "${v}".`, 'compile'),
  schemaFirst: () => new SqlError(111, 15, 1, `'CREATE SCHEMA' must be the first statement in a query batch.`, 'compile'),
  moduleFirst: (type: 'V' | 'P' | 'FN' | 'IF' | 'TF' | 'TR') => new SqlError(111, 15, 1, `'CREATE ${({ V: 'VIEW', P: 'PROCEDURE', FN: 'FUNCTION', IF: 'FUNCTION', TF: 'FUNCTION', TR: 'TRIGGER' } as const)[type]}' must be the first statement in a query batch.`, 'compile'),
  /** Msg 2760: CREATE in a schema that does not exist. */
  noSchema: (schema: string) => new SqlError(2760, 16, 1, `The specified schema name "${schema}" either does not exist or you do not have permission to use it.`),
  objectExists: (n: string) => new SqlError(2714, 16, 6, `There is already an object named '${asWritten(n)}' in the database.`),
  constraintFailed: (cause: SqlError) => new SqlError(cause.number, cause.cls, cause.state, cause.message, cause.scope, [new SqlError(1750, 16, 0, 'Could not create constraint or index. See previous errors.')]),
  indexExists: (i: string, t: string) => new SqlError(1913, 16, 1, `The operation failed because an index or statistics with name '${i}' already exists on table '${t}'.`),
  secondClustered: (t: string, existing: string) => new SqlError(1902, 16, 3, `Cannot create more than one clustered index on table '${t}'. Drop the existing clustered index '${existing}' before creating another.`),
  dependent: (what: 'object' | 'index' | 'statistics', name: string, col: string, op: 'DROP COLUMN' | 'ALTER COLUMN') =>
    new SqlError(5074, 16, 1, `The ${what} '${name}' is dependent on column '${col}'.`, 'statement', [
      new SqlError(4922, 16, 9, `ALTER TABLE ${op} ${col} failed because one or more objects access this column.`),
    ]),
  referencedByFk: (t: string) => new SqlError(3726, 16, 1, `Could not drop object '${t}' because it is referenced by a FOREIGN KEY constraint.`),
  badSetOptions: (op: string, opts: string) => new SqlError(1934, 16, 1, `${op} failed because the following SET options have incorrect settings: '${opts}'. Verify that SET options are correct for use with indexed views and/or indexes on computed columns and/or filtered indexes and/or query notifications and/or XML data type methods and/or spatial index operations.`),
  noColumnInTarget: (c: string) => new SqlError(1911, 16, 1, `Column name '${c}' does not exist in the target table or view.`),
  duplicateOnCreateIndex: (t: string, i: string, key: string, constraint: boolean) =>
    new SqlError(1505, 16, 1, `The CREATE UNIQUE INDEX statement terminated because a duplicate key was found for the object name '${t}' and the index name '${i}'. The duplicate key value is (${key}).`, 'statement',
      constraint ? [new SqlError(1750, 16, 0, 'Could not create constraint or index. See previous errors.')] : [new SqlError(3621, 0, 0, 'The statement has been terminated.')]),
  nullInto: (c: string, t: string, op: 'INSERT' | 'UPDATE') => new SqlError(515, 16, 2, `Cannot insert the value NULL into column '${c}', table '${t}'; column does not allow nulls. ${op} fails.`, 'statement', [new SqlError(3621, 0, 0, 'The statement has been terminated.')]),
  duplicateConstraint: (kind: 'PRIMARY KEY' | 'UNIQUE KEY', c: string, t: string, key: string) => new SqlError(2627, 14, 1, `Violation of ${kind} constraint '${c}'. Cannot insert duplicate key in object '${t}'. The duplicate key value is (${key}).`, 'statement', [new SqlError(3621, 0, 0, 'The statement has been terminated.')]),
  duplicateIndex: (t: string, i: string, key: string) => new SqlError(2601, 14, 1, `Cannot insert duplicate key row in object '${t}' with unique index '${i}'. The duplicate key value is (${key}).`, 'statement', [new SqlError(3621, 0, 0, 'The statement has been terminated.')]),
  conflict: (stmt: string, kind: 'CHECK' | 'FOREIGN KEY' | 'REFERENCE', c: string, db: string, t: string, col?: string) =>
    new SqlError(547, 16, kind === 'CHECK' ? 0 : 0, `The ${stmt} statement conflicted with the ${kind} constraint "${c}". The conflict occurred in database "${db}", table "${t}"${col ? `, column '${col}'` : ''}.`, 'statement', [new SqlError(3621, 0, 0, 'The statement has been terminated.')]),
  cannotFindObject: (t: string) => new SqlError(4902, 16, 1, `Cannot find the object "${t}" because it does not exist or you do not have permissions.`),
  cannotDrop: (kind: 'table' | 'index' | 'schema', n: string) => new SqlError(3701, 11, 5, `Cannot drop the ${kind} '${n}', because it does not exist or you do not have permission.`),
  notAConstraint: (n: string) => new SqlError(3728, 16, 1, `'${n}' is not a constraint.`, 'statement', [new SqlError(3727, 16, 0, 'Could not drop constraint. See previous errors.')]),
  renameAmbiguous: (type: string) => new SqlError(15248, 11, 1, `Either the parameter @objname is ambiguous or the claimed @objtype (${type}) is wrong.`),
  renameExists: (n: string) => new SqlError(15335, 11, 1, `Error: The new name '${n}' is already in use as a object name and would cause a duplicate that is not permitted.`),
  columnTwice: (c: string, t: string) => new SqlError(2705, 16, 3, `Column names in each table must be unique. Column name '${c}' in table '${t}' is specified more than once.`),
  hasPrimaryKey: (t: string) => new SqlError(1779, 16, 0, `Table '${t}' already has a primary key defined on it.`, 'statement', [new SqlError(1750, 16, 0, 'Could not create constraint or index. See previous errors.')]),
  defaultBound: () => new SqlError(1781, 16, 1, 'Column already has a DEFAULT bound to it.', 'statement', [new SqlError(1750, 16, 0, 'Could not create constraint or index. See previous errors.')]),
  cannotAddNotNull: (c: string, t: string) => new SqlError(4901, 16, 1, `ALTER TABLE only allows columns to be added that can contain nulls, or have a DEFAULT definition specified, or the column being added is an identity or timestamp column, or alternatively if none of the previous conditions are satisfied the table must be empty to allow addition of this column. Column '${c}' cannot be added to non-empty table '${t}' because it does not satisfy these conditions.`),
  fkNoKey: (ref: string) => new SqlError(1776, 16, 0, `There are no primary or candidate keys in the referenced table '${ref}' that match the referencing column list in the foreign key '${'?'}'.`),
  noProc: (p: string) => new SqlError(2812, 16, 62, `Could not find stored procedure '${p}'.`),
  commitNoTran: () => new SqlError(3902, 16, 1, 'The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.'),
  rollbackNoTran: () => new SqlError(3903, 16, 1, 'The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.'),
  noDatabase: (d: string) => new SqlError(911, 16, 1, `Database '${d}' does not exist. Make sure that the name is entered correctly.`),
  conversion: (v: string, type: string) => new SqlError(245, 16, 1, `Conversion failed when converting the varchar value '${v}' to data type ${type}.`),
  divideByZero: () => new SqlError(8134, 16, 1, 'Divide by zero error encountered.'),
  subqueryMany: () => new SqlError(512, 16, 1, 'Subquery returned more than 1 value. This is not permitted when the subquery follows =, !=, <, <= , >, >= or when the subquery is used as an expression.'),
  notSupported: (what: string) => new SqlError(40000, 16, 1, `The SQL Server stand-in does not support ${what}.`),
};
