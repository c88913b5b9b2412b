/**
 * Where a JSON text stops being valid. JSON.parse in Node 20 often says only "Unexpected
 * token" without an offset, so a user could not find the mistake; this small strict scanner
 * finds the first offending character and says what was expected there.
 */

/** The first syntax error: 0-based offset, 1-based line and column, and a one-line reason. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class Stop extends Error {
  constructor(readonly offset: number, readonly reason: string) { super(reason); }
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | null {
  let i = 0;
  const ws = (): void => { while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++; };
  const shown = (): string => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const fail = (expected: string): never => { throw new Stop(i, `expected ${expected}, found ${shown()}`); };
  const literal = (word: string): void => {
    for (const ch of word) { if (text[i] !== ch) fail(`"${word}"`); i++; }
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('a closing "');
      else if (ch === '"') { i++; return; }
      else if (ch === '\\') {
        i++;
        if (text[i] === 'u') { i++; for (let k = 0; k < 4; k++) { if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('a hex digit'); i++; } }
        else if ('"\\/bfnrt'.includes(text[i] ?? '!')) i++;
        else fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
      } else if (ch < ' ') fail('no control character inside a string');
      else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null) fail('a value');
    i += m?.[0].length ?? 0;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a "quoted" key');
        string(); ws();
        if (text[i] !== ':') fail('":"');
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('"," or "}"');
      }
    } else if (ch === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('"," or "]"');
      }
    } else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
  };
  try {
    value(); ws();
    if (i < text.length) fail('end of file');
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.offset).split('\n');
    return { offset: e.offset, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1, message: e.reason };
  }
}
