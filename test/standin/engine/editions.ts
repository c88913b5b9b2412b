/**
 * The editions the stand-in can pretend to be, as SERVERPROPERTY reports them, and what each
 * allows. Sources: SERVERPROPERTY (learn.microsoft.com/sql/t-sql/functions/serverproperty-
 * transact-sql: EngineEdition 2 = Standard/Web/BI, 3 = Enterprise/Developer/Evaluation,
 * 4 = Express, 5 = Azure SQL Database; Edition text such as 'Standard Edition (64-bit)' and
 * 'SQL Azure'); "Online index operations are available only in SQL Server Enterprise,
 * Developer, and Evaluation editions" (learn.microsoft.com previous-versions ms177442), and
 * Azure SQL Database has them. Error 1712's text is as reported by users of Standard edition
 * (grate-devs/grate discussion 576; SQL Server 2019+ adds "or Azure SQL Edge").
 */
import type { AlterAction, ColumnDef, ConstraintDef, IndexDef } from './ast';
import { SqlError } from './errors';
import { catalogMajor } from './view-versions';

/** An edition a test can choose. */
export type StandinEdition = 'developer' | 'enterprise' | 'standard' | 'express' | 'azure';

/** What SERVERPROPERTY says of an edition, and whether it runs index operations online. */
export interface EditionFacts {
  readonly engineEdition: number;
  readonly name: string;
  readonly online: boolean;
}

/** Every edition the stand-in knows. */
export const EDITIONS: Readonly<Record<StandinEdition, EditionFacts>> = {
  developer: { engineEdition: 3, name: 'Developer Edition (64-bit)', online: true },
  enterprise: { engineEdition: 3, name: 'Enterprise Edition: Core-based Licensing (64-bit)', online: true },
  standard: { engineEdition: 2, name: 'Standard Edition (64-bit)', online: false },
  express: { engineEdition: 4, name: 'Express Edition (64-bit)', online: false },
  azure: { engineEdition: 5, name: 'SQL Azure', online: true },
};

/** One WITH (...) option of an index or column statement, as written. */
export interface DdlOption {
  readonly name: string;
  readonly value: string;
  /** What followed the value in parentheses, e.g. WAIT_AT_LOW_PRIORITY (...). */
  readonly detail?: string;
}

/** A statement's options as the stand-in recorded them (tests read these). */
export interface RecordedOptions {
  readonly statement: string;
  readonly options: readonly DdlOption[];
}

/** Msg 1712 where the edition has no online operations. */
export function checkOnline(edition: EditionFacts, options: readonly DdlOption[] | undefined): void {
  const online = options?.find((o) => o.name.toUpperCase() === 'ONLINE');
  if (online === undefined || online.value.toUpperCase() !== 'ON' || edition.online) return;
  throw new SqlError(1712, 16, 1, 'Online index operations can only be performed in Enterprise edition of SQL Server.');
}

/**
 * Options a later SQL Server added, by the first major version that knows them: XML_COMPRESSION
 * ("Applies to: SQL Server 2022 (16.x) and later versions, Azure SQL Database, and Azure SQL
 * Managed Instance", create-table-transact-sql.md) and OPTIMIZE_FOR_SEQUENTIAL_KEY ("Applies to:
 * SQL Server 2019 (15.x) and later versions, Azure SQL Database, and Azure SQL Managed Instance",
 * create-index-transact-sql.md; users of SQL Server 2017 report CREATE TABLE refusing it, e.g.
 * github.com/CEDStandards/CEDS-Data-Warehouse issue 76). An older server does not know the option;
 * Azure SQL runs the newest engine whatever version it reports (view-versions.ts catalogMajor).
 * Number and wording inferred (SQL Server's words for an option it does not recognize).
 */
const NEWER_OPTIONS: Readonly<Record<string, number>> = { XML_COMPRESSION: 16, OPTIMIZE_FOR_SEQUENTIAL_KEY: 15 };

/** Msg 155 for the first option in `options` the reported version does not have yet. */
export function checkNewerOptions(productVersion: string, edition: EditionFacts, options: readonly DdlOption[] | undefined): void {
  const major = catalogMajor(productVersion, edition.engineEdition);
  const unknown = options?.find((o) => (NEWER_OPTIONS[o.name.toUpperCase()] ?? 0) > major);
  if (unknown !== undefined) throw new SqlError(155, 15, 1, `'${unknown.name.toUpperCase()}' is not a recognized option.`);
}

/** The WITH (...) options of CREATE TABLE's keys and inline indexes, column-level ones too. */
export function createTableKeyOptions(s: { readonly columns: readonly ColumnDef[]; readonly constraints: readonly ConstraintDef[]; readonly indexes?: readonly IndexDef[] }): DdlOption[] {
  const keys = [...s.constraints, ...s.columns.flatMap((c) => c.constraints)];
  return [...keys.flatMap((c) => (c.k === 'pk' || c.k === 'unique' ? [...(c.options ?? [])] : [])), ...(s.indexes ?? []).flatMap((i) => [...(i.options ?? [])]), ...s.columns.flatMap((c) => (c.indexes ?? []).flatMap((i) => [...(i.options ?? [])]))];
}

/** The WITH (...) options of an ALTER TABLE action: ALTER COLUMN's, or those of added keys. */
export function ddlOptionsOf(action: AlterAction): DdlOption[] {
  if (action.k === 'alterColumn') return [...action.options];
  if (action.k === 'addConstraints' || action.k === 'addColumns') return (action.constraints ?? []).flatMap((c) => (c.k === 'pk' || c.k === 'unique' ? [...(c.options ?? [])] : []));
  if (action.k === 'dropItems') return action.actions.flatMap(ddlOptionsOf);
  if (action.k === 'dropConstraints') return [...(action.options?.values() ?? [])].flat();
  if (action.k === 'rebuild' || action.k === 'rebuildIndex' || action.k === 'setIndexOptions' || action.k === 'resumableIndex') return [...action.options];
  return [];
}
