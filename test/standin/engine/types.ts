/** SQL Server's system types: sys.types rows, column sizes as sys.columns reports them, wire types. */
import type { TypeRef } from './ast';
import type { WireType } from '../engine-interface';
import { SqlError } from './errors';

/** A resolved type: SQL Server type name plus sys.columns max_length/precision/scale. */
export interface SqlType {
  readonly name: string;
  readonly maxLength: number;
  readonly precision: number;
  readonly scale: number;
  /** The alias type a column was declared with (sysname): sys.columns.user_type_id is its id. */
  readonly userTypeName?: string;
  /** A user alias type's sys.types.user_type_id (ddl-types.ts); absent for system types and sysname. */
  readonly userTypeId?: number;
}

/** One sys.types row for a system type. */
export interface SystemType { readonly name: string; readonly systemTypeId: number; readonly userTypeId: number; readonly maxLength: number; readonly precision: number; readonly scale: number; readonly collatable: boolean; readonly nullable: boolean }

const T = (name: string, id: number, maxLength: number, precision: number, scale: number, collatable = false, userTypeId = id): SystemType =>
  ({ name, systemTypeId: id, userTypeId, maxLength, precision, scale, collatable, nullable: true });

/** SQL Server 2022's system types with their ids (sys.types). */
export const SYSTEM_TYPES: readonly SystemType[] = [
  T('image', 34, 16, 0, 0), T('text', 35, 16, 0, 0, true), T('uniqueidentifier', 36, 16, 0, 0),
  T('date', 40, 3, 10, 0), T('time', 41, 5, 16, 7), T('datetime2', 42, 8, 27, 7), T('datetimeoffset', 43, 10, 34, 7),
  T('tinyint', 48, 1, 3, 0), T('smallint', 52, 2, 5, 0), T('int', 56, 4, 10, 0), T('smalldatetime', 58, 4, 16, 0),
  T('real', 59, 4, 24, 0), T('money', 60, 8, 19, 4), T('datetime', 61, 8, 23, 3), T('float', 62, 8, 53, 0),
  T('sql_variant', 98, 8016, 0, 0), T('ntext', 99, 16, 0, 0, true), T('bit', 104, 1, 1, 0),
  T('decimal', 106, 17, 38, 38), T('numeric', 108, 17, 38, 38), T('smallmoney', 122, 4, 10, 4), T('bigint', 127, 8, 19, 0),
  T('varbinary', 165, 8000, 0, 0), T('varchar', 167, 8000, 0, 0, true), T('binary', 173, 8000, 0, 0), T('char', 175, 8000, 0, 0, true),
  T('timestamp', 189, 8, 0, 0), T('nvarchar', 231, 8000, 0, 0, true), T('nchar', 239, 8000, 0, 0, true), T('xml', 241, -1, 0, 0),
  T('sysname', 231, 256, 0, 0, true, 256),
  // The CLR system types share system_type_id 240 and differ by user_type_id; sys.types marks
  // them is_assembly_type = 1. Ids and max_length as SQL Server 2022 reports them (inferred from
  // sys.types output; hierarchyid values are at most 892 bytes per its documentation).
  T('hierarchyid', 240, 892, 0, 0, false, 128), T('geometry', 240, -1, 0, 0, false, 129), T('geography', 240, -1, 0, 0, false, 130),
];

/** True for the CLR system types (sys.types.is_assembly_type). */
export function isAssemblyType(t: SystemType): boolean { return t.systemTypeId === 240; }

const byName = new Map(SYSTEM_TYPES.map((t) => [t.name, t]));
/** Finds a system type by name (case-insensitive); undefined when unknown. */
export function systemType(name: string): SystemType | undefined { return byName.get(name.toLowerCase()); }
/** Finds a system type by user_type_id. */
export function systemTypeById(id: number): SystemType | undefined { return SYSTEM_TYPES.find((t) => t.userTypeId === id); }

