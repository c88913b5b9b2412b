/**
 * A memo for a pure function of a string that stays small in a long-lived process (an editor's
 * language service, a watch mode, a test runner compiling thousands of schemas): it remembers
 * recent keys, not every key it has ever seen.
 */

/**
 * `compute` memoized in two generations of at most `limit` keys each: when the newer one is full
 * it becomes the older one and the oldest is let go, so at most 2 * `limit` results are kept and
 * a key in use (a mixin's field, asked for once per table) is carried over and not computed again.
 */
export function boundedMemo<T extends string | object>(compute: (key: string) => T, limit = 2048): (key: string) => T {
  let recent = new Map<string, T>();
  let older = new Map<string, T>();
  return (key) => {
    let value = recent.get(key);
    if (value !== undefined) return value;
    value = older.get(key) ?? compute(key);
    if (recent.size >= limit) {
      older = recent;
      recent = new Map();
    }
    recent.set(key, value);
    return value;
  };
}
