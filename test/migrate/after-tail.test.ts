/**
 * The parent and hints read from the end of after.json must be what a full JSON.parse gives:
 * for files schemac writes, hand-formatted ones, reordered keys, escapes, repeated keys; and a
 * file it cannot decide on reads as null (the caller then parses it whole).
 */
import { AfterTail, HINTS_PROPERTY, PARENT_PROPERTY, readAfterTail } from '../../src/migrate/after-tail';
import { renderState } from '../../src/migrate/state';
import type { TableHints } from '../../src/migrate/hints';
import { col, db, ix, pk, table } from '../support/model-builders';

/** What the full parse gives for the two properties (only those present). */
function full(text: string): Record<string, unknown> {
  const top = JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of [PARENT_PROPERTY, HINTS_PROPERTY]) if (key in top) out[key] = top[key];
  return out;
}

const tail = (text: string) => readAfterTail(Buffer.from(text));

/** The tail read agrees with the full parse, or declines. */
function expectAgrees(text: string): Record<string, unknown> | null {
  const r = tail(text);
  if (r !== null) expect(r).toEqual(full(text));
  return r;
}

const model = (n: number) => db(Array.from({ length: n }, (_, i) => table(`t${i}`, {
  columns: [col('id', 'int', { identity: true }), col('name', 'nvarchar(100)')],
  pk: pk(`pk_t${i}`, ['id']),
  indexes: [ix(`ix_t${i}_name`, ['name'], { filter: "name <> N'x\\\"y'" })],
})));
const hints: TableHints[] = [
  { schema: 'dbo', table: 't1', renamedFrom: 'old "t1"', columns: [{ name: 'name', renamedFrom: 'full\\name', backfill: "N'é \\u00e9'" }] },
];

