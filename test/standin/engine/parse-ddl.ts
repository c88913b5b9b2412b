/** The DDL layer of the parser: CREATE/DROP/ALTER TABLE, indexes, constraints, column definitions. */
import type { AlterAction, ColumnDef, ConstraintDef, Expr, IndexDef, LedgerDef, Name, PeriodDef, RefAction, SpatialDef, StatementBody, StatisticsOption, TypeRef, VersioningDef } from './ast';
import type { DdlOption } from './editions';
import { SequenceParser } from './parse-sequence';
import type { ChangeTrackingOptions, RetentionUnit } from './change-tracking';
import { SqlError } from './errors';

/** The WITH options of CREATE / UPDATE STATISTICS (create-statistics-transact-sql.md, update-statistics-transact-sql.md). */
const STATISTICS_OPTIONS = new Set(['FULLSCAN', 'SAMPLE', 'RESAMPLE', 'NORECOMPUTE', 'INCREMENTAL', 'PERSIST_SAMPLE_PERCENT', 'AUTO_DROP', 'MAXDOP', 'ALL', 'COLUMNS', 'INDEX', 'STATS_STREAM', 'ROWCOUNT', 'PAGECOUNT']);

/** create-index-transact-sql.md's <backward_compatible_index_option>, written without parentheses. */
const LEGACY_INDEX_OPTIONS = new Set(['PAD_INDEX', 'FILLFACTOR', 'SORT_IN_TEMPDB', 'IGNORE_DUP_KEY', 'STATISTICS_NORECOMPUTE', 'DROP_EXISTING']);

/** Parses DDL statements. */
export class DdlParser extends SequenceParser {
  protected create(): StatementBody {
    this.expect('CREATE');
    if (this.isModuleStart()) return this.createModule();
    if (this.accept('SCHEMA')) {
      const name = this.ident();
      if (this.accept('AUTHORIZATION')) this.ident();
      return { k: 'createSchema', name };
    }
    if (this.accept('TABLE')) return this.createTable();
    if (this.accept('STATISTICS')) return this.createStatistics();
    if (this.up() === 'DEFAULT' || this.up() === 'RULE') {
      const kind = this.next().value.toUpperCase() === 'RULE' ? 'R' : 'D';
      const name = this.name();
      this.expect('AS');
      return { k: 'createBound', kind, name, expr: this.expr() };
    }
    if (this.accept('SYNONYM')) {
      const name = this.name();
      this.expect('FOR');
      // [server.][database.][schema.]object, where a part may be left empty (db..object).
      const base: string[] = [this.ident()];
      while (this.accept('.')) base.push(this.up() === '.' ? '' : this.ident());
      return { k: 'createSynonym', name, base };
    }
    if (this.accept('DATABASE')) {
      const name = this.ident();
      return this.accept('COLLATE') ? { k: 'createDatabase', name, collation: this.ident() } : { k: 'createDatabase', name };
    }
    if (this.accept('SEQUENCE')) return this.createSequence();
    if (this.accept('PARTITION')) return this.createPartition();
    if (this.accept('TYPE')) {
      const name = this.name();
      if (this.accept('AS', 'TABLE')) return { k: 'createTableType', name, table: this.tableTypeBody() };
      this.expect('FROM');
      const base = this.type();
      const nullable = this.accept('NOT', 'NULL') ? false : this.accept('NULL') ? true : undefined;
      return nullable === undefined ? { k: 'createType', name, base } : { k: 'createType', name, base, nullable };
    }
    // create-column-master-key-transact-sql / create-column-encryption-key-transact-sql: only the
    // names are kept (and the master key a column encryption key's values name).
    if (this.accept('COLUMN', 'MASTER', 'KEY')) {
      const name = this.ident();
      this.expect('WITH');
      this.optionGroup();
      return { k: 'createColumnKey', kind: 'master', name };
    }
    if (this.accept('COLUMN', 'ENCRYPTION', 'KEY')) {
      const name = this.ident();
      this.expect('WITH', 'VALUES');
      let masterKey = '';
      do { masterKey = this.optionGroup().get('COLUMN_MASTER_KEY') ?? masterKey; } while (this.accept(','));
      return { k: 'createColumnKey', kind: 'encryption', name, masterKey };
    }
    if (this.accept('XML', 'SCHEMA', 'COLLECTION')) {
      const name = this.name();
      this.expect('AS');
      const e = this.expr();
      return { k: 'createXmlCollection', name, text: e.k === 'lit' && typeof e.v === 'string' ? e.v : '' };
    }
    if (this.accept('SPATIAL', 'INDEX')) return { k: 'createIndex', index: this.spatialIndexBody() };
    const xmlPrimary = this.accept('PRIMARY', 'XML');
    if (xmlPrimary || this.accept('XML')) return { k: 'createIndex', index: this.xmlIndexBody(xmlPrimary) };
    const unique = this.accept('UNIQUE');
    let clustered = false;
    if (this.accept('CLUSTERED')) clustered = true; else this.accept('NONCLUSTERED');
    if (this.accept('COLUMNSTORE')) { this.expect('INDEX'); return { k: 'createIndex', index: this.columnstoreBody(unique, clustered) }; }
    this.expect('INDEX');
    return { k: 'createIndex', index: this.indexBody(unique, clustered) };
  }

  /**
   * `( columns, constraints, indexes ) [WITH ( MEMORY_OPTIMIZED = ON | OFF )]` of CREATE TYPE ...
   * AS TABLE (create-type-transact-sql.md, <table_type_definition>). Its constraints take no name
   * and there is no FOREIGN KEY: the syntax has no place for CONSTRAINT, REFERENCES or FOREIGN,
   * so SQL Server's parser stops at the keyword (Msg 156; inferred from the syntax).
   */
  protected tableTypeBody(): { columns: ColumnDef[]; constraints: ConstraintDef[]; indexes: IndexDef[]; options: DdlOption[] } {
    let depth = 0;
    for (let i = this.pos; i < this.toks.length && this.toks[i].kind !== 'eof'; i++) {
      const t = this.toks[i];
      if (t.text === '(') depth++;
      if (t.text === ')' && --depth === 0) break;
      if (t.kind === 'word' && ['CONSTRAINT', 'FOREIGN', 'REFERENCES'].includes(t.upper)) {
        throw new SqlError(156, 15, 1, `Incorrect syntax near the keyword '${t.upper}'.`, 'compile', [], t.line);
      }
    }
    const { columns, constraints, period, indexes } = this.tableElements();
    if (period) this.fail();
    const options = this.is('WITH', '(') ? this.withOptions() : [];
    return { columns, constraints, indexes, options };
  }

