import type {
  auditEntrySchema,
  UserGrant,
  userCreateSchema,
  userUpdateSchema,
} from '@fazhi/core/platform/platform.schemas';
import type { DataScope, Role } from '@fazhi/core/platform/roles';
import type { z } from '@fazhi/core/shared/zod';
import { api } from '../../../components/api-client.ts';
import type { Me } from '../../../components/session.ts';

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type UserCreate = z.input<typeof userCreateSchema>;
export type UserUpdate = z.input<typeof userUpdateSchema>;

/** A row of GET /api/users and GET /api/security/locked-users (the server's user list shape). */
export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  dataScope: DataScope;
  scopeOrgId: number | null;
  orgId: number;
  orgName: string;
  isActive: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
};

export type AuditChainState =
  | { isIntact: true; rows: number }
  | { isIntact: false; rows: number; brokenId: number; position: number; reason: string };

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const platformApi = {
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }),
  changePassword: (oldPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/api/auth/password', { oldPassword, newPassword }),
  listUsers: (query: { page: number; pageSize: number; q?: string }) => api.get<Page<UserRow>>('/api/users', query),
  createUser: (body: UserCreate) => api.post<{ id: number }>('/api/users', body),
  updateUser: (id: number, body: UserUpdate) => api.patch<{ ok: true }>(`/api/users/${id}`, body),
  lockedUsers: () => api.get<{ items: UserRow[] }>('/api/security/locked-users'),
  securityUsers: (query: { page: number; pageSize: number; q?: string; locked?: 'true' }) =>
    api.get<Page<UserRow>>('/api/security/users', query),
  unlockUser: (id: number) => api.post<{ ok: true }>(`/api/security/users/${id}/unlock`),
  resetPassword: (id: number, password: string) =>
    api.post<{ ok: true }>(`/api/security/users/${id}/reset-password`, { password }),
  grantUser: (id: number, body: UserGrant) => api.put<{ ok: true }>(`/api/security/users/${id}/grant`, body),
  auditChain: () => api.get<AuditChainState>('/api/audit/chain'),
  audit: (query: Record<string, unknown>) => api.get<Page<AuditEntry>>('/api/audit', query),
};
