/** A customer organisation; every tenant-scoped table points here. */
import { Column, Table } from 'schemac';
import { AuditedEntity } from './audited-entity.schema';

@Table('tenants')
export class Tenant extends AuditedEntity {
  @Column.varchar(255)
  name!: string;
}
