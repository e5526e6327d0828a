import type { WindowStatus } from '@fazhi/core/consultation/consultation-window';
import { api } from '../../../components/api-client.ts';
import type { Article } from './consultation-api.ts';

export type PortalConsultation = {
  id: number;
  title: string;
  legislature: string;
  legislatureLevel: 'national' | 'provincial' | 'municipal';
  opensOn: string;
  closesOn: string;
  pointName: string;
  articleCount: number;
  opinions: number;
  answered: number;
  hasFinalResult: boolean;
  windowStatus: WindowStatus;
  daysLeft: number;
};
export type PortalDetail = Omit<PortalConsultation, 'articleCount' | 'opinions' | 'answered' | 'hasFinalResult'> & {
  draftTitle: string;
  preamble: string;
  blockedReason: string | null;
  finalAdoptedOn: string | null;
  finalSummary: string | null;
  wholeDraftOpinions: number;
  articles: (Article & { opinions: number })[];
};
export type PortalFeedback = {
  id: number;
  articleLabel: string;
  submitter: string;
  content: string;
  decision: string | null;
  decisionLabel: string | null;
  reply: string | null;
  answeredAt: string | null;
};
export type Receipt = {
  receiptCode: string;
  consultationId: number;
  consultationTitle: string;
  articleLabel: string;
  submitter: string;
  phone: string | null;
  content: string;
  submittedAt: string;
  statusLabel: string;
  decision: string | null;
  decisionLabel: string | null;
  reply: string | null;
};
export type SubmitResult = { receiptCode: string; needsReview: boolean; message: string };

export const portalApi = {
  list: () => api.get<{ items: PortalConsultation[] }>('/api/portal/consultations').then((r) => r.items),
  detail: (id: number) => api.get<PortalDetail>(`/api/portal/consultations/${id}`),
  feedback: (id: number) =>
    api.get<{ items: PortalFeedback[] }>(`/api/portal/consultations/${id}/feedback`).then((r) => r.items),
  submit: (id: number, body: { articleKey: string | null; name: string; phone: string; content: string }) =>
    api.post<SubmitResult>(`/api/portal/consultations/${id}/opinions`, body),
  receipt: (code: string) => api.get<Receipt>(`/api/portal/receipts/${encodeURIComponent(code)}`),
};
