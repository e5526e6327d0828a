import { portalContracts } from '@fazhi/core/consultation/consultation.portal.contract';
import { publicReportContracts } from '@fazhi/core/reports/reports.public.contract';
import type { ResponseOf } from '@fazhi/core/shared/contract';
import { download } from '../../../components/api-client.ts';
import { useContractQuery } from '../../../components/contract-query.ts';

/** The public annual-report pages (no login), called only through their contracts. */
export const publicReportRoutes = publicReportContracts.routes;
type Routes = typeof publicReportRoutes;

export type PublicCounty = ResponseOf<Routes['counties']>['items'][number];
export type PublicReportList = ResponseOf<Routes['list']>;
export type PublicReport = ResponseOf<Routes['read']>;

export const usePublicCounties = () => useContractQuery(publicReportRoutes.counties, {});
/** The public portal's 基层立法联系点 and its county: that county's report pages link back to the portal. */
export const usePortalPoint = () => useContractQuery(portalContracts.routes.point, {});
export const usePublicReports = (countyId: number) =>
  useContractQuery(publicReportRoutes.list, { params: { countyId } });
export const usePublicReport = (countyId: number, id: number) =>
  useContractQuery(publicReportRoutes.read, { params: { countyId, id } });

export const downloadPublicReport = (countyId: number, id: number, format: 'docx' | 'pdf', title: string) =>
  download(publicReportRoutes[format], { params: { countyId, id } }, `${title}.${format}`);
