/** Exhaustiveness for discriminated unions: a switch's default calls this with the `never` left over. */

/** Throws naming the unexpected value; the type system makes the call unreachable. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`schemac: unexpected ${what}: ${JSON.stringify(value)}`);
}
