/**
 * Columns of a table from its class chain (mixins first): type, nullability, identity,
 * collation, computed, defaults (named df_{table}_{column}), CHECKs derived from literal
 * unions (ck_{table}_{column}) and a column-level primary key.
 */
import ts = require('./typescript');
import type { Column, Identity, SqlType, SqlTypeName } from '../model';
import { Codes } from './codes';
import { inListText, nextValueForText, typedStringLiteral } from '../sqlserver/literals';
import {
  allowsIdentity, isCharacterType, isNumericType, isRowversion, isSqlTypeName, SYSNAME, takesStringLiteral, typeText,
} from '../sqlserver/types';
import { maskMisfit, maskingFunctionText, parseMaskingFunction } from '../sqlserver/masking';
import { AE_ALGORITHM, encryptionMisfit } from '../sqlserver/encryption';
import { boundedMemo } from '../util/bounded-memo';
import { snakeCase } from '../util/case';
import { resolveType } from './column-types';
import type { DeclarationResolver } from './declarations';
import type { DiagnosticBag } from './diagnostics';
import { toExpression } from './expressions';
import { literalValues } from './literal-union';
import { checkLiteralValue, checkUnionMembers } from './value-checks';
import { expandTemplate } from './names';
import type { ColumnDecl } from './read-classes';
import { renamedFromOption } from './renamed-from';
import { refOf } from './source-ref';
import { readPeriodColumn } from './temporal';
import type { StaticValue } from './static-value';
import type { TableDraft } from './table-draft';
import { keyStorage, rememberSparse } from './storage-options';
import type { AliasTypes } from './alias-types';

// Column names derived from field names, by field name: a mixin's fields are named again for
// every table that inherits them, and snakeCase runs two regular expressions each time. Bounded,
// so that a long-lived process does not keep every field name it has compiled.
const columnNameOf = boundedMemo(snakeCase);

/** Reads an optional string option, reporting a non-string. */
function stringOption(opts: ReadonlyMap<string, StaticValue>, key: string, bag: DiagnosticBag): string | undefined {
  const v = opts.get(key);
  if (v === undefined) return undefined;
  if (v.kind === 'string') return v.value;
  bag.error(Codes.notStatic, `option '${key}' must be a string literal`, v.node);
  return undefined;
}

/** Reads an optional boolean option. */
function boolOption(opts: ReadonlyMap<string, StaticValue>, key: string, bag: DiagnosticBag): boolean {
  const v = opts.get(key);
  if (v === undefined) return false;
  if (v.kind === 'boolean') return v.value;
  bag.error(Codes.notStatic, `option '${key}' must be true or false`, v.node);
  return false;
}

/** A literal default/backfill as T-SQL typed like the column, or null (reported) when it does not fit. */
export function literalFor(v: StaticValue, type: SqlType, what: string, bag: DiagnosticBag): string | null {
  switch (v.kind) {
    case 'sql':
      return v.text;
    case 'string':
      if (takesStringLiteral(type)) return typedStringLiteral(v.value, type);
      // sql_variant keeps the literal's own base type: a plain '...' is varchar.
      if (type.name === 'sql_variant') return typedStringLiteral(v.value, { name: 'varchar', length: 'max' });
      break;
    case 'number':
      if (type.name === 'bit' ? v.value === 0 || v.value === 1 : isNumericType(type) || type.name === 'sql_variant') return v.text;
      break;
    case 'boolean':
      if (type.name === 'bit') return v.value ? '1' : '0';
      break;
    case 'unknown':
      bag.error(Codes.notStatic, `${what}: ${v.reason}`, v.node);
      return null;
    default:
      break;
  }
  bag.error(Codes.optionMismatch, `${what} of kind ${v.kind} does not fit a ${typeText(type)} column; use a matching literal or sql\`...\``, v.node);
  return null;
}

function readIdentity(v: StaticValue | undefined, bag: DiagnosticBag): Identity | null {
  if (v === undefined || (v.kind === 'boolean' && !v.value)) return null;
  if (v.kind === 'boolean') return { seed: '1', increment: '1' };
  const part = (p: StaticValue | undefined): string | null => {
    if (p?.kind === 'number' && Number.isInteger(p.value)) return p.text;
    if (p?.kind === 'string' && /^-?\d+$/.test(p.value)) return p.value;
    bag.error(Codes.optionMismatch, 'identity seed and increment must be integers (strings for values beyond 2^53)', (p ?? v).node);
    return null;
  };
  if (v.kind === 'array' && v.items.length === 2) {
    const seed = part(v.items[0]);
    const increment = part(v.items[1]);
    return seed !== null && increment !== null ? { seed, increment } : null;
  }
  bag.error(Codes.optionMismatch, 'identity must be true or [seed, increment]', v.node);
  return null;
}

