import { Card, Col, Flex, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { PlatformFilter } from '../evaluation/PlatformFilter';
import { useFunnel, useProjectStats, type ProjectStats } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { TableEmpty } from '../../components/TableEmpty';
import { formatInteger, formatMoney, formatPercent } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { FunnelChartView, IndustryChart, LeadingShareChart } from './AnalysisCharts';
import { ProjectsNav } from './ProjectsNav';
import { beijingYear, usePair, useProjectUnits } from './projectFormat';

type PlatformRow = ProjectStats['platforms'][number];

function parse(p: URLSearchParams) {
  return {
    year: Number(p.get('year')) || beijingYear(),
    platformId: Number(p.get('platformId')) || undefined,
  };
}

/** 招商分析: the stage funnel, signed investment by key industry, leading-industry shares, T6 by platform. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: me } = useMe();
  const u = useProjectUnits();
  const pair = usePair();
  const { query, update } = useQueryParams(parse);
  const onePlatform = me?.role === 'platform_admin';
  const funnel = useFunnel({ platformId: query.platformId });
  const stats = useProjectStats({ year: query.year, platformId: query.platformId });
  usePageTitle(t('projects.nav.analysis'));
  const year = query.year;
  const money = (v: number | null | undefined) => formatMoney(v, lang === 'en' ? 'en' : 'zh');
  const drill = (platformId?: number) =>
    `/projects?majorYear=${year}${platformId ? `&platformId=${platformId}` : ''}`;

  const columns: TableColumnsType<PlatformRow> = [
    { title: t('projects.col.platform'), ellipsis: true, render: (_, r) => pair(r.name, r.nameEn) },
    {
      title: t('projects.analysis.t6'),
      width: 140,
      align: 'right',
      render: (_, r) => (
        <Link to={drill(r.platformId)} data-testid={`t6-${r.platformId}`}>
          {u.count(r.majorSigned)}
        </Link>
      ),
    },
    { title: t('projects.analysis.signed'), width: 110, align: 'right', render: (_, r) => u.count(r.signed) },
    {
      title: t('projects.analysis.signedInvestment'),
      width: 150,
      align: 'right',
      render: (_, r) => money(r.signedInvestment),
    },
    {
      title: t('projects.analysis.leadingShare'),
      width: 150,
      align: 'right',
      render: (_, r) => formatPercent(r.leadingIndustryShare),
    },
    {
      title: t('projects.analysis.stalled'),
      width: 110,
      align: 'right',
      render: (_, r) => <Link to={`/projects/stalls?platformId=${r.platformId}`}>{u.count(r.stalled)}</Link>,
    },
    {
      title: t('projects.analysis.pending'),
      width: 110,
      align: 'right',
      render: (_, r) => u.count(r.pending),
    },
  ];

  const s = stats.data;
  return (
    <Flex vertical gap={16}>
      <ProjectsNav />
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('projects.nav.analysis')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <PlatformFilter
            value={query.platformId}
            onChange={(v) => update({ platformId: v })}
            placeholder={t('projects.col.platform')}
          />
          <Select
            aria-label={t('projects.analysis.year')}
            style={{ width: 110 }}
            value={year}
            onChange={(v) => update({ year: v })}
            options={Array.from({ length: 6 }, (_, i) => beijingYear() - i).map((y) => ({
              value: y,
              label: t('projects.analysis.yearValue', { year: y }),
            }))}
            data-testid="analysis-year"
          />
        </Flex>
      </Flex>
      {stats.error || funnel.error ? (
        <ErrorAlert
          error={stats.error ?? funnel.error}
          onRetry={() => void Promise.all([stats.refetch(), funnel.refetch()])}
        />
      ) : null}
      {s && (
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic
                title={<Link to={drill(query.platformId)}>{t('projects.analysis.t6Of', { year })}</Link>}
                value={u.count(
                  query.platformId
                    ? (s.platforms.find((p) => p.platformId === query.platformId)?.majorSigned ?? 0)
                    : s.city.majorSigned,
                )}
                suffix={
                  query.platformId ? undefined : (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('projects.analysis.t6Target', { value: formatInteger(s.target) })}
                    </Typography.Text>
                  )
                }
                data-testid="analysis-t6"
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic title={t('projects.analysis.signedOf', { year })} value={u.count(s.city.signed)} />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic
                title={t('projects.analysis.signedInvestment')}
                value={money(s.city.signedInvestment)}
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card size="small">
              <Statistic
                title={<Link to="/projects/stalls">{t('projects.analysis.stalled')}</Link>}
                value={u.count(s.city.stalled)}
                valueStyle={s.city.stalled > 0 ? { color: '#d46b08' } : undefined}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('projects.analysis.funnel')}
            extra={<Typography.Text type="secondary">{t('projects.analysis.funnelNote')}</Typography.Text>}
          >
            {funnel.data ? <FunnelChartView funnel={funnel.data} /> : <PageSpin />}
            {funnel.data && (
              <Typography.Text type="secondary">
                {t('projects.analysis.ended', {
                  dropped: formatInteger(funnel.data.dropped),
                  lost: formatInteger(funnel.data.lost),
                })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('projects.analysis.byIndustryOf', { year })}>
            {s ? <IndustryChart stats={s} /> : <PageSpin />}
          </Card>
        </Col>
      </Row>
      {s && !onePlatform && !query.platformId && (
        <Card
          size="small"
          title={t('projects.analysis.leadingShareOf', { year })}
          extra={
            <Typography.Text type="secondary">{t('projects.analysis.leadingShareNote')}</Typography.Text>
          }
        >
          <LeadingShareChart stats={s} />
        </Card>
      )}
      <Card
        size="small"
        title={t('projects.analysis.byPlatformOf', { year })}
        styles={{ body: { padding: 0 } }}
      >
        <Table<PlatformRow>
          rowKey="platformId"
          size="middle"
          loading={stats.isFetching}
          columns={columns}
          dataSource={s?.platforms ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="analysis-platforms"
          locale={{
            emptyText: <TableEmpty error={stats.error} description={t('projects.analysis.empty')} />,
          }}
        />
      </Card>
    </Flex>
  );
}
