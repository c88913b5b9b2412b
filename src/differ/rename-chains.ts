/**
 * Declared renames that depend on each other: a chain (a -> b while b -> c) and a cycle (a -> b
 * while b -> a, a swap). Pairing by name alone would read a chain's middle name as unchanged
 * and a swap as nothing at all; these rules find which declared renames are still to be made.
 * Also the order they run in: a rename whose new name another one still holds waits for it, and
 * a cycle goes through a temporary name (a -> tmp, b -> a, tmp -> b), so each step is one
 * sp_rename with an exact inverse and the down script, the inverses in reverse order, undoes it.
 */
import type { NameKey } from '../sqlserver/names';

/** How the resolver sees one kind of named thing (columns of a table, tables of a schema, ...). */
export interface RenameSubjects<C, D> {
  readonly current: readonly C[];
  readonly desired: readonly D[];
  readonly currentName: (c: C) => string;
  readonly desiredName: (d: D) => string;
  readonly renamedFrom: (d: D) => string | undefined;
  /** Whether current `c` already has the definition desired `d` asks for (names aside). */
  readonly same: (c: C, d: D) => boolean;
  readonly key: NameKey;
}

/** What the resolver decided: declared renames still to make (desired -> current), and cycles it cannot decide. */
export interface PendingRenames<C, D> {
  readonly pairs: ReadonlyMap<D, C>;
  /** Declared cycles whose members have equal definitions: applied or not, the names look the same. */
  readonly undecidable: readonly (readonly string[])[];
}

/**
 * Declared renames that pairing by name would miss:
 * - a chain link d <- r is pending when d's current namesake (if any) is taken by a pending
 *   rename and r exists and is not claimed otherwise (so a -> b, b -> c with {a, b} present is
 *   two renames; with {b, c} present, none: it was applied);
 * - a cycle (every name present) is pending when each member's old object already has the
 *   definition its new name asks for, while pairing by name would not (after it is applied,
 *   pairing by name matches exactly, so the plan converges).
 */
export function pendingRenames<C, D>(s: RenameSubjects<C, D>): PendingRenames<C, D> {
  // Without a declared rename there is no chain and no cycle (the common case, checked per table).
  if (!s.desired.some((d) => s.renamedFrom(d) !== undefined)) return { pairs: new Map(), undecidable: [] };
  const currentBy = new Map(s.current.map((c) => [s.key(s.currentName(c)), c] as const));
  const desiredBy = new Map(s.desired.map((d) => [s.key(s.desiredName(d)), d] as const));
  const sourceOf = (d: D): C | undefined => {
    const from = s.renamedFrom(d);
    return from === undefined || s.key(from) === s.key(s.desiredName(d)) ? undefined : currentBy.get(s.key(from));
  };
  const pairs = new Map<D, C>();
  const taken = new Set<C>();
  const take = (d: D, c: C) => { pairs.set(d, c); taken.add(c); };

  // Chains, from their free end: a desired name the database lacks takes its declared source;
  // the desired object of that source's name then lost its namesake and may take its own.
  for (const d of s.desired) {
    let at: D | undefined = d;
    while (at !== undefined && !pairs.has(at)) {
      const namesake = currentBy.get(s.key(s.desiredName(at)));
      if (namesake !== undefined && !taken.has(namesake)) break;
      const source = sourceOf(at);
      if (source === undefined || taken.has(source)) break;
      take(at, source);
      at = desiredBy.get(s.key(s.currentName(source)));
    }
  }

  // Cycles: follow renamedFrom through names that exist on both sides back to the start.
  const undecidable: string[][] = [];
  const seen = new Set<D>();
  for (const start of s.desired) {
    if (seen.has(start) || pairs.has(start)) continue;
    const cycle: D[] = [];
    let at: D | undefined = start;
    while (at !== undefined && !seen.has(at) && !pairs.has(at)) {
      seen.add(at);
      cycle.push(at);
      const source = sourceOf(at);
      at = source === undefined ? undefined : desiredBy.get(s.key(s.currentName(source)));
    }
    if (at !== start || cycle.length < 2) continue;
    const renamedMatch = cycle.every((d) => { const c = sourceOf(d); return c !== undefined && !taken.has(c) && s.same(c, d); });
    const byNameMatch = cycle.every((d) => { const c = currentBy.get(s.key(s.desiredName(d))); return c !== undefined && s.same(c, d); });
    if (renamedMatch && !byNameMatch) for (const d of cycle) take(d, sourceOf(d) as C);
    else if (renamedMatch && byNameMatch) undecidable.push(cycle.map(s.desiredName));
  }
  return { pairs, undecidable };
}

/** One rename: `from` becomes `to`. */
export interface Move {
  readonly from: string;
  readonly to: string;
}

/**
 * The order in which renames inside one namespace can run: a rename waits while another pending
 * rename still holds its new name; when only cycles remain, one member moves to a temporary
 * name first (`tempName(to)`, free by construction of the caller) and finishes last.
 */
export function sequenceMoves(moves: readonly Move[], key: NameKey, tempName: (to: string) => string): Move[] {
  let pending = [...moves];
  const out: Move[] = [];
  while (pending.length > 0) {
    const held = new Set(pending.map((m) => key(m.from)));
    const ready = pending.filter((m) => !held.has(key(m.to)) || key(m.to) === key(m.from));
    if (ready.length > 0) {
      out.push(...ready);
      pending = pending.filter((m) => !ready.includes(m));
      continue;
    }
    const [first, ...rest] = pending as [Move, ...Move[]];
    const temp = tempName(first.to);
    out.push({ from: first.from, to: temp });
    pending = [{ from: temp, to: first.to }, ...rest];
  }
  return out;
}

/** A temporary name for a swap, within SQL Server's 128 characters: `<to>_schemac_swap`. */
export function swapName(to: string): string {
  const suffix = '_schemac_swap';
  return `${to.slice(0, 128 - suffix.length)}${suffix}`;
}