/**
 * The `notForReplication` option of an identity column, a check or a foreign key: true only when
 * written `true` (create-table-transact-sql: "IDENTITY [ (seed, increment) ] [ NOT FOR
 * REPLICATION ]", "CHECK [ NOT FOR REPLICATION ] ( logical_expression )", "REFERENCES ... [ NOT
 * FOR REPLICATION ]", https://learn.microsoft.com/sql/t-sql/statements/create-table-transact-sql).
 */
export function readNotForReplication(opts: ReadonlyMap<string, StaticValue>, bag: DiagnosticBag): boolean {
  const v = opts.get('notForReplication');
  if (v === undefined) return false;
  if (v.kind === 'boolean') return v.value;
  bag.error(Codes.notStatic, 'notForReplication must be true or false', v.node);
  return false;
}

/** The identity marked NOT FOR REPLICATION when the column says so; the option without IDENTITY is SC1104. */
function withReplication(identity: Identity | null, opts: ReadonlyMap<string, StaticValue>, column: string, bag: DiagnosticBag): Identity | null {
  if (!readNotForReplication(opts, bag)) return identity;
  if (identity === null) {
    bag.error(Codes.optionMismatch, `column ${column}: notForReplication applies to an IDENTITY column; add identity or remove it`, opts.get('notForReplication')?.node);
    return null;
  }
  return { ...identity, notForReplication: true };
}

/**
 * An xml column's `schemaCollection` ('schema.name' or 'name' in dbo) and `document` options:
 * typed XML. On any other type they are an error naming the option.
 */
function withXmlSchema(type: SqlType, opts: ReadonlyMap<string, StaticValue>, column: string, bag: DiagnosticBag): SqlType {
  const collection = stringOption(opts, 'schemaCollection', bag);
  const document = boolOption(opts, 'document', bag);
  if (type.name !== 'xml' || type.alias !== undefined) {
    for (const option of ['schemaCollection', 'document']) {
      const at = opts.get(option);
      if (at !== undefined) bag.error(Codes.optionMismatch, `column ${column}: ${option} applies to xml columns only`, at.node);
    }
    return type;
  }
  if (collection === undefined) {
    if (document) bag.error(Codes.optionMismatch, `column ${column}: document needs schemaCollection (DOCUMENT applies to typed XML)`, opts.get('document')?.node);
    return type;
  }
  const parts = collection.split('.');
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) {
    bag.error(Codes.optionMismatch, `column ${column}: schemaCollection '${collection}' must be 'schema.name' or 'name'`, opts.get('schemaCollection')?.node);
    return type;
  }
  const [schema, name] = parts.length === 2 ? [parts[0] as string, parts[1] as string] : ['dbo', parts[0] as string];
  return { ...type, xmlSchema: { schema, name, document } };
}

/**
 * `rowguidcol: true`: a uniqueidentifier column, one per table ("Only one uniqueidentifier column
 * per table can be designated as the ROWGUIDCOL column", create-table-transact-sql).
 */
function readRowGuidCol(draft: TableDraft, opts: ReadonlyMap<string, StaticValue>, type: SqlType, column: string, bag: DiagnosticBag): boolean {
  if (!boolOption(opts, 'rowguidcol', bag)) return false;
  const at = opts.get('rowguidcol')?.node;
  if (type.name !== 'uniqueidentifier') {
    bag.error(Codes.optionMismatch, `column ${column}: ROWGUIDCOL needs a uniqueidentifier column`, at);
    return false;
  }
  const other = draft.columns.find((c) => c.column.rowguidcol === true);
  if (other) {
    bag.error(Codes.optionMismatch, `column ${column}: table ${draft.schema}.${draft.name} already has ROWGUIDCOL column ${other.column.name}; a table has at most one`, at);
    return false;
  }
  return true;
}

/**
 * `masked: '...'`: a Dynamic Data Masking function SQL Server takes, on a column it can mask
 * (sqlserver/masking.ts); kept in the form SQL Server stores, so plans compare like with like.
 */
