import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/calendar';
import { holidayName, isWeekend, monthWeeks, runsInMonth, type Run } from './calendarView';

const COLOURS = {
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffa39e' },
  workday: { background: '#e6f4ff', color: '#0958d9', border: '#91caff' },
};

interface Props {
  year: number;
  month: number;
  entries: ReadonlyMap<string, CalendarDay>;
  runs: readonly Run[];
  today: string;
  /** Given: a day can be clicked to add, edit or delete its entry. */
  onPick?: (date: string) => void;
}

/** One month: the days Monday first, holidays (休) and make-up working days (班) marked, their names below. */
export function MonthGrid({ year, month, entries, runs, today, onPick }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];
  const monthRuns = runsInMonth(runs, month);
  const dayOf = (date: string) => Number(date.slice(8, 10));
  return (
    <Card size="small" title={t(`calendar.months.${month}`)} styles={{ body: { padding: 8 } }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, 1fr)',
          gap: 2,
          textAlign: 'center',
          fontSize: 12,
        }}
      >
        {weekdays.map((w, i) => (
          <Typography.Text
            key={w}
            type="secondary"
            style={{ fontSize: 11, color: i >= 5 ? '#999' : undefined }}
          >
            {w}
          </Typography.Text>
        ))}
        {monthWeeks(year, month)
          .flat()
          .map((date, i) => {
            if (!date) return <span key={`blank-${i}`} />;
            const entry = entries.get(date);
            const colours = entry ? COLOURS[entry.kind] : null;
            const label = entry
              ? `${date} ${t('calendar.named', { name: holidayName(entry.name, english), kind: t(`calendar.kind.${entry.kind}`) })}`
              : `${date} ${t(isWeekend(date) ? 'calendar.weekend' : 'calendar.workingDay')}`;
            return (
              <button
                key={date}
                type="button"
                data-date={date}
                data-kind={entry?.kind ?? ''}
                title={label}
                aria-label={label}
                disabled={!onPick}
                onClick={() => onPick?.(date)}
                style={{
                  position: 'relative',
                  padding: '2px 0',
                  border: `1px solid ${date === today ? '#1677ff' : (colours?.border ?? 'transparent')}`,
                  borderRadius: 4,
                  background: colours?.background ?? 'transparent',
                  color: colours?.color ?? (isWeekend(date) ? '#999' : 'inherit'),
                  cursor: onPick ? 'pointer' : 'default',
                  font: 'inherit',
                  lineHeight: '18px',
                }}
              >
                {dayOf(date)}
                {entry && (
                  <span style={{ position: 'absolute', top: -2, right: 1, fontSize: 9 }}>
                    {t(`calendar.mark.${entry.kind}`)}
                  </span>
                )}
              </button>
            );
          })}
      </div>
      {monthRuns.length > 0 && (
        <Flex vertical gap={0} style={{ marginTop: 6 }}>
          {monthRuns.map((r) => (
            <Typography.Text key={r.from} style={{ fontSize: 12, color: COLOURS[r.kind].color }}>
              {r.from === r.to
                ? t('calendar.runOne', { day: dayOf(r.from) })
                : r.to.slice(5, 7) === r.from.slice(5, 7)
                  ? t('calendar.runMany', { from: dayOf(r.from), to: dayOf(r.to) })
                  : t('calendar.runAcross', {
                      from: dayOf(r.from),
                      to: dayOf(r.to),
                      toMonth: t(`calendar.monthsShort.${Number(r.to.slice(5, 7))}`),
                    })}{' '}
              {t('calendar.named', {
                name: holidayName(r.name, english),
                kind: t(`calendar.kind.${r.kind}`),
              })}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}