  /**
   * The rest of CREATE PARTITION FUNCTION pf (type) AS RANGE [LEFT | RIGHT] FOR VALUES (...) or
   * CREATE PARTITION SCHEME ps AS PARTITION pf [ALL] TO (fg, ...); boundaries are not kept.
   */
  protected createPartition(): StatementBody {
    if (this.accept('FUNCTION')) {
      const name = this.ident();
      this.expect('(');
      const parameterType = this.next().upper.toLowerCase();
      this.skipToClose();
      this.expect('AS', 'RANGE');
      if (!this.accept('LEFT')) this.accept('RIGHT');
      this.expect('FOR', 'VALUES');
      // The boundary values are not kept, only their number (the function's partitions are one more).
      this.expect('(');
      let boundaries = this.up() === ')' ? 0 : 1;
      for (let depth = 1; depth > 0;) {
        const t = this.next();
        if (t.kind === 'eof') this.fail();
        if (t.text === '(') depth++;
        if (t.text === ')') depth--;
        if (t.text === ',' && depth === 1) boundaries++;
      }
      return { k: 'createPartitionFunction', name, parameterType, boundaries };
    }
    this.expect('SCHEME');
    const name = this.ident();
    this.expect('AS', 'PARTITION');
    const fn = this.ident();
    this.accept('ALL');
    this.expect('TO', '(');
    const filegroups = [this.ident()];
    while (this.accept(',')) filegroups.push(this.ident());
    this.expect(')');
    return { k: 'createPartitionScheme', name, function: fn, filegroups };
  }

  /** Skips to just past the `)` that closes a group already opened. */
  private skipToClose(): void {
    let depth = 1;
    while (depth > 0) { const t = this.next(); if (t.kind === 'eof') this.fail(); if (t.upper === '(') depth++; if (t.upper === ')') depth--; }
  }

  /** The rest of CREATE STATISTICS s ON t (c, ...) [WHERE filter] [WITH option, ...]. */
  protected createStatistics(): StatementBody {
    const name = this.ident();
    this.expect('ON');
    const table = this.name();
    this.expect('(');
    const columns = [this.ident()];
    while (this.accept(',')) columns.push(this.ident());
    this.expect(')');
    let filter: { text: string; expr: Expr } | undefined;
    if (this.accept('WHERE')) { const s = this.peek(); const expr = this.expr(); filter = { text: this.textFrom(s), expr }; }
    return { k: 'createStatistics', name, table, columns, ...(filter ? { filter } : {}), options: this.statisticsOptions() };
  }

  /** The rest of UPDATE STATISTICS t [s | (s, ...)] [WITH option, ...] (after UPDATE STATISTICS). */
  protected updateStatistics(): StatementBody {
    const table = this.name();
    const names: string[] = [];
    if (this.accept('(')) { names.push(this.ident()); while (this.accept(',')) names.push(this.ident()); this.expect(')'); }
    else if (this.isIdent()) names.push(this.ident());
    return { k: 'updateStatistics', table, names, options: this.statisticsOptions() };
  }

  /**
   * [WITH FULLSCAN | SAMPLE n {PERCENT | ROWS} | NORECOMPUTE | INCREMENTAL = ON|OFF |
   * PERSIST_SAMPLE_PERCENT = ON|OFF | AUTO_DROP = ON|OFF | MAXDOP = n | ALL | COLUMNS | INDEX |
   * RESAMPLE, ...]: each option upper-cased with its value as written.
   */
  private statisticsOptions(): StatisticsOption[] {
    const out: StatisticsOption[] = [];
    if (!this.accept('WITH')) return out;
    do {
      const name = this.up();
      if (!STATISTICS_OPTIONS.has(name)) this.fail();
      this.pos++;
      if (name === 'SAMPLE') { const n = this.next().text; const unit = this.next().upper; if (unit !== 'PERCENT' && unit !== 'ROWS') this.fail(); out.push({ name, value: `${n} ${unit}` }); }
      else if (this.accept('=')) out.push({ name, value: this.next().upper });
      else out.push({ name });
    } while (this.accept(','));
    return out;
  }

  /**
   * The rest of CREATE CLUSTERED COLUMNSTORE INDEX i ON t [WITH (...)] or CREATE [NONCLUSTERED]
   * COLUMNSTORE INDEX i ON t (c, ...) [WHERE ...] [WITH (...)] (create-columnstore-index-transact-sql).
   */
  protected columnstoreBody(unique: boolean, clustered: boolean): IndexDef {
    if (unique) this.fail();
    const name = this.ident();
    this.expect('ON');
    const table = this.name();
    const columns = clustered ? [] : this.keyList();
    if (columns.some((c) => c.desc)) this.fail();
    let filter: IndexDef['filter'];
    if (!clustered && this.accept('WHERE')) { const s = this.peek(); const expr = this.expr(); filter = { text: this.textFrom(s), expr }; }
    const options = this.withAndOn();
    const dropExisting = options.some((o) => o.name === 'DROP_EXISTING' && o.value === 'ON');
    return { name, table, unique: false, clustered, columns, include: [], filter, options, columnstore: true, ...(dropExisting ? { dropExisting } : {}) };
  }

  protected indexBody(unique: boolean, clustered: boolean): IndexDef {
    const name = this.ident();
    this.expect('ON');
    const table = this.name();
    const columns = this.keyList();
    let include: string[] = [];
    if (this.accept('INCLUDE')) { this.expect('('); include = [this.ident()]; while (this.accept(',')) include.push(this.ident()); this.expect(')'); }
    let filter: IndexDef['filter'];
    if (this.accept('WHERE')) { const s = this.peek(); const expr = this.expr(); filter = { text: this.textFrom(s), expr }; }
    const options = this.withAndOn();
    const dropExisting = options.some((o) => o.name === 'DROP_EXISTING' && o.value === 'ON');
    return { name, table, unique, clustered, columns, include, filter, options, ...(dropExisting ? { dropExisting } : {}) };
  }

  /** The rest of CREATE [PRIMARY] XML INDEX name ON t (col) [USING XML INDEX p FOR VALUE|PATH|PROPERTY]. */
  protected xmlIndexBody(primary: boolean): IndexDef {
    this.expect('INDEX');
    const name = this.ident();
    this.expect('ON');
    const table = this.name();
    const columns = this.keyList();
    let using: { xmlUsing?: string; xmlFor?: string } = {};
    if (this.accept('USING', 'XML', 'INDEX')) {
      const xmlUsing = this.ident();
      using = this.accept('FOR') ? { xmlUsing, xmlFor: this.next().upper } : { xmlUsing };
    }
    const options = this.withAndOn();
    return { name, table, unique: false, clustered: false, columns, include: [], xml: primary ? 'primary' : 'secondary', ...using, options };
  }