function readMask(opts: ReadonlyMap<string, StaticValue>, type: SqlType, computed: boolean, column: string, bag: DiagnosticBag): string | undefined {
  const text = stringOption(opts, 'masked', bag);
  if (text === undefined) return undefined;
  const at = opts.get('masked')?.node;
  const parsed = parseMaskingFunction(text);
  if (!parsed.ok) {
    bag.error(Codes.maskedColumn, `column ${column}: masked '${text}' is not a masking function SQL Server takes: ${parsed.problem}`, at);
    return undefined;
  }
  // "A mask can't be configured on a computed column" (dynamic-data-masking.md, Limitations).
  const misfit = computed ? 'a computed column cannot be masked (it returns masked data when a column it reads is)' : maskMisfit(parsed.fn, type);
  if (misfit !== null) {
    bag.error(Codes.maskedColumn, `column ${column}: masked '${text}': ${misfit}${computed ? '' : `, not ${typeText(type)}`}`, at);
    return undefined;
  }
  return maskingFunctionText(parsed.fn);
}

/** What else a column declares, for the columns Always Encrypted refuses. */
interface EncryptionContext {
  readonly type: SqlType;
  readonly collation: string | null;
  /** Set properties SQL Server does not encrypt, each with the words that name it. */
  readonly refused: readonly (readonly [boolean, string])[];
  readonly primaryKey: boolean;
}

/**
 * `encrypted: { key, type }`: Always Encrypted, on a column SQL Server can encrypt
 * (sqlserver/encryption.ts; the always-encrypted-database-engine.md list: not identity, ROWGUIDCOL,
 * a default, a masked or computed column; randomized not in a primary key).
 */
function readEncryption(opts: ReadonlyMap<string, StaticValue>, ctx: EncryptionContext, column: string, bag: DiagnosticBag): Column['encryption'] {
  const v = opts.get('encrypted');
  if (v === undefined) return undefined;
  const fail = (message: string, at = v.node): undefined => { bag.error(Codes.encryptedColumn, `column ${column}: encrypted: ${message}`, at); return undefined; };
  if (v.kind !== 'object') return fail(`expected { key: 'CEK name', type: 'deterministic' | 'randomized' }`);
  const key = v.props.get('key');
  const type = v.props.get('type');
  if (key?.kind !== 'string' || key.value.trim() === '') return fail('key must name the column encryption key (CREATE COLUMN ENCRYPTION KEY)', key?.node);
  if (type?.kind !== 'string' || (type.value !== 'deterministic' && type.value !== 'randomized')) return fail(`type must be 'deterministic' or 'randomized'`, type?.node);
  const encryption = { key: key.value, type: type.value, algorithm: AE_ALGORITHM } as const;
  const misfit = encryptionMisfit(encryption, ctx.type, ctx.collation);
  if (misfit !== null) return fail(misfit);
  for (const [set, what] of ctx.refused) if (set) return fail(`SQL Server does not encrypt ${what}`);
  if (ctx.primaryKey && encryption.type === 'randomized') return fail('a primary key column can be encrypted only deterministically');
  return encryption;
}

