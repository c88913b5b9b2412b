/**
 * A script stays a one-byte string when the model's type names have been used as property keys,
 * as the compiler, catalog and differ use them (SHAPES[type.name] and the like). V8 turns such a
 * string into a "thin" string, and Array.prototype.join over one builds a two-byte result, so
 * one column definition made the whole script two-byte: twice the memory to build, copy and
 * write (887bbf0: typeText writes the type table's own key instead). v8.serialize tags a
 * one-byte string '"' and a two-byte one 'c', which tells the two apart without native syntax.
 */
import * as v8 from 'v8';
import type { Plan } from '../../src/differ/changes';
import type { SqlType } from '../../src/model';
import { renderScript } from '../../src/emitters/tsql/script';
import { createTenantsUsersPlan } from './fixtures';

const isOneByte = (s: string): boolean => v8.serialize(s)[2] === 0x22;

/** A fresh copy of `s` that has then been used as a property key (so V8 made it thin). */
function usedAsKey(s: string): string {
  const keys: Record<string, true> = { [s]: true };
  const copy = Buffer.from(s, 'utf16le').toString('utf16le');
  void keys[copy];
  return copy;
}

/** The plan with every type name replaced by a copy that has been used as a property key. */
function withKeyedTypeNames(): Plan {
  const plan = createTenantsUsersPlan();
  const keyed = (type: SqlType): SqlType => ({ ...type, name: usedAsKey(type.name) as SqlType['name'] });
  return {
    ...plan,
    steps: plan.steps.map((step) => (step.change.kind !== 'createTable' ? step : {
      ...step,
      change: { ...step.change, table: { ...step.change.table, columns: step.change.table.columns.map((c) => ({ ...c, type: keyed(c.type) })) } },
    })),
  };
}

describe('scripts are one-byte strings', () => {
  it('(the premise: on this V8, joining a string used as a property key gives a two-byte string)', () => {
    expect(isOneByte(['[id]', 'int', 'NOT NULL'].join(' '))).toBe(true);
    expect(isOneByte(['[id]', usedAsKey('int'), 'NOT NULL'].join(' '))).toBe(false);
  });

  it('when the type names were used as property keys', () => {
    const plan = withKeyedTypeNames();
    const up = renderScript(plan, { direction: 'up', databaseName: 'app' }).text;
    expect(up).toContain('[login_count] int NOT NULL');
    expect(isOneByte(up)).toBe(true);
    expect(isOneByte(renderScript(plan, { direction: 'down', databaseName: 'app' }).text)).toBe(true);
  });
});
