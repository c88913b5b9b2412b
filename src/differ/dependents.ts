/**
 * Views, procedures, functions and triggers in the way of a plan (Database.modules, read from
 * the catalog; schemac never manages them). For every step that drops, renames or retypes a
 * column, or drops or renames a table:
 * - a module that uses it gets a `dependent-object` hazard on that step, naming it;
 * - a schema-bound view or function that binds it makes SQL Server refuse the step (5074/4922 on
 *   ALTER or DROP COLUMN, 3729 on DROP TABLE, 15336 on sp_rename; a move to another schema,
 *   ALTER SCHEMA ... TRANSFER, is refused like a rename). Where its stored definition
 *   still holds after the step (an ALTER COLUMN, or a column dropped and re-added under its
 *   name), the plan drops it (and the schema-bound modules over it, and an indexed view's
 *   indexes with it) first and re-creates it from that definition last, in the same transaction,
 *   with a `dependent-rebuild` hazard. Where it would not (the column or table goes or is
 *   renamed), the step is refused: schemac does not rewrite code it does not manage.
 * - a trigger of a dropped table is dropped explicitly first, so the down script re-creates it.
 * https://learn.microsoft.com/sql/t-sql/statements/create-view-transact-sql (SCHEMABINDING)
 */
import type { Change, Hazard, PlanStep, RefusedChange, TableRef } from './changes';
import { hazard, qualified } from './hazards';
import { namesBefore } from './names-before';
import { step } from './step';
import { tableKey, type NameKey } from '../sqlserver/names';
import { typeText } from '../sqlserver/types';
import type { Database, DependentModule, ModuleReference } from '../model';

/** What a step does to a table or column of the database as it is before the plan. */
export interface Touch {
  /** The table under its current (pre-plan) name. */
  readonly table: TableRef;
  /** The column under its current name; null when the whole table is touched. */
  readonly column: string | null;
  readonly action: 'drop' | 'rename' | 'retype' | 'alter';
  /** For a drop: the column comes back under the same name later in the plan (a replacement). */
  readonly readded: boolean;
  /** The phrase hazards end with: "which this step drops". */
  readonly phrase: string;
}

const WORD: Record<DependentModule['type'], string> = { V: 'view', P: 'procedure', FN: 'function', IF: 'function', TF: 'function', TR: 'trigger' };

/** A view or function whose definition SQL Server binds (the only kinds that can be schema-bound). */
function binds(m: DependentModule, r: ModuleReference): boolean {
  return m.schemaBound && r.schemaBound;
}

/** Why a module cannot be re-created from its stored definition, or null when it can. */
function cannotRecreate(m: DependentModule, key: NameKey): string | null {
  if (m.definition === null) return `${WORD[m.type]} ${qualified(m)} has no readable definition (WITH ENCRYPTION, or VIEW DEFINITION not granted)`;
  const named = m.definedName;
  // sp_rename does not change sys.sql_modules.definition: such a text re-creates the old name.
  // https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql
  if (named === null || key(named.name) !== key(m.name) || (named.schema !== null && key(named.schema) !== key(m.schema))
    || (named.schema === null && key(m.schema) !== key('dbo'))) {
    return `the stored definition of ${WORD[m.type]} ${qualified(m)} does not create it under that name (renamed with sp_rename?)`;
  }
  return null;
}

/** The touches of every step, mapping names back to what they are before the plan. */
export function touchesOf(steps: readonly PlanStep[], key: NameKey): Map<number, Touch> {
  const names = namesBefore(steps, key);
  const tableRenames = steps.flatMap((s) => (s.change.kind === 'renameTable' ? [s.change] : []));
  const added = new Set(steps.flatMap((s) => (s.change.kind === 'addColumn' ? [`${tableKey(key, s.change.table.schema, s.change.table.name)}\u0000${key(s.change.column.name)}`] : [])));

  const out = new Map<number, Touch>();
  steps.forEach((s, i) => {
    const c = s.change;
    switch (c.kind) {
      case 'dropColumn': {
        // Drops run before renames: the step names the table as it is now. A re-add uses the new name.
        const readded = tableRenames.some((r) => key(r.from) === key(c.table.name) && key(r.schema) === key(c.table.schema)
          && added.has(`${tableKey(key, r.schema, r.to)}\u0000${key(c.column.name)}`)) || added.has(`${tableKey(key, c.table.schema, c.table.name)}\u0000${key(c.column.name)}`);
        out.set(i, { table: c.table, column: c.column.name, action: 'drop', readded, phrase: readded ? 'which this step drops and the plan adds again' : 'which this step drops' });
        return;
      }
      case 'alterColumn': {
        const t = names.table(c.table);
        const retyped = typeText(c.from.type) !== typeText(c.to.type) || c.from.collation !== c.to.collation;
        out.set(i, {
          table: t, column: names.column(c.table, c.from.name), action: retyped ? 'retype' : 'alter', readded: false,
          phrase: retyped ? `which changes from ${typeText(c.from.type)} to ${typeText(c.to.type)}${c.from.collation !== c.to.collation ? ' (collation too)' : ''}` : 'which this step alters',
        });
        return;
      }
      case 'renameColumn':
        out.set(i, { table: names.table(c.table), column: c.from, action: 'rename', readded: false, phrase: `which this step renames to ${c.to}` });
        return;
      case 'dropTable':
        out.set(i, { table: { schema: c.table.schema, name: c.table.name }, column: null, action: 'drop', readded: false, phrase: 'which this step drops' });
        return;
      case 'renameTable':
        out.set(i, { table: names.unmoved({ schema: c.schema, name: c.from }), column: null, action: 'rename', readded: false, phrase: `which this step renames to ${c.to}` });
        return;
      // SQL Server refuses to move a table a schema-bound object binds, as it refuses a rename;
      // other modules keep naming the old schema and fail when they next run.
      case 'transferTable':
        out.set(i, { table: { schema: c.from, name: c.name }, column: null, action: 'rename', readded: false, phrase: `which this step moves to schema ${c.to}` });
        return;
      default:
        return;
    }
  });
  return out;
}

