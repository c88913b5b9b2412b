/**
 * Stand-alone defaults and rules bound to columns and alias types (CREATE DEFAULT + sp_bindefault,
 * CREATE RULE + sp_bindrule): deprecated features schema files cannot declare. The reader puts
 * them on the columns and alias types they are bound to, so the differ can unbind and bind them
 * again around what SQL Server refuses while they are bound, and names each once, as an info
 * finding (SC3001, as other objects schemac keeps but does not model).
 * sys.columns.default_object_id holds a DEFAULT constraint's id as well: only ids listed in
 * default_rule_objects (type D with parent_object_id 0) are bound defaults.
 * https://learn.microsoft.com/sql/relational-databases/system-catalog-views/sys-columns-transact-sql
 * https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-bindefault-transact-sql
 */
import type { BoundObject, Diagnostic } from '../model';
import { CatalogCodes } from './codes';
import type { DefaultRuleObjectRow } from './snapshot-types';

/** The bound default and rule of one column or alias type, set only when bound. */
export interface Bindings {
  boundDefault?: BoundObject;
  boundRule?: BoundObject;
}

/** Reads the bindings of rows that carry default_object_id / rule_object_id, and reports them once each. */
export interface BindingReader {
  /** The bindings of a column or alias type row; `where` names it in the finding (`dbo.t.c`, `type dbo.Flag`). */
  of(row: { readonly default_object_id?: number | null; readonly rule_object_id?: number | null }, where: string): Bindings;
  /** One info finding per bound object, naming what it is bound to. */
  report(diagnostics: Diagnostic[]): void;
}

/** A reader over the snapshot's default_rule_objects (none in an older snapshot: nothing is bound). */
export function bindingReader(rows: readonly DefaultRuleObjectRow[] | undefined): BindingReader {
  const byId = new Map<number, { readonly row: DefaultRuleObjectRow; readonly object: BoundObject; readonly to: string[] }>();
  for (const r of rows ?? []) {
    byId.set(r.object_id, { row: r, object: { schema: r.schema_name, name: r.name, definition: r.definition }, to: [] });
  }
  const find = (id: number | null | undefined, type: 'D' | 'R', where: string): BoundObject | undefined => {
    if (id === null || id === undefined || id === 0) return undefined;
    const found = byId.get(id);
    if (found === undefined || found.row.type.trim().toUpperCase() !== type) return undefined;
    found.to.push(where);
    return found.object;
  };
  return {
    of(row, where) {
      if (byId.size === 0) return {};
      const out: Bindings = {};
      const d = find(row.default_object_id, 'D', where);
      if (d !== undefined) out.boundDefault = d;
      const r = find(row.rule_object_id, 'R', where);
      if (r !== undefined) out.boundRule = r;
      return out;
    },
    report(diagnostics) {
      for (const { row, to } of byId.values()) {
        if (to.length === 0) continue;
        const kind = row.type.trim().toUpperCase() === 'R' ? 'rule' : 'default';
        diagnostics.push({
          code: CatalogCodes.opaqueObject,
          severity: 'info',
          message: `${kind} ${row.schema_name}.${row.name} (CREATE ${kind.toUpperCase()}, deprecated) is bound to ${to.join(', ')}: schema files do not declare it; `
            + `schemac keeps it, and unbinds and binds it again around the steps SQL Server refuses while it is bound`,
        });
      }
    },
  };
}