const ALIASES: Record<string, string> = { integer: 'int', dec: 'decimal', 'character': 'char', 'national': 'nchar', rowversion: 'timestamp' };

function decimalLength(p: number): number { return p <= 9 ? 5 : p <= 19 ? 9 : p <= 28 ? 13 : 17; }
function fracLength(p: number, base: number): number { return base + (p <= 2 ? 0 : p <= 4 ? 1 : 2); }

/** Resolves a written type to what sys.columns reports (max_length in bytes, precision, scale). */
export function resolveType(ref: TypeRef): SqlType {
  const name = ALIASES[ref.name] ?? ref.name;
  const st = systemType(name);
  if (!st) throw new SqlError(2715, 16, 6, `Column, parameter, or variable #1: Cannot find data type ${ref.name}.`);
  const a0 = ref.args[0];
  const n = (d: number): number => (a0 === undefined ? d : a0 === 'max' ? -1 : a0);
  switch (name) {
    case 'varchar': case 'char': case 'varbinary': case 'binary': return { name, maxLength: n(1), precision: 0, scale: 0 };
    case 'nvarchar': case 'nchar': { const len = n(1); return { name, maxLength: len === -1 ? -1 : len * 2, precision: 0, scale: 0 }; }
    case 'decimal': case 'numeric': {
      const p = typeof a0 === 'number' ? a0 : 18;
      const s = typeof ref.args[1] === 'number' ? ref.args[1] : 0;
      return { name, maxLength: decimalLength(p), precision: p, scale: s };
    }
    case 'float': { const p = typeof a0 === 'number' ? a0 : 53; return p <= 24 ? { name: 'real', maxLength: 4, precision: 24, scale: 0 } : { name, maxLength: 8, precision: 53, scale: 0 }; }
    case 'datetime2': { const p = typeof a0 === 'number' ? a0 : 7; return { name, maxLength: fracLength(p, 6), precision: p === 0 ? 19 : 20 + p, scale: p }; }
    case 'time': { const p = typeof a0 === 'number' ? a0 : 7; return { name, maxLength: fracLength(p, 3), precision: p === 0 ? 8 : 9 + p, scale: p }; }
    case 'datetimeoffset': { const p = typeof a0 === 'number' ? a0 : 7; return { name, maxLength: fracLength(p, 8), precision: p === 0 ? 26 : 27 + p, scale: p }; }
    case 'sysname': return { name: 'nvarchar', maxLength: 256, precision: 0, scale: 0, userTypeName: 'sysname' };
    default: return { name, maxLength: st.maxLength, precision: st.precision, scale: st.scale };
  }
}

/** The written form of a resolved type, e.g. nvarchar(255), decimal(18,2). */
export function typeText(t: SqlType): string {
  switch (t.name) {
    case 'varchar': case 'char': case 'varbinary': case 'binary': return `${t.name}(${t.maxLength === -1 ? 'max' : t.maxLength})`;
    case 'nvarchar': case 'nchar': return `${t.name}(${t.maxLength === -1 ? 'max' : t.maxLength / 2})`;
    case 'decimal': case 'numeric': return `${t.name}(${t.precision},${t.scale})`;
    case 'datetime2': case 'time': case 'datetimeoffset': return `${t.name}(${t.scale})`;
    default: return t.name;
  }
}

/** True for types whose columns carry a collation. */
export function isStringType(name: string): boolean { return ['varchar', 'char', 'nvarchar', 'nchar', 'text', 'ntext'].includes(name); }
/** True for types whose values are numbers. */
export function isNumericType(name: string): boolean { return ['tinyint', 'smallint', 'int', 'bigint', 'bit', 'decimal', 'numeric', 'float', 'real', 'money', 'smallmoney'].includes(name); }

