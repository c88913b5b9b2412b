/**
 * Client request messages after login: SQLBatch (2.2.6.7), RPC (2.2.6.6) and Transaction Manager
 * (2.2.6.9). Each starts with ALL_HEADERS (TDS 7.2+), whose transaction descriptor the stand-in
 * does not need: the engine session already knows its transaction.
 */
import type { Parameter } from '../engine-interface';
import { ByteReader, MalformedMessageError } from './bytes';
import { decodeTypedValue, type DecodedValue } from './param-decoder';

/** RPC procedure ids (ProcIDSwitch = 0xFFFF) and the names SQL Server knows them by. */
const PROC_NAMES: Record<number, string> = {
  1: 'sp_cursor', 2: 'sp_cursoropen', 3: 'sp_cursorprepare', 4: 'sp_cursorexecute', 5: 'sp_cursorprepexec',
  6: 'sp_cursorunprepare', 7: 'sp_cursorfetch', 8: 'sp_cursoroption', 9: 'sp_cursorclose', 10: 'sp_executesql',
  11: 'sp_prepare', 12: 'sp_execute', 13: 'sp_prepexec', 14: 'sp_prepexecrpc', 15: 'sp_unprepare',
};

function skipAllHeaders(r: ByteReader): void {
  const total = r.u32();
  if (total < 4) throw new MalformedMessageError('ALL_HEADERS shorter than its length field');
  r.bytes(total - 4);
}

/** SQLBatch: ALL_HEADERS then the batch text in UCS-2. */
export function parseSqlBatch(data: Buffer): string {
  const r = new ByteReader(data);
  skipAllHeaders(r);
  return r.bytes(r.remaining).toString('ucs2');
}

/** One RPC parameter with what is needed to answer it. */
export interface RpcParameter extends Parameter {
  readonly decoded: DecodedValue;
}

/** A parsed RPC request. */
export interface RpcRequest {
  readonly procedure: string;
  readonly parameters: readonly RpcParameter[];
}

/** RPC: ALL_HEADERS, procedure name or id, option flags, then parameters to the end. */
export function parseRpc(data: Buffer): RpcRequest {
  const r = new ByteReader(data);
  skipAllHeaders(r);
  const nameLength = r.u16();
  let procedure: string;
  if (nameLength === 0xffff) {
    const id = r.u16();
    procedure = PROC_NAMES[id] ?? `#${id}`;
  } else {
    procedure = r.bytes(nameLength * 2).toString('ucs2');
  }
  r.u16(); // option flags (WITH RECOMPILE, NO METADATA): nothing for the stand-in to do with them
  const parameters: RpcParameter[] = [];
  while (r.remaining > 0) {
    const name = r.bVarchar();
    const status = r.u8();
    const decoded = decodeTypedValue(r);
    parameters.push({ name, type: decoded.type, value: decoded.value, output: (status & 0x01) !== 0, decoded });
  }
  return { procedure, parameters };
}

/** A Transaction Manager request the stand-in supports. */
export type TransactionRequest =
  | { readonly kind: 'begin'; readonly name: string | null; readonly isolationLevel: number }
  | { readonly kind: 'commit'; readonly name: string | null }
  | { readonly kind: 'rollback'; readonly name: string | null }
  | { readonly kind: 'unsupported'; readonly requestType: number };

const TmType = { Begin: 5, Commit: 7, Rollback: 8 } as const;

function readName(r: ByteReader): string | null {
  const bytes = r.u8();
  const name = r.bytes(bytes).toString('ucs2');
  return name === '' ? null : name;
}

/** Transaction Manager: ALL_HEADERS, request type, then the type's fields. */
export function parseTransactionRequest(data: Buffer): TransactionRequest {
  const r = new ByteReader(data);
  skipAllHeaders(r);
  const requestType = r.u16();
  switch (requestType) {
    case TmType.Begin: {
      const isolationLevel = r.u8();
      return { kind: 'begin', isolationLevel, name: readName(r) };
    }
    case TmType.Commit: return { kind: 'commit', name: readName(r) };
    case TmType.Rollback: return { kind: 'rollback', name: readName(r) };
    default: return { kind: 'unsupported', requestType };
  }
}