/** The references of `m` that `touch` hits. */
function hits(m: DependentModule, touch: Touch, key: NameKey): ModuleReference[] {
  return m.references.filter((r) => r.isTable && key(r.schema) === key(touch.table.schema) && key(r.name) === key(touch.table.name)
    && (touch.column === null || r.columnsFrom === 'unknown' || r.columns.some((c) => key(c) === key(touch.column as string))));
}

/** "reads dbo.users.email" / "uses dbo.users (its columns are unknown)". */
function usePhrase(r: ModuleReference, touch: Touch): string {
  const target = touch.column === null ? qualified(touch.table) : `${qualified(touch.table)}.${touch.column}`;
  return r.columnsFrom === 'unknown' && touch.column !== null ? `uses ${qualified(touch.table)} (its columns cannot be read)` : `reads ${target}`;
}

/** Schema-bound modules over `m`, transitively, in drop order (the outermost first). */
function closure(start: readonly DependentModule[], all: readonly DependentModule[], key: NameKey): DependentModule[] {
  const order: DependentModule[] = [];
  const seen = new Set<DependentModule>();
  const visit = (m: DependentModule): void => {
    if (seen.has(m)) return;
    seen.add(m);
    for (const over of all) {
      if (over.references.some((r) => !r.isTable && binds(over, r) && key(r.schema) === key(m.schema) && key(r.name) === key(m.name))) visit(over);
    }
    order.push(m);
  };
  for (const m of start) visit(m);
  // visit() appends a module after everything over it: the outermost comes first.
  return order;
}

