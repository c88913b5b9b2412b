/**
 * AuditedEntity: what every table has. A random GUID is the primary key but NOT the clustered
 * key (random inserts would split pages); the identity index_id is, so inserts append.
 */
import { Column, Index, Mixin, sql } from 'schemac';

@Mixin()
@Index('ix_{table}_index_id', ['indexId'], { unique: true, clustered: true })
@Index('ix_{table}_active', ['isDeleted'], { activeOnly: true })
export abstract class AuditedEntity {
  @Column.uniqueidentifier({ default: sql`NEWID()`, primaryKey: { name: 'pk_{table}', clustered: false } })
  id!: string;

  @Column.bigint({ identity: [1, 1] })
  indexId!: number;

  @Column.datetime({ default: sql`GETDATE()` })
  createdAt!: Date;

  @Column.datetime({ default: sql`GETDATE()` })
  updatedAt!: Date;

  @Column.bit({ default: false, softDelete: true })
  isDeleted!: boolean;
}
