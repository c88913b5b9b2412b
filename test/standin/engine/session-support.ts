/** Session defaults and conversions: SET option defaults, RPC parameter types, @@VERSION, wire cells. */
import type { Cell } from '../engine-interface';
import type { Value } from './catalog';
import type { SqlType } from './types';
import { resolveType, ty } from './types';
import { toText } from './values';

/** SET options as a new connection has them (tedious turns QUOTED_IDENTIFIER etc. on at login). */
export const DEFAULT_OPTIONS: Record<string, boolean> = {
  QUOTED_IDENTIFIER: true, ANSI_NULLS: true, ANSI_WARNINGS: true, ANSI_PADDING: true, ARITHABORT: true,
  CONCAT_NULL_YIELDS_NULL: true, NUMERIC_ROUNDABORT: false, XACT_ABORT: false, NOCOUNT: false, NOEXEC: false,
  IMPLICIT_TRANSACTIONS: false, ANSI_NULL_DFLT_ON: true,
};

/** Parses an RPC parameter's declared type, e.g. 'nvarchar(4000)', 'decimal(18,2)'. */
export function parseParamType(s: string): SqlType {
  const m = /^\s*(\w+)\s*(?:\(\s*(max|\d+)\s*(?:,\s*(\d+)\s*)?\))?/i.exec(s);
  if (!m) return ty.nvarchar(4000);
  const args: (number | 'max')[] = [];
  if (m[2]) args.push(m[2].toLowerCase() === 'max' ? 'max' : Number(m[2]));
  if (m[3]) args.push(Number(m[3]));
  return resolveType({ name: m[1].toLowerCase(), args });
}

/** What @@VERSION says for a product version. */
export function versionString(v: string): string {
  const major = Number(v.split('.')[0]);
  const year = major >= 16 ? 2022 : major === 15 ? 2019 : major === 14 ? 2017 : 2016;
  return `Microsoft SQL Server ${year} (RTM) - ${v} (X64) \n\tStand-in for tests \n\tCopyright (C) ${year} Microsoft Corporation\n\tDeveloper Edition (64-bit) on Linux <X64>`;
}

/** Converts an engine value to the cell the protocol layer expects for a column type. */
export function toCell(v: Value, t: SqlType): Cell {
  if (v === null) return null;
  if (t.name === 'bit') return typeof v === 'boolean' ? v : Number(v) !== 0;
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v);
  if (['varchar', 'nvarchar', 'char', 'nchar', 'text', 'ntext'].includes(t.name) && typeof v !== 'string') return toText(v);
  if (['int', 'smallint', 'tinyint', 'bigint', 'decimal', 'numeric', 'float', 'real'].includes(t.name) && typeof v === 'string') return Number(v);
  return v as Cell;
}

/** The value and type of an @@ variable, from the session's counters; undefined when unknown. */
export function globalVariable(name: string, s: { version: string; versionText?: string; spid: number; trancount: number; error: number; rowCount: number; identity: number | null; lockTimeout: number }): { value: Value; type: SqlType } | undefined {
  switch (name.toUpperCase()) {
    case '@@VERSION': return { value: s.versionText ?? versionString(s.version), type: ty.nvarchar(300) };
    case '@@SPID': return { value: s.spid, type: ty.smallint };
    case '@@TRANCOUNT': return { value: s.trancount, type: ty.int };
    case '@@ERROR': return { value: s.error, type: ty.int };
    case '@@ROWCOUNT': return { value: s.rowCount, type: ty.int };
    case '@@IDENTITY': return { value: s.identity, type: ty.decimal(38, 0) };
    case '@@SERVERNAME': return { value: 'standin', type: ty.nvarchar(128) };
    case '@@SERVICENAME': return { value: 'MSSQLSERVER', type: ty.nvarchar(128) };
    case '@@LANGUAGE': return { value: 'us_english', type: ty.nvarchar(128) };
    case '@@MAX_PRECISION': return { value: 38, type: ty.tinyint };
    case '@@OPTIONS': return { value: 5496, type: ty.int };
    case '@@LOCK_TIMEOUT': return { value: s.lockTimeout, type: ty.int };
    default: return undefined;
  }
}
