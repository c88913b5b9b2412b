/**
 * Turns what the engine produced (Output[]) into a tabular-result token stream, the way SQL Server
 * frames it: DONE per statement in a batch, DONEINPROC per statement inside an RPC followed by
 * RETURNSTATUS, RETURNVALUEs and one DONEPROC. Every DONE but the last carries DONE_MORE; a DONE
 * after an ERROR carries DONE_ERROR; DONE_COUNT is set when the engine gave a row count.
 */
import type { Cell, Output, ResultColumn } from '../engine-interface';
import { assertNever, ByteWriter } from './bytes';
import {
  DoneStatus, EnvChangeType, writeDone, writeEnvChangeBytes, writeEnvChangeText, writeMessage,
  writeResultSet, writeReturnStatus, writeReturnValue,
} from './tokens';

/** An OUTPUT parameter to answer with a RETURNVALUE token. */
export interface ReturnValue {
  readonly ordinal: number;
  readonly name: string;
  readonly column: ResultColumn;
  readonly value: Cell;
}

/** How the response is framed. */
export type ResponseFrame =
  | { readonly kind: 'batch' }
  | { readonly kind: 'rpc'; readonly returnStatus: number; readonly returnValues: readonly ReturnValue[] };

/** One token, or a DONE whose MORE bit is decided once the whole stream is known. */
type Step = { readonly write: (w: ByteWriter) => void } | { readonly done: number; readonly rowCount?: number };

function transactionEnvChange(event: 'begin' | 'commit' | 'rollback'): number {
  switch (event) {
    case 'begin': return EnvChangeType.BeginTransaction;
    case 'commit': return EnvChangeType.CommitTransaction;
    case 'rollback': return EnvChangeType.RollbackTransaction;
    default: return assertNever(event, 'transaction event');
  }
}

function toSteps(outputs: readonly Output[], serverName: string): { steps: Step[]; sawError: boolean } {
  const steps: Step[] = [];
  let errorSinceDone = false;
  let sawError = false;
  for (const output of outputs) {
    switch (output.kind) {
      case 'resultSet':
        if (output.resultSet.columns.length > 0) steps.push({ write: (w) => writeResultSet(w, output.resultSet) });
        break;
      case 'done':
        steps.push({ done: errorSinceDone ? DoneStatus.Error : 0, rowCount: output.rowCount });
        errorSinceDone = false;
        break;
      case 'error':
        errorSinceDone = true;
        sawError = true;
        steps.push({ write: (w) => writeMessage(w, 'error', { ...output, serverName }) });
        break;
      case 'info':
        steps.push({ write: (w) => writeMessage(w, 'info', { ...output, serverName }) });
        break;
      case 'databaseChanged':
        steps.push({ write: (w) => writeEnvChangeText(w, EnvChangeType.Database, output.to, output.from) });
        break;
      case 'transactionChanged': {
        const type = transactionEnvChange(output.event);
        const [next, previous] = output.event === 'begin' ? [output.descriptor, Buffer.alloc(0)] : [Buffer.alloc(0), output.descriptor];
        steps.push({ write: (w) => writeEnvChangeBytes(w, type, next, previous) });
        break;
      }
      case 'returnStatus':
      case 'returnValue':
        // Carried by the RPC frame (RETURNSTATUS / RETURNVALUE after the last DONEINPROC).
        break;
      default:
        assertNever(output, 'engine output');
    }
  }
  // A batch that ends on an error (or says nothing at all) still needs its closing DONE.
  const last = steps[steps.length - 1];
  if (last === undefined || !('done' in last) || errorSinceDone) steps.push({ done: errorSinceDone ? DoneStatus.Error : 0 });
  return { steps, sawError };
}

function doneStatus(step: { done: number; rowCount?: number }, more: boolean): number {
  return step.done | (step.rowCount !== undefined ? DoneStatus.Count : 0) | (more ? DoneStatus.More : 0);
}

/** Encodes one request's outputs as the payload of a tabular-result message. */
export function encodeResponse(outputs: readonly Output[], frame: ResponseFrame, serverName: string): Buffer {
  const { steps, sawError } = toSteps(outputs, serverName);
  const w = new ByteWriter();
  const lastDone = steps.reduce((at, step, i) => ('done' in step ? i : at), -1);
  steps.forEach((step, i) => {
    if ('write' in step) {
      step.write(w);
      return;
    }
    if (frame.kind === 'batch') writeDone(w, 'done', doneStatus(step, i !== lastDone), step.rowCount ?? 0);
    else writeDone(w, 'doneInProc', doneStatus(step, true), step.rowCount ?? 0);
  });
  if (frame.kind === 'rpc') {
    writeReturnStatus(w, frame.returnStatus);
    for (const rv of frame.returnValues) writeReturnValue(w, rv.ordinal, rv.name, rv.column, rv.value);
    writeDone(w, 'doneProc', sawError ? DoneStatus.Error : DoneStatus.Final, 0, 0);
  }
  return w.toBuffer();
}

/** The acknowledgement of an ATTENTION: a lone DONE with DONE_ATTN. */
export function encodeAttentionAck(): Buffer {
  const w = new ByteWriter();
  writeDone(w, 'done', DoneStatus.Attention, 0, 0);
  return w.toBuffer();
}