/** The plan's steps with hazards naming dependent modules, drops and re-creations around them, and refusals. */
export function planAroundDependents(steps: readonly PlanStep[], current: Database, key: NameKey): { steps: PlanStep[]; refused: RefusedChange[] } {
  const modules = current.modules ?? [];
  if (modules.length === 0) return { steps: [...steps], refused: [] };
  const touches = touchesOf(steps, key);
  const refused: RefusedChange[] = [];
  const refusedTables = new Set<string>();
  const refusedSteps = new Set<number>();
  const rebuild = new Set<DependentModule>();
  const rebuildReasons = new Map<DependentModule, string[]>();
  const extra = new Map<number, Hazard[]>();
  const triggersDropped: DependentModule[] = [];

  for (const [i, touch] of touches) {
    const s = steps[i] as PlanStep;
    const hazards: Hazard[] = [];
    for (const m of modules) {
      const hit = hits(m, touch, key);
      if (hit.length === 0) continue;
      // A trigger of a dropped table goes with it (below), whatever its body reads.
      if (s.change.kind === 'dropTable' && m.type === 'TR' && m.parent !== null && key(m.parent.schema) === key(touch.table.schema) && key(m.parent.name) === key(touch.table.name)) continue;
      const bound = hit.some((r) => binds(m, r));
      if (bound && (touch.action === 'retype' || touch.action === 'alter' || (touch.action === 'drop' && touch.readded && touch.column !== null))) {
        rebuild.add(m);
        const what = touch.column === null ? qualified(touch.table) : `${qualified(touch.table)}.${touch.column}`;
        rebuildReasons.set(m, [...(rebuildReasons.get(m) ?? []), what]);
        continue;
      }
      if (bound) {
        refusedSteps.add(i);
        const what = describeStep(s.change, touch);
        refused.push({ table: touch.table, change: what,
          reason: `schema-bound ${WORD[m.type]} ${qualified(m)} ${usePhrase(hit[0] as ModuleReference, touch)}: SQL Server refuses the change while it exists, and its definition would not survive it; change or drop ${qualified(m)} first` });
        if (s.change.kind === 'dropTable') refusedTables.add(tableKey(key, touch.table.schema, touch.table.name));
        break;
      }
      if (touch.action === 'alter') continue; // nullability only: what reads the column still works
      hazards.push(hazard('dependent-object', `${WORD[m.type]} ${qualified(m)} ${usePhrase(hit[0] as ModuleReference, touch)}, ${touch.phrase}`));
    }
    if (s.change.kind === 'dropTable' && !refusedSteps.has(i)) {
      for (const m of modules) {
        if (m.type !== 'TR' || m.parent === null || key(m.parent.schema) !== key(touch.table.schema) || key(m.parent.name) !== key(touch.table.name)) continue;
        triggersDropped.push(m);
      }
    }
    if (hazards.length > 0) extra.set(i, hazards);
  }

  // Everything that must be re-created, and the schema-bound modules over those; one that cannot
  // be re-created refuses the steps that needed it.
  const rebuilt = closure([...rebuild], modules, key);
  const blocked = rebuilt.map((m) => ({ m, why: cannotRecreate(m, key) })).filter((x) => x.why !== null);
  if (blocked.length > 0) {
    for (const [i, touch] of touches) {
      if (!modules.some((m) => rebuild.has(m) && hits(m, touch, key).some((r) => binds(m, r)))) continue;
      refusedSteps.add(i);
      refused.push({ table: touch.table, change: describeStep((steps[i] as PlanStep).change, touch),
        reason: `it needs schema-bound objects dropped and re-created, and ${blocked.map((b) => b.why).join('; ')}` });
    }
  }
  const recreate = blocked.length > 0 ? [] : rebuilt;

  const kept = keptSteps(steps, refusedSteps, refusedTables, extra, key);
  // A module in the closure only because it binds another one re-created here says which.
  for (const m of recreate) {
    if (rebuildReasons.has(m)) continue;
    const under = m.references.filter((r) => !r.isTable && recreate.some((o) => key(o.schema) === key(r.schema) && key(o.name) === key(r.name)));
    rebuildReasons.set(m, under.map((r) => `${qualified(r)}, re-created too`));
  }
  const drops = [
    ...recreate.map((m) => step({ kind: 'dropModule', module: m }, [hazard('dependent-rebuild', rebuildText(m, rebuildReasons.get(m) ?? []))])),
    ...triggersDropped.map((m) => step({ kind: 'dropModule', module: m }, [hazard('dependent-object',
      `trigger ${qualified(m)} is on ${qualified(m.parent as TableRef)}, which the plan drops: it goes with it (the down script re-creates it)`)])),
  ];
  const creates = [...recreate].reverse().map((m) => step({ kind: 'createModule', module: m }));
  return { steps: [...drops, ...kept, ...creates], refused };
}

function rebuildText(m: DependentModule, what: readonly string[]): string {
  const bound = what.length > 0 ? `it binds ${[...new Set(what)].join(', ')}` : 'it binds an object re-created in this plan';
  const indexes = m.indexes.length > 0 ? `; its indexes ${m.indexes.map((i) => i.name).join(', ')} are built again (the view is materialized again)` : '';
  return `schema-bound ${WORD[m.type]} ${qualified(m)} is dropped and re-created from its stored definition around the change (${bound})${indexes}`;
}

/**
 * The steps left once `refused` (step indexes) are taken out, with everything done to a table
 * whose drop is refused (its FKs and indexes), and the `extra` hazards added to each step's own.
 */
export function keptSteps(steps: readonly PlanStep[], refused: ReadonlySet<number>, refusedTables: ReadonlySet<string>, extra: ReadonlyMap<number, readonly Hazard[]>, key: NameKey): PlanStep[] {
  const kept: PlanStep[] = [];
  steps.forEach((s, i) => {
    if (refused.has(i)) return;
    const c = s.change;
    const ref = 'table' in c && c.kind !== 'createTable' && c.kind !== 'dropTable' ? c.table : null;
    if (ref !== null && refusedTables.has(tableKey(key, ref.schema, ref.name))) return;
    const more = extra.get(i);
    kept.push(more === undefined ? s : { ...s, hazards: [...s.hazards, ...more] });
  });
  return kept;
}

/** "drop column email" / "drop table dbo.users": how a refused step reads. */
export function describeStep(c: Change, touch: Touch): string {
  switch (c.kind) {
    case 'dropColumn': return `drop column ${touch.column ?? ''}`;
    case 'renameColumn': return `rename column ${c.from} to ${c.to}`;
    case 'alterColumn': return `alter column ${c.to.name}`;
    case 'dropTable': return `drop table ${qualified(touch.table)}`;
    case 'renameTable': return `rename table ${qualified(touch.table)} to ${c.to}`;
    case 'transferTable': return `move table ${qualified(touch.table)} to schema ${c.to}`;
    default: return c.kind;
  }
}
