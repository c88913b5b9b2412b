/**
 * SQL Server's rules for descriptions: the MS_Description extended property that SSMS, SSDT and
 * documentation tools read, its size limit, and when two descriptions count as the same.
 */

/** The extended property name SQL Server's own tools show as an object's description. */
export const MS_DESCRIPTION = 'MS_Description';

/**
 * "The size of value cannot be more than 7,500 bytes" (sp_addextendedproperty, @value;
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-addextendedproperty-transact-sql);
 * past it the server raises Msg 15097.
 */
export const MAX_EXTENDED_PROPERTY_BYTES = 7500;

/** Bytes a description takes as the N'...' (nvarchar, UTF-16) value schemac writes: 2 per code unit. */
export function descriptionBytes(text: string): number {
  return text.length * 2;
}

/**
 * The form two descriptions are compared in: every run of whitespace (line breaks and
 * indentation included) is one space, and none at either end. Re-wrapping or re-indenting a
 * doc comment is therefore not a change; any other edit is.
 */
export function descriptionKey(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Whether two optional descriptions are the same (absent equals only absent). */
export function sameDescription(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return descriptionKey(a) === descriptionKey(b);
}
