/**
 * deprecated-type: text, ntext and image "will be removed in a future version of SQL Server";
 * varchar(max), nvarchar(max) and varbinary(max) replace them, with the string functions that
 * text refuses (https://learn.microsoft.com/sql/t-sql/data-types/ntext-text-and-image-transact-sql).
 * schemac still reads, plans and pulls such columns; this rule says what to move to.
 */
import type { LintRule } from '../rule';
import { qualified } from '../model-facts';
import { DEPRECATED_TYPES } from '../../sqlserver/types';

/** A column of a deprecated type (text, ntext, image). */
export const deprecatedType: LintRule = {
  id: 'deprecated-type',
  defaultSeverity: 'warning',
  description: 'a text, ntext or image column (deprecated types)',
  check: (db) => db.tables.flatMap((t) => t.columns.flatMap((c) => {
    const replacement = DEPRECATED_TYPES[c.type.name];
    if (replacement === undefined || c.computed !== null) return [];
    return [{
      message: `column ${qualified(t)}.${c.name} is ${c.type.name.toUpperCase()}, which SQL Server deprecates; use ${replacement} (ALTER COLUMN converts it in place)`,
      source: c.source ?? t.source,
    }];
  })),
};