  /**
   * The rest of CREATE SPATIAL INDEX name ON t (col) [USING scheme] [WITH (BOUNDING_BOX = (...),
   * GRIDS = (...), CELLS_PER_OBJECT = n, other options)] [ON filegroup]
   * (https://learn.microsoft.com/sql/t-sql/statements/create-spatial-index-transact-sql).
   */
  protected spatialIndexBody(): IndexDef {
    const name = this.ident();
    this.expect('ON');
    const table = this.name();
    const columns = this.keyList();
    const scheme = this.accept('USING') ? this.next().upper : undefined;
    let boundingBox: SpatialDef['boundingBox'];
    let grids: SpatialDef['grids'];
    let cellsPerObject: number | undefined;
    const options: DdlOption[] = [];
    if (this.accept('WITH')) {
      this.expect('(');
      do {
        if (this.accept('BOUNDING_BOX', '=')) boundingBox = this.boundingBox();
        else if (this.accept('GRIDS', '=')) grids = this.grids();
        else if (this.accept('CELLS_PER_OBJECT', '=')) cellsPerObject = this.int();
        else {
          const optionName = this.next().upper;
          this.expect('=');
          options.push({ name: optionName, value: this.next().upper });
        }
      } while (this.accept(','));
      this.expect(')');
    }
    if (this.accept('ON')) options.push({ name: 'ON', value: this.ident() });
    const spatial: SpatialDef = { ...(scheme !== undefined ? { scheme } : {}), ...(boundingBox ? { boundingBox } : {}), ...(grids ? { grids } : {}), ...(cellsPerObject !== undefined ? { cellsPerObject } : {}) };
    return { name, table, unique: false, clustered: false, columns, include: [], spatial, options };
  }

  /** `(xmin, ymin, xmax, ymax)` or `(XMIN = n, ...)` in any order, each once. */
  private boundingBox(): NonNullable<SpatialDef['boundingBox']> {
    this.expect('(');
    const named = this.is('XMIN', '=') || this.is('YMIN', '=') || this.is('XMAX', '=') || this.is('YMAX', '=');
    const order = ['XMIN', 'YMIN', 'XMAX', 'YMAX'] as const;
    const out: Partial<Record<(typeof order)[number], number>> = {};
    let n = 0;
    do {
      const key = named ? this.next().upper as (typeof order)[number] : order[n];
      if (named) this.expect('=');
      if (!order.includes(key) || out[key] !== undefined) this.fail();
      out[key] = this.int();
      n++;
    } while (this.accept(','));
    this.expect(')');
    if (n !== 4) this.fail();
    return out as NonNullable<SpatialDef['boundingBox']>;
  }

  /** `(LOW, MEDIUM, ...)` by position or `(LEVEL_n = density, ...)` by level. */
  private grids(): NonNullable<SpatialDef['grids']> {
    this.expect('(');
    const out: Partial<Record<1 | 2 | 3 | 4, string>> = {};
    let n = 0;
    do {
      const first = this.next().upper;
      if (this.accept('=')) {
        const level = Number(first.replace(/^LEVEL_/, '')) as 1 | 2 | 3 | 4;
        if (!/^LEVEL_[1-4]$/.test(first) || out[level] !== undefined) this.fail();
        out[level] = this.next().upper;
      } else {
        n++;
        if (n > 4) this.fail();
        out[n as 1 | 2 | 3 | 4] = first;
      }
    } while (this.accept(','));
    this.expect(')');
    return out;
  }

  protected skipWithAndOn(): void {
    this.withAndOn();
  }

  /**
   * `WITH (name = value [(detail)], ...)` and `ON filegroup | ON scheme (column)`, in either order
   * (CREATE INDEX and constraints write WITH first, CREATE TABLE ON first); returns the options as
   * written, the placement as a last option named ON (value the data space, detail the column).
   */
  protected withAndOn(): DdlOption[] {
    const on = this.placement();
    const options = this.is('WITH', '(') ? this.withOptions() : this.legacyIndexOptions();
    const placed = on ?? this.placement();
    return placed === undefined ? options : [...options, placed];
  }

  private placement(): DdlOption | undefined {
    if (!this.accept('ON')) return undefined;
    const value = this.ident();
    if (!this.accept('(')) return { name: 'ON', value };
    const detail = this.ident();
    this.expect(')');
    return { name: 'ON', value, detail };
  }

  /**
   * `WITH FILLFACTOR = n, PAD_INDEX, ...` without parentheses: create-index-transact-sql.md's
   * <backward_compatible_index_option> (PAD_INDEX, FILLFACTOR = n, SORT_IN_TEMPDB, IGNORE_DUP_KEY,
   * STATISTICS_NORECOMPUTE, DROP_EXISTING) and a constraint's "WITH FILLFACTOR = fillfactor"
   * (create-table-transact-sql.md); a bare option is ON.
   */
  protected legacyIndexOptions(): DdlOption[] {
    if (this.up() !== 'WITH' || !LEGACY_INDEX_OPTIONS.has(this.up(1))) return [];
    this.pos++;
    const out: DdlOption[] = [];
    do {
      const name = this.next().upper;
      if (!LEGACY_INDEX_OPTIONS.has(name)) this.fail();
      if (name === 'FILLFACTOR') { this.expect('='); out.push({ name, value: this.next().upper }); } else out.push({ name, value: 'ON' });
      // A comma before anything else ends the list (the next column of CREATE TABLE).
    } while (this.up() === ',' && LEGACY_INDEX_OPTIONS.has(this.up(1)) && this.accept(','));
    return out;
  }

  /** `WITH (ONLINE = ON (WAIT_AT_LOW_PRIORITY (...)), DROP_EXISTING = ON, ...)`. */
  protected withOptions(): DdlOption[] {
    this.expect('WITH');
    return this.optionList();
  }

  /** `(name = value [(detail)], ...)`, the list WITH and ALTER INDEX ... SET take. */
  protected optionList(): DdlOption[] {
    this.expect('(');
    const out: DdlOption[] = [];
    do out.push(this.optionItem()); while (this.accept(','));
    this.expect(')');
    return out;
  }

  /** One `name [= value [(detail)]]` of an option list. */
  protected optionItem(): DdlOption {
    const name = this.next().upper;
    if (!this.accept('=')) return { name, value: 'ON' };
    const value = this.next().upper;
    let detail: string | undefined;
    if (this.up() === '(') { const start = this.peek(); this.skipParens(); detail = this.textFrom(start); }
    // MAX_DURATION = 5 MINUTES
    if (this.is('MINUTES')) this.pos++;
    return detail === undefined ? { name, value } : { name, value, detail };
  }

  protected keyList(): { name: string; desc: boolean }[] {
    this.expect('(');
    const out: { name: string; desc: boolean }[] = [];
    do { const name = this.ident(); const desc = this.accept('DESC'); if (!desc) this.accept('ASC'); out.push({ name, desc }); } while (this.accept(','));
    this.expect(')');
    return out;
  }

