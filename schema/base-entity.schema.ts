/** BaseEntity: an AuditedEntity that belongs to a tenant. */
import { Column, ForeignKey, Index, Mixin } from 'schemac';
import { AuditedEntity } from './audited-entity.schema';
import { Tenant } from './tenants.schema';

@Mixin()
// The tenant indexes are filtered (live rows only), so none serves the FK check a hard delete of a
// tenant would run; tenants are only ever soft-deleted, so that check never runs.
// schemac-lint-ignore fk-without-index -- tenants are soft-deleted, never hard deleted
@ForeignKey('fk_{table}_tenant', ['tenantId'], () => Tenant, ['id'])
@Index('ix_{table}_tenant_active', ['tenantId', 'isDeleted', 'indexId'], { activeOnly: true })
@Index('ix_{table}_tenant_id_lookup', ['tenantId', 'id'], { activeOnly: true })
export abstract class BaseEntity extends AuditedEntity {
  @Column.uniqueidentifier()
  tenantId!: string;
}