describe('the parent and hints at the end of after.json', () => {
  it('are read from files schemac writes, with and without hints, small and large', () => {
    for (const n of [1, 400]) {
      for (const text of [renderState(model(n), null), renderState(model(n), '20260101000000_a'), renderState(model(n), '20260101000000_a', hints)]) {
        expect(expectAgrees(text)).not.toBeNull();
      }
    }
    expect(tail(renderState(model(1), '20260101000000_a', hints))).toEqual({ [PARENT_PROPERTY]: '20260101000000_a', [HINTS_PROPERTY]: hints });
  });

  it('are read from hand-formatted files: minified, CRLF, tabs, keys in another order', () => {
    const doc = JSON.parse(renderState(model(3), '20260101000000_a', hints)) as Record<string, unknown>;
    const { [PARENT_PROPERTY]: parent, [HINTS_PROPERTY]: h, ...rest } = doc;
    const variants = [
      JSON.stringify(doc),
      JSON.stringify(doc, null, '\t'),
      JSON.stringify(doc, null, 2).replace(/\n/g, '\r\n'),
      JSON.stringify({ [PARENT_PROPERTY]: parent, ...rest, [HINTS_PROPERTY]: h }),
      JSON.stringify({ [HINTS_PROPERTY]: h, ...rest, [PARENT_PROPERTY]: parent }),
      JSON.stringify({ [PARENT_PROPERTY]: parent, [HINTS_PROPERTY]: h, ...rest }),
      JSON.stringify({ ...rest }),
      JSON.stringify({ ...rest, [PARENT_PROPERTY]: 'x', zzz: [1, { a: '}]"' }], [HINTS_PROPERTY]: h, after: true }),
    ];
    for (const text of variants) expect(expectAgrees(text)).not.toBeNull();
  });

  it('decline, or agree, when the keys come first in a file too long to read backwards to them', () => {
    const doc = JSON.parse(renderState(model(400), '20260101000000_a', hints)) as Record<string, unknown>;
    const { [PARENT_PROPERTY]: parent, [HINTS_PROPERTY]: h, ...rest } = doc;
    expect(expectAgrees(JSON.stringify({ [PARENT_PROPERTY]: parent, [HINTS_PROPERTY]: h, ...rest }, null, 2))).toBeNull();
    // Hints first, parent last: the hints key is seen in the file, so the end alone cannot decide.
    expect(expectAgrees(JSON.stringify({ [HINTS_PROPERTY]: h, ...rest, [PARENT_PROPERTY]: parent }, null, 2))).toBeNull();
  });

  it('handle escapes in strings: quotes, backslashes, a string ending in backslashes', () => {
    const values = ['a"b', 'a\\', 'a\\\\', '\\"', '"', '\\', 'é😀', '}', ']', '{"x":1}', ''];
    for (const v of values) {
      expectAgrees(JSON.stringify({ format: 'x', rows: [v, { [v]: v }], [PARENT_PROPERTY]: v }));
      expectAgrees(JSON.stringify({ format: 'x', [HINTS_PROPERTY]: [{ schema: v, table: v }], [PARENT_PROPERTY]: v }, null, 1));
      expect(tail(JSON.stringify({ format: v, [PARENT_PROPERTY]: v }))).toEqual({ [PARENT_PROPERTY]: v });
    }
  });

  it('never miss hints the full parse sees: a key spelled with escapes, a repeated key, the key as a value', () => {
    const h = JSON.stringify([{ schema: 'dbo', table: 't' }]);
    const cases = [
      `{"migration\\u005fhints": ${h}, "rows": [], "parent_migration": null}`,
      `{"${HINTS_PROPERTY}": ${h}, "rows": [], "${HINTS_PROPERTY}": [], "parent_migration": null}`,
      `{"${HINTS_PROPERTY}": ${h}, "rows": [], "parent_migration": "a", "parent_migration": "b"}`,
      `{"rows": ["${HINTS_PROPERTY}"], "parent_migration": null}`,
      `{"rows": [{"name": "\\u00e9"}], "parent_migration": null}`,
      `{"nested": {"${HINTS_PROPERTY}": ${h}, "parent_migration": "inner"}, "parent_migration": "outer"}`,
      `{"${HINTS_PROPERTY}": ${h}, "nested": {"parent_migration": "inner"}}`,
    ];
    for (const text of cases) expectAgrees(text);
    expect(tail(cases[2] as string)).toEqual({ [PARENT_PROPERTY]: 'b', [HINTS_PROPERTY]: JSON.parse(h) });
    // The hints key occurs (nested) where the end does not reach: undecided, so parsed whole.
    expect(tail(cases[5] as string)).toBeNull();
  });

  it('keep the values JSON.parse gives, malformed ones too (readState judges them)', () => {
    for (const value of ['42', 'true', '-1.5e3', '{"a": [1, "]"]}', '[]', '"x"', 'null']) {
      expect(tail(`{"a": 1, "${HINTS_PROPERTY}": ${value}, "${PARENT_PROPERTY}": ${value}}`)).toEqual({ [PARENT_PROPERTY]: JSON.parse(value), [HINTS_PROPERTY]: JSON.parse(value) });
    }
  });

  it('decline an end that is not a JSON object', () => {
    const good = renderState(model(2), '20260101000000_a');
    for (const text of [good.slice(0, -3), `${good}x`, '[1, 2]', '"x"', '', '{"a": 1, "parent_migration": nul}', `${good.slice(0, -2)},}`]) {
      expect(tail(text)).toBeNull();
    }
    // A file broken before its end is not judged here: reading its snapshot reports it.
    expect(tail('{"a" 1, "parent_migration": null}')).toEqual({ [PARENT_PROPERTY]: null });
  });

  it('read the same whatever pieces the file streams in', () => {
    const texts = [
      renderState(model(2), '20260101000000_a', hints),
      `{"rows": ["x\\u0041"], "${HINTS_PROPERTY}": [], "parent_migration": null}`,
      `{"${HINTS_PROPERTY}": [{"schema": "a", "table": "b"}], "rows": [], "parent_migration": null}`,
      `{"rows": ["x\\\\u0041"], "parent_migration": null}`,
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text);
      const whole = readAfterTail(bytes);
      for (const size of [1, 2, 3, 7, 16, 17, 100]) {
        const t = new AfterTail();
        for (let at = 0; at < bytes.length; at += size) t.add(bytes.subarray(at, at + size));
        expect(t.result()).toEqual(whole);
      }
    }
  });

  it('agree with the full parse on generated documents', () => {
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const pieces = ['a', '\\', '"', '}', ']', '{', '[', ',', ':', ' ', 'é', '\\u', HINTS_PROPERTY, PARENT_PROPERTY];
    const str = () => Array.from({ length: next(5) }, () => pieces[next(pieces.length)]).join('');
    const value = (depth: number): unknown => {
      switch (next(depth > 2 ? 4 : 7)) {
        case 0: return null;
        case 1: return next(100) - 50;
        case 2: return str();
        case 3: return next(2) === 0;
        case 4: return Array.from({ length: next(4) }, () => value(depth + 1));
        default: return Object.fromEntries(Array.from({ length: next(4) }, () => [next(3) === 0 ? [HINTS_PROPERTY, PARENT_PROPERTY][next(2)] as string : str(), value(depth + 1)]));
      }
    };
    let decided = 0;
    for (let i = 0; i < 3000; i += 1) {
      const keys = Array.from({ length: next(6) }, () => [[HINTS_PROPERTY, PARENT_PROPERTY, 'format', str()][next(4)] as string, value(0)] as const);
      // Repeated keys are written out by hand: an object literal would keep only the last.
      const text = `{${keys.map(([k, v]) => `${JSON.stringify(k)}:${' \n\t'.slice(0, next(4))}${JSON.stringify(v, null, next(3))}`).join(', ')}}`;
      if (expectAgrees(text) !== null) decided += 1;
    }
    expect(decided).toBeGreaterThan(500);
  });
});
