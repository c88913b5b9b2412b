/** BaseEntity: an AuditedEntity that belongs to a tenant. */
import { Column, ForeignKey, Index, Mixin } from 'schemac';
import { AuditedEntity } from './audited-entity.schema';
import { Tenant } from './tenants.schema';

@Mixin()
@ForeignKey('fk_{table}_tenant', ['tenantId'], () => Tenant, ['id'])
@Index('ix_{table}_tenant_active', ['tenantId', 'isDeleted', 'indexId'], { activeOnly: true })
@Index('ix_{table}_tenant_id_lookup', ['tenantId', 'id'], { activeOnly: true })
export abstract class BaseEntity extends AuditedEntity {
  @Column.uniqueidentifier()
  tenantId!: string;
}
