import { useState } from 'react';
import { Alert, Badge, Button, Card, Col, Descriptions, Flex, Row, Tabs, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTabParam } from '../../lib/useTabParam';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useEvaluationRun, type EvaluationRunDetail } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ShortHash } from '../imports/ShortHash';
import { DistributionTab } from './DistributionTab';
import { classTagColor, parseId } from './evaluationFormat';
import { RunStatusTag, useBilingual } from './EvaluationTags';
import { LowEfficiencyTab } from './LowEfficiencyTab';
import { ObjectionsTab } from './ObjectionsTab';
import { PlatformsTab } from './PlatformsTab';
import { ResultsTab } from './ResultsTab';
import { RunFormModal } from './RunFormModal';
import { RunWorkflow } from './RunWorkflow';
import './evaluation.css';

const TABS = ['results', 'distribution', 'platforms', 'low', 'objections'] as const;
type TabKey = (typeof TABS)[number];

export function EvaluationRunPage() {
  const params = useParams();
  const id = parseId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <EvaluationRunView id={id} />;
}

function EvaluationRunView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const { data: run, isPending, error, refetch } = useEvaluationRun(id);
  const [correction, setCorrection] = useState<{ reason: string } | null>(null);
  // Enterprises see their own result only: the city-wide analysis tabs are not theirs.
  const enterpriseUser = (me?.enterpriseId ?? null) !== null;
  const available: TabKey[] = enterpriseUser ? ['results', 'objections'] : [...TABS];
  const [tab, setTab] = useTabParam(available);
  usePageTitle(
    run ? t('evaluation.run.title', { year: run.year, version: run.version }) : t('evaluation.title'),
  );

  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!run) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const canRun = hasPermission(me, 'evaluation:run');
  const openCorrection = (reason = '') => setCorrection({ reason });

  const labels: Record<TabKey, React.ReactNode> = {
    results: t('evaluation.tabs.results'),
    distribution: t('evaluation.tabs.distribution'),
    platforms: t('evaluation.tabs.platforms'),
    low: t('evaluation.tabs.low'),
    objections: (
      <Badge count={run.pendingObjections} size="small" offset={[8, -2]} color="orange">
        {t('evaluation.tabs.objections')}
      </Badge>
    ),
  };
  const content: Record<TabKey, React.ReactNode> = {
    results: <ResultsTab run={run} />,
    distribution: <DistributionTab run={run} />,
    platforms: <PlatformsTab run={run} />,
    low: <LowEfficiencyTab run={run} />,
    objections: <ObjectionsTab run={run} onCorrect={openCorrection} />,
  };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => navigate('/evaluation')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('evaluation.run.title', { year: run.year, version: run.version })}
          </Typography.Title>
          <RunStatusTag status={run.status} testId="run-status" />
        </Flex>
        <RunWorkflow
          run={run}
          canRun={canRun}
          enterpriseUser={enterpriseUser}
          onCorrect={() => openCorrection()}
        />
      </Flex>
      <StatusNote run={run} />
      <RunOverview run={run} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={available.map((key) => ({ key, label: labels[key], children: content[key] }))}
        />
      </Card>
      {canRun && (
        <RunFormModal
          open={correction !== null}
          onClose={() => setCorrection(null)}
          year={run.year}
          reason={correction?.reason}
        />
      )}
    </Flex>
  );
}

/** What the run's status means, and what comes next. */
function StatusNote({ run }: { run: EvaluationRunDetail }) {
  const { t } = useTranslation();
  switch (run.status) {
    case 'draft':
      return <Alert type="info" showIcon title={t('evaluation.run.note.draft')} />;
    case 'notice':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('evaluation.run.note.notice', {
            date: formatDate(run.noticeEndsOn),
            count: run.pendingObjections,
          })}
        />
      );
    case 'published':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="run-immutable-note"
          title={t('evaluation.run.note.published', { date: formatDate(run.publishedAt) })}
          description={
            <>
              {run.noticeEndedOn && (
                <div data-testid="run-early-end">
                  {t('evaluation.run.note.earlyEnd', {
                    planned: formatDate(run.noticeEndsOn),
                    ended: formatDate(run.noticeEndedOn),
                    by: run.publishedByName ?? '—',
                    reason: run.earlyEndReason,
                  })}
                </div>
              )}
              {t('evaluation.run.note.immutable')}
            </>
          }
        />
      );
    case 'superseded':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('evaluation.run.note.superseded')}
          action={
            run.supersededBy ? (
              <Link to={`/evaluation/runs/${run.supersededBy}`}>{t('evaluation.run.openCurrent')}</Link>
            ) : undefined
          }
        />
      );
  }
}

