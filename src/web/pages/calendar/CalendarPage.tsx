import { Alert, Col, Flex, Row, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { useCalendarOverview, useCalendarYear } from '../../api/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { usePageTitle } from '../../lib/usePageTitle';
import { runsOf, selectableYears } from './calendarView';
import { DayModal } from './DayModal';
import { MonthGrid } from './MonthGrid';
import { WorkingDaysTool } from './WorkingDaysTool';
import { YearSource } from './YearSource';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 工作日历: a year's public holidays and make-up working days (调休) from the State Council's
 * notice, which every deadline counted in working days follows; the task force enters and edits
 * them, and a calculator answers "N working days after D".
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'calendar:write');
  const [params, setParams] = useSearchParams();
  const overview = useCalendarOverview();
  const today = overview.data?.today;
  const asked = Number(params.get('year')) || undefined;
  const year = asked ?? (today ? Number(today.slice(0, 4)) : undefined);
  const calendar = useCalendarYear(year);
  const [picked, setPicked] = useState<string | null>(null);
  usePageTitle(t('calendar.title'));

  const entries = useMemo(
    () => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])),
    [calendar.data],
  );
  const runs = useMemo(() => runsOf(calendar.data?.days ?? []), [calendar.data]);

  if (overview.isPending) return <PageSpin />;
  if (!overview.data || !today || year === undefined)
    return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;

  const entered = new Set(overview.data.years.map((y) => y.year));
  const years = selectableYears([...entered], Number(today.slice(0, 4)));

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Select
          aria-label={t('calendar.year')}
          value={year}
          style={{ width: 180 }}
          onChange={(y) => setParams({ year: String(y) })}
          options={years.map((y) => ({
            value: y,
            label: (
              <Flex gap={6} align="center">
                {t('calendar.yearOption', { year: y })}
                {!entered.has(y) && <Tag color="warning">{t('calendar.notEnteredTag')}</Tag>}
              </Flex>
            ),
          }))}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('calendar.intro')}
      </Typography.Paragraph>
      {overview.data.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.missingYears', {
            years: overview.data.missing.join(t('calendar.listSeparator')),
          })}
        />
      )}
      <WorkingDaysTool today={today} />
      {calendar.isPending ? (
        <PageSpin />
      ) : !calendar.data ? (
        <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <YearSource data={calendar.data} canWrite={canWrite} />
          <Flex gap={16} wrap>
            <Tag color="red">{t('calendar.legend.holiday')}</Tag>
            <Tag color="blue">{t('calendar.legend.workday')}</Tag>
            {canWrite && calendar.data.entered && (
              <Typography.Text type="secondary">{t('calendar.clickHint')}</Typography.Text>
            )}
          </Flex>
          <Row gutter={[12, 12]}>
            {MONTHS.map((m) => (
              <Col key={m} xs={24} sm={12} md={8} xl={6}>
                <MonthGrid
                  year={calendar.data!.year}
                  month={m}
                  entries={entries}
                  runs={runs}
                  today={today}
                  onPick={canWrite && calendar.data!.entered ? setPicked : undefined}
                />
              </Col>
            ))}
          </Row>
        </>
      )}
      <DayModal
        date={picked}
        entry={picked ? entries.get(picked) : undefined}
        onClose={() => setPicked(null)}
      />
    </Flex>
  );
}
