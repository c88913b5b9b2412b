/** Runs the security statements (security.ts) in a DDL context: their transaction image first. */
import type { StatementBody } from './ast';
import type { DdlContext } from './ddl-constraints';
import { alterRoleMember, applyPermissions, createPrincipal, dropPrincipal } from './security';

type SecurityStatement = Extract<StatementBody, { k: 'createPrincipal' | 'dropPrincipal' | 'alterRoleMember' | 'permission' }>;

export function runSecurity(ctx: DdlContext, s: SecurityStatement): void {
  ctx.beforeSecurity?.();
  switch (s.k) {
    case 'createPrincipal': createPrincipal(ctx.db, ctx.now, s); return;
    case 'dropPrincipal': dropPrincipal(ctx.db, s.kind, s.name, s.ifExists); return;
    case 'alterRoleMember': alterRoleMember(ctx.db, s.role, s.op, s.member); return;
    case 'permission': applyPermissions(ctx.db, s.statement); return;
  }
}
