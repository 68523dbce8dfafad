import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Badge, Button, Card, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useEnterprise } from '../../api/enterprises';
import { DemoTag } from '../../components/DemoTag';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { useTabParam } from '../../lib/useTabParam';
import { NotFoundPage } from '../errors/NotFoundPage';
import { LatestEvaluationCard } from '../evaluation/LatestEvaluationCard';
import { BasicInfo, Contacts, LandInfo } from './EnterpriseInfo';
import { Flags } from './FlagsTable';
import { KeyIndustryTag, LabelTags, ScaleTag } from './EnterpriseTags';
import { MoveModal } from './MoveModal';
import { CommissionerHistory } from '../services/CommissionerHistory';
import { TrendCharts } from './TrendCharts';
import { YearsTable } from './YearsTable';

export function parseEnterpriseId(raw: string | undefined): number | undefined {
  if (!raw || !/^[1-9][0-9]{0,15}$/.test(raw)) return undefined;
  return Number(raw);
}

const TABS = ['basic', 'land', 'contacts', 'years', 'flags', 'trends', 'commissioner'] as const;

export function EnterpriseDetailPage() {
  const params = useParams();
  const id = parseEnterpriseId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <EnterpriseDetailView id={id} />;
}

function EnterpriseDetailView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const { data: e, isPending, error, refetch } = useEnterprise(id);
  const [tab, setTab] = useTabParam(TABS);
  const [moving, setMoving] = useState(false);
  usePageTitle(e ? e.name : t('enterprises.detailTitle'));

  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!e) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const openFlags = e.flags.filter((f) => !f.resolvedAt).length;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('common.back')}
            onClick={() => navigate('/enterprises')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {e.name}
          </Typography.Title>
          <Typography.Text type="secondary" copyable={{ text: e.uscc }} style={{ fontFamily: 'monospace' }}>
            {e.uscc}
          </Typography.Text>
          <ScaleTag scale={e.scale} />
          {e.keyIndustry && <KeyIndustryTag code={e.keyIndustry} />}
          <LabelTags labels={e.labels} />
          {e.isDemo && <DemoTag />}
        </Flex>
        <Flex gap={8} wrap>
          {hasPermission(me, 'enterprise:move') && (
            <Button icon={<SwapOutlined />} data-testid="enterprise-move" onClick={() => setMoving(true)}>
              {t('enterprise.move.button')}
            </Button>
          )}
          {hasPermission(me, 'enterprise:write') && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => navigate(`/enterprises/${e.id}/edit`)}
            >
              {t('common.edit')}
            </Button>
          )}
        </Flex>
        {moving && <MoveModal enterprise={e} open={moving} onClose={() => setMoving(false)} />}
      </Flex>
      <LatestEvaluationCard enterpriseId={e.id} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basic', label: t('enterprises.tabs.basic'), children: <BasicInfo e={e} /> },
            { key: 'land', label: t('enterprises.tabs.land'), children: <LandInfo e={e} /> },
            {
              key: 'contacts',
              label: t('enterprises.tabs.contacts'),
              children: <Contacts enterpriseId={e.id} contacts={e.contacts} />,
            },
            { key: 'years', label: t('enterprises.tabs.years'), children: <YearsTable enterprise={e} /> },
            {
              key: 'flags',
              label: (
                <Badge count={openFlags} size="small" offset={[8, -2]}>
                  {t('enterprises.tabs.flags')}
                </Badge>
              ),
              children: <Flags enterpriseId={e.id} flags={e.flags} />,
            },
            { key: 'trends', label: t('enterprises.tabs.trends'), children: <TrendCharts enterprise={e} /> },
            {
              key: 'commissioner',
              label: t('commissioners.history.section'),
              children: <CommissionerHistory enterpriseId={e.id} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
