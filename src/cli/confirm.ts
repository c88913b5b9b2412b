import * as readline from 'readline';

/**
 * Asks a yes/no question on the terminal; only the word "yes" approves (as destructive tools do).
 * An abort (Ctrl-C while waiting) answers no.
 */
export async function confirm(question: string, signal?: AbortSignal, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<boolean> {
  const rl = readline.createInterface({ input, output, terminal: false });
  const onAbort = () => rl.close();
  signal?.addEventListener('abort', onAbort);
  try {
    output.write(`${question} Only 'yes' will be accepted: `);
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    signal?.removeEventListener('abort', onAbort);
    rl.close();
  }
}
