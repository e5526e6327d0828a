import type { DataScope, Permission, Role } from '@fazhi/core/platform/roles';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, DbKind } from '../../db/client.ts';
import type { ReadReplica } from '../../db/replica.ts';

export type AuthUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  dataScope: DataScope;
  orgId: number;
  orgName: string;
  /** Path of the org that roots this user's data scope (`/1/4/`); a prefix of every row they may see. */
  scopePath: string;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
};

/** Who acts, from where: every service method takes it first. */
export type Actor = { user: AuthUser; ip: string | null };

export type AppDeps = {
  db: Db;
  dbKind: DbKind;
  now: () => Date;
  /** A standby for reads that may lag a little (dashboards, 大屏, report previews); absent, they use `db`. */
  reads?: ReadReplica;
};

export type ZApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with the access it declares; the authorisation matrix test walks it. */
    accessTable: { method: string; url: string; access: string }[];
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
  interface FastifyContextConfig {
    /**
     * Required of every route: the permission it needs (or a list, any one of which suffices), or 'public', or
     * 'authenticated' (any logged-in user).
     */
    access?: Permission | readonly Permission[] | 'public' | 'authenticated';
  }
}

export function actorOf(request: { user: AuthUser | null; ip: string }): Actor {
  if (!request.user) throw new Error('actorOf called on an unauthenticated request');
  return { user: request.user, ip: request.ip };
}
