import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestStats } from '../../api/requests';
import { formatInteger, formatPercent } from '../../lib/format';

/** The year's enterprise requests on the cockpit: received, closed, rates against the provincial bar. */
export function RequestsCard() {
  const { t } = useTranslation();
  const { data } = useRequestStats();
  if (!data) return null;
  const below = data.closureRate !== null && data.closureRate < data.provincialBar;
  const count = (v: number) => t('requests.stats.count', { value: formatInteger(v) });
  return (
    // Not in the two-page PDF (targets; charts and ranking): the request figures have their own page.
    <Card
      size="small"
      className="yy-no-print"
      title={
        <Link to="/requests">
          {t('requests.stats.title')} · {data.year}
        </Link>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('requests.stats.bar', { value: formatPercent(data.provincialBar, '—', true) })} ·{' '}
          <Link to={`/services/metrics?year=${data.year}`} data-testid="cockpit-requests-metrics">
            {t('serviceMetrics.open')}
          </Link>
        </Typography.Text>
      }
      data-testid="cockpit-requests"
    >
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('requests.stats.received')} value={count(data.received)} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('requests.stats.closed')} value={count(data.closed)} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={t('requests.stats.closureRate')}
            value={formatPercent(data.closureRate)}
            valueStyle={below ? { color: '#cf1322' } : undefined}
            data-testid="cockpit-requests-closure"
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic title={t('requests.stats.onTimeRate')} value={formatPercent(data.onTimeRate)} />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={t('requests.stats.satisfaction')}
            value={formatPercent(data.satisfactionShare)}
            data-testid="cockpit-requests-satisfaction"
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={<Link to={`/requests?year=${data.year}&overdue=true`}>{t('requests.stats.overdue')}</Link>}
            value={count(data.overdue)}
            suffix={data.overdue > 0 ? <Tag color="red">{t('requests.overdue')}</Tag> : null}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Statistic
            title={
              <Link to={`/requests?year=${data.year}&escalated=true`}>{t('requests.stats.escalated')}</Link>
            }
            value={count(data.escalated)}
          />
        </Col>
      </Row>
    </Card>
  );
}
