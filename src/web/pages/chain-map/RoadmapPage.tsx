import { useState } from 'react';
import { Button, Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { roadmapWorkbookUrl, useRoadmap, type NodeView, type Roadmap, type Target } from '../../api/chainMap';
import { usePlatformOptions } from '../../api/platforms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatInteger, formatMoney } from '../../lib/format';
import { localName, localPair, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { RATING_COLORS } from './ChainTree';
import { TargetModal, TargetStatusTag } from './TargetModal';

type Row = Roadmap['industries'][number]['nodes'][number];
const parse = (p: URLSearchParams) => ({ platformId: Number(p.get('platformId')) || undefined });

/**
 * The roadmap (路线图) per platform: its leading industries' missing and weak nodes, each with the
 * investment targets (招商目标) staff entered for it; targets are added and followed up here.
 */
export function RoadmapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('nav.chain-roadmap'));
  const { data: me } = useMe();
  const ownPlatform = me?.role === 'platform_admin';
  const canWrite = hasPermission(me, 'chainmap:write');
  const { query, update } = useQueryParams(parse);
  const platforms = usePlatformOptions(!ownPlatform);
  const platformId = ownPlatform ? undefined : (query.platformId ?? platforms.data?.[0]?.id);
  const roadmap = useRoadmap(platformId, ownPlatform || platformId !== undefined);
  const [editing, setEditing] = useState<{ value: Target | 'new'; industry: string; node: NodeView } | null>(
    null,
  );
  const shownPlatform = roadmap.data?.platform;

  const columns = (industry: string) => [
    {
      key: 'node',
      title: t('chainMap.node'),
      width: 260,
      render: (_: unknown, r: Row) => (
        <Flex gap={6} align="center" wrap>
          <Link
            to={`/chain-map?industry=${industry}&node=${r.node.code}${platformId ? `&platformId=${platformId}` : ''}`}
          >
            {localName(r.node, lang)}
          </Link>
          <Tag color={RATING_COLORS[r.node.rating]}>{t(`chainMap.rating.${r.node.rating}`)}</Tag>
        </Flex>
      ),
    },
    {
      key: 'segment',
      title: t('chainMap.segmentLabel'),
      width: 80,
      render: (_: unknown, r: Row) => t(`chainMap.segment.${r.node.segment}`),
    },
    {
      key: 'figures',
      title: t('chainMap.figures'),
      width: 340,
      render: (_: unknown, r: Row) =>
        t('chainMap.figuresLine', {
          n: formatInteger(r.node.enterprises),
          above: formatInteger(r.node.above),
          output: formatMoney(r.node.output, lang === 'en' ? 'en' : 'zh'),
        }),
    },
    {
      key: 'targets',
      title: t('chainMap.targets.title'),
      render: (_: unknown, r: Row) => (
        <Flex vertical gap={4}>
          {r.targets.length === 0 && (
            <Typography.Text type="secondary">{t('chainMap.targets.empty')}</Typography.Text>
          )}
          {r.targets.map((x) => (
            <Flex key={x.id} gap={6} align="center" wrap>
              {canWrite ? (
                <a onClick={() => setEditing({ value: x, industry, node: r.node })}>
                  <ProperName name={x.name} />
                </a>
              ) : (
                <ProperName name={x.name} />
              )}
              <TargetStatusTag status={x.status} />
              <Typography.Text type="secondary">
                <TypedText text={x.origin} fallback="" />
              </Typography.Text>
            </Flex>
          ))}
          {canWrite && (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ value: 'new', industry, node: r.node })}
              data-testid={`roadmap-add-${r.node.code}`}
            >
              {t('chainMap.targets.add')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex vertical gap={2}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('chainMap.roadmap.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('chainMap.roadmap.subtitle')}</Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          {!ownPlatform && (
            <Select<number>
              value={platformId}
              onChange={(v) => update({ platformId: v })}
              options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('chainMap.platform')}
              style={{ width: 260, maxWidth: '100%' }}
              data-testid="roadmap-platform"
            />
          )}
          <Button
            icon={<DownloadOutlined />}
            href={roadmapWorkbookUrl(platformId)}
            download
            disabled={!roadmap.data}
          >
            {t('common.exportExcel')}
          </Button>
        </Flex>
      </Flex>
      {roadmap.error && <ErrorAlert error={roadmap.error} onRetry={() => void roadmap.refetch()} />}
      {roadmap.isPending && roadmap.fetchStatus !== 'idle' && <PageSpin />}
      {shownPlatform && (
        <Typography.Text>
          {t('chainMap.roadmap.platformLine', { year: roadmap.data?.year ?? '—' })}
          <ProperName name={localPair(shownPlatform.name, shownPlatform.nameEn, lang)} />
        </Typography.Text>
      )}
      {roadmap.data && roadmap.data.industries.length === 0 && (
        <Card>
          <Empty description={t('chainMap.roadmap.noIndustries')} />
        </Card>
      )}
      {roadmap.data?.industries.map((i) => (
        <Card
          key={i.code}
          size="small"
          title={localName(i, lang)}
          extra={t('chainMap.roadmap.summary', {
            strong: i.strong,
            gaps: i.nodes.length,
            version: i.mapVersion ?? '—',
          })}
          data-testid={`roadmap-${i.code}`}
        >
          <Table<Row>
            size="small"
            rowKey={(r) => r.node.code}
            dataSource={i.nodes}
            columns={columns(i.code)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('chainMap.roadmap.allStrong') }}
          />
        </Card>
      ))}
      {editing && (
        <TargetModal
          value={editing.value}
          nodeName={t('chainMap.nodeWithRating', {
            name: localName(editing.node, lang),
            rating: t(`chainMap.rating.${editing.node.rating}`),
          })}
          defaults={{
            industryCode: editing.industry,
            nodeCode: editing.node.code,
            platformId: shownPlatform?.id,
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
