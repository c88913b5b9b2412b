/** Deterministic ordering helpers: code-point order, whatever the machine's locale. */

/** Compares two strings by UTF-16 code units (never localeCompare, whose order varies by machine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator over items by a text key, in code-point order. */
export function byText<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}

/** A sorted copy of the items, by a text key. */
export function sortedByText<T>(items: readonly T[], key: (item: T) => string): T[] {
  // Lists read from a catalog or a schema mostly arrive sorted: checking costs one pass, and a
  // stable sort of a sorted list would return it unchanged anyway.
  for (let i = 1; i < items.length; i++) {
    if (compareText(key(items[i - 1] as T), key(items[i] as T)) > 0) return [...items].sort(byText(key));
  }
  return [...items];
}

/** A sorted copy of the items, by their `name`. */
export function sortedByName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return sortedByText(items, (i) => i.name);
}
