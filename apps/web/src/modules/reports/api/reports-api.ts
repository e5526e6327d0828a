import { reportsContracts } from '@fazhi/core/reports/reports.contract';
import type { CallInput, ResponseOf } from '@fazhi/core/shared/contract';
import { call, upload } from '../../../components/api-client.ts';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = reportsContracts.routes;

export type ReportList = ResponseOf<typeof routes.list>;
export type ReportListItem = ReportList['items'][number];
export type ReportView = ResponseOf<typeof routes.get>;
export type ReportSectionView = ReportView['sections'][number];
export type FigureRow = ReportView['figureTable'][number];
export type CheckResult = ResponseOf<typeof routes.check>;
export type ImportListItem = ResponseOf<typeof routes.imports>['items'][number];
export type ImportDetail = ResponseOf<typeof routes.importDetail>;
export type ImportFigure = ImportDetail['figures'][number];
export type Comparison = ResponseOf<typeof routes.compare>;
export type DeadlineSetting = ResponseOf<typeof routes.deadlines>['items'][number];
export type ReportSave = CallInput<typeof routes.update>['body'];

export const useReportList = (year: number) => useContractQuery(routes.list, { query: { year } });
export const useReport = (id: number) => useContractQuery(routes.get, { params: { id } });
export const useImports = () => useContractQuery(routes.imports, {});
export const useImportDetail = (id: number) => useContractQuery(routes.importDetail, { params: { id } });
export const useDeadlineSettings = (year: number) => useContractQuery(routes.deadlines, { query: { year } });
export const useComparison = (year: number) => useContractQuery(routes.compare, { query: { year } });

export const useComposeReport = () =>
  useContractMutation(routes.compose, { toInput: (body: CallInput<typeof routes.compose>['body']) => ({ body }) });
export const useSaveReport = (id: number) =>
  useContractMutation(routes.update, { toInput: (body: ReportSave) => ({ params: { id }, body }) });
export const useChangeSection = (id: number) =>
  useContractMutation(routes.addSection, {
    send: (c: { key: string; add: boolean }) =>
      c.add
        ? call(routes.addSection, { params: { id }, body: { key: c.key } })
        : call(routes.removeSection, { params: { id, key: c.key } }),
  });
export const useRefreshFigures = (id: number) =>
  useContractMutation(routes.refresh, { toInput: (_: undefined) => ({ params: { id } }) });
export const useReportAction = (id: number) =>
  useContractMutation(routes.act, {
    toInput: (v: {
      action: CallInput<typeof routes.act>['body']['action'];
      reason?: string;
      attachmentIds?: number[];
    }) => ({
      params: { id },
      body: v,
    }),
  });

export const useCheckText = () =>
  useContractMutation(routes.check, { toInput: (text: string) => ({ body: { text } }) });
export const useCheckFile = () =>
  useContractMutation(routes.checkUpload, { send: (file: File) => upload(routes.checkUpload, file) });

export const useImportReport = () =>
  useContractMutation(routes.importText, {
    send: (v: { orgId: number; year: number; text?: string; title?: string; file?: File | null }) =>
      v.file
        ? upload(routes.importUpload, v.file, { query: { orgId: v.orgId, year: v.year } })
        : call(routes.importText, {
            body: { orgId: v.orgId, year: v.year, text: v.text ?? '', title: v.title },
          }),
  });
export const useReviewImport = (id: number) =>
  useContractMutation(routes.review, {
    toInput: (decisions: CallInput<typeof routes.review>['body']['decisions']) => ({
      params: { id },
      body: { decisions },
    }),
  });

export const useSetDeadlines = () =>
  useContractMutation(routes.setDeadlines, {
    toInput: (body: CallInput<typeof routes.setDeadlines>['body']) => ({ body }),
  });
export const useResetDeadlines = () => useContractMutation(routes.resetDeadlines);
