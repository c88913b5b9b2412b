import { findJsonError } from '../../src/config/json-position';

/** Whether JSON.parse accepts the text. */
function parses(text: string): boolean {
  try { JSON.parse(text); return true; } catch { return false; }
}

describe('findJsonError', () => {
  const samples = [
    '{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', 'true', 'null', ' { "a" : [1, {"b": false}, "x"] } ',
    '{"a": 01}', '{"a": 1,}', '[1,]', "{'a': 1}", '{"a" 1}', '{"a": tru}', '"\\x"', '"abc', '{"a": 1} x',
    '{"a":\n\t[1, 2\n}', '"tab\tin string"', '-', '1.', '.5', '{"a": NaN}', '{} {}',
  ];

  it.each(samples)('agrees with JSON.parse on %j', (text) => {
    expect(findJsonError(text) === null).toBe(parses(text));
  });

  it('points at the offending character with 1-based line and column', () => {
    expect(findJsonError('{\n  "a": [1, 2\n}')).toEqual({
      offset: 15, line: 3, column: 1, message: 'expected "," or "]", found "}"',
    });
  });
});
