import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SEGMENTS, type ChainView, type NodeView, type Rating } from '../../api/chainMap';
import { localName, useLang } from '../../lib/useLang';
import { formatInteger } from '../../lib/format';
import { EChart, type EChartOption } from '../../components/EChart';

export const RATING_COLORS: Record<Rating, string> = {
  strong: '#389e0d',
  weak: '#d48806',
  missing: '#cf1322',
};

interface TreeDatum {
  name: string;
  /** The node code, for the click (segments and the root have none). */
  code?: string;
  children?: TreeDatum[];
  itemStyle?: { color: string; borderColor: string };
  label?: { color?: string; fontWeight?: 'bold' | 'normal' };
}

/** Leaves of the tree: the height the chart needs so that labels do not overlap. */
function leafCount(d: TreeDatum): number {
  return d.children?.length ? d.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

/**
 * The map as a left-to-right tree: the industry, its three segments, their nodes (sub-nodes below
 * their parents), each node coloured by its rating and labelled with its local enterprise count.
 * A click on a node hands its code to the page.
 */
export function ChainTree({ view, onNode }: { view: ChainView; onNode: (code: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const root = useMemo<TreeDatum>(() => {
    const datum = (n: NodeView): TreeDatum => ({
      name: t('chainMap.nodeLabel', { name: localName(n, lang), count: formatInteger(n.enterprises) }),
      code: n.code,
      itemStyle: { color: RATING_COLORS[n.rating], borderColor: RATING_COLORS[n.rating] },
      label: { color: RATING_COLORS[n.rating] },
      children: view.nodes.filter((c) => c.parentCode === n.code).map(datum),
    });
    return {
      name: localName(view.industry, lang) ?? view.industry.code,
      label: { fontWeight: 'bold' },
      children: SEGMENTS.map((s) => ({
        name: t(`chainMap.segment.${s}`),
        label: { fontWeight: 'bold' },
        children: view.nodes.filter((n) => n.segment === s && n.parentCode === null).map(datum),
      })),
    };
  }, [view, lang, t]);
  const height = Math.max(360, leafCount(root) * 30 + 40);

  const option = useMemo<EChartOption>(
    () => ({
      series: [
        {
          type: 'tree',
          data: [root],
          orient: 'LR',
          top: 20,
          bottom: 20,
          left: 110,
          right: 240,
          symbolSize: 12,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          roam: false,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13 },
          leaves: { label: { position: 'right', align: 'left' } },
          lineStyle: { color: '#bfbfbf', width: 1.2, curveness: 0.5 },
          emphasis: { focus: 'none' },
          animationDuration: 300,
        },
      ],
    }),
    [root],
  );

  return (
    <EChart
      option={option}
      height={height}
      ariaLabel={t('chainMap.chartLabel', { industry: localName(view.industry, lang) })}
      testId="chain-tree"
      onClick={(e) => {
        const code = (e.data as TreeDatum | undefined)?.code;
        if (code) onNode(code);
      }}
    />
  );
}