/** The wire type the protocol layer sends for a column of this SQL type. */
export function wireType(t: SqlType): { type: WireType; length?: number; precision?: number; scale?: number } {
  switch (t.name) {
    case 'bit': case 'tinyint': case 'smallint': case 'int': case 'bigint': case 'uniqueidentifier': case 'datetime': case 'sql_variant': return { type: t.name };
    case 'smalldatetime': return { type: 'datetime' };
    case 'float': case 'real': return { type: 'float' };
    case 'decimal': case 'numeric': return { type: 'decimal', precision: t.precision, scale: t.scale };
    case 'money': return { type: 'decimal', precision: 19, scale: 4 };
    case 'smallmoney': return { type: 'decimal', precision: 10, scale: 4 };
    case 'date': case 'time': case 'datetime2': case 'datetimeoffset': return { type: 'datetime2', scale: t.scale };
    case 'varchar': case 'char': return { type: 'varchar', length: t.maxLength };
    case 'text': return { type: 'varchar', length: -1 };
    case 'nvarchar': case 'nchar': return { type: 'nvarchar', length: t.maxLength };
    case 'ntext': case 'xml': return { type: 'nvarchar', length: -1 };
    case 'varbinary': case 'binary': case 'timestamp': return { type: 'varbinary', length: t.name === 'timestamp' ? 8 : t.maxLength };
    case 'image': return { type: 'varbinary', length: -1 };
    default: return { type: 'nvarchar', length: -1 };
  }
}

/**
 * The type of string parts joined by `+` or CONCAT: nvarchar when any part is, MAX when any part
 * is, else their lengths in characters added up, up to 4,000 (nvarchar) or 8,000 (varchar): "if
 * none of the input arguments has a supported large object (LOB) type, then the return type
 * truncates to 8,000 characters in length" (concat-transact-sql.md; string-concatenation-transact-sql.md).
 */
export function concatenatedType(parts: readonly SqlType[]): SqlType {
  const national = parts.some((t) => t.name.startsWith('n'));
  const chars = (t: SqlType): number => (t.name.startsWith('n') ? t.maxLength / 2 : t.maxLength);
  const total = parts.some((t) => t.maxLength === -1) ? -1 : Math.min(parts.reduce((n, t) => n + chars(t), 0), national ? 4000 : 8000);
  return national ? ty.nvarchar(total) : ty.varchar(total);
}

/** Shorthands for result types of built-ins. */
export const ty = {
  int: { name: 'int', maxLength: 4, precision: 10, scale: 0 } as SqlType,
  bigint: { name: 'bigint', maxLength: 8, precision: 19, scale: 0 } as SqlType,
  smallint: { name: 'smallint', maxLength: 2, precision: 5, scale: 0 } as SqlType,
  tinyint: { name: 'tinyint', maxLength: 1, precision: 3, scale: 0 } as SqlType,
  bit: { name: 'bit', maxLength: 1, precision: 1, scale: 0 } as SqlType,
  float: { name: 'float', maxLength: 8, precision: 53, scale: 0 } as SqlType,
  datetime: { name: 'datetime', maxLength: 8, precision: 23, scale: 3 } as SqlType,
  datetime2: { name: 'datetime2', maxLength: 8, precision: 27, scale: 7 } as SqlType,
  guid: { name: 'uniqueidentifier', maxLength: 16, precision: 0, scale: 0 } as SqlType,
  variant: { name: 'sql_variant', maxLength: 8016, precision: 0, scale: 0 } as SqlType,
  nvarchar: (chars: number): SqlType => ({ name: 'nvarchar', maxLength: chars === -1 ? -1 : chars * 2, precision: 0, scale: 0 }),
  varchar: (chars: number): SqlType => ({ name: 'varchar', maxLength: chars, precision: 0, scale: 0 }),
  sysname: { name: 'nvarchar', maxLength: 256, precision: 0, scale: 0 } as SqlType,
  decimal: (p: number, s: number): SqlType => ({ name: 'decimal', maxLength: decimalLength(p), precision: p, scale: s }),
};
