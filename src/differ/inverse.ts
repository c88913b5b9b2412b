/** The inverse of every change kind: what the down script runs to undo it. */
import type { Table } from '../model';
import { assertNever, type Change } from './changes';

/** A constraint SQL Server named is re-added unnamed, so it is system-named again (changes.ts, AddDefault). */
function unnamedAgain(constraint: { readonly isSystemNamed: boolean }): { systemNamed?: true } {
  return constraint.isSystemNamed ? { systemNamed: true } : {};
}

/** Whether a table holds a key, check or default SQL Server named (its foreign keys are steps of their own). */
function hasSystemNamed(t: Table): boolean {
  return [t.primaryKey, ...t.uniqueConstraints, ...t.checks, ...t.defaults].some((c) => c !== null && c.isSystemNamed);
}

/**
 * The change that undoes `change` structurally, or null when there is none (a backfill cannot
 * know which values were NULL). Callers that know better (a dropped column whose data is lost)
 * may still decide a step has no faithful inverse.
 */
export function invert(change: Change): Change | null {
  switch (change.kind) {
    case 'createSchema': return { kind: 'dropSchema', schema: change.schema };
    case 'dropSchema': return { kind: 'createSchema', schema: change.schema };
    case 'createType': return { kind: 'dropType', type: change.type };
    case 'dropType': return { kind: 'createType', type: change.type };
    case 'redefineType': return { kind: 'redefineType', from: change.to, to: change.from };
    case 'createTable': return { kind: 'dropTable', table: change.table };
    case 'dropTable': return { kind: 'createTable', table: change.table, ...(hasSystemNamed(change.table) ? { systemNamed: true } : {}) };
    case 'renameTable': return { kind: 'renameTable', schema: change.schema, from: change.to, to: change.from };
    case 'transferTable': return { ...change, from: change.to, to: change.from };
    case 'addColumn': case 'dropColumn': return { ...change, kind: change.kind === 'addColumn' ? 'dropColumn' : 'addColumn' };
    case 'renameColumn': return { kind: 'renameColumn', table: change.table, from: change.to, to: change.from };
    case 'alterColumn': return { kind: 'alterColumn', table: change.table, from: change.to, to: change.from };
    case 'backfillColumn': return null;
    case 'addDefault': return { kind: 'dropDefault', table: change.table, constraint: change.constraint };
    case 'dropDefault': return { kind: 'addDefault', table: change.table, constraint: change.constraint, ...unnamedAgain(change.constraint) };
    case 'addCheck': return { kind: 'dropCheck', table: change.table, constraint: change.constraint };
    case 'dropCheck': return { kind: 'addCheck', table: change.table, constraint: change.constraint, ...unnamedAgain(change.constraint) };
    case 'addPrimaryKey': return { kind: 'dropPrimaryKey', table: change.table, constraint: change.constraint };
    case 'dropPrimaryKey': return { kind: 'addPrimaryKey', table: change.table, constraint: change.constraint, ...unnamedAgain(change.constraint) };
    case 'addUnique': return { kind: 'dropUnique', table: change.table, constraint: change.constraint };
    case 'dropUnique': return { kind: 'addUnique', table: change.table, constraint: change.constraint, ...unnamedAgain(change.constraint) };
    case 'createIndex': return { kind: 'dropIndex', table: change.table, index: change.index, ...(change.memoryOptimized === true ? { memoryOptimized: true } : {}) };
    case 'dropIndex': return { kind: 'createIndex', table: change.table, index: change.index, ...(change.memoryOptimized === true ? { memoryOptimized: true } : {}) };
    case 'alterBucketCount': return { ...change, from: change.to, to: change.from };
    case 'redefineIndex': return { kind: 'redefineIndex', table: change.table, from: change.to, to: change.from };
    case 'addForeignKey': return { kind: 'dropForeignKey', table: change.table, constraint: change.constraint };
    case 'dropForeignKey': return { kind: 'addForeignKey', table: change.table, constraint: change.constraint, ...unnamedAgain(change.constraint) };
    case 'addEdgeConstraint': return { kind: 'dropEdgeConstraint', table: change.table, constraint: change.constraint };
    case 'dropEdgeConstraint': return { kind: 'addEdgeConstraint', table: change.table, constraint: change.constraint };
    case 'renameConstraint':
      return { kind: 'renameConstraint', table: change.table, objectType: change.objectType, from: change.to, to: change.from };
    case 'revalidateConstraint':
      return change.wasDisabled === true
        ? { kind: 'disableConstraint', table: change.table, name: change.name, wasTrusted: true }
        : { kind: 'untrustConstraint', table: change.table, name: change.name };
    case 'untrustConstraint': return { kind: 'revalidateConstraint', table: change.table, name: change.name };
    case 'disableConstraint':
      return change.wasTrusted
        ? { kind: 'revalidateConstraint', table: change.table, name: change.name, wasDisabled: true }
        : { kind: 'enableConstraint', table: change.table, name: change.name };
    case 'enableConstraint': return { kind: 'disableConstraint', table: change.table, name: change.name, wasTrusted: false };
    case 'createSequence': return { kind: 'dropSequence', sequence: change.sequence };
    case 'dropSequence': return { kind: 'createSequence', sequence: change.sequence };
    case 'alterSequence': return { kind: 'alterSequence', from: change.to, to: change.from };
    case 'recreateSequence': return { kind: 'recreateSequence', from: change.to, to: change.from };
    case 'rebuildCompression': return {
      kind: 'rebuildCompression', table: change.table, index: change.index, from: change.to, to: change.from,
      ...(change.xml !== undefined ? { xml: { from: change.xml.to, to: change.xml.from } } : {}),
    };
    case 'moveHeap': return { ...change, from: change.to, to: change.from };
    case 'setLockEscalation': return { ...change, from: change.to, to: change.from };
    case 'enableChangeTracking': return { ...change, kind: 'disableChangeTracking' };
    case 'disableChangeTracking': return { ...change, kind: 'enableChangeTracking' };
    case 'setIgnoreDupKey': return { kind: 'setIgnoreDupKey', table: change.table, index: change.index, to: !change.to };
    case 'rebuildIndexOptions': {
      const { compression, xmlCompression, ...rest } = change;
      return {
        ...rest, from: change.to, to: change.from, ...(compression !== undefined ? { compression: { from: compression.to, to: compression.from } } : {}),
        ...(xmlCompression !== undefined ? { xmlCompression: { from: xmlCompression.to, to: xmlCompression.from } } : {}),
      };
    }
    case 'setIndexOptions': return { ...change, from: change.to, to: change.from };
    case 'setSparse': return { kind: 'setSparse', table: change.table, column: change.column, sparse: !change.sparse };
    case 'setRowGuidCol': return { ...change, rowguidcol: !change.rowguidcol };
    case 'setMask': return { ...change, from: change.to, to: change.from };
    case 'setNotForReplication': return { ...change, notForReplication: !change.notForReplication };
    case 'dropModule': return { kind: 'createModule', module: change.module };
    case 'createModule': return { kind: 'dropModule', module: change.module };
    case 'dropSecurityPolicy': return { kind: 'createSecurityPolicy', policy: change.policy };
    case 'createSecurityPolicy': return { kind: 'dropSecurityPolicy', policy: change.policy };
    // Undone by refreshing again once the down script has undone the table changes (scriptOrder).
    case 'refreshModule': return change;
    case 'dropStatistics': return { kind: 'createStatistics', table: change.table, statistics: change.statistics };
    case 'createStatistics': return { kind: 'dropStatistics', table: change.table, statistics: change.statistics };
    case 'unbindColumn': return { ...change, kind: 'bindColumn' };
    case 'bindColumn': return { ...change, kind: 'unbindColumn' };
    case 'unbindType': return { ...change, kind: 'bindType' };
    case 'bindType': return { ...change, kind: 'unbindType' };
    case 'setDescription': return { ...change, from: change.to, to: change.from };
    case 'addPeriod': return { ...change, kind: 'dropPeriod' };
    case 'dropPeriod': return { ...change, kind: 'addPeriod' };
    // A history table the step created is dropped again; one it found is kept (and found again).
    case 'enableVersioning': return { kind: 'disableVersioning', table: change.table, versioning: change.versioning, dropHistory: !change.historyExists };
    case 'disableVersioning': return { kind: 'enableVersioning', table: change.table, versioning: change.versioning, historyExists: !change.dropHistory };
    case 'alterRetention': return { ...change, from: change.to, to: change.from };
    case 'alterPeriodHidden': return { ...change, hidden: !change.hidden };
    default: return assertNever(change, 'change kind');
  }
}
