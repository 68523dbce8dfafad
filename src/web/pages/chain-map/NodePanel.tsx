import { useState } from 'react';
import { Button, Descriptions, Drawer, Flex, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useChainNode, type Target } from '../../api/chainMap';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatInteger, formatMoney, formatPercent } from '../../lib/format';
import { localName, localPair, useLang } from '../../lib/useLang';
import { RATING_COLORS } from './ChainTree';
import { NodeEnterprises } from './NodeEnterprises';
import { NodeLeaders } from './NodeLeaders';
import { TargetModal, TargetStatusTag } from './TargetModal';

/** A node's side panel: its figures and rating, enterprises, chain leaders and partners, targets. */
export function NodePanel({
  industry,
  node,
  platformId,
  onClose,
}: {
  industry: string;
  node: string | null;
  platformId: number | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'chainmap:write');
  const detail = useChainNode(industry, node, platformId);
  const [target, setTarget] = useState<Target | 'new' | null>(null);
  const n = detail.data?.node;
  const unit = (v: number) => t('chainMap.firms', { n: formatInteger(v) });
  return (
    <Drawer
      open={node !== null}
      onClose={onClose}
      size="large"
      title={
        n ? (
          <Flex gap={8} align="center" wrap>
            <span>{localName(n, lang)}</span>
            <Tag color={RATING_COLORS[n.rating]} data-testid="node-rating">
              {t(`chainMap.rating.${n.rating}`)}
            </Tag>
          </Flex>
        ) : (
          t('common.loading')
        )
      }
      data-testid="node-panel"
      loading={detail.isPending && node !== null}
    >
      {detail.error && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {n && detail.data && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('chainMap.segmentLabel')}>
              {t(`chainMap.segment.${n.segment}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.classes')}>
              {n.classCodes.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.enterprises')}>{unit(n.enterprises)}</Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.above')}>{unit(n.above)}</Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.output', { year: detail.data.year ?? '—' })}>
              {formatMoney(n.output, lang === 'en' ? 'en' : 'zh')}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.share')}>{formatPercent(n.share)}</Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.leaders')}>{unit(n.leaders)}</Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.leaderSuppliers')}>
              {unit(n.leaderSuppliers)}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.projects')}>
              {t('chainMap.items', { n: formatInteger(n.projects) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('chainMap.col.targets')}>
              {t('chainMap.items', { n: formatInteger(n.targets) })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" data-testid="node-reasons">
            {n.reasons.map((r) => t(`chainMap.reason.${r}`)).join('；')}
          </Typography.Text>

          <NodeEnterprises industry={industry} detail={detail.data} />
          <NodeLeaders leaders={detail.data.leaders} />

          <Flex vertical gap={8}>
            <Flex justify="space-between" align="center">
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('chainMap.targets.title')}
              </Typography.Title>
              {canWrite && n.rating !== 'strong' && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setTarget('new')}
                  data-testid="add-target"
                >
                  {t('chainMap.targets.add')}
                </Button>
              )}
            </Flex>
            <List
              size="small"
              bordered
              dataSource={detail.data.targets}
              locale={{ emptyText: t('chainMap.targets.empty') }}
              renderItem={(x) => (
                <List.Item
                  actions={
                    canWrite
                      ? [
                          <a key="edit" onClick={() => setTarget(x)}>
                            {t('common.edit')}
                          </a>,
                        ]
                      : []
                  }
                >
                  <Flex vertical>
                    <Flex gap={8} align="center" wrap>
                      <ProperName name={x.name} />
                      <TargetStatusTag status={x.status} />
                    </Flex>
                    <Typography.Text type="secondary">
                      <ProperName name={localPair(x.platformName, x.platformNameEn, lang)} /> ·{' '}
                      <TypedText text={x.origin} /> · <TypedText text={x.note} />
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Flex>
        </Flex>
      )}
      {target !== null && (
        <TargetModal
          value={target}
          defaults={{
            industryCode: industry,
            nodeCode: node ?? '',
            platformId: platformId ?? me?.platformId ?? undefined,
          }}
          onClose={() => setTarget(null)}
        />
      )}
    </Drawer>
  );
}
