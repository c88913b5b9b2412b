/** Adds `value` to the list kept under `key`, starting the list when the key is new. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Rows grouped by a key, each group in input order (catalog rows, differ entities). */
export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) appendTo(map, keyOf(row), row);
  return map;
}
