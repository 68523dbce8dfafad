import { useState } from 'react';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useScorecard } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { formatDate } from '../../lib/format';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import './evaluation.css';
import { parseId } from './evaluationFormat';
import { RunStatusTag, useBilingual } from './EvaluationTags';
import { NoticeBanner, ObjectionPanel } from './ObjectionPanel';
import { HistoryChart, PointsChart, RatioChart } from './ScorecardCharts';
import { Figures, ItemsTable } from './ScorecardItems';
import { PolicyEffects, ScoreSummary } from './ScorecardSummary';

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
  // `?objection=1` (the enterprise's home banner) opens the objection form on arrival.
  const [params, setParams] = useSearchParams();
  const [filing, setFilingState] = useState(params.get('objection') === '1');
  const setFiling = (open: boolean) => {
    setFilingState(open);
    if (!open && params.has('objection')) setParams({}, { replace: true });
  };
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
      {card.run.status === 'notice' && <NoticeBanner card={card} onFile={() => setFiling(true)} />}
      {card.run.noticeEndedOn && (
        <Alert
          type="info"
          showIcon
          data-testid="scorecard-early-end"
          title={t('evaluation.scorecard.earlyEndNote', {
            planned: formatDate(card.run.noticeEndsOn),
            ended: formatDate(card.run.noticeEndedOn),
            reason: card.run.earlyEndReason,
          })}
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
      <ObjectionPanel card={card} filing={filing} onFiling={setFiling} />
    </Flex>
  );
}