/** Adds one decorated field to the draft. */
export function addColumn(draft: TableDraft, decl: ColumnDecl, resolver: DeclarationResolver, bag: DiagnosticBag, aliasTypes?: AliasTypes): void {
  // sysname is SQL Server's built-in alias of nvarchar(128): compared as that, written as sysname.
  const isSysname = decl.typeName === 'sysname';
  const isAlias = decl.typeName === 'alias';
  if (!isSysname && !isAlias && !isSqlTypeName(decl.typeName)) {
    bag.error(Codes.unknownColumnType, `Column.${decl.typeName} has no SQL Server mapping; use one of the Column.<type> decorators`, decl.typeNode);
    return;
  }
  // A declared alias type: its base type's facets, its name in DDL, its nullability unless the column says.
  const aliasDef = isAlias ? (aliasTypes?.columnType(decl.args[0]?.node, decl.typeNode, resolver, bag) ?? null) : undefined;
  if (aliasDef === null) return;
  const resolved = aliasDef !== undefined
    ? { type: { ...aliasDef.base, alias: { schema: aliasDef.schema, name: aliasDef.name } }, options: decl.args[1], problems: [] }
    : isSysname
    ? { type: { ...SYSNAME.base, alias: { schema: SYSNAME.schema, name: SYSNAME.name } }, options: decl.args[0], problems: [] }
    : resolveType(decl.typeName as SqlTypeName, decl.args);
  for (const p of resolved.problems) bag.error(Codes.invalidTypeFacet, p.message, p.at?.node ?? decl.typeNode);
  const optsValue = resolved.options;
  if (optsValue && optsValue.kind !== 'object') bag.error(Codes.notStatic, 'column options must be an object literal', optsValue.node);
  const opts = optsValue?.kind === 'object' ? optsValue.props : new Map<string, StaticValue>();
  const name = stringOption(opts, 'name', bag) ?? columnNameOf(decl.field);
  const type: SqlType = withXmlSchema(resolved.type, opts, name, bag);
  const key = draft.key(name);
  if (draft.byName.has(key) || draft.byField.has(decl.field)) {
    bag.error(Codes.duplicateName, `column ${name} is declared twice in table ${draft.schema}.${draft.name}`, decl.nameNode);
    return;
  }
  const nullable = aliasDef !== undefined && !opts.has('nullable') ? aliasDef.nullable : boolOption(opts, 'nullable', bag);
  const identity = withReplication(readIdentity(opts.get('identity'), bag), opts, name, bag);
  const collation = stringOption(opts, 'collation', bag) ?? null;
  const softDelete = boolOption(opts, 'softDelete', bag);
  const computedValue = opts.get('computed');
  const defaultValue = opts.get('default');
  const mismatch = (message: string, at: StaticValue | undefined): void => {
    bag.error(Codes.optionMismatch, `column ${name}: ${message}`, at?.node ?? decl.nameNode);
  };
  if (identity) {
    if (!allowsIdentity(type)) mismatch(`IDENTITY needs tinyint, smallint, int, bigint or decimal/numeric with scale 0, not ${typeText(type)}`, opts.get('identity'));
    if (nullable) mismatch('an IDENTITY column cannot be nullable', opts.get('nullable'));
    if (defaultValue) mismatch('an IDENTITY column cannot have a default', defaultValue);
    const other = draft.columns.find((c) => c.column.identity);
    if (other) bag.error(Codes.twoIdentities, `table ${draft.schema}.${draft.name} already has IDENTITY column ${other.column.name}; a table has at most one`, opts.get('identity')?.node ?? decl.nameNode);
  }
  if (isRowversion(type)) checkRowversion(draft, name, opts, identity !== null, decl, bag);
  if (collation !== null && !isCharacterType(type)) mismatch(`COLLATE applies to character columns, not ${typeText(type)}`, opts.get('collation'));
  if (softDelete) {
    if (type.name !== 'bit') mismatch('the softDelete column must be bit', opts.get('softDelete'));
    const other = draft.columns.find((c) => c.softDelete);
    if (other) mismatch(`table already has softDelete column ${other.column.name}`, opts.get('softDelete'));
  }
  let computed: Column['computed'] = null;
  if (computedValue) {
    const expr = computedValue.kind === 'object' ? computedValue.props.get('expression') : computedValue;
    const persisted = computedValue.kind === 'object' && boolOption(computedValue.props, 'persisted', bag);
    if (expr?.kind === 'sql') {
      computed = { expression: toExpression(expr.text, draft.key, expr.node, bag, 'computed column'), persisted };
      draft.expressionChecks.push({ text: expr.text, node: expr.node, what: `computed column ${name}` });
    }
    else bag.error(Codes.notStatic, 'computed must be sql`...` or { expression: sql`...`, persisted }', (expr ?? computedValue).node);
    if (defaultValue) mismatch('a computed column cannot have a default', defaultValue);
    if (identity) mismatch('a computed column cannot be IDENTITY', opts.get('identity'));
  }
  const values = computed ? null : literalValues(decl.declaredType, resolver);
  const target = { column: name, type, union: values };
  if (values) checkUnionMembers(values, target, decl.declaredType ?? decl.nameNode, bag);
  if (defaultValue && !identity && !computed) checkLiteralValue(defaultValue, target, 'default', bag);
  let backfill: Column['backfill'];
  const backfillValue = opts.get('backfill');
  if (backfillValue) {
    checkLiteralValue(backfillValue, target, 'backfill', bag);
    const text = literalFor(backfillValue, type, `backfill of ${name}`, bag);
    if (text !== null) backfill = toExpression(text, draft.key, backfillValue.node, bag, 'backfill');
    if (nullable) bag.warning(Codes.optionMismatch, `column ${name}: backfill does nothing on a nullable column`, backfillValue.node);
  }
  const typeAllowsNull = fieldAllowsNull(decl);
  if (typeAllowsNull !== undefined && typeAllowsNull !== nullable && !computed) {
    const message = nullable
      ? `column ${name} is nullable but field ${decl.field} cannot hold null; add | null to its type`
      : `field ${decl.field} may hold null but column ${name} is NOT NULL; add nullable: true or remove null from its type`;
    bag.warning(Codes.nullabilityMismatch, message, decl.nameNode);
  }
  const renamedFrom = stringOption(opts, 'renamedFrom', bag);
  const sparse = boolOption(opts, 'sparse', bag);
  const rowguidcol = readRowGuidCol(draft, opts, type, name, bag);
  const mask = readMask(opts, type, computed !== null, name, bag);
  const pkOption = opts.get('primaryKey');
  const encryption = readEncryption(opts, {
    type, collation,
    refused: [[identity !== null, 'an IDENTITY column'], [rowguidcol, 'the ROWGUIDCOL'], [defaultValue !== undefined, 'a column with a default'],
      [mask !== undefined, 'a masked column'], [computed !== null, 'a computed column']],
    primaryKey: pkOption !== undefined && !(pkOption.kind === 'boolean' && !pkOption.value),
  }, name, bag);
  const period = readPeriodColumn(opts, type, name, decl.typeNode, bag);
  const column: Column = {
    name, type, nullable, identity, collation, computed,
    ...(period !== undefined ? { period } : {}),
    ...(renamedFrom !== undefined ? { renamedFrom } : {}),
    ...(sparse ? { sparse } : {}),
    ...(rowguidcol ? { rowguidcol } : {}),
    ...(mask !== undefined ? { mask } : {}),
    ...(encryption !== undefined ? { encryption } : {}),
    ...(backfill ? { backfill } : {}),
    source: refOf(decl.nameNode),
  };
  rememberSparse(draft, column, opts.get('sparse')?.node);
  const info = { column, field: decl.field, node: decl.nameNode, softDelete: softDelete && type.name === 'bit', declaresDefault: defaultValue !== undefined };
  draft.columns.push(info);
  draft.byField.set(decl.field, info);
  draft.byName.set(key, info);

  if (defaultValue && !identity && !computed && !period && !isRowversion(type)) addDefault(draft, name, type, defaultValue, bag);
  if (values) {
    const ckName = draft.namer.name('ck', draft.name, draft.schema, [name]);
    const check = {
      name: ckName, isSystemNamed: false, trusted: true, enabled: true,
      expression: toExpression(inListText(name, values, type), draft.key, decl.declaredType ?? decl.nameNode, bag, 'check'),
      source: refOf(decl.declaredType ?? decl.nameNode),
    };
    draft.checks.push(check);
    draft.origins.set(check, { node: decl.declaredType ?? decl.nameNode, nameNode: undefined, generated: true, what: 'check constraint' });
  }
  const pk = opts.get('primaryKey');
  if (pk && !period && !(pk.kind === 'boolean' && !pk.value)) addColumnPrimaryKey(draft, info.column, pk, bag);
}