  protected createTable(): StatementBody {
    const name = this.name();
    // An edge table may have no column list: CREATE TABLE t AS EDGE (create-table-sql-graph).
    const bare = this.is('AS', 'EDGE');
    const { columns, constraints, period, indexes } = bare ? { columns: [], constraints: [], period: undefined, indexes: [] } : this.tableElements();
    const graph = this.accept('AS', 'NODE') ? 'node' : this.accept('AS', 'EDGE') ? 'edge' : undefined;
    let versioning: VersioningDef | undefined;
    let ledger: LedgerDef | undefined;
    // WITH (...) holding SYSTEM_VERSIONING or LEDGER, with the table's other options beside them.
    const tableWith = (): DdlOption[] => {
      this.expect('WITH', '(');
      const out: DdlOption[] = [];
      do {
        if (this.is('SYSTEM_VERSIONING', '=')) versioning = this.versioningDef();
        else if (this.is('LEDGER', '=')) ledger = this.ledgerDef();
        else out.push(this.optionItem());
      } while (this.accept(','));
      this.expect(')');
      return out;
    };
    let options = this.withHasTableOption() ? tableWith() : [];
    options = [...options, ...this.withAndOn()];
    if (this.accept('TEXTIMAGE_ON')) this.ident();
    // create-table-transact-sql.md orders them ON ..., TEXTIMAGE_ON ..., WITH (...): a WITH after
    // the placement (SSMS's `) ON [PRIMARY] WITH (DATA_COMPRESSION = PAGE)`) is the table's too.
    if (this.withHasTableOption()) options = [...tableWith(), ...options];
    else if (options.every((o) => o.name === 'ON') && this.is('WITH', '(')) options = [...this.withOptions(), ...options];
    return {
      k: 'createTable', name, columns, constraints, ...(period ? { period } : {}), ...(versioning ? { versioning } : {}), ...(options.length > 0 ? { options } : {}), ...(graph ? { graph } : {}),
      ...(indexes.length > 0 ? { indexes } : {}), ...(ledger ? { ledger } : {}),
    };
  }

  /** Whether a WITH (...) comes next that names SYSTEM_VERSIONING or LEDGER among its options. */
  private withHasTableOption(): boolean {
    if (!this.is('WITH', '(')) return false;
    let depth = 0;
    for (let k = 1; this.peek(k).kind !== 'eof'; k++) {
      const u = this.up(k);
      if (u === '(') depth++;
      else if (u === ')') { depth--; if (depth === 0) return false; }
      else if (depth === 1 && (u === 'SYSTEM_VERSIONING' || u === 'LEDGER') && this.up(k + 1) === '=') return true;
    }
    return false;
  }

  /** LEDGER = OFF | ON [( LEDGER_VIEW = v [( ..._COLUMN_NAME = c, ... )], APPEND_ONLY = ON | OFF )] (<ledger_option>). */
  protected ledgerDef(): LedgerDef {
    this.expect('LEDGER', '=');
    if (this.accept('OFF')) return { on: false, appendOnly: false };
    this.expect('ON');
    let view: Name | undefined;
    const viewColumns: Record<string, string> = {};
    let appendOnly = false;
    if (this.accept('(')) {
      do {
        if (this.accept('LEDGER_VIEW', '=')) {
          view = this.name();
          if (this.accept('(')) {
            do {
              const option = this.next().upper;
              const kind = /^(TRANSACTION_ID|SEQUENCE_NUMBER|OPERATION_TYPE|OPERATION_TYPE_DESC)_COLUMN_NAME$/.exec(option)?.[1];
              if (kind === undefined) this.fail();
              this.expect('=');
              viewColumns[kind as string] = this.ident();
            } while (this.accept(','));
            this.expect(')');
          }
        } else {
          this.expect('APPEND_ONLY', '=');
          appendOnly = this.next().upper === 'ON';
        }
      } while (this.accept(','));
      this.expect(')');
    }
    return { on: true, ...(view ? { view } : {}), ...(Object.keys(viewColumns).length > 0 ? { viewColumns } : {}), appendOnly };
  }

  /**
   * (column | constraint | index | PERIOD FOR SYSTEM_TIME, ...) of CREATE TABLE and DECLARE @t
   * TABLE. A comma may end the list: SQL Server takes `CREATE TABLE t (a int,)` (inferred from
   * sqlfluff's T-SQL fixtures).
   */
  protected tableElements(): { columns: ColumnDef[]; constraints: ConstraintDef[]; period?: PeriodDef; indexes: IndexDef[] } {
    this.expect('(');
    const columns: ColumnDef[] = [];
    const constraints: ConstraintDef[] = [];
    const indexes: IndexDef[] = [];
    let period: PeriodDef | undefined;
    do {
      if (this.up() === ')') break;
      if (this.is('PERIOD', 'FOR', 'SYSTEM_TIME')) period = this.periodDef();
      else if (this.isConstraintStart()) constraints.push(this.tableConstraint());
      else if (this.is('INDEX')) indexes.push(this.indexDef());
      else columns.push(this.columnDef(false));
    } while (this.accept(','));
    this.expect(')');
    for (const c of columns) indexes.push(...(c.indexes ?? []));
    return { columns, constraints, period, indexes };
  }

  /**
   * An index inside CREATE TABLE or after ALTER TABLE ... ADD (create-table-transact-sql
   * <table_index>, <column_index>; memory-optimized syntax): INDEX i [UNIQUE] [CLUSTERED |
   * NONCLUSTERED] [HASH] (columns) [WITH (...)] [ON ...], or INDEX i CLUSTERED COLUMNSTORE;
   * `column` is the column of a column's own index, which has no column list.
   */
  protected indexDef(column?: string[]): IndexDef {
    this.expect('INDEX');
    const name = this.ident();
    const unique = this.accept('UNIQUE');
    const clustered = this.accept('CLUSTERED') ? true : (this.accept('NONCLUSTERED'), false);
    if (this.accept('COLUMNSTORE')) {
      // A nonclustered columnstore index lists its columns, unsorted (create-columnstore-index-transact-sql).
      const columns = clustered ? [] : this.keyList();
      if (unique || columns.some((c) => c.desc)) this.fail();
      const options = this.withAndOn();
      return { name, table: [], unique: false, clustered, columns, include: [], columnstore: true, ...(options.length > 0 ? { options } : {}) };
    }
    const hash = this.accept('HASH');
    const columns = column !== undefined && this.up() !== '(' ? column.map((n) => ({ name: n, desc: false })) : this.keyList();
    // <table_index> also takes INCLUDE (...) and a filter (create-table-transact-sql.md, SQL Server 2016+).
    let include: string[] = [];
    if (column === undefined && this.accept('INCLUDE')) { this.expect('('); include = [this.ident()]; while (this.accept(',')) include.push(this.ident()); this.expect(')'); }
    let filter: IndexDef['filter'];
    if (column === undefined && this.accept('WHERE')) { const s = this.peek(); const expr = this.expr(); filter = { text: this.textFrom(s), expr }; }
    const options = this.withAndOn();
    return { name, table: [], unique, clustered, columns, include, ...(filter ? { filter } : {}), ...(hash ? { hash } : {}), ...(options.length > 0 ? { options } : {}) };
  }

  /** PERIOD FOR SYSTEM_TIME (start, end). */
  protected periodDef(): PeriodDef {
    this.expect('PERIOD', 'FOR', 'SYSTEM_TIME');
    this.expect('(');
    const start = this.ident();
    this.expect(',');
    const end = this.ident();
    this.expect(')');
    return { start, end };
  }

