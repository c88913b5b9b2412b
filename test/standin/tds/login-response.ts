/**
 * The token streams that answer a LOGIN7: success as SQL Server sends it (database, collation and
 * language changes, LOGINACK, negotiated packet size, DONE) or a failure (ERROR, DONE_ERROR).
 */
import type { Output } from '../engine-interface';
import { ByteWriter } from './bytes';
import { parseProductVersion } from './prelogin';
import { DoneStatus, EnvChangeType, writeCollationChange, writeDone, writeEnvChangeText, writeLoginAck, writeMessage } from './tokens';

/** TDS 7.4, the version the stand-in speaks whatever the client asks for. */
export const TDS_7_4 = 0x74000004;

/** The tokens of a successful login. */
export function encodeLoginSuccess(database: string, packetSize: number, productVersion: string, serverName: string): Buffer {
  const w = new ByteWriter();
  writeEnvChangeText(w, EnvChangeType.Database, database, 'master');
  writeMessage(w, 'info', { number: 5701, state: 2, class: 0, message: `Changed database context to '${database}'.`, serverName, line: 1 });
  writeCollationChange(w);
  writeEnvChangeText(w, EnvChangeType.Language, 'us_english', '');
  writeMessage(w, 'info', { number: 5703, state: 1, class: 0, message: 'Changed language setting to us_english.', serverName, line: 1 });
  writeLoginAck(w, TDS_7_4, 'Microsoft SQL Server', parseProductVersion(productVersion));
  writeEnvChangeText(w, EnvChangeType.PacketSize, String(packetSize), String(packetSize));
  writeDone(w, 'done', DoneStatus.Final, 0, 0);
  return w.toBuffer();
}

/** The tokens of a refused login. */
export function encodeLoginFailure(error: Extract<Output, { kind: 'error' }>, serverName: string): Buffer {
  const w = new ByteWriter();
  writeMessage(w, 'error', { ...error, serverName });
  writeDone(w, 'done', DoneStatus.Error, 0, 0);
  return w.toBuffer();
}

/** The refusal sent when the client demanded encryption, which the stand-in cannot provide. */
export function encryptionRefused(): Extract<Output, { kind: 'error' }> {
  return {
    kind: 'error', number: 50000, state: 1, class: 20, line: 0,
    message: 'The server does not support encryption (this is the schemac SQL Server stand-in, which speaks plain TDS): connect with encrypt=false.',
  };
}
