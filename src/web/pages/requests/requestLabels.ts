// Shared display helpers of the request pages: state colours and localised names.
import type { RequestState, RequestSummary } from '../../api/requests';

export const STATE_COLORS: Record<RequestState, string> = {
  submitted: 'default',
  accepted: 'blue',
  assigned: 'geekblue',
  in_progress: 'processing',
  answered: 'cyan',
  closed: 'green',
  rated: 'success',
  suspended: 'warning',
};

export const isEnglish = (lang: string) => lang.startsWith('en');

export const categoryName = (r: Pick<RequestSummary, 'categoryZh' | 'categoryEn'>, lang: string) =>
  isEnglish(lang) ? r.categoryEn || r.categoryZh : r.categoryZh;

export const assigneeOf = (r: Pick<RequestSummary, 'assigneeName' | 'assigneeNameEn'>, lang: string) =>
  (isEnglish(lang) ? r.assigneeNameEn || r.assigneeName : r.assigneeName) ?? '—';
