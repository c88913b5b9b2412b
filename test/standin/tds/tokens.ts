/**
 * Token writers for the server's tabular responses (MS-TDS 2.2.7). Each appends one token to a
 * ByteWriter; response.ts decides which tokens a request's outputs become.
 */
import type { Cell, ResultColumn, ResultSet } from '../engine-interface';
import { ByteWriter } from './bytes';
import { typeInfo, writeValue } from './column-encoding';
import { DEFAULT_COLLATION } from './type-ids';

const Token = {
  ColMetadata: 0x81,
  Error: 0xaa,
  Info: 0xab,
  LoginAck: 0xad,
  ReturnValue: 0xac,
  ReturnStatus: 0x79,
  Row: 0xd1,
  EnvChange: 0xe3,
  Done: 0xfd,
  DoneProc: 0xfe,
  DoneInProc: 0xff,
} as const;

/** DONE status bits. */
export const DoneStatus = { Final: 0x00, More: 0x01, Error: 0x02, InTransaction: 0x04, Count: 0x10, Attention: 0x20 } as const;

/** Which of the three DONE tokens to write. */
export type DoneKind = 'done' | 'doneProc' | 'doneInProc';

const DONE_TOKENS: Record<DoneKind, number> = { done: Token.Done, doneProc: Token.DoneProc, doneInProc: Token.DoneInProc };

/** DONE/DONEPROC/DONEINPROC: status, current command, 8-byte row count. */
export function writeDone(w: ByteWriter, kind: DoneKind, status: number, rowCount = 0, curCmd = 0xc1): void {
  w.u8(DONE_TOKENS[kind]).u16(status).u16(curCmd).u64(BigInt(rowCount));
}

/** Fields shared by ERROR and INFO. */
export interface MessageFields {
  readonly number: number;
  readonly state: number;
  readonly class: number;
  readonly message: string;
  readonly serverName: string;
  readonly procName?: string;
  readonly line: number;
}

/** ERROR (class > 10) or INFO token. */
export function writeMessage(w: ByteWriter, kind: 'error' | 'info', m: MessageFields): void {
  const body = new ByteWriter()
    .i32(m.number).u8(m.state).u8(m.class)
    .usVarchar(m.message).bVarchar(m.serverName).bVarchar(m.procName ?? '')
    .i32(m.line);
  w.u8(kind === 'error' ? Token.Error : Token.Info).u16(body.length).bytes(body.toBuffer());
}

/** ENVCHANGE types the stand-in sends. */
export const EnvChangeType = {
  Database: 1, Language: 2, PacketSize: 4, Collation: 7,
  BeginTransaction: 8, CommitTransaction: 9, RollbackTransaction: 10,
} as const;

/** ENVCHANGE with string values (database, language, packet size). */
export function writeEnvChangeText(w: ByteWriter, type: number, newValue: string, oldValue: string): void {
  const body = new ByteWriter().u8(type).bVarchar(newValue).bVarchar(oldValue);
  w.u8(Token.EnvChange).u16(body.length).bytes(body.toBuffer());
}

/** ENVCHANGE with binary values (collation, transaction descriptors). */
export function writeEnvChangeBytes(w: ByteWriter, type: number, newValue: Buffer, oldValue: Buffer): void {
  const body = new ByteWriter().u8(type).bVarbyte(newValue).bVarbyte(oldValue);
  w.u8(Token.EnvChange).u16(body.length).bytes(body.toBuffer());
}

/** The collation ENVCHANGE sent at login. */
export function writeCollationChange(w: ByteWriter): void {
  writeEnvChangeBytes(w, EnvChangeType.Collation, DEFAULT_COLLATION, Buffer.alloc(0));
}

/** LOGINACK: interface, TDS version (big-endian), program name, program version. */
export function writeLoginAck(w: ByteWriter, tdsVersion: number, progName: string, version: { major: number; minor: number; build: number }): void {
  const body = new ByteWriter().u8(1);
  const v = Buffer.alloc(4);
  v.writeUInt32BE(tdsVersion >>> 0, 0);
  body.bytes(v).bVarchar(progName).u8(version.major).u8(version.minor).u8((version.build >> 8) & 0xff).u8(version.build & 0xff);
  w.u8(Token.LoginAck).u16(body.length).bytes(body.toBuffer());
}

/** COLMETADATA then one ROW per row. */
export function writeResultSet(w: ByteWriter, resultSet: ResultSet): void {
  w.u8(Token.ColMetadata).u16(resultSet.columns.length);
  for (const column of resultSet.columns) {
    // user type 0; flags: nullable (0x01) and updateable-unknown (0x08) as SQL Server sends for expressions.
    w.u32(0).u16((column.nullable ? 0x01 : 0x00) | 0x08).bytes(typeInfo(column)).bVarchar(column.name);
  }
  for (const row of resultSet.rows) {
    w.u8(Token.Row);
    resultSet.columns.forEach((column, i) => writeValue(w, column, row[i] ?? null));
  }
}

/** RETURNSTATUS: the procedure's return code. */
export function writeReturnStatus(w: ByteWriter, value: number): void {
  w.u8(Token.ReturnStatus).i32(value);
}

/** RETURNVALUE for an OUTPUT parameter. */
export function writeReturnValue(w: ByteWriter, ordinal: number, name: string, column: ResultColumn, value: Cell): void {
  w.u8(Token.ReturnValue).u16(ordinal).bVarchar(name).u8(0x01).u32(0).u16(0x01).bytes(typeInfo(column));
  writeValue(w, column, value);
}
