import 'dayjs/locale/zh-cn';
import { Alert, Card, DatePicker, Flex, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDueDate } from '../../api/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { weekdayOf } from './calendarView';

/** "N working days after D": the due date on the calendar, and a warning for years not entered. */
export function WorkingDaysTool({ today }: { today: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<string | null>(today);
  const [days, setDays] = useState<number | null>(7);
  const debouncedDays = useDebouncedValue(days, 250);
  const { data, error, refetch } = useDueDate(from, debouncedDays);
  const weekdays = t('calendar.weekdaysFromSunday', { returnObjects: true }) as string[];
  return (
    <Card size="small" title={t('calendar.tool.title')}>
      <Flex gap={8} wrap align="center">
        <DatePicker
          aria-label={t('calendar.tool.from')}
          allowClear={false}
          value={from ? dayjs(from) : null}
          onChange={(d) => setFrom(d ? d.format('YYYY-MM-DD') : null)}
        />
        <Typography.Text>{t('calendar.tool.plus')}</Typography.Text>
        <InputNumber
          aria-label={t('calendar.tool.days')}
          min={0}
          max={1000}
          precision={0}
          value={days}
          onChange={(v) => setDays(v)}
          style={{ width: 90 }}
        />
        <Typography.Text>{t('calendar.tool.after')}</Typography.Text>
        {data && (
          <Typography.Text strong data-testid="due-date" style={{ fontSize: 16 }}>
            {t('calendar.named', { name: data.due, kind: weekdays[weekdayOf(data.due)] })}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('calendar.tool.rule')}
      </Typography.Paragraph>
      {data && data.missingYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('calendar.tool.missing', { years: data.missingYears.join(t('calendar.listSeparator')) })}
        />
      )}
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
    </Card>
  );
}
