/**
 * One client connection: PRELOGIN, LOGIN7, then requests one at a time (no MARS). Keeps reading
 * while a request runs so that an ATTENTION can abort it; the cancelled request's response message
 * is completed first and the attention acknowledgement follows as a message of its own, which is
 * what tedious waits for.
 */
import type { Socket } from 'node:net';
import type { Engine, Output, Session } from '../engine-interface';
import { encodeLoginFailure, encodeLoginSuccess, encryptionRefused } from './login-response';
import { parseLogin7 } from './login7';
import { type ClientMessage, MessageAssembler, PacketType, toPackets } from './packet';
import { buildPreloginResponse, parsePrelogin } from './prelogin';
import { parseRpc, parseSqlBatch, parseTransactionRequest, type RpcRequest, type TransactionRequest } from './requests';
import { encodeAttentionAck, encodeResponse, type ResponseFrame } from './response';
import type { FaultState, RequestInfo } from './faults';

/** What a connection needs from its server. */
export interface ConnectionContext {
  readonly id: number;
  readonly engine: Engine;
  readonly faults: FaultState;
  readonly serverName: string;
}

type Phase = 'prelogin' | 'login' | 'loggedIn' | 'closed';

/** A TLS handshake record (content type 22, version 3.x): a client using encrypt 'strict'. */
function isTlsHandshake(chunk: Buffer): boolean {
  return chunk.length >= 2 && chunk[0] === 0x16 && chunk[1] === 0x03;
}

/** TLS fatal alert 'handshake_failure': the closest TLS has to "no encryption here". */
const TLS_HANDSHAKE_FAILURE = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);

function engineFailure(error: unknown): Output {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'error', number: 50000, state: 1, class: 16, line: 0, message: `Stand-in engine failure: ${message}` };
}

function undecodable(error: unknown): Output {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'error', number: 50000, state: 1, class: 16, line: 0, message: `The stand-in could not decode this request: ${message}` };
}

/**
 * The RPC's closing tokens: the return status the engine reported (else 0), and each OUTPUT
 * parameter with the value the engine reported for it, or the value it was sent with (what
 * SQL Server returns when nothing assigns it).
 */
function rpcFrame(rpc: RpcRequest, outputs: readonly Output[]): ResponseFrame {
  let returnStatus = 0;
  const reported = new Map<string, Output & { kind: 'returnValue' }>();
  for (const o of outputs) {
    if (o.kind === 'returnStatus') returnStatus = o.value;
    if (o.kind === 'returnValue') reported.set(o.name.toLowerCase(), o);
  }
  return {
    kind: 'rpc',
    returnStatus,
    returnValues: rpc.parameters.flatMap((p, ordinal) => {
      if (p.output !== true) return [];
      const r = reported.get(p.name.toLowerCase());
      return [{ ordinal, name: p.name, column: { name: p.name, ...p.decoded.column }, value: r ? r.value : p.value }];
    }),
  };
}

/** A parsed request ready to run. */
type Work =
  | { readonly kind: 'batch'; readonly sql: string }
  | { readonly kind: 'rpc'; readonly rpc: RpcRequest }
  | { readonly kind: 'transaction'; readonly tm: TransactionRequest };

/** Serves one socket until it closes. */
export class TdsConnection {
  private phase: Phase = 'prelogin';
  private wantsEncryption = false;
  private packetSize = 4096;
  private session: Session | null = null;
  private readonly assembler = new MessageAssembler();
  private readonly queue: ClientMessage[] = [];
  private busy = false;
  private running: AbortController | null = null;
  private attentionPending = false;
  private sequence = 0;

