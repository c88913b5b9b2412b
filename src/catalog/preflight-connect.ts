/**
 * The pre-flight batch over its own connection (for `plan`, which has no session of its own):
 * kept apart from preflight-run.ts so that loading the policy does not load the driver.
 */
import type sql from 'mssql';
import { connectPool } from './connect';
import { describeTarget, redactConfig } from './connection';
import { PreflightRunError, runPreflightWith, type PreflightCounts } from './preflight-run';
import type { Rows } from './read-rows';

/** Connects with `config` (one connection), runs the batch with a timeout, and disconnects. */
export async function runPreflight(config: sql.config, text: string, timeoutMs: number): Promise<PreflightCounts> {
  const pool = await connectPool(config, { requestTimeout: 0, pool: { max: 1, min: 0 } });
  try {
    let running: sql.Request | null = null;
    return await runPreflightWith({
      run: async (batch) => {
        running = pool.request();
        const result = await running.query(batch);
        return (result.recordsets as unknown as Rows[]) ?? [];
      },
      cancel: () => running?.cancel(),
    }, text, timeoutMs);
  } catch (error) {
    if (error instanceof PreflightRunError) {
      throw new PreflightRunError(error.failure, `${redactConfig(error.message.replace(/^pre-flight: /, ''), config)} (${describeTarget(config)})`, { cause: error.cause });
    }
    throw error;
  } finally {
    await pool.close().catch(() => undefined);
  }
}
