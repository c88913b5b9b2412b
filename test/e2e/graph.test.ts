/**
 * SQL Graph over the wire: a node table made by hand (with rows) is pulled and planned empty; a
 * new node table and an edge table with an edge constraint are applied, plan empty after; the
 * DOWN script restores the catalog and applying again gives the same one; edges inserted between
 * the nodes leave the plan empty.
 */
import { expectExit } from './support/project';
import { execAll } from './support/sqlcmd';
import { e2eTargets } from './real-server';
import { liveSuite } from './support/live-suite';
import { migrateAndBack } from './support/migrate-and-back';

const EDGES = `import { Column, Connection, Table } from 'schemac';
import { Person } from './person.schema';

@Table('city', { graph: 'node' })
export class City {
  @Column.int({ primaryKey: true }) id!: number;
  @Column.nvarchar(100) name!: string;
}

@Table('lives_in', { graph: 'edge' })
@Connection('ec_lives_in', [{ from: () => Person, to: () => City }], { onDelete: 'CASCADE' })
export class LivesIn {
  @Column.int({ nullable: true }) since!: number | null;
}
`;

for (const spec of e2eTargets()) {
  describe(`graph tables on the ${spec.name}`, () => {
    const suite = liveSuite(spec, { example: false, dropTables: ['dbo.lives_in', 'dbo.city', 'dbo.person'] });

    it('pulls a node table, adds a node and an edge table with a connection, and back', async () => {
      await execAll(suite.target.url, [
        'CREATE TABLE dbo.person (id int NOT NULL CONSTRAINT pk_person PRIMARY KEY CLUSTERED, name nvarchar(100) NOT NULL) AS NODE;',
        "INSERT INTO dbo.person (id, name) VALUES (1, N'Ada'), (2, N'Bob');",
      ]);
      expectExit(await suite.project.run(['pull', ...suite.db(), '--out', 'schema', '--force']), 0);
      await suite.planIsEmpty();

      suite.project.write('graph.schema.ts', EDGES);
      const { after, up, down } = await migrateAndBack(suite);
      expect(up).toContain('CREATE TABLE [dbo].[city] (');
      expect(up).toContain(') AS NODE;');
      expect(up).toContain(') AS EDGE;');
      expect(up).toContain('ALTER TABLE [dbo].[lives_in] ADD CONSTRAINT [ec_lives_in] CONNECTION ([dbo].[person] TO [dbo].[city]) ON DELETE CASCADE;');
      expect(down.indexOf('DROP CONSTRAINT [ec_lives_in]')).toBeLessThan(down.indexOf('DROP TABLE [dbo].[city]'));
      expect(after.edge_constraints).toEqual([expect.objectContaining({ table: 'dbo.lives_in', name: 'ec_lives_in', delete_referential_action_desc: 'CASCADE' })]);
      expect(after.columns).toContainEqual(expect.objectContaining({ table: 'dbo.lives_in', name: '$from_id_<hex>', graph_type: 5 }));

      await execAll(suite.target.url, [
        "INSERT INTO dbo.city (id, name) VALUES (10, N'Oslo');",
        'INSERT INTO dbo.lives_in ($from_id, $to_id, since) VALUES ((SELECT $node_id FROM dbo.person WHERE id = 1), (SELECT $node_id FROM dbo.city WHERE id = 10), 2020);',
      ]);
      await suite.planIsEmpty();
    }, 240_000);
  });
}
