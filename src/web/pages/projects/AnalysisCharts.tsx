import { useMemo } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Funnel, ProjectStats } from '../../api/projects';
import { useReferenceMaps } from '../../api/reference';
import { byDataIndex } from '../../charts/tooltips';
import { formatInteger, formatPercent, formatYi } from '../../lib/format';
import { EChart, type EChartOption } from '../../components/EChart';
import { usePair } from './projectFormat';

const COLORS = ['#bfbfbf', '#91caff', '#1677ff', '#13c2c2', '#2f54eb', '#722ed1', '#52c41a', '#389e0d'];

/** The stages as a funnel: projects that reached each stage, and the conversion from the one before. */
export function FunnelChartView({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const unit = t('projects.unit.projects');
    const labels = funnel.steps.map(
      (s) =>
        `${t(`projects.stage.${s.stage}`)}  ${formatInteger(s.reached)} ${unit}` +
        (s.conversion === null
          ? ''
          : `  ·  ${t('projects.analysis.conversion')} ${formatPercent(s.conversion)}`),
    );
    const tips = funnel.steps.map((s) => [
      { strong: t(`projects.stage.${s.stage}`) },
      `${t('projects.analysis.reached')}：${formatInteger(s.reached)} ${unit}`,
      `${t('projects.analysis.current')}：${formatInteger(s.current)} ${unit}`,
      s.conversion === null ? null : `${t('projects.analysis.conversion')}：${formatPercent(s.conversion)}`,
    ]);
    return {
      tooltip: { trigger: 'item', formatter: byDataIndex(tips) },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '4%',
          width: '56%',
          top: 8,
          bottom: 8,
          minSize: '18%',
          gap: 2,
          label: {
            show: true,
            position: 'right',
            color: '#1f1f1f',
            formatter: (p) => labels[p.dataIndex] ?? '',
          },
          labelLine: { show: true, length: 12 },
          data: funnel.steps.map((s, i) => ({
            name: t(`projects.stage.${s.stage}`),
            value: Math.max(s.reached, 0.0001),
            itemStyle: { color: COLORS[i] },
          })),
        },
      ],
    };
  }, [funnel, t]);
  return (
    <EChart option={option} height={360} ariaLabel={t('projects.analysis.funnel')} testId="projects-funnel" />
  );
}

/** Signed investment by key industry in the year (亿元), with the number of projects. */
export function IndustryChart({ stats }: { stats: ProjectStats }) {
  const { t } = useTranslation();
  const pair = usePair();
  const { industries } = useReferenceMaps();
  const rows = useMemo(
    () =>
      stats.industries
        .filter((i) => industries.get(i.industryCode)?.isKey ?? true)
        .sort((a, b) => a.signedInvestment - b.signedInvestment),
    [stats, industries],
  );
  const option = useMemo<EChartOption>(() => {
    const yi = t('projects.unit.yi');
    const tips = rows.map((r) => [
      { strong: pair(r.nameZh, r.nameEn) },
      `${t('projects.analysis.signedInvestment')}：${formatYi(r.signedInvestment)} ${yi}`,
      `${t('projects.analysis.signed')}：${formatInteger(r.signed)} ${t('projects.unit.projects')}`,
    ]);
    return {
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: byDataIndex(tips) },
      xAxis: { type: 'value', name: yi, axisLabel: { formatter: (v: number) => formatYi(v * 1e4) } },
      yAxis: { type: 'category', data: rows.map((r) => pair(r.nameZh, r.nameEn)) },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.signedInvestment / 1e4),
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'right', formatter: (p) => formatYi(Number(p.value) * 1e4) },
        },
      ],
    };
  }, [rows, t, pair]);
  if (!rows.some((r) => r.signedInvestment > 0))
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.analysis.noSignings')} />;
  return (
    <EChart
      option={option}
      height={300}
      ariaLabel={t('projects.analysis.byIndustry')}
      testId="projects-industry-chart"
    />
  );
}

/** Each platform's share of its signed investment in its leading industries (%). */
export function LeadingShareChart({ stats }: { stats: ProjectStats }) {
  const { t } = useTranslation();
  const pair = usePair();
  const rows = useMemo(() => stats.platforms.filter((p) => p.leadingIndustryShare !== null), [stats]);
  const option = useMemo<EChartOption>(() => {
    const tips = rows.map((r) => [
      { strong: pair(r.name, r.nameEn) },
      `${t('projects.analysis.leadingShare')}：${formatPercent(r.leadingIndustryShare)}`,
      `${t('projects.analysis.signedInvestment')}：${formatYi(r.signedInvestment)} ${t('projects.unit.yi')}`,
    ]);
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: byDataIndex(tips) },
      xAxis: {
        type: 'category',
        data: rows.map((r) => pair(r.name, r.nameEn)),
        axisLabel: { interval: 0, rotate: 35, width: 110, overflow: 'truncate' },
      },
      yAxis: { type: 'value', max: 100, name: '%' },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => Number(((r.leadingIndustryShare ?? 0) * 100).toPrecision(6))),
          itemStyle: { color: '#13c2c2' },
        },
      ],
    };
  }, [rows, t, pair]);
  if (rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.analysis.noSignings')} />;
  return (
    <EChart
      option={option}
      height={300}
      ariaLabel={t('projects.analysis.leadingShare')}
      testId="projects-share-chart"
    />
  );
}
