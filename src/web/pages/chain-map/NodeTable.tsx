import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainView, NodeView } from '../../api/chainMap';
import { formatInteger, formatMoney, formatPercent } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';
import { RATING_COLORS } from './ChainTree';

/** Every node of the map with its figures, in map order: the chart's table twin (a row opens the node). */
export function NodeTable({ view, onNode }: { view: ChainView; onNode: (code: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const depth = (n: NodeView) => {
    let d = 0;
    for (let p = n.parentCode; p !== null && d < 10; d++)
      p = view.nodes.find((x) => x.code === p)?.parentCode ?? null;
    return d;
  };
  const int = (v: number) => formatInteger(v);
  return (
    <Table<NodeView>
      size="small"
      rowKey="code"
      dataSource={view.nodes}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="node-table"
      columns={[
        {
          key: 'segment',
          title: t('chainMap.segmentLabel'),
          render: (_, n) => t(`chainMap.segment.${n.segment}`),
        },
        {
          key: 'name',
          title: t('chainMap.node'),
          render: (_, n) => (
            <a
              onClick={() => onNode(n.code)}
              style={{ paddingLeft: depth(n) * 16 }}
              data-testid={`node-${n.code}`}
            >
              {localName(n, lang)}
            </a>
          ),
        },
        {
          key: 'rating',
          title: t('chainMap.ratingLabel'),
          render: (_, n) => <Tag color={RATING_COLORS[n.rating]}>{t(`chainMap.rating.${n.rating}`)}</Tag>,
        },
        {
          key: 'enterprises',
          title: t('chainMap.col.enterprises'),
          align: 'right',
          render: (_, n) => int(n.enterprises),
        },
        { key: 'above', title: t('chainMap.col.above'), align: 'right', render: (_, n) => int(n.above) },
        {
          key: 'output',
          title: t('chainMap.col.output', { year: view.year ?? '—' }),
          align: 'right',
          render: (_, n) => formatMoney(n.output, lang === 'en' ? 'en' : 'zh'),
        },
        {
          key: 'share',
          title: t('chainMap.col.share'),
          align: 'right',
          render: (_, n) => formatPercent(n.share),
        },
        {
          key: 'leaders',
          title: t('chainMap.col.leaders'),
          align: 'right',
          render: (_, n) => int(n.leaders),
        },
        {
          key: 'projects',
          title: t('chainMap.col.projects'),
          align: 'right',
          render: (_, n) => int(n.projects),
        },
        {
          key: 'targets',
          title: t('chainMap.col.targets'),
          align: 'right',
          render: (_, n) => int(n.targets),
        },
      ]}
    />
  );
}
