// The working-day calendar (工作日历): the years entered, a year's days, edits, and due dates.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  CalendarOverview,
  CalendarYear,
  DueDate,
  SaveDayBody,
  SaveYearBody,
} from '../../modules/calendar/calendar.schemas';
import type { CalendarDay } from '../../modules/calendar/core/working-days';

const KEY = 'calendar';

export type { CalendarDay, CalendarOverview, CalendarYear, DueDate };

export function useCalendarOverview() {
  return useQuery({
    queryKey: [KEY, 'overview'],
    queryFn: ({ signal }) => api<CalendarOverview>('/calendar', { signal }),
  });
}

export function useCalendarYear(year: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'year', year],
    queryFn: ({ signal }) => api<CalendarYear>(`/calendar/years/${year}`, { signal }),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** "N working days after D"; runs once both are given. */
export function useDueDate(from: string | null, days: number | null) {
  return useQuery({
    queryKey: [KEY, 'due', from, days],
    queryFn: ({ signal }) =>
      api<DueDate>('/calendar/add-working-days', { query: { from: from!, days: days! }, signal }),
    enabled: from !== null && days !== null,
  });
}

function useCalendarWrite<V>(fn: (vars: V) => Promise<CalendarYear>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Enter a year (its notice) or change its source; the task force only. */
export const useSaveCalendarYear = () =>
  useCalendarWrite(({ year, ...body }: SaveYearBody & { year: number }) =>
    api<CalendarYear>(`/calendar/years/${year}`, { method: 'PUT', body }),
  );

/** Add or edit a holiday or make-up working day; the task force only. */
export const useSaveCalendarDay = () =>
  useCalendarWrite(({ date, ...body }: SaveDayBody & { date: string }) =>
    api<CalendarYear>(`/calendar/days/${date}`, { method: 'PUT', body }),
  );

export const useDeleteCalendarDay = () =>
  useCalendarWrite((date: string) => api<CalendarYear>(`/calendar/days/${date}`, { method: 'DELETE' }));
