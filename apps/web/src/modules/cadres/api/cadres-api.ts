import { cadresContracts } from '@fazhi/core/cadres/cadres.contract';
import type { CallInput, ResponseOf } from '@fazhi/core/shared/contract';
import { useContractMutation, useContractQuery } from '../../../components/contract-query.ts';

const routes = cadresContracts.routes;
type Body<K extends keyof typeof routes> = CallInput<(typeof routes)[K]>['body'];

export type CadreItem = ResponseOf<typeof routes.list>['items'][number];
export type StudyItem = ResponseOf<typeof routes.studies>['items'][number];
export type LawReportItem = ResponseOf<typeof routes.lawReports>['items'][number];
export type ExamItem = ResponseOf<typeof routes.exams>['items'][number];
export type ArchiveDetail = ResponseOf<typeof routes.archive>;

const items = <T>(r: { items: T[] }) => r.items;
export const useCadres = (year: number) => useContractQuery(routes.list, { query: { year } }, { select: items });
export const useStudies = (year: number) => useContractQuery(routes.studies, { query: { year } }, { select: items });
export const useLawReports = (year: number) =>
  useContractQuery(routes.lawReports, { query: { year } }, { select: items });
export const useExams = (year: number) => useContractQuery(routes.exams, { query: { year } }, { select: items });
export const useArchive = (id: number, year: number) =>
  useContractQuery(routes.archive, { params: { id }, query: { year } }, { enabled: Number.isFinite(id) });

const byId = (id: number) => ({ params: { id } });

export const useCreateCadre = () =>
  useContractMutation(routes.create, { toInput: (body: Body<'create'>) => ({ body }) });
export const useUpdateCadre = () =>
  useContractMutation(routes.update, {
    toInput: ({ id, ...body }: Body<'update'> & { id: number }) => ({ ...byId(id), body }),
  });
export const useRemoveCadre = () => useContractMutation(routes.remove, { toInput: byId });
export const useCreateStudy = () =>
  useContractMutation(routes.createStudy, { toInput: (body: Body<'createStudy'>) => ({ body }) });
export const useDeleteStudy = () => useContractMutation(routes.deleteStudy, { toInput: byId });
export const useCreateLawReport = () =>
  useContractMutation(routes.createLawReport, { toInput: (body: Body<'createLawReport'>) => ({ body }) });
export const useScoreLawReport = () =>
  useContractMutation(routes.scoreLawReport, {
    toInput: ({ id, body }: { id: number; body: Body<'scoreLawReport'> }) => ({ ...byId(id), body }),
  });
export const useCreateExam = () =>
  useContractMutation(routes.createExam, { toInput: (body: Body<'createExam'>) => ({ body }) });
export const useUpdateArchive = () =>
  useContractMutation(routes.updateArchive, {
    toInput: ({ id, body }: { id: number; body: Body<'updateArchive'> }) => ({ ...byId(id), body }),
  });
