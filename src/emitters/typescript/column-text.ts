/**
 * One column as a decorated field: `@Column.varchar(20, { default: 'active' })` over
 * `status!: UsersStatus;`. Defaults are written as literals when the compiler would turn the
 * literal back into the same stored value, otherwise as sql`...` with the stored text.
 */
import type { Column, SqlExpression, SqlType } from '../../model';
import { canonicalOf, parseExpression } from '../../expr';
import { typedStringLiteral } from '../../sqlserver/literals';
import { isSysname } from '../../sqlserver/types';
import type { NameKey } from '../../sqlserver/names';
import {
  DECIMAL_DEFAULT_PRECISION, facetShape, FLOAT_MAX_BITS, FRACTIONAL_SECONDS_MAX, isCharacterType, isNumericType,
} from '../../sqlserver/types';
import { assertNever } from '../../util/assert-never';
import { tsString, sqlTemplate, type FieldName } from './naming';

/** What a column needs besides the model column itself. */
export interface ColumnExtras {
  readonly field: FieldName;
  readonly defaultExpression: SqlExpression | null;
  /** The string-literal union type the field is typed with (its CHECK is then derived). */
  readonly unionType: string | null;
  readonly softDelete: boolean;
  /** Name comparison of the pulled database's collation. */
  readonly key: NameKey;
  /** The declared const of the column's user alias type, when it has one. */
  readonly alias?: { readonly constName: string; readonly nullable: boolean };
  /** The pulled sequence's const when the default is nothing but NEXT VALUE FOR it. */
  readonly sequenceConst?: string;
}

/** The written column: decorator line, field line, and whether sql`...` was used. */
export interface ColumnText {
  readonly decorator: string;
  readonly field: string;
  readonly usesSql: boolean;
  /** Set when a definition could not be written (a backtick or `${` in it). */
  readonly problem: string | null;
  /** The alias type const the decorator names, which the file imports. */
  readonly aliasConst?: string;
  /** The sequence const the default names in nextValueFor(...), which the file imports. */
  readonly sequenceConst?: string;
}


/** The stored text without the one pair of parentheses SQL Server wraps every definition in. */
export function unwrapStored(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && closesAtEnd(t)) t = t.slice(1, -1).trim();
  return t;
}

/** True when the parenthesis opening `t` is the one closing it (so removing both keeps the meaning). */
function closesAtEnd(t: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth === 0 && i < t.length - 1) return false;
  }
  return depth === 0;
}

/**
 * A TypeScript literal the compiler maps back to the same default, or null when sql`...` is
 * needed. `canonical` is the stored default's comparison key: a literal is written only when the
 * T-SQL the compiler makes of it compares equal, so no literal can turn into a plan step.
 */
export function literalDefault(text: string, type: SqlType, canonical: string, key: NameKey): string | null {
  const parsed = parseExpression(text);
  if (!parsed.ok) return null;
  let e = parsed.expr;
  let sign = '';
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'number') {
    sign = '-';
    e = e.operand;
  }
  // [TypeScript literal, the T-SQL the compiler writes for it]
  let candidate: [string, string] | null = null;
  if (e.kind === 'number') {
    if (type.name === 'bit' && sign === '' && (e.text === '0' || e.text === '1')) candidate = [e.text === '1' ? 'true' : 'false', e.text];
    // The compiler reads a number as JS does (1.50 becomes 1.5), and SQL Server keeps 1.50 as
    // written, so only text that survives that reading is written as a number.
    else if (isNumericType(type) && type.name !== 'bit' && String(Number(e.text)) === e.text) candidate = [`${sign}${e.text}`, `${sign}${e.text}`];
  } else if (e.kind === 'string' && sign === '' && isCharacterType(type)) {
    candidate = [tsString(e.value), typedStringLiteral(e.value, type)];
  }
  return candidate !== null && canonicalOf(candidate[1], key) === canonical ? candidate[0] : null;
}

/** Type facets as the decorator's positional arguments. */
export function facets(type: SqlType): string[] {
  const len = (): string => (type.length === 'max' ? "'max'" : String(type.length ?? 1));
  const shape = facetShape(type.name);
  switch (shape) {
    case 'length':
      return [len()];
    case 'precisionScale':
      return [String(type.precision ?? DECIMAL_DEFAULT_PRECISION), String(type.scale ?? 0)];
    case 'float':
      return [String(type.precision ?? FLOAT_MAX_BITS)];
    case 'fractionalSeconds':
      return [String(type.scale ?? FRACTIONAL_SECONDS_MAX)];
    case 'none':
      return [];
    default:
      return assertNever(shape, 'facet shape');
  }
}