  /** SYSTEM_VERSIONING = OFF | ON [( HISTORY_TABLE = h, DATA_CONSISTENCY_CHECK = ON|OFF, HISTORY_RETENTION_PERIOD = INFINITE | n UNIT )]. */
  protected versioningDef(): VersioningDef {
    this.expect('SYSTEM_VERSIONING', '=');
    if (this.accept('OFF')) return { on: false };
    this.expect('ON');
    const out: { on: boolean; history?: Name; consistencyCheck?: boolean; retention?: VersioningDef['retention'] } = { on: true };
    if (this.accept('(')) {
      do {
        if (this.accept('HISTORY_TABLE', '=')) out.history = this.name();
        else if (this.accept('DATA_CONSISTENCY_CHECK', '=')) out.consistencyCheck = this.next().upper === 'ON';
        else {
          this.expect('HISTORY_RETENTION_PERIOD', '=');
          if (this.accept('INFINITE')) out.retention = 'INFINITE';
          else {
            const count = this.int();
            const unit = this.next().upper.replace(/S$/, '');
            if (unit !== 'DAY' && unit !== 'WEEK' && unit !== 'MONTH' && unit !== 'YEAR') this.fail();
            out.retention = { count, unit: unit as 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' };
          }
        }
      } while (this.accept(','));
      this.expect(')');
    }
    return out;
  }

  protected isConstraintStart(): boolean {
    return ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'DEFAULT'].includes(this.up()) || this.is('CONNECTION', '(');
  }

  /** CONNECTION (a TO b [, ...]) [ON DELETE { NO ACTION | CASCADE }] of an edge table (create-table-sql-graph). */
  protected connection(name: string | undefined): ConstraintDef {
    this.expect('(');
    const clauses: { from: Name; to: Name }[] = [];
    do { const from = this.name(); this.expect('TO'); clauses.push({ from, to: this.name() }); } while (this.accept(','));
    this.expect(')');
    let cascade = false;
    if (this.accept('ON', 'DELETE')) { if (this.accept('CASCADE')) cascade = true; else this.expect('NO', 'ACTION'); }
    return { k: 'connection', name, clauses, cascade };
  }

  protected tableConstraint(): ConstraintDef {
    const name = this.accept('CONSTRAINT') ? this.ident() : undefined;
    if (this.accept('CONNECTION')) return this.connection(name);
    if (this.accept('PRIMARY', 'KEY') || this.is('UNIQUE')) {
      const k = this.toks[this.pos - 1].upper === 'KEY' ? 'pk' : (this.pos++, 'unique');
      const clustered = this.accept('CLUSTERED') ? true : this.accept('NONCLUSTERED') ? false : undefined;
      // NONCLUSTERED HASH (memory-optimized tables: create-table-transact-sql).
      const hash = this.accept('HASH');
      const columns = this.keyList();
      const options = this.withAndOn();
      return { k, name, clustered, columns, options, ...(hash ? { hash } : {}) } as ConstraintDef;
    }
    if (this.accept('CHECK')) return this.checkBody(name, this.accept('NOT', 'FOR', 'REPLICATION'));
    if (this.accept('DEFAULT')) {
      const s = this.peek(); const expr = this.expr(); const text = this.textFrom(s);
      this.expect('FOR');
      const forColumn = this.ident();
      // "DEFAULT constant_expression FOR column [ WITH VALUES ]" (alter-table-transact-sql.md): only a new column takes values from it.
      this.accept('WITH', 'VALUES');
      return { k: 'default', name, text, expr, forColumn };
    }
    this.expect('FOREIGN', 'KEY');
    this.expect('(');
    const columns = [this.ident()]; while (this.accept(',')) columns.push(this.ident());
    this.expect(')');
    return this.references(name, columns);
  }

  /** `( expr )` of a CHECK; `notForReplication` when CHECK NOT FOR REPLICATION came before it (create-table-transact-sql). */
  protected checkBody(name: string | undefined, notForReplication = false): ConstraintDef {
    this.expect('(');
    const s = this.peek(); const expr = this.expr(); const text = this.textFrom(s);
    this.expect(')');
    return { k: 'check', name, text, expr, ...(notForReplication ? { notForReplication } : {}) };
  }

  protected references(name: string | undefined, columns: string[]): ConstraintDef {
    this.expect('REFERENCES');
    const refTable = this.name();
    let refColumns: string[] = [];
    if (this.accept('(')) { refColumns = [this.ident()]; while (this.accept(',')) refColumns.push(this.ident()); this.expect(')'); }
    let onDelete: RefAction = 'NO_ACTION';
    let onUpdate: RefAction = 'NO_ACTION';
    let notForReplication = false;
    for (;;) {
      if (this.accept('ON', 'DELETE')) onDelete = this.refAction();
      else if (this.accept('ON', 'UPDATE')) onUpdate = this.refAction();
      // create-table-transact-sql: "REFERENCES ... [ ON DELETE ... ] [ ON UPDATE ... ] [ NOT FOR REPLICATION ]".
      else if (this.accept('NOT', 'FOR', 'REPLICATION')) notForReplication = true;
      else break;
    }
    return { k: 'fk', name, columns, refTable, refColumns, onDelete, onUpdate, ...(notForReplication ? { notForReplication } : {}) };
  }

  protected refAction(): RefAction {
    if (this.accept('NO', 'ACTION')) return 'NO_ACTION';
    if (this.accept('CASCADE')) return 'CASCADE';
    if (this.accept('SET', 'NULL')) return 'SET_NULL';
    this.expect('SET', 'DEFAULT');
    return 'SET_DEFAULT';
  }

