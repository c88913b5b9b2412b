/**
 * Foreign-key drafts to model ForeignKeys once every table is known: the target must be a
 * table, the referenced columns default to its primary key and must be a primary or unique key
 * of it (SQL Server Msg 1776), and column types must match pairwise (Msg 1778).
 */
import type { ts } from 'ts-morph';
import { Codes } from './codes';
import type { NameKey } from '../sqlserver/names';
import { sameType, typeText } from '../sqlserver/types';
import type { DiagnosticBag } from './diagnostics';
import type { ClassReader } from './read-classes';
import { refOf } from './source-ref';
import { resolveKeyColumn, type TableDraft } from './table-draft';

function sameSet(key: NameKey, a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map(key));
  return a.length === b.length && x.size === b.length && b.every((n) => x.has(key(n)));
}

/** The column sets of the target that a foreign key may reference. */
function candidateKeys(t: TableDraft): string[][] {
  const keys = [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques].map((k) => k.columns.map((c) => c.name));
  for (const i of t.indexes) if (i.unique && !i.filter) keys.push(i.columns.map((c) => c.name));
  return keys;
}

/** Why SQL Server refuses a foreign key from `from` to `target`'s `refs` for memory-optimization, or null. */
function memoryForeignKeyProblem(from: TableDraft, target: TableDraft, refs: readonly string[]): string | null {
  const source = from.memoryOptimized !== undefined;
  const referenced = target.memoryOptimized !== undefined;
  if (!source && !referenced) return null;
  if (source !== referenced) {
    return `${from.schema}.${from.name} is ${source ? 'memory-optimized' : 'disk-based'} and ${target.schema}.${target.name} is ${referenced ? 'memory-optimized' : 'disk-based'}; SQL Server allows foreign keys between memory-optimized tables only`;
  }
  const pk = target.primaryKey;
  if (pk === null || !sameSet(target.key, pk.columns.map((c) => c.name), refs)) {
    return `a memory-optimized table may reference only the primary key of another memory-optimized table, and (${refs.join(', ')}) is not ${target.schema}.${target.name}'s primary key`;
  }
  return null;
}

/** Resolves every foreign-key draft of every table. */
export function resolveForeignKeys(
  drafts: readonly TableDraft[], byClass: ReadonlyMap<ts.ClassDeclaration, TableDraft>, reader: ClassReader, bag: DiagnosticBag,
): void {
  for (const d of drafts) {
    for (const fk of d.foreignKeyDrafts) {
      if (fk.target.kind !== 'class') {
        bag.error(Codes.notStatic, 'a foreign key target must be written () => SomeTable', fk.target.node);
        continue;
      }
      const target = byClass.get(fk.target.decl);
      if (!target) {
        // A table that failed to build (e.g. a mixin cycle) was reported already.
        if (reader.read(fk.target.decl).role !== 'table') {
          bag.error(Codes.unknownTable, `foreign key ${fk.name} targets ${fk.target.decl.name?.text ?? 'a class'}, which is not a @Table class`, fk.target.node);
        }
        continue;
      }
      let refs: string[];
      if (fk.referencedFields === undefined || fk.referencedFields.kind === 'null') {
        if (!target.primaryKey) {
          bag.error(Codes.foreignKeyShape, `foreign key ${fk.name}: table ${target.schema}.${target.name} has no primary key; name the referenced columns`, fk.target.node);
          continue;
        }
        refs = target.primaryKey.columns.map((c) => c.name);
      } else if (fk.referencedFields.kind === 'array') {
        const resolved = fk.referencedFields.items.map((v) => resolveKeyColumn(target, v, bag, false));
        if (resolved.some((r) => r === null)) continue;
        refs = resolved.map((r) => (r as { name: string }).name);
      } else {
        bag.error(Codes.notStatic, 'referenced columns must be an array literal of field names', fk.referencedFields.node);
        continue;
      }
      if (fk.columns.length === 0) continue;
      const at = fk.referencedFields?.node ?? fk.origin.node;
      if (refs.length !== fk.columns.length) {
        bag.error(Codes.foreignKeyShape, `foreign key ${fk.name} has ${fk.columns.length} column(s) but references ${refs.length}`, at);
        continue;
      }
      let typesOk = true;
      fk.columns.forEach((c, i) => {
        const from = d.byName.get(d.key(c))?.column.type;
        const to = target.byName.get(target.key(refs[i]))?.column.type;
        if (from && to && !sameType(from, to)) {
          typesOk = false;
          bag.error(Codes.foreignKeyShape, `foreign key ${fk.name}: column ${c} is ${typeText(from)} but ${target.name}.${refs[i]} is ${typeText(to)}; they must be the same type`, fk.origin.node);
        }
      });
      if (!typesOk) continue;
      // "FOREIGN KEY constraints are only supported for foreign keys referencing primary keys of other
      // memory-optimized tables" (transact-sql-constructs-not-supported-by-in-memory-oltp); a disk-based
      // table referencing a memory-optimized one is refused too (inferred from the same rule).
      const memoryProblem = memoryForeignKeyProblem(d, target, refs);
      if (memoryProblem !== null) {
        bag.error(Codes.memoryForeignKey, `foreign key ${fk.name}: ${memoryProblem}`, at);
        continue;
      }
      if (!candidateKeys(target).some((k) => sameSet(target.key, k, refs))) {
        bag.error(Codes.foreignKeyNotKey, `foreign key ${fk.name} references (${refs.join(', ')}) of ${target.schema}.${target.name}, which is not its primary key or a unique key`, at);
        continue;
      }
      const constraint = {
        name: fk.name, isSystemNamed: false, ...(fk.renamedFrom !== undefined ? { renamedFrom: fk.renamedFrom } : {}), columns: fk.columns,
        referencedSchema: target.schema, referencedTable: target.name, referencedColumns: refs,
        onDelete: fk.onDelete, onUpdate: fk.onUpdate, ...fk.state,
        ...(fk.notForReplication === true ? { notForReplication: true } : {}), source: refOf(fk.origin.node),
      };
      d.foreignKeys.push(constraint);
      d.origins.set(constraint, fk.origin);
    }
  }
}
