import { Alert, Button, Card, Col, Descriptions, Flex, Row, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import {
  useEvaluationRun,
  useScorecard,
  type Scorecard,
  type ScoreItem,
  type ScorecardFigures,
} from '../../api/evaluation';
import type { YearFieldKey } from '../../api/types';
import { YEAR_FIELD_KEYS, YEAR_FIELD_UNITS, fieldName } from '../enterprises/enterpriseFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { formatDate, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { formatFixed, formatShare, formatYuan, parseId } from './evaluationFormat';
import { ClassTag, RunStatusTag, useBilingual, useIndicatorInfo } from './EvaluationTags';
import { ObjectionPanel } from './ObjectionPanel';
import { HistoryChart, PointsChart, RatioChart } from './ScorecardCharts';
import './evaluation.css';

export function ScorecardPage() {
  const params = useParams();
  const runId = parseId(params.id);
  const enterpriseId = parseId(params.enterpriseId);
  if (runId === undefined || enterpriseId === undefined) return <NotFoundPage />;
  return <ScorecardView runId={runId} enterpriseId={enterpriseId} />;
}

function ScorecardView({ runId, enterpriseId }: { runId: number; enterpriseId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const pick = useBilingual();
  const { data: me } = useMe();
  const { data: card, isPending, error, refetch } = useScorecard(runId, enterpriseId);
  usePageTitle(
    card ? t('evaluation.scorecard.pageTitle', { name: card.name }) : t('evaluation.scorecard.title'),
  );

  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!card) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const ownEnterprise = me?.enterpriseId === enterpriseId;
  const back = ownEnterprise ? `/enterprises/${enterpriseId}` : `/evaluation/runs/${runId}`;

  return (
    <Flex vertical gap={16} className="yy-scorecard" data-testid="scorecard">
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Button
            type="text"
            className="yy-no-print"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => navigate(back)}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {card.name}
          </Typography.Title>
          <Typography.Text
            type="secondary"
            copyable={{ text: card.uscc }}
            style={{ fontFamily: 'monospace' }}
          >
            {card.uscc}
          </Typography.Text>
        </Flex>
        <Button className="yy-no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('evaluation.scorecard.print')}
        </Button>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Typography.Text>
          {ownEnterprise ? (
            t('evaluation.run.title', { year: card.run.year, version: card.run.version })
          ) : (
            <Link to={`/evaluation/runs/${runId}`}>
              {t('evaluation.run.title', { year: card.run.year, version: card.run.version })}
            </Link>
          )}
        </Typography.Text>
        <RunStatusTag status={card.run.status} />
        <Tag style={{ marginInlineEnd: 0 }}>{card.platformName}</Tag>
        {card.cohortName && (
          <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
            {pick(card.cohortName)}
          </Tag>
        )}
      </Flex>
      {card.run.status === 'notice' && (
        <Alert
          type="warning"
          showIcon
          title={t('evaluation.scorecard.noticeNote', { date: formatDate(card.run.noticeEndsOn) })}
        />
      )}
      {card.run.status === 'draft' && (
        <Alert type="info" showIcon title={t('evaluation.scorecard.draftNote')} />
      )}
      {card.run.status === 'superseded' && (
        <Alert type="warning" showIcon title={t('evaluation.scorecard.supersededNote')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ScoreSummary card={card} />
        </Col>
        <Col xs={24} lg={8}>
          <PolicyEffects card={card} />
        </Col>
        <Col xs={24} lg={8}>
          <Figures figures={card.figures} />
        </Col>
      </Row>
      {card.items.length > 0 && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('evaluation.scorecard.pointsChart')} style={{ height: '100%' }}>
              <PointsChart items={card.items} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('evaluation.scorecard.ratioChart')} style={{ height: '100%' }}>
              <RatioChart items={card.items} />
            </Card>
          </Col>
        </Row>
      )}
      {card.items.length > 0 && <ItemsTable card={card} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('evaluation.scorecard.history')} style={{ height: '100%' }}>
            <HistoryChart
              history={card.history}
              classes={card.classes}
              enterpriseId={enterpriseId}
              currentRunId={runId}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('evaluation.scorecard.explanation')} style={{ height: '100%' }}>
            <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="scorecard-explanation">
              {card.explanation.map((line, i) => (
                <li key={i} style={{ marginBottom: 6 }}>
                  {pick(line)}
                </li>
              ))}
            </ol>
          </Card>
        </Col>
      </Row>
      <ObjectionPanel card={card} />
    </Flex>
  );
}