/** The TypeScript type of a field of this SQL type. */
function fieldType(type: SqlType): string {
  switch (type.name) {
    case 'bit': return 'boolean';
    case 'tinyint': case 'smallint': case 'int': case 'bigint':
    case 'decimal': case 'numeric': case 'money': case 'smallmoney': case 'float': case 'real':
      return 'number';
    case 'date': case 'time': case 'datetime': case 'datetime2': case 'datetimeoffset': case 'smalldatetime':
      return 'Date';
    case 'binary': case 'varbinary': case 'image': case 'rowversion': return 'Uint8Array';
    case 'sql_variant': return 'string | number | boolean | Date | Uint8Array';
    default: return 'string';
  }
}

/** An identity seed/increment as a number literal when exact in JS, else a string. */
function identityPart(v: string): string {
  return Number.isSafeInteger(Number(v)) ? String(Number(v)) : tsString(v);
}

/** Writes one column. */
export function columnText(column: Column, extras: ColumnExtras): ColumnText {
  const opts: string[] = [];
  let usesSql = false;
  let problem: string | null = null;
  const sqlOf = (text: string, what: string): string => {
    const written = sqlTemplate(text);
    if (written === null) {
      problem = `${what} of column ${column.name} holds a backtick or \${, which sql\`...\` cannot hold; written as sql\`NULL\``;
      return 'sql`NULL`';
    }
    usesSql = true;
    return written;
  };
  if (extras.field.explicitName) opts.push(`name: ${tsString(column.name)}`);
  // A column of an alias type is the type's nullability unless it says otherwise.
  if (extras.alias !== undefined) { if (column.nullable !== extras.alias.nullable) opts.push(`nullable: ${column.nullable}`); }
  else if (column.nullable) opts.push('nullable: true');
  if (column.identity) opts.push(`identity: [${identityPart(column.identity.seed)}, ${identityPart(column.identity.increment)}]`);
  if (column.identity?.notForReplication === true) opts.push('notForReplication: true');
  if (column.collation !== null) opts.push(`collation: ${tsString(column.collation)}`);
  const xml = column.type.xmlSchema;
  if (xml !== undefined) {
    opts.push(`schemaCollection: ${tsString(`${xml.schema}.${xml.name}`)}`);
    if (xml.document) opts.push('document: true');
  }
  if (column.computed) {
    const expr = sqlOf(unwrapStored(column.computed.expression.text), 'the computed definition');
    opts.push(column.computed.persisted ? `computed: { expression: ${expr}, persisted: true }` : `computed: ${expr}`);
  }
  if (extras.sequenceConst !== undefined) opts.push(`default: nextValueFor(${extras.sequenceConst})`);
  else if (extras.defaultExpression) {
    const stored = unwrapStored(extras.defaultExpression.text);
    opts.push(`default: ${literalDefault(stored, column.type, extras.defaultExpression.canonical, extras.key) ?? sqlOf(stored, 'the default')}`);
  }
  if (extras.softDelete) opts.push('softDelete: true');
  if (column.sparse === true) opts.push('sparse: true');
  if (column.rowguidcol === true) opts.push('rowguidcol: true');
  if (column.mask !== undefined) opts.push(`masked: ${tsString(column.mask)}`);
  if (column.encryption !== undefined) opts.push(`encrypted: { key: ${tsString(column.encryption.key)}, type: '${column.encryption.type}' }`);
  if (column.period !== undefined) {
    opts.push(`generatedAlways: '${column.period.end === 'start' ? 'rowStart' : 'rowEnd'}'`);
    if (column.period.hidden) opts.push('hidden: true');
  }
  const sequenceUse = extras.sequenceConst !== undefined ? { sequenceConst: extras.sequenceConst } : {};
  // sysname is written as itself (its facets are nvarchar(128)'s, implied by the name).
  const sysname = isSysname(column.type.alias);
  const args = [...(sysname ? [] : facets(column.type)), ...(opts.length > 0 ? [`{ ${opts.join(', ')} }`] : [])];
  const base = extras.unionType ?? fieldType(column.type);
  const type = column.nullable ? `${base} | null` : base;
  if (extras.alias !== undefined) {
    const aliasArgs = [extras.alias.constName, ...(opts.length > 0 ? [`{ ${opts.join(', ')} }`] : [])];
    return { decorator: `@Column.alias(${aliasArgs.join(', ')})`, field: `${extras.field.field}!: ${type};`, usesSql, problem, aliasConst: extras.alias.constName, ...sequenceUse };
  }
  return {
    decorator: `@Column.${sysname ? 'sysname' : column.type.name}(${args.join(', ')})`,
    field: `${extras.field.field}!: ${type};`,
    usesSql,
    problem,
    ...sequenceUse,
  };
}