/**
 * Whether the field's declared type admits null, read from the syntax: true for `?` or a union
 * with null/undefined, false for keyword, Date/Uint8Array and literal types, undefined when it
 * cannot be told from the field's own syntax (an alias), which is then not worth a warning.
 */
function fieldAllowsNull(decl: ColumnDecl): boolean | undefined {
  if (decl.optional) return true;
  const t = decl.declaredType;
  if (!t) return undefined;
  const parts = ts.isUnionTypeNode(t) ? t.types : [t];
  let known = true;
  for (const p of parts) {
    if (p.kind === ts.SyntaxKind.UndefinedKeyword) return true;
    if (ts.isLiteralTypeNode(p) && p.literal.kind === ts.SyntaxKind.NullKeyword) return true;
    const plain = p.kind === ts.SyntaxKind.StringKeyword || p.kind === ts.SyntaxKind.NumberKeyword
      || p.kind === ts.SyntaxKind.BooleanKeyword || p.kind === ts.SyntaxKind.BigIntKeyword || ts.isLiteralTypeNode(p)
      || (ts.isTypeReferenceNode(p) && ts.isIdentifier(p.typeName) && ['Date', 'Uint8Array', 'Buffer'].includes(p.typeName.text));
    if (!plain) known = false;
  }
  return known ? false : undefined;
}

/**
 * rowversion: at most one per table, and SQL Server writes its value itself on every insert and
 * update, so it takes no default, backfill, identity or computed expression
 * (https://learn.microsoft.com/sql/t-sql/data-types/rowversion-transact-sql).
 */
