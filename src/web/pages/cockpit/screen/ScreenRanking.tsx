import { Table } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CockpitPlatform } from '../../../api/cockpit';
import { formatNumber } from '../../../lib/format';
import { formatDecimal, nameIn, toYi } from '../cockpitFormat';
import { RankCell } from '../RankCell';
import { byRank } from '../ranking';
import type { CockpitMetrics } from '../useCockpitMetrics';

/** The large screen's ranking: every platform by its evaluation rank, four figures each, no scrolling. */
export function ScreenRanking({
  platforms,
  metrics,
  rowHeight,
}: {
  platforms: CockpitPlatform[];
  metrics: CockpitMetrics;
  /** Fits the rows in the panel's height. */
  rowHeight: number;
}) {
  const { t } = useTranslation();
  const { lang } = metrics;
  const unit = (u: string) => t(`cockpit.ranking.units.${u}`);
  const head = (label: string, u: string) => (
    <span>
      {label}
      <span className="yy-screen-unit">{unit(u)}</span>
    </span>
  );
  const columns: TableProps<CockpitPlatform>['columns'] = [
    {
      key: 'rank',
      title: t('cockpit.ranking.rank'),
      width: 64,
      align: 'center',
      render: (_, p) => <RankCell platform={p} testId="cockpit-screen-rank" />,
    },
    {
      key: 'name',
      title: t('cockpit.ranking.platform'),
      ellipsis: true,
      render: (_, p) => nameIn(lang, p.name, p.nameEn),
    },
    {
      key: 'output',
      title: head(t('cockpit.ranking.columns.platform_output'), 'yi'),
      width: 110,
      align: 'right',
      render: (_, p) =>
        p.values.platform_output === null ? '—' : formatNumber(toYi(p.values.platform_output)),
    },
    {
      key: 'tax',
      title: head(t('cockpit.ranking.columns.tax_per_mu'), 'perMu'),
      width: 118,
      align: 'right',
      render: (_, p) => (p.values.tax_per_mu === null ? '—' : formatDecimal(p.values.tax_per_mu)),
    },
    {
      key: 'score',
      title: head(t('cockpit.ranking.score'), 'points'),
      width: 84,
      align: 'right',
      render: (_, p) => (p.score === null ? '—' : formatNumber(p.score)),
    },
  ];
  return (
    <Table<CockpitPlatform>
      data-testid="cockpit-screen-ranking"
      className="yy-screen-ranking"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={byRank(platforms)}
      pagination={false}
      tableLayout="fixed"
      onRow={() => ({ style: { height: rowHeight } })}
    />
  );
}
