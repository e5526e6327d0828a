import { platformContracts } from '@fazhi/core/platform/platform.contract';
import type { userCreateSchema, userUpdateSchema } from '@fazhi/core/platform/platform.schemas';
import type { CallInput, ResponseOf } from '@fazhi/core/shared/contract';
import type { z } from '@fazhi/core/shared/zod';
import { call } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = platformContracts.routes;

export type UserRow = ResponseOf<typeof routes.listUsers>['items'][number];
export type AuditEntry = ResponseOf<typeof routes.audit>['items'][number];
export type AuditChainState = ResponseOf<typeof routes.auditChain>;
export type UserCreate = z.input<typeof userCreateSchema>;
export type UserUpdate = z.input<typeof userUpdateSchema>;
export type UserListQuery = CallInput<typeof routes.listUsers>['query'];
export type AuditQuery = CallInput<typeof routes.audit>['query'];

/** Account changes show in both lists: the system administrator's and the security administrator's. */
const accountLists = ['/api/users', '/api/security'];

export const login = (username: string, password: string) => call(routes.login, { body: { username, password } });
export const changePassword = (oldPassword: string, newPassword: string) =>
  call(routes.changePassword, { body: { oldPassword, newPassword } });

export const useUsers = (query: UserListQuery) => useContractQuery(routes.listUsers, { query }, { keepPrevious: true });
export const useSecurityUsers = (query: UserListQuery) =>
  useContractQuery(routes.securityUsers, { query }, { keepPrevious: true });
export const useAuditChain = () => useContractQuery(routes.auditChain, {});
export const useAudit = (query: AuditQuery, enabled = true) =>
  useContractQuery(routes.audit, { query }, { keepPrevious: true, enabled });

export const useCreateUser = () =>
  useContractMutation(routes.createUser, { toInput: (body: UserCreate) => ({ body }), invalidate: accountLists });
export const useUpdateUser = () =>
  useContractMutation(routes.updateUser, {
    toInput: ({ id, body }: { id: number; body: UserUpdate }) => ({ params: { id }, body }),
    invalidate: accountLists,
  });
export const useGrantUser = () =>
  useContractMutation(routes.grantUser, {
    toInput: ({ id, body }: { id: number; body: CallInput<typeof routes.grantUser>['body'] }) => ({
      params: { id },
      body,
    }),
    invalidate: accountLists,
  });
export const useUnlockUser = () =>
  useContractMutation(routes.unlockUser, {
    toInput: (user: UserRow) => ({ params: { id: user.id } }),
    invalidate: accountLists,
  });
export const useResetPassword = () =>
  useContractMutation(routes.resetPassword, {
    toInput: ({ user, password }: { user: UserRow; password: string }) => ({
      params: { id: user.id },
      body: { password },
    }),
    invalidate: accountLists,
  });
