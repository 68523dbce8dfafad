import { Card, Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { CustomerServiceOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { useAssignmentHistory } from '../../api/commissioners';
import { useEnterprise } from '../../api/enterprises';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { formatDate, formatNumber } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { KeyIndustryTag, LabelTags, ScaleTag } from '../enterprises/EnterpriseTags';
import { LatestEvaluationCard } from '../evaluation/LatestEvaluationCard';
import { isEnglish } from '../requests/requestLabels';
import { PortalClassHistory } from './PortalClassHistory';
import { PortalRequests } from './PortalRequests';
import { PortalYears } from './PortalYears';

/**
 * The enterprise's own portal (企业端), phone first: its record in brief, its commissioner, the
 * evaluation notice and class history, its yearly figures to confirm or flag, and its requests.
 * Everything comes from the same API, under the same scope, as the rest of the application.
 */
export function PortalPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  usePageTitle(t('portal.title'));
  if (!me?.enterpriseId)
    return <Result status="info" title={t('portal.title')} subTitle={t('portal.noEnterprise')} />;
  return <PortalView enterpriseId={me.enterpriseId} />;
}

function PortalView({ enterpriseId }: { enterpriseId: number }) {
  const { t, i18n } = useTranslation();
  const { data: e, error, isPending, refetch } = useEnterprise(enterpriseId);
  if (isPending) return <PageSpin />;
  if (!e) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 880, width: '100%', marginInline: 'auto', minWidth: 0 }}>
      <Card size="small" data-testid="portal-record">
        <Flex vertical gap={6} style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {e.name}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {e.uscc}
          </Typography.Text>
          <Flex wrap gap={4}>
            <ScaleTag scale={e.scale} />
            {e.keyIndustry && <KeyIndustryTag code={e.keyIndustry} />}
            <LabelTags labels={e.labels} />
          </Flex>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginTop: 4 }}>
            <Descriptions.Item label={t('portal.record.platform')}>
              {isEnglish(i18n.language) ? e.platformNameEn || e.platformName : e.platformName}
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.record.land')}>
              {t('portal.record.mu', { value: formatNumber(e.ownLandMu) })}
            </Descriptions.Item>
          </Descriptions>
          <Link to={`/enterprises/${e.id}`} data-testid="portal-record-link">
            {t('portal.record.open')} <RightOutlined />
          </Link>
        </Flex>
      </Card>
      <CommissionerCard enterpriseId={e.id} />
      <LatestEvaluationCard enterpriseId={e.id} />
      <PortalClassHistory enterpriseId={e.id} />
      <PortalRequests />
      <PortalYears enterprise={e} />
    </Flex>
  );
}

/** Its service commissioner: who serves it, since when, and how to reach them (a request). */
function CommissionerCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const { data, error } = useAssignmentHistory(enterpriseId);
  if (error) return <ErrorAlert error={error} />;
  const current = data?.current;
  return (
    <Card size="small" title={t('portal.commissioner.title')} data-testid="portal-commissioner">
      {current ? (
        <Flex vertical gap={4}>
          <Typography.Text strong>
            <CustomerServiceOutlined /> {current.commissionerName}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('portal.commissioner.since', { date: formatDate(current.startedOn) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('portal.commissioner.contact')}</Typography.Text>
        </Flex>
      ) : (
        <Tag>{t('portal.commissioner.none')}</Tag>
      )}
    </Card>
  );
}
