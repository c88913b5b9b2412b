/**
 * Is the migrations folder what was generated and reviewed? schemac.sum catches an edited,
 * added, removed or reordered migration; the parent each after.json names catches two branches
 * that both added a migration after the same one (a merge leaves both, each built on a state
 * that no longer comes right before it), as Alembic's "multiple heads" and Atlas's sum do.
 */
import * as path from 'path';
import { SUM_FILE } from './layout';
import type { MigrationsOnDisk } from './directory';
import { listHash } from './sum';

/** One way the folder is not what was generated; each refuses apply and new. */
export type IntegrityProblem =
  | { readonly kind: 'no-sum' }
  | { readonly kind: 'list-hash' }
  | { readonly kind: 'edited'; readonly id: string }
  | { readonly kind: 'unlisted'; readonly id: string }
  | { readonly kind: 'missing'; readonly id: string }
  | { readonly kind: 'reordered'; readonly id: string }
  | { readonly kind: 'conflict'; readonly id: string; readonly parent: string | null; readonly expected: string | null; readonly siblings: readonly string[] };

/** Checks the sum and the parent chain; `parents` maps each id to the parent its after.json names. */
export function checkIntegrity(disk: MigrationsOnDisk, parents: ReadonlyMap<string, string | null>): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  problems.push(...checkSum(disk));
  problems.push(...checkChain(disk.folders.map((f) => f.id), parents));
  return problems;
}

function checkSum(disk: MigrationsOnDisk): IntegrityProblem[] {
  if (disk.sum === null) return disk.folders.length === 0 ? [] : [{ kind: 'no-sum' }];
  const problems: IntegrityProblem[] = [];
  if (listHash(disk.sum.entries) !== disk.sum.total) problems.push({ kind: 'list-hash' });
  const listed = new Map(disk.sum.entries.map((e, i) => [e.id, { hash: e.hash, position: i }]));
  const onDisk = new Set(disk.folders.map((f) => f.id));
  for (const f of disk.folders) {
    const entry = listed.get(f.id);
    if (entry === undefined) problems.push({ kind: 'unlisted', id: f.id });
    else if (entry.hash !== f.hash) problems.push({ kind: 'edited', id: f.id });
  }
  for (const e of disk.sum.entries) if (!onDisk.has(e.id)) problems.push({ kind: 'missing', id: e.id });
  // The listed ids still on disk must come in the folders' order.
  const listedOrder = disk.sum.entries.map((e) => e.id).filter((id) => onDisk.has(id));
  const diskOrder = disk.folders.map((f) => f.id).filter((id) => listed.has(id));
  const firstOff = listedOrder.findIndex((id, i) => diskOrder[i] !== id);
  if (firstOff >= 0) problems.push({ kind: 'reordered', id: diskOrder[firstOff] as string });
  return problems;
}

function checkChain(ids: readonly string[], parents: ReadonlyMap<string, string | null>): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const children = new Map<string | null, string[]>();
  for (const id of ids) {
    const parent = parents.get(id) ?? null;
    children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  ids.forEach((id, i) => {
    const expected = i === 0 ? null : (ids[i - 1] as string);
    const parent = parents.get(id) ?? null;
    if (parent !== expected) {
      problems.push({ kind: 'conflict', id, parent, expected, siblings: (children.get(parent) ?? []).filter((x) => x !== id) });
    }
  });
  return problems;
}

/** One line per problem, saying what happened and what to do. */
export function describeProblem(p: IntegrityProblem, disk: MigrationsOnDisk): string {
  const sum = path.join(disk.shown, SUM_FILE);
  switch (p.kind) {
    case 'no-sum':
      return `${sum} is missing: the migrations cannot be checked for edits; run \`schemac migrate hash\` if they are as reviewed`;
    case 'list-hash':
      return `${sum} was edited by hand (its first line does not match the list); run \`schemac migrate hash\` after checking the migrations`;
    case 'edited':
      return `migration ${p.id} was edited after it was generated (its files do not match ${sum}); if the edit is deliberate and reviewed, run \`schemac migrate hash\``;
    case 'unlisted':
      return `migration ${p.id} is not in ${sum}: it was not made by \`schemac migrate new\` or the sum was not committed; run \`schemac migrate hash\` if it is reviewed`;
    case 'missing':
      return `migration ${p.id} is in ${sum} but its folder is gone; restore it (a migration that may have been applied must not disappear)`;
    case 'reordered':
      return `migration ${p.id} is not where ${sum} lists it: migrations were renamed or reordered`;
    case 'conflict': {
      const made = p.parent === null ? 'from an empty database' : `after ${p.parent}`;
      const other = p.siblings.length > 0 ? `, like ${p.siblings.join(', ')} (two branches each added a migration)` : '';
      const wants = p.expected === null ? 'it is now the first migration' : `it now comes after ${p.expected}`;
      return `migration ${p.id} was made ${made}${other}, but ${wants}: its up.sql was planned against another state. Delete ${path.join(disk.shown, p.id)}, run \`schemac migrate hash\`, then \`schemac migrate new\` again on top of the merged migrations`;
    }
  }
}