/** Method, fingerprint, dates, and the per-cohort class counts. */
function RunOverview({ run }: { run: EvaluationRunDetail }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const { summary } = run;
  const items: DescriptionsProps['items'] = [
    {
      key: 'method',
      label: t('evaluation.run.method'),
      children: (
        <span>
          {pick(run.method.name) || run.methodName}{' '}
          <Typography.Text type="secondary">
            ({run.methodKey} v{run.methodVersion})
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'inputHash',
      label: t('evaluation.run.inputHash'),
      children: <ShortHash hash={run.inputHash} />,
    },
    { key: 'createdAt', label: t('evaluation.runs.createdAt'), children: formatDateTime(run.createdAt) },
    {
      key: 'evaluated',
      label: t('evaluation.runs.evaluated'),
      children: t('evaluation.run.evaluatedValue', {
        evaluated: formatInteger(summary.evaluated),
        noData: formatInteger(summary.excluded.noData),
        outOfScope: formatInteger(summary.excluded.outOfScope),
      }),
    },
    ...(summary.dataQuality
      ? [
          {
            key: 'dataQuality',
            label: t('evaluation.run.dataQuality'),
            children: (
              <Typography.Text
                type={summary.dataQuality.unconfirmed || summary.dataQuality.flagged ? 'warning' : undefined}
                data-testid="run-data-quality"
              >
                {t('evaluation.run.dataQualityValue', {
                  unconfirmed: formatInteger(summary.dataQuality.unconfirmed),
                  flagged: formatInteger(summary.dataQuality.flagged),
                })}
              </Typography.Text>
            ),
          },
        ]
      : []),
    ...(run.noticeStartedAt
      ? [
          {
            key: 'notice',
            label: t('evaluation.run.notice'),
            children: t(
              run.noticeEndedOn ? 'evaluation.run.noticeValueEarly' : 'evaluation.run.noticeValue',
              {
                from: formatDate(run.noticeStartedAt),
                to: formatDate(run.noticeEndsOn),
                ended: formatDate(run.noticeEndedOn),
              },
            ),
          },
        ]
      : []),
    ...(run.publishedAt
      ? [
          {
            key: 'publishedAt',
            label: t('evaluation.run.publishedAt'),
            children: formatDateTime(run.publishedAt),
          },
        ]
      : []),
    ...(run.reason
      ? [
          {
            key: 'reason',
            label: t('evaluation.runs.reason'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{run.reason}</span>,
          },
        ]
      : []),
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" style={{ height: '100%' }}>
          <Descriptions size="small" column={1} items={items} styles={{ label: { width: 110 } }} />
        </Card>
      </Col>
      {summary.cohorts.map((c) => {
        const rule = run.method.cohorts.find((m) => m.key === c.key);
        return (
          <Col key={c.key} xs={24} md={12} xl={6}>
            <Card size="small" title={pick(rule?.name) || c.key} style={{ height: '100%' }}>
              <Flex vertical gap={8}>
                <Typography.Text>
                  {t('evaluation.run.cohortCount', {
                    rated: formatInteger(c.rated),
                    size: formatInteger(c.size),
                  })}
                </Typography.Text>
                <Flex wrap gap={6}>
                  {run.method.classes.map((cls) => (
                    <Tag
                      key={cls.key}
                      color={classTagColor(cls.key, run.method.classes)}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {cls.key} {formatInteger(c.classCounts[cls.key] ?? 0)}
                    </Tag>
                  ))}
                </Flex>
                {rule && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('evaluation.run.cohortIndicators', { count: rule.indicators.length })}
                  </Typography.Text>
                )}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
