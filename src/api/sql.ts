/**
 * The `sql` tagged template: raw T-SQL for defaults, checks, filters and computed columns.
 * The compiler reads the template text from the source; nothing here ever runs against a server.
 */

/** A raw T-SQL expression, written as sql`...` in a schema file. */
export interface SqlFragment {
  readonly __schemacSql: string;
}

/**
 * Marks raw T-SQL, e.g. sql`NEWID()`. Interpolation is refused by the type (`never`) because the
 * compiler reads the text without executing the file, so `${x}` could not be known.
 */
export function sql(strings: TemplateStringsArray, ...values: never[]): SqlFragment {
  void values;
  return { __schemacSql: strings.raw.join('') };
}
