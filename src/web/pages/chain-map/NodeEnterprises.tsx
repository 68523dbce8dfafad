import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { usePlace, useUnplace, type NodeDetail, type PlacedEnterprise } from '../../api/chainMap';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatMoney } from '../../lib/format';
import { useErrorText } from '../../lib/errorText';
import { localPair, useLang } from '../../lib/useLang';
import { EnterprisePicker } from './EnterprisePicker';

/** The node's local enterprises; the task force puts enterprises on it or takes them off by hand. */
export function NodeEnterprises({ industry, detail }: { industry: string; detail: NodeDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const canEdit = hasPermission(me, 'chainmap:edit');
  const place = usePlace();
  const unplace = useUnplace();
  const [adding, setAdding] = useState<number | null>(null);
  const nodeCode = detail.node.code;
  const done = {
    onSuccess: () => void message.success(t('chainMap.saved')),
    onError: (e: unknown) => void message.error(errorText(e)),
  };

  const columns = [
    {
      key: 'name',
      title: t('chainMap.enterprise'),
      render: (_: unknown, e: PlacedEnterprise) => (
        <Flex gap={4} wrap align="center">
          <Link to={`/enterprises/${e.id}`} data-testid="node-enterprise-link">
            <ProperName name={e.name} />
          </Link>
          {e.leader && <Tag color="gold">{t('chainMap.leaderTag')}</Tag>}
          {e.placed === 'hand' && <Tag>{t('chainMap.placedByHand')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'platform',
      title: t('chainMap.platform'),
      render: (_: unknown, e: PlacedEnterprise) => (
        <ProperName name={localPair(e.platformName, e.platformNameEn, lang)} />
      ),
    },
    {
      key: 'scale',
      title: t('chainMap.scale'),
      render: (_: unknown, e: PlacedEnterprise) => (e.above ? t('scale.above') : t('scale.below')),
    },
    {
      key: 'output',
      title: t('chainMap.col.output', { year: detail.year ?? '—' }),
      align: 'right' as const,
      render: (_: unknown, e: PlacedEnterprise) => formatMoney(e.output, lang === 'en' ? 'en' : 'zh'),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, e: PlacedEnterprise) =>
              e.placed === 'hand' ? (
                <a onClick={() => unplace.mutate(e.placementId!, done)}>{t('chainMap.unplace')}</a>
              ) : (
                <Popconfirm
                  title={t('chainMap.excludeConfirm')}
                  onConfirm={() =>
                    place.mutate(
                      { industryCode: industry, nodeCode, enterpriseId: e.id, mode: 'exclude' },
                      done,
                    )
                  }
                >
                  <a>{t('chainMap.exclude')}</a>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('chainMap.enterprisesTitle', { n: detail.enterprises.length })}
      </Typography.Title>
      {canEdit && (
        <Flex gap={8}>
          <EnterprisePicker value={adding} onChange={setAdding} />
          <Button
            disabled={adding === null}
            loading={place.isPending}
            onClick={() =>
              place.mutate(
                { industryCode: industry, nodeCode, enterpriseId: adding!, mode: 'include' },
                {
                  ...done,
                  onSuccess: () => {
                    setAdding(null);
                    done.onSuccess();
                  },
                },
              )
            }
          >
            {t('chainMap.include')}
          </Button>
        </Flex>
      )}
      <Table<PlacedEnterprise>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={detail.enterprises}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('chainMap.noEnterprises') }}
      />
      {canEdit && detail.excluded.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t('chainMap.excludedTitle')}</Typography.Text>
          {detail.excluded.map((p) => (
            <Flex key={p.id} gap={8} align="center" wrap>
              <ProperName name={p.enterpriseName} />
              <TypedText text={p.note} fallback="" />
              <Typography.Text type="secondary">
                <ProperName name={p.createdByName} />
              </Typography.Text>
              <a onClick={() => unplace.mutate(p.id, done)}>{t('chainMap.restore')}</a>
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