  constructor(private readonly socket: Socket, private readonly ctx: ConnectionContext) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.onClose());
    socket.on('error', () => socket.destroy());
  }

  /** Closes the socket from the server side. */
  destroy(): void {
    this.socket.destroy();
  }

  /**
   * Holds a response back for `ms` (a fault); false when the client went away meanwhile, so that
   * nothing is left to answer and no timer outlives the connection.
   */
  private heldBack(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = this.socket;
      if (socket.destroyed) return resolve(false);
      const end = (sent: boolean) => (): void => {
        clearTimeout(timer);
        socket.off('close', gone);
        resolve(sent);
      };
      const gone = end(false);
      const timer = setTimeout(end(true), ms);
      socket.once('close', gone);
    });
  }

  private onData(chunk: Buffer): void {
    if (this.phase === 'closed') return;
    if (this.phase === 'prelogin' && isTlsHandshake(chunk)) {
      this.socket.end(TLS_HANDSHAKE_FAILURE);
      return;
    }
    let messages: ClientMessage[];
    try {
      messages = this.assembler.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    for (const message of messages) this.onMessage(message);
  }

  private onMessage(message: ClientMessage): void {
    if (message.type === PacketType.Attention) {
      this.onAttention();
      return;
    }
    this.queue.push(message);
    void this.pump();
  }

  private onAttention(): void {
    if (this.busy) {
      this.attentionPending = true;
      this.running?.abort(new Error('standin/tds: cancelled by ATTENTION'));
    } else {
      this.send(encodeAttentionAck());
    }
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let message = this.queue.shift(); message !== undefined && this.phase !== 'closed'; message = this.queue.shift()) {
        await this.handle(message);
      }
    } catch {
      this.socket.destroy();
    } finally {
      this.busy = false;
    }
  }

  private async handle(message: ClientMessage): Promise<void> {
    switch (this.phase) {
      case 'prelogin':
        if (message.type !== PacketType.Prelogin) return this.destroy();
        this.wantsEncryption = parsePrelogin(message.data).wantsEncryption;
        this.send(buildPreloginResponse(this.ctx.engine.productVersion));
        this.phase = 'login';
        return;
      case 'login':
        if (message.type !== PacketType.Login7) return this.destroy();
        return this.login(message.data);
      case 'loggedIn':
        return this.request(message);
      case 'closed':
        return;
    }
  }

  private login(data: Buffer): void {
    const serverName = this.ctx.serverName;
    if (this.wantsEncryption) {
      this.send(encodeLoginFailure(encryptionRefused(), serverName));
      this.socket.end();
      return;
    }
    const login = parseLogin7(data);
    const result = this.ctx.engine.login(login.userName, login.password, login.database);
    if (!result.ok) {
      this.send(encodeLoginFailure(result.error, serverName));
      this.socket.end();
      return;
    }
    this.session = result.session;
    this.packetSize = Math.min(Math.max(login.packetSize || 4096, 512), 32767);
    this.send(encodeLoginSuccess(result.database, this.packetSize, this.ctx.engine.productVersion, serverName));
    this.phase = 'loggedIn';
  }

  private parse(message: ClientMessage): Work | null {
    switch (message.type) {
      case PacketType.SqlBatch: return { kind: 'batch', sql: parseSqlBatch(message.data) };
      case PacketType.RpcRequest: return { kind: 'rpc', rpc: parseRpc(message.data) };
      case PacketType.TransactionManager: return { kind: 'transaction', tm: parseTransactionRequest(message.data) };
      default: return null;
    }
  }

  private describe(work: Work): RequestInfo {
    const base = { connectionId: this.ctx.id, sequence: this.sequence };
    switch (work.kind) {
      case 'batch': return { ...base, kind: 'batch', text: work.sql };
      case 'rpc': {
        const statement = work.rpc.procedure === 'sp_executesql' ? work.rpc.parameters[0]?.value : undefined;
        return { ...base, kind: 'rpc', text: typeof statement === 'string' ? statement : work.rpc.procedure };
      }
      case 'transaction': {
        const verb = work.tm.kind === 'unsupported' ? `TM request ${work.tm.requestType}` : `${work.tm.kind.toUpperCase()} TRANSACTION`;
        return { ...base, kind: 'transaction', text: verb };
      }
    }
  }

  private async request(message: ClientMessage): Promise<void> {
    const session = this.session;
    if (session === null) return this.destroy();
    if (message.ignored) {
      // The client gave up before sending the whole request; it still expects a response message.
      this.send(encodeResponse([], { kind: 'batch' }, this.ctx.serverName));
      return;
    }
    let work: Work | null;
    try {
      work = this.parse(message);
    } catch (error) {
      // A request the stand-in cannot decode (a TVP or xml parameter, say) fails loudly but
      // leaves the connection usable, as a server-side error would.
      this.send(encodeResponse([undecodable(error)], { kind: 'batch' }, this.ctx.serverName));
      return;
    }
    if (work === null) return this.destroy();
    this.sequence += 1;
    const decision = this.ctx.faults.decide(this.describe(work));
    if (decision.drop === 'before') return this.destroy();

    const controller = new AbortController();
    this.running = controller;
    if (this.attentionPending) controller.abort();
    let outputs: Output[];
    let frame: ResponseFrame = { kind: 'batch' };
    try {
      outputs = await this.execute(session, work, controller.signal);
    } catch (error) {
      outputs = controller.signal.aborted ? [] : [engineFailure(error)];
    } finally {
      this.running = null;
    }
    if (work.kind === 'rpc') frame = rpcFrame(work.rpc, outputs);
    let payload: Buffer;
    try {
      payload = encodeResponse(outputs, frame, this.ctx.serverName);
    } catch (error) {
      // An engine value that does not fit its column type: report it instead of dropping the socket.
      payload = encodeResponse([engineFailure(error)], { kind: 'batch' }, this.ctx.serverName);
    }
    if (decision.delayMs > 0 && !(await this.heldBack(decision.delayMs))) return;
    if (decision.drop === 'midResponse') {
      const [first] = toPackets(PacketType.TabularResult, payload, this.packetSize, session.id);
      if (first !== undefined) this.socket.write(first.subarray(0, Math.max(1, Math.floor(first.length / 2))));
      this.socket.destroy();
      return;
    }
    this.send(payload);
    if (this.attentionPending) {
      this.attentionPending = false;
      this.send(encodeAttentionAck());
    }
  }

  private execute(session: Session, work: Work, signal: AbortSignal): Promise<Output[]> {
    switch (work.kind) {
      case 'batch': return session.executeBatch(work.sql, signal);
      case 'rpc': {
        const parameters = work.rpc.parameters.map(({ name, type, value, output }) => ({ name, type, value, output }));
        return session.executeRpc(work.rpc.procedure, parameters, signal);
      }
      case 'transaction': {
        const tm = work.tm;
        switch (tm.kind) {
          case 'begin': return session.beginTransaction(tm.name);
          case 'commit': return session.commitTransaction(tm.name);
          case 'rollback': return session.rollbackTransaction(tm.name);
          case 'unsupported':
            return Promise.resolve([{ kind: 'error', number: 50000, state: 1, class: 16, line: 0, message: `Transaction Manager request type ${tm.requestType} is not supported by the stand-in.` }]);
        }
      }
    }
  }

  private send(payload: Buffer): void {
    if (this.socket.destroyed) return;
    const spid = this.session?.id ?? 0;
    for (const packet of toPackets(PacketType.TabularResult, payload, this.packetSize, spid)) this.socket.write(packet);
  }

  private onClose(): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.running?.abort(new Error('standin/tds: connection closed'));
    const session = this.session;
    this.session = null;
    try {
      session?.close();
    } catch (error) {
      // A throw here would escape a socket event handler and take the whole stand-in down.
      process.stderr.write(`standin/tds: session ${session?.id ?? '?'} failed to close: ${String(error)}\n`);
    }
  }
}