function checkRowversion(draft: TableDraft, name: string, opts: ReadonlyMap<string, StaticValue>, identity: boolean, decl: ColumnDecl, bag: DiagnosticBag): void {
  const other = draft.columns.find((c) => isRowversion(c.column.type));
  if (other) bag.error(Codes.twoRowversions, `table ${draft.schema}.${draft.name} already has rowversion column ${other.column.name}; a table has at most one`, decl.nameNode);
  for (const option of ['default', 'backfill', 'computed'] as const) {
    const v = opts.get(option);
    if (v) bag.error(Codes.rowversionValue, `column ${name}: a rowversion column cannot have a ${option}: SQL Server sets its value on every insert and update`, v.node);
  }
  if (identity) bag.error(Codes.rowversionValue, `column ${name}: a rowversion column cannot be IDENTITY`, opts.get('identity')?.node ?? decl.nameNode);
}

function addDefault(draft: TableDraft, column: string, type: SqlType, v: StaticValue, bag: DiagnosticBag): void {
  const text = v.kind === 'nextValue' ? nextValueText(draft, v, column, bag) : literalFor(v, type, `default of ${column}`, bag);
  if (text === null) return;
  const constraint = {
    name: draft.namer.name('df', draft.name, draft.schema, [column]), isSystemNamed: false, column,
    expression: toExpression(text, draft.key, v.node, bag, 'default'), source: refOf(v.node),
  };
  draft.defaults.push(constraint);
  draft.origins.set(constraint, { node: v.node, nameNode: undefined, generated: true, what: 'default constraint' });
}

/** `NEXT VALUE FOR [schema].[name]` of the declared sequence a `nextValueFor(seq)` default names, or null (reported). */
function nextValueText(draft: TableDraft, v: Extract<StaticValue, { kind: 'nextValue' }>, column: string, bag: DiagnosticBag): string | null {
  const sequence = draft.sequences?.resolve(v.sequence) ?? null;
  if (sequence === null) {
    bag.error(Codes.unknownSequence, `default of ${column}: nextValueFor needs a sequence declared with Sequence(...) in a schema file or a module it imports`, v.sequence ?? v.node);
    return null;
  }
  return nextValueForText(sequence.schema, sequence.name);
}

function addColumnPrimaryKey(draft: TableDraft, column: Column, v: StaticValue, bag: DiagnosticBag): void {
  const opts = v.kind === 'object' ? v.props : new Map<string, StaticValue>();
  if (v.kind !== 'object' && v.kind !== 'boolean') bag.error(Codes.notStatic, 'primaryKey must be true or { name?, clustered?, renamedFrom? }', v.node);
  const nameValue = opts.get('name');
  const written = nameValue?.kind === 'string' ? nameValue.value : undefined;
  const expanded = written !== undefined ? expandTemplate(written, draft.name, draft.schema) : undefined;
  for (const u of expanded?.unknown ?? []) bag.error(Codes.unknownPlaceholder, `unknown placeholder ${u}; use {table} or {schema}`, nameValue?.node);
  const clusteredValue = opts.get('clustered');
  setPrimaryKey(draft, {
    name: expanded?.name ?? draft.namer.name('pk', draft.name, draft.schema, [column.name]),
    isSystemNamed: false,
    ...renamedFromOption(draft, opts, bag),
    columns: [{ name: column.name, descending: false }],
    clustered: clusteredValue?.kind === 'boolean' ? clusteredValue.value : true,
    ...keyStorage(opts, 'primary key', bag),
    source: refOf(v.node),
  }, { node: v.node, nameNode: nameValue?.node, generated: written === undefined, what: 'primary key' }, column.nullable, bag);
  if (draft.primaryKey?.columns[0]?.name === column.name) draft.primaryKeyClusteringWritten = clusteredValue?.kind === 'boolean';
}

/** Sets the table's primary key, reporting a second one. */
export function setPrimaryKey(
  draft: TableDraft, pk: NonNullable<TableDraft['primaryKey']>, origin: { node: ts.Node; nameNode: ts.Node | undefined; generated: boolean; what: string },
  nullable: boolean, bag: DiagnosticBag,
): void {
  if (draft.primaryKey) {
    bag.error(Codes.twoPrimaryKeys, `table ${draft.schema}.${draft.name} already has primary key ${draft.primaryKey.name}; for a composite key use @PrimaryKey([...])`, origin.node);
    return;
  }
  if (nullable) bag.error(Codes.nullableKey, `primary key ${pk.name} is on a nullable column; primary key columns must be NOT NULL`, origin.node);
  draft.primaryKey = pk;
  draft.origins.set(pk, origin);
}