  protected columnDef(alter: boolean): ColumnDef {
    const name = this.ident();
    let type: TypeRef | undefined;
    let computed: ColumnDef['computed'];
    if (!alter && this.accept('AS')) {
      const s = this.peek(); const expr = this.expr(); const text = this.textFrom(s);
      const persisted = this.accept('PERSISTED');
      computed = { text, expr, persisted };
    } else type = this.type();
    let nullable: boolean | undefined;
    let identity: ColumnDef['identity'];
    let collation: string | undefined;
    let sparse = false;
    let columnSet = false;
    let rowguidcol = false;
    let mask: string | undefined;
    let encryption: ColumnDef['encryption'];
    const constraints: ConstraintDef[] = [];
    const columnIndexes: IndexDef[] = [];
    let generatedAlways: ColumnDef['generatedAlways'];
    for (;;) {
      if (this.accept('NOT', 'NULL')) nullable = false;
      else if (this.accept('NULL')) nullable = true;
      else if (this.accept('IDENTITY')) {
        identity = { seed: 1, increment: 1 };
        if (this.accept('(')) { const seed = this.int(); this.expect(','); identity = { seed, increment: this.int() }; this.expect(')'); }
        // Replication agents insert their own values (sys.identity_columns.is_not_for_replication).
        if (this.accept('NOT', 'FOR', 'REPLICATION')) identity = { ...identity, notForReplication: true };
      } else if (this.accept('COLLATE')) collation = this.ident();
      else if (this.accept('GENERATED', 'ALWAYS', 'AS')) {
        // ROW (temporal) or TRANSACTION_ID | SEQUENCE_NUMBER (ledger; create-table-transact-sql.md).
        const what = this.next().upper;
        if (what !== 'ROW' && what !== 'TRANSACTION_ID' && what !== 'SEQUENCE_NUMBER') this.fail();
        const end = this.next().upper === 'START' ? 'START' : 'END';
        generatedAlways = { end, hidden: this.accept('HIDDEN'), ...(what !== 'ROW' ? { as: what } : {}) };
      }
      else if (this.accept('SPARSE')) sparse = true;
      else if (this.accept('COLUMN_SET', 'FOR', 'ALL_SPARSE_COLUMNS')) columnSet = true;
      else if (this.accept('ROWGUIDCOL')) rowguidcol = true;
      else if (this.is('MASKED', 'WITH')) mask = this.maskedWith();
      else if (this.accept('ENCRYPTED', 'WITH')) {
        const o = this.optionGroup();
        encryption = { key: o.get('COLUMN_ENCRYPTION_KEY') ?? '', type: o.get('ENCRYPTION_TYPE') ?? '', algorithm: o.get('ALGORITHM') ?? '' };
      }
      else if (this.accept('PERSISTED')) continue;
      // A column's own index (create-table-transact-sql <column_index>): INDEX i [NONCLUSTERED] [HASH] [WITH (...)].
      else if (!alter && this.is('INDEX')) columnIndexes.push(this.indexDef([name]));
      else if (!alter && ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'DEFAULT', 'REFERENCES'].includes(this.up())) {
        const cname = this.accept('CONSTRAINT') ? this.ident() : undefined;
        if (this.accept('NOT', 'NULL')) { nullable = false; continue; } // names the NOT NULL (flxsql gotcha)
        if (this.accept('NULL')) { nullable = true; continue; }
        if (this.accept('DEFAULT')) {
          const s = this.peek(); const expr = this.expr();
          constraints.push({ k: 'default', name: cname, text: this.textFrom(s), expr });
          this.accept('WITH', 'VALUES');
        } else if (this.accept('CHECK')) constraints.push(this.checkBody(cname, this.accept('NOT', 'FOR', 'REPLICATION')));
        else if (this.accept('PRIMARY', 'KEY') || this.accept('UNIQUE')) {
          const k = this.toks[this.pos - 1].upper === 'KEY' ? 'pk' : 'unique';
          const clustered = this.accept('CLUSTERED') ? true : this.accept('NONCLUSTERED') ? false : undefined;
          const hash = this.accept('HASH');
          // A column's PRIMARY KEY / UNIQUE may name its columns, as a table's does: SQL Server
          // takes `a int CONSTRAINT pk PRIMARY KEY (a, b)` (inferred from prisma-engines' and
          // sqlfluff's SQL Server scripts; create-table-transact-sql.md shows no list there).
          const keys = this.up() === '(' ? this.keyList() : [{ name, desc: false }];
          const options = this.withAndOn();
          constraints.push({ k, name: cname, clustered, columns: keys, options, ...(hash ? { hash } : {}) });
        } else { this.accept('FOREIGN', 'KEY'); constraints.push(this.references(cname, [name])); }
      } else break;
    }
    return {
      name, type, computed, nullable, identity, collation, constraints, ...(generatedAlways ? { generatedAlways } : {}), ...(sparse ? { sparse } : {}), ...(columnSet ? { columnSet } : {}), ...(rowguidcol ? { rowguidcol } : {}), ...(mask !== undefined ? { mask } : {}), ...(encryption ? { encryption } : {}),
      ...(columnIndexes.length > 0 ? { indexes: columnIndexes } : {}),
    };
  }

  /** `( NAME = value [, ...] )`: each option's name (upper case) and value (a name, word or string, unquoted). */
  protected optionGroup(): Map<string, string> {
    this.expect('(');
    const out = new Map<string, string>();
    do {
      const name = this.next().upper;
      // A nested group without '=' (a column master key's ENCLAVE_COMPUTATIONS (SIGNATURE = 0x...)).
      if (this.is('(')) { this.optionGroup(); continue; }
      this.expect('=');
      const v = this.next();
      out.set(name, v.kind === 'word' ? v.text : v.value);
    } while (this.accept(','));
    this.expect(')');
    return out;
  }

  /** MASKED WITH ( FUNCTION = 'mask_function' ) (create-table-transact-sql, column_definition). */
  protected maskedWith(): string {
    this.expect('MASKED', 'WITH', '(', 'FUNCTION', '=');
    const t = this.next();
    if (t.kind !== 'string') this.fail();
    this.expect(')');
    return t.value;
  }

  protected drop(): StatementBody {
    this.expect('DROP');
    if (this.accept('DATABASE')) {
      const ifExists = this.accept('IF', 'EXISTS');
      const names = [this.ident()]; while (this.accept(',')) names.push(this.ident());
      return { k: 'dropDatabase', names, ifExists };
    }
    if (this.accept('SEQUENCE')) return this.dropSequence();
    if (this.accept('XML', 'SCHEMA', 'COLLECTION')) return { k: 'dropXmlCollection', name: this.name() };
    if (this.up() === 'DEFAULT' || this.up() === 'RULE') {
      const kind = this.next().value.toUpperCase() === 'RULE' ? 'R' : 'D';
      const ifExists = this.accept('IF', 'EXISTS');
      const names = [this.name()]; while (this.accept(',')) names.push(this.name());
      return { k: 'dropBound', kind, names, ifExists };
    }
    if (this.accept('SYNONYM')) {
      const ifExists = this.accept('IF', 'EXISTS');
      return { k: 'dropSynonym', name: this.name(), ifExists };
    }
    if (this.accept('STATISTICS')) {
      // DROP STATISTICS table.statistics_name | view.statistics_name [ ,...n ], the table optionally schema-qualified.
      const items: { table: Name; name: string }[] = [];
      do {
        const n = this.name();
        if (n.length < 2) this.fail();
        items.push({ table: n.slice(0, -1), name: n[n.length - 1] });
      } while (this.accept(','));
      return { k: 'dropStatistics', items };
    }
    if (this.accept('TYPE')) {
      const ifExists = this.accept('IF', 'EXISTS');
      const s = this.peek();
      const name = this.name();
      return { k: 'dropType', name, written: this.textFrom(s).replace(/[[\]]/g, ''), ifExists };
    }
    if (this.isModuleDrop()) return this.dropModule();
    if (this.accept('TABLE')) {
      const ifExists = this.accept('IF', 'EXISTS');
      const names = [this.name()]; while (this.accept(',')) names.push(this.name());
      return { k: 'dropTable', names, ifExists };
    }
    if (this.accept('INDEX')) {
      const ifExists = this.accept('IF', 'EXISTS');
      const items: { index: string; table: Name; options?: DdlOption[] }[] = [];
      do {
        const n = this.name();
        const item = this.accept('ON') ? { index: n[n.length - 1], table: this.name() } : { index: n[n.length - 1], table: n.slice(0, -1) };
        items.push(this.is('WITH', '(') ? { ...item, options: this.withOptions() } : item);
      } while (this.accept(','));
      return { k: 'dropIndex', items, ifExists };
    }
    this.expect('SCHEMA');
    const ifExists = this.accept('IF', 'EXISTS');
    return { k: 'dropSchema', name: this.ident(), ifExists };
  }

  /** `[PARTITION = ALL | n]` of a REBUILD: n, or undefined for ALL or none. */
  private partitionNumber(): number | undefined {
    if (!this.accept('PARTITION', '=')) return undefined;
    if (this.accept('ALL')) return undefined;
    return this.int();
  }

  /** `ALL` or trigger names, of ENABLE / DISABLE TRIGGER. */
  protected triggerNames(): Name[] | 'ALL' {
    if (this.accept('ALL')) return 'ALL';
    const names = [this.name()];
    while (this.accept(',')) names.push(this.name());
    return names;
  }

  /**
   * After SET CHANGE_TRACKING: `= ON [ ( options ) ]`, `= OFF`, or `( options )`
   * (alter-database-transact-sql-set-options.md: CHANGE_RETENTION = n { DAYS | HOURS | MINUTES },
   * AUTO_CLEANUP = { ON | OFF }; an option twice is Msg 5091).
   */
  private changeTrackingSetting(): { on?: boolean; options: ChangeTrackingOptions } {
    let on: boolean | undefined;
    if (this.accept('=')) {
      const v = this.next().upper;
      if (v !== 'ON' && v !== 'OFF') this.fail();
      on = v === 'ON';
      if (!on || !this.is('(')) return { on, options: {} };
    }
    this.expect('(');
    const options: { retention?: { period: number; unit: RetentionUnit }; autoCleanup?: boolean } = {};
    const seen = new Set<string>();
    do {
      const name = this.next().upper;
      if (seen.has(name)) throw new SqlError(5091, 15, 1, `ALTER DATABASE change tracking option '${name}' was specified more than once. Each option can be specified only once.`, 'compile');
      seen.add(name);
      this.expect('=');
      if (name === 'CHANGE_RETENTION') {
        const period = Number(this.next().text);
        // The singular spellings too (probed by a public simulator; inferred for SQL Server).
        const unit = this.next().upper.replace(/S?$/, 'S');
        if (!Number.isInteger(period) || (unit !== 'DAYS' && unit !== 'HOURS' && unit !== 'MINUTES')) this.fail();
        options.retention = { period, unit };
      } else if (name === 'AUTO_CLEANUP') {
        const v = this.next().upper;
        if (v !== 'ON' && v !== 'OFF') this.fail();
        options.autoCleanup = v === 'ON';
      } else this.fail();
    } while (this.accept(','));
    this.expect(')');
    return { ...(on !== undefined ? { on } : {}), options };
  }

  protected alter(): StatementBody {
    if (this.accept('ALTER', 'SEQUENCE')) return this.alterSequence();
    // ALTER DATABASE { d | CURRENT } ADD FILEGROUP fg [CONTAINS ...] | SET CHANGE_TRACKING ...: the forms the stand-in takes.
    if (this.accept('ALTER', 'DATABASE')) {
      const database = this.peek().kind === 'word' && this.up() === 'CURRENT' ? (this.pos++, 'CURRENT') : this.ident();
      if (this.accept('SET', 'CHANGE_TRACKING')) return { k: 'setDatabaseChangeTracking', database, ...this.changeTrackingSetting() };
      this.expect('ADD', 'FILEGROUP');
      const name = this.ident();
      // CONTAINS FILESTREAM | CONTAINS MEMORY_OPTIMIZED_DATA (alter-database-transact-sql-file-and-filegroup-options).
      const memoryOptimized = this.accept('CONTAINS') && this.next().upper === 'MEMORY_OPTIMIZED_DATA';
      return { k: 'addFilegroup', name, ...(memoryOptimized ? { memoryOptimized } : {}) };
    }
    if (this.accept('ALTER', 'SCHEMA')) {
      // ALTER SCHEMA s TRANSFER [OBJECT ::] x[.y] (alter-schema-transact-sql); the lexer gives :: as two ':'.
      const schema = this.ident();
      this.expect('TRANSFER');
      if (this.is('OBJECT', ':', ':')) this.pos += 3;
      return { k: 'transferObject', schema, name: this.name() };
    }
    if (this.accept('ALTER', 'INDEX')) {
      // ALTER INDEX i ON t REBUILD [WITH (...)] | SET (...) | RESUME [WITH (...)] | PAUSE | ABORT
      // (alter-index-transact-sql), as an action on t.
      // ALTER INDEX ALL ON t REBUILD (alter-index-transact-sql.md: "ALL: Specifies all indexes
      // associated with the table or view"); [ALL] in brackets is an index named ALL.
      const all = this.peek().kind === 'word' && this.accept('ALL');
      const index = all ? 'ALL' : this.ident();
      this.expect('ON');
      const table = this.name();
      // REBUILD [PARTITION = ALL | n] (alter-index-transact-sql.md).
      if (this.accept('REBUILD')) {
        const partition = this.partitionNumber();
        return { k: 'alterTable', name: table, action: { k: 'rebuildIndex', index, options: this.is('WITH', '(') ? this.withOptions() : [], ...(all ? { all } : {}), ...(partition !== undefined ? { partition } : {}) } };
      }
      if (this.accept('DISABLE')) return { k: 'alterTable', name: table, action: { k: 'disableIndex', index, ...(all ? { all } : {}) } };
      if (all) this.fail();
      for (const op of ['RESUME', 'PAUSE', 'ABORT'] as const) {
        if (this.accept(op)) return { k: 'alterTable', name: table, action: { k: 'resumableIndex', index, op, options: op === 'RESUME' && this.is('WITH', '(') ? this.withOptions() : [] } };
      }
      this.expect('SET');
      return { k: 'alterTable', name: table, action: { k: 'setIndexOptions', index, options: this.optionList() } };
    }
    this.expect('ALTER', 'TABLE');
    const name = this.name();
    // alter-table-transact-sql.md: "{ ENABLE | DISABLE } TRIGGER { ALL | trigger_name [ ,...n ] }".
    if ((this.up() === 'ENABLE' || this.up() === 'DISABLE') && this.up(1) === 'TRIGGER') {
      const enabled = this.next().upper === 'ENABLE';
      this.pos++;
      return { k: 'setTriggerState', table: name, names: this.triggerNames(), enabled };
    }
    if (this.accept('REBUILD')) {
      const partition = this.partitionNumber();
      return { k: 'alterTable', name, action: { k: 'rebuild', options: this.is('WITH', '(') ? this.withOptions() : [], ...(partition !== undefined ? { partition } : {}) } };
    }
    // alter-table-transact-sql: "ALTER COLUMN column_name { ADD | DROP } { ROWGUIDCOL | ... | SPARSE | ... }".
    if (this.is('ALTER', 'COLUMN') && (this.up(3) === 'ADD' || this.up(3) === 'DROP') && (this.up(4) === 'SPARSE' || this.up(4) === 'ROWGUIDCOL')) {
      this.pos += 2;
      const column = this.ident();
      const add = this.next().upper === 'ADD';
      const property = this.next().upper;
      return { k: 'alterTable', name, action: property === 'SPARSE' ? { k: 'sparse', column, add } : { k: 'rowguidcol', column, add } };
    }
    // alter-table-transact-sql: "ALTER COLUMN column_name { ADD | DROP } MASKED [ WITH ( FUNCTION = ' mask_function ') ]".
    if (this.is('ALTER', 'COLUMN') && (this.up(3) === 'ADD' || this.up(3) === 'DROP') && this.up(4) === 'MASKED') {
      this.pos += 2;
      const column = this.ident();
      if (this.accept('DROP', 'MASKED')) return { k: 'alterTable', name, action: { k: 'mask', column, mask: null } };
      this.expect('ADD');
      return { k: 'alterTable', name, action: { k: 'mask', column, mask: this.maskedWith() } };
    }
    // alter-table-transact-sql: "ALTER COLUMN column_name { ADD | DROP } { ... | NOT FOR REPLICATION | ... }".
    if (this.is('ALTER', 'COLUMN') && (this.up(3) === 'ADD' || this.up(3) === 'DROP') && this.up(4) === 'NOT' && this.up(5) === 'FOR' && this.up(6) === 'REPLICATION') {
      this.pos += 2;
      const column = this.ident();
      const add = this.next().upper === 'ADD';
      this.pos += 3;
      return { k: 'alterTable', name, action: { k: 'identityReplication', column, add } };
    }
    let check: boolean | undefined;
    if (this.accept('WITH', 'CHECK')) check = true;
    else if (this.accept('WITH', 'NOCHECK')) check = false;
    let action: AlterAction;
    if ((this.is('CHECK') || this.is('NOCHECK')) && this.up(1) === 'CONSTRAINT') {
      const enable = this.next().upper === 'CHECK';
      this.pos++;
      let names: string[] | 'ALL';
      if (this.accept('ALL')) names = 'ALL';
      else { names = [this.ident()]; while (this.accept(',')) (names as string[]).push(this.ident()); }
      action = { k: 'checkConstraints', enable, withCheck: check, names };
    } else if ((this.is('ENABLE') || this.is('DISABLE')) && this.up(1) === 'CHANGE_TRACKING') {
      // { ENABLE | DISABLE } CHANGE_TRACKING [ WITH ( TRACK_COLUMNS_UPDATED = { ON | OFF } ) ] (alter-table-transact-sql).
      const enable = this.next().upper === 'ENABLE';
      this.pos++;
      let trackColumnsUpdated = false;
      if (enable && this.accept('WITH', '(', 'TRACK_COLUMNS_UPDATED', '=')) {
        const v = this.next().upper;
        if (v !== 'ON' && v !== 'OFF') this.fail();
        trackColumnsUpdated = v === 'ON';
        this.expect(')');
      }
      action = { k: 'changeTracking', enable, trackColumnsUpdated };
    } else if (this.is('SET', '(', 'LOCK_ESCALATION')) {
      this.pos += 3;
      this.expect('=');
      const value = this.up();
      if (value !== 'AUTO' && value !== 'TABLE' && value !== 'DISABLE') this.fail();
      this.pos++;
      this.expect(')');
      action = { k: 'setLockEscalation', value };
    } else if (this.accept('SET')) {
      this.expect('(');
      action = { k: 'setVersioning', versioning: this.versioningDef() };
      this.expect(')');
    } else if (this.is('ADD', 'PERIOD')) {
      this.pos++;
      action = { k: 'addColumns', columns: [], period: this.periodDef() };
    } else if (this.is('DROP', 'PERIOD')) {
      this.expect('DROP', 'PERIOD', 'FOR', 'SYSTEM_TIME');
      action = { k: 'dropPeriod' };
    } else if (this.is('ALTER', 'COLUMN') && (this.up(3) === 'ADD' || this.up(3) === 'DROP') && this.up(4) === 'HIDDEN') {
      this.pos += 2;
      const column = this.ident();
      const hidden = this.next().upper === 'ADD';
      this.pos++;
      action = { k: 'alterHidden', column, hidden };
    } else if (this.is('ADD', 'INDEX')) {
      this.pos++;
      action = { k: 'addIndex', index: this.indexDef() };
    } else if (this.is('DROP', 'INDEX')) {
      this.pos += 2;
      const names = [this.ident()]; while (this.accept(',')) { this.accept('INDEX'); names.push(this.ident()); }
      action = { k: 'dropIndexes', names };
    } else if (this.is('ALTER', 'INDEX')) {
      this.pos += 2;
      const index = this.ident();
      this.expect('REBUILD');
      action = { k: 'rebuildBuckets', index, options: this.is('WITH', '(') ? this.withOptions() : [] };
    } else if (this.accept('ADD')) {
      // alter-table-transact-sql.md: "ADD { <column_definition> | <table_constraint> | ... } [ ,...n ]":
      // columns and constraints may share one list.
      const columns: ColumnDef[] = [];
      const constraints: ConstraintDef[] = [];
      let period: PeriodDef | undefined;
      do {
        if (this.is('PERIOD', 'FOR', 'SYSTEM_TIME')) period = this.periodDef();
        else if (this.isConstraintStart()) constraints.push(this.tableConstraint());
        else columns.push(this.columnDef(false));
      } while (this.accept(','));
      if (columns.length === 0 && period === undefined) action = { k: 'addConstraints', constraints, check };
      else action = { k: 'addColumns', columns, ...(period ? { period } : {}), ...(constraints.length > 0 ? { constraints } : {}) };
    } else if (this.accept('DROP')) {
      // alter-table-transact-sql.md: "DROP { [ CONSTRAINT ] [ IF EXISTS ] { constraint_name [ WITH (...) ] } [ ,...n ]
      // | COLUMN [ IF EXISTS ] { column_name } [ ,...n ] } [ ,...n ]": a list may name both, each kind word
      // (and IF EXISTS) applying to the names after it.
      const items: { column: boolean; ifExists: boolean; name: string; options?: DdlOption[] }[] = [];
      let column = false;
      let ifExists = false;
      do {
        if (this.accept('COLUMN')) { column = true; ifExists = false; } else if (this.accept('CONSTRAINT')) { column = false; ifExists = false; }
        if (this.accept('IF', 'EXISTS')) ifExists = true;
        const n = this.ident();
        items.push({ column, ifExists, name: n, ...(!column && this.is('WITH', '(') ? { options: this.withOptions() } : {}) });
      } while (this.accept(','));
      const single = (group: typeof items): AlterAction => (group[0].column
        ? { k: 'dropColumns', names: group.map((x) => x.name), ifExists: group[0].ifExists }
        : { k: 'dropConstraints', names: group.map((x) => x.name), ifExists: group[0].ifExists,
          ...(group.some((x) => x.options) ? { options: new Map(group.flatMap((x) => (x.options ? [[x.name, x.options] as const] : []))) } : {}) });
      action = items.every((x) => x.column === items[0].column && x.ifExists === items[0].ifExists) ? single(items) : { k: 'dropItems', actions: items.map((x) => single([x])) };
    } else {
      this.expect('ALTER', 'COLUMN');
      const column = this.columnDef(true);
      action = { k: 'alterColumn', column, options: this.is('WITH', '(') ? this.withOptions() : [] };
    }
    return { k: 'alterTable', name, action };
  }

}