function ScoreSummary({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const adjustments = card.adjustments.reduce((n, a) => n + a.points, 0);
  return (
    <Card size="small" title={t('evaluation.scorecard.result')} style={{ height: '100%' }}>
      <Flex vertical gap={10} align="start">
        {card.status === 'merged' ? (
          <Typography.Text>
            {t('evaluation.scorecard.merged')}{' '}
            {card.mergedInto && (
              <Link to={`/evaluation/runs/${card.run.id}/enterprises/${card.mergedInto}`}>
                {t('evaluation.scorecard.landholder')}
              </Link>
            )}
          </Typography.Text>
        ) : (
          <Flex align="baseline" gap={8}>
            <Typography.Text
              style={{ fontSize: 44, fontWeight: 600, lineHeight: 1 }}
              data-testid="scorecard-score"
            >
              {card.score === null ? '—' : card.score.toFixed(2)}
            </Typography.Text>
            <Typography.Text type="secondary">{t('evaluation.scorecard.pointsUnit')}</Typography.Text>
          </Flex>
        )}
        <ClassTag result={card} classes={card.classes} withName large />
        {card.rank !== null && (
          <Typography.Text data-testid="scorecard-rank">
            {t('evaluation.scorecard.rank', {
              rank: card.rank,
              size: card.cohortSize,
              top: formatNumber(card.topPercent),
            })}
          </Typography.Text>
        )}
        {card.status !== 'merged' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('evaluation.scorecard.composition', {
              items: card.itemsTotal.toFixed(2),
              adjustments: `${adjustments >= 0 ? '+' : ''}${adjustments.toFixed(2)}`,
            })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

function PolicyEffects({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const { landUseTaxRelief: relief, electricitySurcharge: surcharge, energyQuota: quota } = card.policies;
  const none = <Typography.Text type="secondary">{t('evaluation.scorecard.policyNone')}</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    {
      key: 'relief',
      label: t('evaluation.scorecard.relief'),
      children:
        relief && relief.share > 0 ? (
          <Flex vertical gap={0}>
            <Typography.Text strong style={{ color: '#389e0d' }}>
              {t('evaluation.scorecard.yuanPerYear', { yuan: formatYuan(relief.yuan) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evaluation.scorecard.reliefShare', { share: formatShare(relief.share, 0) })}
            </Typography.Text>
          </Flex>
        ) : (
          none
        ),
    },
    {
      key: 'surcharge',
      label: t('evaluation.scorecard.surcharge'),
      children:
        surcharge && surcharge.yuanPerKwh > 0 ? (
          <Flex vertical gap={0}>
            <Typography.Text strong type="danger">
              {t('evaluation.scorecard.yuanPerYear', { yuan: formatYuan(surcharge.yuan) })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evaluation.scorecard.surchargeRate', {
                rate: surcharge.yuanPerKwh,
                years: surcharge.consecutiveYears,
              })}
            </Typography.Text>
          </Flex>
        ) : (
          none
        ),
    },
    {
      key: 'quota',
      label: t('evaluation.scorecard.energyQuota'),
      children:
        quota && quota.factor !== 1 ? (
          <Flex vertical gap={0}>
            <Typography.Text strong style={{ color: '#d46b08' }}>
              {t('evaluation.scorecard.quotaFactor', { share: formatShare(quota.factor, 0) })}
            </Typography.Text>
            {quota.quotaTce !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('evaluation.scorecard.quotaValue', {
                  quota: formatNumber(quota.quotaTce),
                  change: formatNumber(quota.changeTce),
                })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          none
        ),
    },
  ];
  return (
    <Card size="small" title={t('evaluation.scorecard.policies')} style={{ height: '100%' }}>
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 136 } }} />
    </Card>
  );
}

/** The figures the evaluation used (after merging tenants into a landholder, where the method does). */
function Figures({ figures }: { figures: ScorecardFigures }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    {
      key: 'land',
      label: t('evaluation.scorecard.land'),
      children: figures.land === null ? '—' : `${formatNumber(figures.land)} ${t('units.mu')}`,
    },
    // The enterprise-year figures the evaluation uses, in the order of the enterprise's records.
    ...YEAR_FIELD_KEYS.filter((key): key is YearFieldKey & keyof ScorecardFigures => key in figures).map(
      (key) => ({
        key,
        label: fieldName(t, key),
        children:
          figures[key] === null
            ? '—'
            : `${formatNumber(figures[key])} ${t(`units.${YEAR_FIELD_UNITS[key]}`)}`,
      }),
    ),
  ];
  return (
    <Card size="small" title={t('evaluation.scorecard.figures')} style={{ height: '100%' }}>
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 130 } }} />
    </Card>
  );
}

