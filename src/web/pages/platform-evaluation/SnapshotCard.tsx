import type { TableProps } from 'antd';
import { Collapse, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AllocationSnapshot, type PlatformScore } from '../../api/platformEvaluation';
import { formatScore, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { LeaderTag } from './parts';
import { formatUnits } from './peFormat';

/** The allocation as it was confirmed (kept; it does not follow later data). */
export function SnapshotCard({
  snapshot,
  current,
}: {
  snapshot: AllocationSnapshot;
  current: PlatformScore[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  type Kept = AllocationSnapshot['platforms'][number];
  const differs = (s: Kept) => {
    const p = current.find((x) => x.platformId === s.platformId);
    return !p || p.land.units !== s.landMu || p.energy.units !== s.energyTce;
  };
  const columns: TableProps<Kept>['columns'] = [
    {
      key: 'rank',
      title: t('platformEvaluation.col.rank'),
      width: 60,
      align: 'center',
      render: (_, s) => s.rank ?? '—',
    },
    {
      key: 'name',
      title: t('platformEvaluation.col.platform'),
      render: (_, s) => (
        <Flex gap={6} align="center" wrap>
          <span>
            {/* The snapshot keeps the Chinese name; English comes from the platform as it is now. */}
            {lang === 'en' ? current.find((p) => p.platformId === s.platformId)?.nameEn || s.name : s.name}
          </span>
          {s.leader && <LeaderTag />}
          {differs(s) && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('platformEvaluation.snapshot.differs')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'score',
      title: t('platformEvaluation.col.score'),
      width: 80,
      align: 'right',
      render: (_, s) => (s.score === null ? '—' : formatScore(s.score)),
    },
    {
      key: 'land',
      title: `${t('platformEvaluation.col.land')}（${t('units.mu')}）`,
      width: 130,
      align: 'right',
      render: (_, s) => formatUnits(s.landMu),
    },
    {
      key: 'energy',
      title: `${t('platformEvaluation.col.energy')}（${t('units.tce')}）`,
      width: 160,
      align: 'right',
      render: (_, s) => formatUnits(s.energyTce),
    },
  ];
  const land = snapshot.platforms.reduce((s, p) => s + p.landMu, 0);
  const energy = snapshot.platforms.reduce((s, p) => s + p.energyTce, 0);
  const anyDiffers = snapshot.platforms.some(differs);
  // Open when today's computation differs from what was confirmed; otherwise one click away.
  return (
    <Collapse
      data-testid="pe-snapshot"
      defaultActiveKey={anyDiffers ? ['snapshot'] : []}
      styles={{ body: { padding: 0 } }}
      items={[
        {
          key: 'snapshot',
          label: (
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{t('platformEvaluation.snapshot.title')}</Typography.Text>
              <Tag color={anyDiffers ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
                {anyDiffers
                  ? t('platformEvaluation.snapshot.someDiffer')
                  : t('platformEvaluation.snapshot.same')}
              </Tag>
            </Flex>
          ),
          children: (
            <>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 4 }}
                style={{ padding: '8px 12px' }}
                items={[
                  {
                    key: 'land',
                    label: t('platformEvaluation.pool.landMu'),
                    children: `${formatUnits(snapshot.pool.landMu)} ${t('units.mu')}`,
                  },
                  {
                    key: 'energy',
                    label: t('platformEvaluation.pool.energyTce'),
                    children: `${formatUnits(snapshot.pool.energyTce)} ${t('units.tce')}`,
                  },
                  {
                    key: 'threshold',
                    label: t('platformEvaluation.pool.threshold'),
                    children: formatSetting(snapshot.pool.threshold),
                  },
                  ...(snapshot.pool.leaders !== undefined
                    ? [
                        {
                          key: 'leaders',
                          label: t('platformEvaluation.pool.leaders'),
                          children: snapshot.pool.leaders,
                        },
                      ]
                    : []),
                ]}
              />
              <Table<Kept>
                rowKey="platformId"
                size="small"
                columns={columns}
                dataSource={snapshot.platforms}
                pagination={false}
                scroll={{ x: 640 }}
                summary={() => (
                  <Table.Summary.Row className="yy-pe-total">
                    <Table.Summary.Cell index={0} colSpan={3}>
                      {t('platformEvaluation.allocation.total')}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {formatUnits(land)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {formatUnits(energy)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </>
          ),
        },
      ]}
    />
  );
}
