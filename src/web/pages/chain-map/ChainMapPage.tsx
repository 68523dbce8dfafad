import { useCallback } from 'react';
import { Button, Card, Empty, Flex, Select, Space, Typography } from 'antd';
import { CompassOutlined, EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useChainIndustries, useChainView } from '../../api/chainMap';
import { usePlatformOptions } from '../../api/platforms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { ChainTree } from './ChainTree';
import { NodePanel } from './NodePanel';
import { NodeTable } from './NodeTable';
import { RatingRules } from './RatingRules';

interface Query {
  industry?: string;
  platformId?: number;
  node?: string;
}
const parse = (p: URLSearchParams): Query => ({
  industry: p.get('industry') || undefined,
  platformId: Number(p.get('platformId')) || undefined,
  node: p.get('node') || undefined,
});

/**
 * The industrial-chain map (产业链图谱 / 招商图): a key industry's current map as a tree, each node
 * coloured by its rating for the chosen platform (a platform administrator: its own), a node's
 * enterprises, leaders, projects and targets in the side panel.
 */
export function ChainMapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('nav.chain-map'));
  const { data: me } = useMe();
  const ownPlatform = me?.role === 'platform_admin';
  const { query, update } = useQueryParams(parse);
  const industries = useChainIndustries();
  const industry = query.industry ?? industries.data?.[0]?.code;
  const platforms = usePlatformOptions(!ownPlatform);
  const view = useChainView(industry, ownPlatform ? undefined : query.platformId);
  const openNode = useCallback((code: string) => update({ node: code }), [update]);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex vertical gap={2}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('chainMap.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('chainMap.subtitle')}</Typography.Text>
        </Flex>
        <Space wrap>
          <Link to="/chain-map/targets">
            <Button icon={<CompassOutlined />}>{t('nav.chain-roadmap')}</Button>
          </Link>
          {hasPermission(me, 'chainmap:edit') && (
            <Link to={`/chain-map/edit${industry ? `?industry=${industry}` : ''}`}>
              <Button icon={<EditOutlined />}>{t('nav.chain-edit')}</Button>
            </Link>
          )}
        </Space>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select<string>
          value={industry}
          onChange={(v) => update({ industry: v, node: undefined })}
          options={(industries.data ?? []).map((i) => ({ value: i.code, label: localName(i, lang) }))}
          loading={industries.isPending}
          aria-label={t('chainMap.industry')}
          style={{ width: 200 }}
          data-testid="chain-industry"
        />
        {!ownPlatform && (
          <Select<number>
            value={query.platformId}
            allowClear
            placeholder={t('chainMap.allPlatforms')}
            onChange={(v) => update({ platformId: v, node: undefined })}
            options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('chainMap.platform')}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="chain-platform"
          />
        )}
        {view.data?.map && (
          <Typography.Text type="secondary">
            {t('chainMap.versionLine', { version: view.data.map.version, year: view.data.year ?? '—' })}
          </Typography.Text>
        )}
      </Flex>
      {industries.error && <ErrorAlert error={industries.error} onRetry={() => void industries.refetch()} />}
      {view.error && <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />}
      {view.isPending && industry ? <PageSpin /> : null}
      {view.data && !view.data.map && (
        <Card>
          <Empty description={t('chainMap.noMap')} />
        </Card>
      )}
      {view.data?.map && (
        <>
          <Card size="small" styles={{ body: { overflowX: 'auto' } }}>
            <ChainTree view={view.data} onNode={openNode} />
          </Card>
          <RatingRules map={view.data.map} year={view.data.year} />
          <Card size="small" title={t('chainMap.nodesTitle')}>
            <NodeTable view={view.data} onNode={openNode} />
          </Card>
        </>
      )}
      {industry && (
        <NodePanel
          industry={industry}
          node={query.node ?? null}
          platformId={ownPlatform ? undefined : query.platformId}
          onClose={() => update({ node: undefined })}
        />
      )}
    </Flex>
  );
}
