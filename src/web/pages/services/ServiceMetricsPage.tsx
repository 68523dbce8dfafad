import { Card, Col, Flex, Row, Select, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { useServiceMetrics } from '../../api/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatInteger, formatNumber, formatPercent } from '../../lib/format';
import { useQueryParams } from '../../lib/useQueryParams';
import { ServiceMetricsTable, type MetricsRow } from './ServiceMetricsTable';

const thisYear = () => Number(formatDate(new Date()).slice(0, 4));
const parse = (p: URLSearchParams) => ({
  year: Number(p.get('year')) || thisYear(),
  tab: (p.get('tab') as 'platforms' | 'departments' | 'commissioners' | null) ?? undefined,
});

/**
 * 服务成效: the year's requests and visits per platform, department and commissioner — closure,
 * on time, working days to close, satisfaction, overdue, escalated, visit coverage; each row opens
 * its requests.
 */
export function ServiceMetricsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { data: me } = useMe();
  const { query, update } = useQueryParams(parse);
  const { year } = query;
  const metrics = useServiceMetrics(year);
  const m = metrics.data;
  const loading = metrics.isFetching;
  const platforms: MetricsRow[] = (m?.platforms ?? []).map((r) => ({
    ...r,
    key: `p${r.platformId}`,
    name: en ? r.nameEn || r.name : r.name,
    filter: `platformId=${r.platformId}`,
  }));
  const departments: MetricsRow[] = (m?.departments ?? []).map((r) => ({
    ...r,
    key: `d${r.departmentId}`,
    name: en ? r.nameEn || r.name : r.name,
    filter: `departmentId=${r.departmentId}`,
  }));
  const commissioners: MetricsRow[] = (m?.commissioners ?? []).map((r) => ({
    ...r,
    key: `c${r.commissionerUserId}`,
    filter: `commissionerUserId=${r.commissionerUserId}`,
  }));
  const tabs = [
    {
      key: 'platforms',
      label: t('serviceMetrics.tabs.platforms'),
      rows: platforms,
      name: t('serviceMetrics.col.platform'),
    },
    {
      key: 'departments',
      label: t('serviceMetrics.tabs.departments'),
      rows: departments,
      name: t('serviceMetrics.col.department'),
    },
    {
      key: 'commissioners',
      label: t('serviceMetrics.tabs.commissioners'),
      rows: commissioners,
      name: t('serviceMetrics.col.commissioner'),
    },
  ].filter((tab) => {
    // Each role sees its own rows: a department its department, a commissioner itself.
    if (me?.role === 'department') return tab.key === 'departments';
    if (me?.role === 'commissioner') return tab.key === 'commissioners';
    return true;
  });
  const active = tabs.some((x) => x.key === query.tab) ? query.tab! : tabs[0]?.key;
  const total = m?.total;
  return (
    <Flex vertical gap={12} data-testid="service-metrics">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('serviceMetrics.title')}
        </Typography.Title>
        <Select
          aria-label={t('serviceMetrics.year')}
          value={year}
          onChange={(y) => update({ year: y })}
          options={[0, 1, 2].map((d) => ({
            value: thisYear() - d,
            label: t('serviceMetrics.yearLabel', { year: thisYear() - d }),
          }))}
        />
      </Flex>
      {metrics.error ? <ErrorAlert error={metrics.error} onRetry={() => void metrics.refetch()} /> : null}
      {total && (
        <Card size="small">
          <Row gutter={[16, 8]} data-testid="service-metrics-total">
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.received')}
                value={t('serviceMetrics.count', { value: formatInteger(total.received) })}
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.closureRate')}
                value={formatPercent(total.closureRate)}
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic title={t('serviceMetrics.col.onTimeRate')} value={formatPercent(total.onTimeRate)} />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.days')}
                value={
                  total.averageDaysToClose === null
                    ? '—'
                    : t('serviceMetrics.days', {
                        value: formatNumber(Math.round(total.averageDaysToClose * 10) / 10),
                      })
                }
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.satisfaction')}
                value={formatPercent(total.satisfactionShare)}
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.overdue')}
                value={t('serviceMetrics.count', { value: formatInteger(total.overdue) })}
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.escalated')}
                value={t('serviceMetrics.count', { value: formatInteger(total.escalated) })}
              />
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Statistic
                title={t('serviceMetrics.col.coverage')}
                value={formatPercent(total.coverage?.share)}
              />
            </Col>
          </Row>
        </Card>
      )}
      <Card size="small">
        <Tabs
          activeKey={active}
          onChange={(k) => update({ tab: k as typeof query.tab })}
          items={tabs.map((x) => ({
            key: x.key,
            label: x.label,
            children: (
              <ServiceMetricsTable
                rows={x.rows}
                year={year}
                nameTitle={x.name}
                loading={loading}
                testId={`service-metrics-${x.key}`}
              />
            ),
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {t('serviceMetrics.note')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
