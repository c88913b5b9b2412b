/**
 * The table being built: model pieces plus, for each, where it was written and whether its
 * name was generated, so later checks can point at the right place and word their message.
 */
import type { ts } from 'ts-morph';
import type {
  ChangeTracking,
  DataSpace, EdgeConstraint, GraphKind, Ledger,
  CheckConstraint, Column, DefaultConstraint, ForeignKey, Index, KeyConstraint, MemoryOptimized, ReferentialAction, RowstoreCompression, SystemVersioning, Table,
} from '../model';
import type { DiagnosticBag } from './diagnostics';
import { Codes } from './codes';
import type { NameKey } from '../sqlserver/names';
import type { Namer } from './names';
import type { SequenceResolver } from './sequences';
import type { ClassInfo } from './read-classes';
import type { StaticValue } from './static-value';
import type { DeclaredState } from './constraint-state';


/** An edge constraint before the tables its clauses name are known. */
export interface ConnectionDraft {
  readonly name: string;
  readonly origin: Origin;
  /** Each clause's `from` and `to` thunks, as written. */
  readonly clauses: readonly { readonly from: StaticValue | undefined; readonly to: StaticValue | undefined; readonly node: ts.Node }[];
  readonly onDelete: EdgeConstraint['onDelete'];
}

/** A column with the facts the builder needs beyond the model. */
export interface ColumnInfo {
  readonly column: Column;
  readonly field: string;
  readonly node: ts.Node;
  readonly softDelete: boolean;
  /** The column decorator has a `default` option (even one that was reported as invalid). */
  readonly declaresDefault: boolean;
}

/** Where a named model object came from. */
export interface Origin {
  readonly node: ts.Node;
  /** The name argument, when the user wrote one. */
  readonly nameNode: ts.Node | undefined;
  readonly generated: boolean;
  /** 'index', 'check constraint', ... for messages. */
  readonly what: string;
}

/** A foreign key before its target table is known. */
export interface ForeignKeyDraft {
  readonly name: string;
  readonly origin: Origin;
  readonly columns: readonly string[];
  readonly target: StaticValue;
  readonly referencedFields: StaticValue | undefined;
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly renamedFrom?: string;
  readonly notForReplication?: true;
  /** The declared `validate` / `enabled` (constraint-state.ts). */
  readonly state: DeclaredState;
}

/** A table under construction. */
export interface TableDraft {
  readonly info: ClassInfo;
  readonly chain: readonly ClassInfo[];
  readonly schema: string;
  readonly name: string;
  readonly renamedFrom: string | undefined;
  /** The schema of the previous name when it is another schema than the table's (a move). */
  readonly renamedFromSchema?: string;
  /** Makes the names the schema does not write (built-in or project templates). */
  readonly namer: Namer;
  readonly columns: ColumnInfo[];
  readonly byField: Map<string, ColumnInfo>;
  /** Name comparison of the database collation the schema compiles for. */
  readonly key: NameKey;
  /** Columns by name key. */
  readonly byName: Map<string, ColumnInfo>;
  primaryKey: KeyConstraint | null;
  /** False when the user left the primary key's clustering to the default (see settle step). */
  primaryKeyClusteringWritten: boolean;
  readonly uniques: KeyConstraint[];
  readonly indexes: Index[];
  readonly checks: CheckConstraint[];
  readonly defaults: DefaultConstraint[];
  readonly foreignKeyDrafts: ForeignKeyDraft[];
  readonly foreignKeys: ForeignKey[];
  readonly origins: Map<object, Origin>;
  /**
   * Where each storage option of an index, key or column was written (storage-options.ts), by
   * option name. Kept with the draft, not the model: the nodes hold their files' syntax trees.
   */
  readonly optionNodes: Map<object, Map<string, ts.Node>>;
  /** Columns (by name key) whose default a @DefaultName already named, and where. */
  readonly defaultNames: Map<string, Origin>;
  /** Finds the declared sequence of a `nextValueFor(seq)` default (absent: no sequences known). */
  readonly sequences?: SequenceResolver;
  /** DATA_COMPRESSION written on @Table (NONE left out), set once storage is settled. */
  dataCompression?: RowstoreCompression;
  /** XML_COMPRESSION = ON written on @Table, set once storage is settled. */
  xmlCompression?: true;
  /** The `on` option of each index or key as written, by name (placement.ts); absent: none written. */
  placements?: Map<string, StaticValue>;
  /** Where the table's rows live, set once placement is settled (placement.ts). */
  dataSpace?: DataSpace;
  /** SYSTEM_VERSIONING = ON, and where `systemVersioning` was written (temporal.ts). */
  versioning?: { readonly versioning: SystemVersioning; readonly node: ts.Node };
  /** LOCK_ESCALATION = AUTO | DISABLE written on @Table (TABLE, the default, left out). */
  lockEscalation?: 'AUTO' | 'DISABLE';
  /** ENABLE CHANGE_TRACKING, and where `changeTracking` was written (change-tracking.ts). */
  changeTracking?: { readonly value: ChangeTracking; readonly node: ts.Node };
  /** MEMORY_OPTIMIZED = ON, and where `memoryOptimized` was written (memory-optimized.ts). */
  memoryOptimized?: { readonly value: MemoryOptimized; readonly node: ts.Node };
  /** LEDGER = ON, where `ledger` (and its history) was written (ledger.ts). */
  ledger?: { readonly value: Ledger; readonly node: ts.Node; readonly historyNode?: ts.Node };
  /** AS NODE | AS EDGE, and where `graph` was written (graph.ts). */
  graph?: { readonly kind: GraphKind; readonly node: ts.Node };
  /** @Connection decorators, resolved to edgeConstraints once every table is known (graph.ts). */
  readonly connectionDrafts: ConnectionDraft[];
  readonly edgeConstraints: EdgeConstraint[];
  /** Written expressions whose column references are checked once every column is known. */
  readonly expressionChecks: { readonly text: string; readonly node: ts.Node; readonly what: string }[];
}

