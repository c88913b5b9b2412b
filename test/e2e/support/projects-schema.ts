/** The apply tests' own schema: one table whose plan from empty is exactly 7 statements (a create and six indexes). */

/** schema/projects.schema.ts. */
export const PROJECTS_SCHEMA = `/** A table of its own for the apply tests. */
import { Column, Index, Table, sql } from 'schemac';

@Table('projects')
@Index('ix_projects_budget', ['budget'], { where: sql\`[budget] > 0\` })
@Index('ix_projects_code', ['code'], { unique: true })
@Index('ix_projects_notes', ['notes'])
@Index('ix_projects_owner', ['owner'])
@Index('ix_projects_owner_priority', ['owner', 'priority'])
@Index('ix_projects_priority', ['priority', 'code'])
export class Project {
  @Column.int({ identity: [1, 1], primaryKey: { name: 'pk_projects', clustered: true } })
  id!: number;

  @Column.varchar(20)
  code!: string;

  @Column.varchar(100)
  owner!: string;

  @Column.int({ default: 0 })
  priority!: number;

  @Column.int({ default: 0 })
  budget!: number;

  @Column.varchar(400, { nullable: true })
  notes!: string | null;
}
`;

/** The same table without its notes column (and the index on it): dropping a column that holds data. */
export const PROJECTS_WITHOUT_NOTES = PROJECTS_SCHEMA
  .replace("@Index('ix_projects_notes', ['notes'])\n", '')
  .replace('\n  @Column.varchar(400, { nullable: true })\n  notes!: string | null;\n', '');