interface ItemRow {
  key: string;
  item?: ScoreItem;
  label?: string;
  points: number;
}

/** Each indicator: value, benchmark, weight, points and notes; then bonus/deduction and the total. */
function ItemsTable({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const info = useIndicatorInfo();
  const pick = useBilingual();
  // Bonus and deduction names come from the run's method.
  const { data: run } = useEvaluationRun(card.run.id);
  const rules = run?.method.cohorts.find((c) => c.key === card.cohort)?.adjustments ?? [];
  const rows: ItemRow[] = [
    ...card.items.map((i) => ({ key: i.indicator, item: i, points: i.points })),
    ...card.adjustments.map((a) => ({
      key: `adj-${a.key}`,
      label: t(a.points >= 0 ? 'evaluation.scorecard.bonus' : 'evaluation.scorecard.deduction', {
        name: pick(rules.find((r) => r.key === a.key)?.name) || a.key,
      }),
      points: a.points,
    })),
  ];
  const columns: TableProps<ItemRow>['columns'] = [
    {
      key: 'indicator',
      title: t('evaluation.scorecard.indicator'),
      width: 220,
      render: (_, r) => (r.item ? info(r.item.indicator).name : r.label),
    },
    {
      key: 'value',
      title: t('evaluation.scorecard.value'),
      width: 170,
      align: 'right',
      render: (_, r) => {
        if (!r.item) return '';
        const i = info(r.item.indicator);
        return r.item.value === null ? (
          <Typography.Text type="secondary">{t('evaluation.scorecard.noValue')}</Typography.Text>
        ) : (
          <span>
            {formatFixed(r.item.value, i.decimals)}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.unit}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      key: 'benchmark',
      title: t('evaluation.scorecard.benchmark'),
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.item
          ? r.item.benchmark === null
            ? '—'
            : formatFixed(r.item.benchmark, info(r.item.indicator).decimals)
          : '',
    },
    {
      key: 'ratio',
      title: t('evaluation.scorecard.ratio'),
      width: 100,
      align: 'right',
      render: (_, r) =>
        r.item && r.item.value !== null && r.item.benchmark
          ? formatShare(r.item.value / r.item.benchmark)
          : '',
    },
    {
      key: 'weight',
      title: t('evaluation.scorecard.weight'),
      width: 80,
      align: 'right',
      render: (_, r) => r.item?.weight ?? '',
    },
    {
      key: 'points',
      title: t('evaluation.scorecard.points'),
      width: 90,
      align: 'right',
      render: (_, r) => <Typography.Text strong>{r.points.toFixed(2)}</Typography.Text>,
    },
    {
      key: 'notes',
      title: t('evaluation.scorecard.notes'),
      render: (_, r) => (
        <Flex wrap gap={4}>
          {r.item?.capped && <Tag color="purple">{t('evaluation.scorecard.capped')}</Tag>}
          {r.item?.missing && (
            <Tag color="orange">
              {t(`evaluation.scorecard.missing.${r.item.missing}`, { defaultValue: r.item.missing })}
            </Tag>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Card size="small" title={t('evaluation.scorecard.items')} styles={{ body: { padding: 0 } }}>
      <Table<ItemRow>
        data-testid="scorecard-items"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        summary={() => (
          <Table.Summary.Row className="yy-eval-total">
            <Table.Summary.Cell index={0} colSpan={5}>
              {t('evaluation.scorecard.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {card.score === null ? '—' : card.score.toFixed(2)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
