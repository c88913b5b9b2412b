/**
 * Which servers build indexes resumably and which indexes SQL Server can build that way
 * (src/sqlserver/resumable.ts), and the --resumable pass over a plan (src/differ/resumable.ts).
 */
import { diff, planResumable, productionOptions, type Plan } from '../../src/differ';
import type { Database, ServerFacts } from '../../src/model';
import { resumableIndexProblem, resumableServerProblem, supportsResumableCreateIndex } from '../../src/sqlserver/resumable';
import { defaultNameKey } from '../../src/sqlserver/names';
import { col, db, fk, ix, pk, table } from '../support/model-builders';

const server = (engineEdition: number, majorVersion: number, edition = 'x'): ServerFacts => ({ engineEdition, edition, majorVersion });

describe('resumable CREATE INDEX by edition and version', () => {
  const cases: readonly [string, ServerFacts | undefined, boolean, RegExp | null][] = [
    ['Enterprise 2019', server(3, 15), true, null],
    ['Developer 2022', server(3, 16), true, null],
    ['Enterprise 2017 (resumable rebuilds only)', server(3, 14), false, /SQL Server 14 has no resumable CREATE INDEX/],
    ['Enterprise 2016', server(3, 13), false, /SQL Server 13/],
    ['Standard 2022', server(2, 16), false, /^Standard edition has no online index operations, and RESUMABLE needs ONLINE = ON$/],
    ['Express 2022', server(4, 16), false, /^Express edition/],
    ['Azure SQL Database', server(5, 12), true, null],
    ['Azure SQL Managed Instance', server(8, 12), true, null],
    ['Azure SQL Edge', server(9, 15), false, /Azure SQL Edge/],
    ['no server (planned from a snapshot without server facts)', undefined, false, /unknown/],
  ];
  it.each(cases)('%s', (_name, facts, supported, reason) => {
    expect(supportsResumableCreateIndex(facts)).toBe(supported);
    const problem = resumableServerProblem(facts);
    if (reason === null) expect(problem).toBeNull();
    else expect(problem).toMatch(reason);
  });
});

describe('indexes SQL Server can build resumably', () => {
  const columns = [
    col('id', 'int'), col('customer', 'varchar(40)'), col('note', 'nvarchar(max)', { nullable: true }), col('doc', 'xml', { nullable: true }),
    col('total', 'int', { computed: 'id * 2' }), col('version', 'rowversion'),
  ];
  const cases: readonly [string, ReturnType<typeof ix>, string | null][] = [
    ['a nonclustered rowstore index', ix('ix_a', ['customer']), null],
    ['a unique one with an INCLUDE', ix('ix_b', ['customer'], { unique: true, include: ['id'] }), null],
    ['a clustered one', ix('ix_c', ['id'], { clustered: true }), null],
    ['a filtered one', ix('ix_d', ['customer'], { filter: 'id > 0' }), 'a filtered index cannot be built resumably'],
    ['a computed key column', ix('ix_e', ['total']), 'its key column total is computed'],
    ['a rowversion key column', ix('ix_f', ['version']), 'its key column version is a rowversion'],
    ['a LOB included column', ix('ix_g', ['customer'], { include: ['note'] }), 'its included column note is a large object (nvarchar(max))'],
    ['an xml included column', ix('ix_h', ['customer'], { include: ['doc'] }), 'its included column doc is a large object (xml)'],
    ['a computed included column', ix('ix_i', ['customer'], { include: ['total'] }), 'its included column total is computed'],
    ['a columnstore one', { ...ix('ix_j', ['customer']), columnstore: true }, 'a columnstore index cannot be built resumably'],
  ];
  it.each(cases)('%s', (_name, index, problem) => {
    expect(resumableIndexProblem(index, columns, defaultNameKey)).toBe(problem);
  });
});

describe('the --resumable pass over a plan', () => {
  const ENTERPRISE: ServerFacts = server(3, 16, 'Enterprise Edition (64-bit)');
  const orders = (indexes: ReturnType<typeof ix>[], rowCount: number, fks: ReturnType<typeof fk>[] = []) => table('orders', {
    columns: [col('id', 'int'), col('customer', 'varchar(40)'), col('placed_at', 'datetime')], pk: pk('pk_orders', ['id']), indexes, fks, rowCount,
  });
  const current = (rows: number, s: ServerFacts | undefined = ENTERPRISE): Database => ({ ...db([orders([], rows)]), ...(s ? { server: s } : {}) });
  const plan = (desired: Database, now: Database): Plan => diff(desired, now, { allowDrop: false, production: productionOptions() });
  const kinds = (p: Plan): string[] => p.steps.map((s) => `${s.change.kind}${s.change.kind === 'createIndex' && s.change.resumable ? ' (after COMMIT)' : ''}`);

  it('moves online nonclustered builds after the rest and marks them, with MAX_DURATION', () => {
    const desired = db([orders([ix('ix_orders_customer', ['customer']), ix('ix_orders_placed', ['placed_at'], { filter: 'id > 0' })], 0)]);
    const decision = planResumable(plan(desired, current(500)), desired, current(500), { maxDurationMinutes: 30 });
    if (decision.kind !== 'planned') throw new Error(decision.kind);
    expect(decision.deferred).toBe(1);
    expect(kinds(decision.plan)).toEqual(['createIndex', 'createIndex (after COMMIT)']);
    const last = decision.plan.steps.at(-1)?.change;
    expect(last?.kind === 'createIndex' && last.index.name).toBe('ix_orders_customer');
    expect(last?.kind === 'createIndex' && last.resumable).toEqual({ maxDurationMinutes: 30 });
    expect(decision.kept).toEqual([{ table: { schema: 'dbo', name: 'orders' }, index: 'ix_orders_placed', reason: 'a filtered index cannot be built resumably' }]);
  });

  it('leaves the plan as it is on a server without resumable builds, and says why', () => {
    const desired = db([orders([ix('ix_orders_customer', ['customer'])], 0)]);
    const standard = current(500, server(2, 16, 'Standard Edition (64-bit)'));
    expect(planResumable(plan(desired, standard), desired, standard, { maxDurationMinutes: null })).toEqual({
      kind: 'unsupported', reason: 'Standard edition has no online index operations, and RESUMABLE needs ONLINE = ON',
    });
  });

  it('keeps builds on an empty table in the transaction without a word, and a unique index a new foreign key may reference', () => {
    const desired = db([orders([ix('ix_orders_customer', ['customer'])], 0)]);
    const empty = planResumable(plan(desired, current(0)), desired, current(0), { maxDurationMinutes: null });
    expect(empty).toMatchObject({ kind: 'planned', deferred: 0, kept: [] });

    const withUnique = db([orders([ix('ux_orders_customer', ['customer'], { unique: true })], 0, [fk('fk_orders_self', ['customer'], 'orders', ['customer'])])]);
    const decided = planResumable(plan(withUnique, current(500)), withUnique, current(500), { maxDurationMinutes: null });
    expect(decided).toMatchObject({ kind: 'planned', deferred: 0, kept: [{ index: 'ux_orders_customer', reason: 'foreign key fk_orders_self may reference it' }] });
  });
});
