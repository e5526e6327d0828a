import { ledgersContracts } from '@fazhi/core/ledgers/ledgers.contract';
import type { CustomTypeInput } from '@fazhi/core/ledgers/ledgers.schemas';
import type { LedgerData } from '@fazhi/core/ledgers/row-schema';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { call, download, upload } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = ledgersContracts.routes;

/** A row of a list: `duplicate` — another row in the viewer's scope holds one of its unique keys. */
export type LedgerRow = ResponseOf<typeof routes.rows>['items'][number];
export type TypeDetail = ResponseOf<typeof routes.type>;
export type RowQuery = Record<string, string | number | undefined>;

/** Every cached ledger answer (types, rows, jobs) starts with this path. */
export const ledgersPrefix = '/api/ledgers';

export const useLedgerTypes = () => useContractQuery(routes.types, {});
export const useLedgerType = (key: string | undefined) =>
  useContractQuery(routes.type, { params: { type: key ?? '-' } }, { enabled: Boolean(key) });
export const useLedgerRows = (key: string, query: RowQuery) =>
  useContractQuery(routes.rows, { params: { type: key }, query }, { keepPrevious: true });
export const useImportJob = (id: number | null, isDone: boolean) =>
  useContractQuery(
    routes.job,
    { params: { id: id ?? 0 } },
    { enabled: id !== null, refetchInterval: isDone ? false : 400 },
  );

export const fetchLedgerType = (key: string) => call(routes.type, { params: { type: key } });

export const useSaveRow = () => {
  const create = useContractMutation(routes.createRow, {
    toInput: ({ key, body }: { key: string; body: { orgId: number; data: LedgerData } }) => ({
      params: { type: key },
      body,
    }),
  });
  const update = useContractMutation(routes.updateRow, {
    toInput: ({
      key,
      id,
      body,
    }: {
      key: string;
      id: number;
      body: { orgId: number; data: LedgerData; version: number };
    }) => ({
      params: { type: key, id },
      body,
    }),
  });
  return { create, update };
};
export const useDeleteRow = () =>
  useContractMutation(routes.deleteRow, {
    toInput: ({ key, row }: { key: string; row: LedgerRow }) => ({
      params: { type: key, id: row.id },
      query: { version: row.version },
    }),
  });
export const useSaveType = () => {
  const create = useContractMutation(routes.createType, { toInput: (body: CustomTypeInput) => ({ body }) });
  const update = useContractMutation(routes.updateType, {
    toInput: ({ key, body }: { key: string; body: CustomTypeInput }) => ({ params: { type: key }, body }),
  });
  return { create, update };
};

export const uploadLedgerImport = (key: string, file: File) => upload(routes.import, file, { params: { type: key } });
export const downloadTemplate = (key: string, typeName: string) =>
  download(routes.template, { params: { type: key } }, `${typeName}导入模板.xlsx`);
export const downloadExport = (key: string, name: string, query: RowQuery) =>
  download(routes.export, { params: { type: key }, query }, `${name}.xlsx`);
export const downloadJobErrors = (id: number) => download(routes.jobErrors, { params: { id } }, '导入错误报告.xlsx');