/** Resolves a field reference (`'email'` or `{ column: 'email', desc: true }`) to a column. */
export function resolveKeyColumn(
  draft: TableDraft, v: StaticValue, bag: DiagnosticBag, allowDesc: boolean,
): { name: string; descending: boolean } | null {
  let field: StaticValue | undefined = v;
  let descending = false;
  if (allowDesc && v.kind === 'object') {
    field = v.props.get('column');
    const desc = v.props.get('desc');
    descending = desc?.kind === 'boolean' && desc.value;
  }
  if (!field || field.kind !== 'string') {
    bag.error(Codes.notStatic, 'expected a field name of this table', (field ?? v).node);
    return null;
  }
  const col = draft.byField.get(field.value);
  if (!col) {
    bag.error(Codes.unknownColumn, `table ${draft.schema}.${draft.name} has no column for field '${field.value}'`, field.node);
    return null;
  }
  return { name: col.column.name, descending };
}

/** The finished model table. */
export function finishTable(d: TableDraft, source: Table['source']): Table {
  return {
    schema: d.schema,
    name: d.name,
    columns: d.columns.map((c) => c.column),
    primaryKey: d.primaryKey,
    uniqueConstraints: d.uniques,
    indexes: d.indexes,
    checks: d.checks,
    defaults: d.defaults,
    foreignKeys: d.foreignKeys,
    ...(d.versioning !== undefined ? { versioning: d.versioning.versioning } : {}),
    ...(d.memoryOptimized !== undefined ? { memoryOptimized: d.memoryOptimized.value } : {}),
    ...(d.graph !== undefined ? { graph: d.graph.kind } : {}),
    ...(d.ledger !== undefined ? { ledger: d.ledger.value } : {}),
    ...(d.lockEscalation !== undefined ? { lockEscalation: d.lockEscalation } : {}),
    ...(d.changeTracking !== undefined ? { changeTracking: d.changeTracking.value } : {}),
    ...(d.edgeConstraints.length > 0 ? { edgeConstraints: [...d.edgeConstraints].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) } : {}),
    ...(d.renamedFrom !== undefined ? { renamedFrom: d.renamedFrom } : {}),
    ...(d.renamedFromSchema !== undefined ? { renamedFromSchema: d.renamedFromSchema } : {}),
    ...(d.dataCompression !== undefined ? { dataCompression: d.dataCompression } : {}),
    ...(d.xmlCompression === true ? { xmlCompression: true } : {}),
    ...(d.dataSpace !== undefined ? { dataSpace: d.dataSpace } : {}),
    ...(source ? { source } : {}),
  };
}
