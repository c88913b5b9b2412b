/**
 * A bounded memo keyed by expression text. The same definitions recur on every table of a
 * schema and of a catalog ('(getdate())', '((0))', '([is_deleted]=(0))', ...): each distinct text
 * is read once per process instead of once per occurrence. Results are immutable trees and
 * strings, so sharing them is safe. The bound keeps a long-running process (watch, an API host)
 * from growing without end: when it is reached the memo starts over.
 */
export class TextMemo<V> {
  private readonly values = new Map<string, V>();

  /** `limit`: how many texts to keep; `maxLength`: longer texts are computed every time (rare, large). */
  constructor(private readonly limit: number, private readonly maxLength: number) {}

  /**
   * The value for `text`, computed by `compute` the first time (and again after a reset).
   * `keep` says whether a value may be reused: an internal failure (a stack overflow depends on
   * where it was called from) is computed again next time.
   */
  get(text: string, compute: (text: string) => V, keep: (value: V) => boolean = () => true): V {
    const known = this.values.get(text);
    if (known !== undefined) return known;
    const value = compute(text);
    if (text.length <= this.maxLength && keep(value)) {
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(text, value);
    }
    return value;
  }
}
