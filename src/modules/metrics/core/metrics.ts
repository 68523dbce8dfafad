/**
 * The metrics of the plan (domain guide §6–§7), computed in one place for the cockpit, the targets,
 * exports and the platform evaluation. Pure: the repository sums enterprise data per platform and
 * year into base figures; this file applies reported statistics and derives every metric.
 */

/** 1 亿元 and 1 万亿元 in 万元 (domain guide §2). */
export const YI = 10_000;
export const WAN_YI = 100_000_000;
/** Cluster scales of targets T4 and T5: a key industry's city-wide output ≥ 1,000 亿 / ≥ 10,000 亿. */
export const CLUSTER_100BN = 1000 * YI;
export const CLUSTER_1TN = WAN_YI;
/** Chain-leader candidates (§3.1): output ≥ 20 亿元 in the year. */
export const CHAIN_LEADER_OUTPUT = 20 * YI;

/**
 * Base figures of one platform and year: additive, so the city's are the platforms' sums. Most are
 * computed from enterprise data; the reported-only ones come from reported statistics.
 */
export const BASE_FIGURES = [
  'output',
  'leadingOutput',
  'aboveTax',
  'aboveLand',
  'aboveRevenue',
  'aboveRd',
  'land',
  'fixedAssetInvestment',
  'energyTce',
  'valueAdded',
  'firms',
  'aboveScaleFirms',
  'highTechFirms',
  'techSmes',
  'chainLeaderCandidates',
  'chainLeaders',
  'majorProjects',
  'innovationPlatforms',
  'incubators',
  'publicServicePlatform',
] as const;
export type BaseFigure = (typeof BASE_FIGURES)[number];
export type Bases = Record<BaseFigure, number | null>;

/** Figures no enterprise record can give: only reported statistics supply them. */
export const REPORTED_ONLY: readonly BaseFigure[] = [
  'innovationPlatforms',
  'incubators',
  'publicServicePlatform',
];

/** Counts are whole numbers; 0/1 flags only 0 or 1. */
export const FIGURE_KINDS = ['amount', 'count', 'flag'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface FigureDefinition {
  key: BaseFigure;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  kind: FigureKind;
}

const fig = (
  key: BaseFigure,
  zh: string,
  en: string,
  unitZh: string,
  unitEn: string,
  kind: FigureDefinition['kind'] = 'amount',
): FigureDefinition => ({ key, zh, en, unitZh, unitEn, kind });

export const FIGURES: Record<BaseFigure, FigureDefinition> = {
  output: fig('output', '工业总产值', 'Output', '万元', '10k CNY'),
  leadingOutput: fig('leadingOutput', '主导产业产值', 'Leading-industry output', '万元', '10k CNY'),
  aboveTax: fig('aboveTax', '规上企业税收', 'Tax of above-scale firms', '万元', '10k CNY'),
  aboveLand: fig('aboveLand', '规上企业用地', 'Land of above-scale firms', '亩', 'mu'),
  aboveRevenue: fig('aboveRevenue', '规上企业营业收入', 'Revenue of above-scale firms', '万元', '10k CNY'),
  aboveRd: fig('aboveRd', '规上企业R&D经费', 'R&D of above-scale firms', '万元', '10k CNY'),
  land: fig('land', '企业用地', 'Enterprise land', '亩', 'mu'),
  fixedAssetInvestment: fig(
    'fixedAssetInvestment',
    '固定资产投资',
    'Fixed-asset investment',
    '万元',
    '10k CNY',
  ),
  energyTce: fig('energyTce', '综合能耗', 'Energy use', '吨标准煤', 'tce'),
  valueAdded: fig('valueAdded', '工业增加值', 'Value added', '万元', '10k CNY'),
  firms: fig('firms', '有年度数据的企业', 'Firms with figures', '家', 'firms', 'count'),
  aboveScaleFirms: fig('aboveScaleFirms', '规上工业企业', 'Above-scale firms', '家', 'firms', 'count'),
  highTechFirms: fig('highTechFirms', '国家高新技术企业', 'National high-tech firms', '家', 'firms', 'count'),
  techSmes: fig('techSmes', '科技型中小企业', 'Sci-tech SMEs', '家', 'firms', 'count'),
  chainLeaderCandidates: fig(
    'chainLeaderCandidates',
    '链主候选企业（产值≥20亿元）',
    'Chain-leader candidates (output ≥ 2 bn)',
    '家',
    'firms',
    'count',
  ),
  chainLeaders: fig(
    'chainLeaders',
    '链主企业（已确认）',
    'Chain leaders (confirmed)',
    '家',
    'firms',
    'count',
  ),
  majorProjects: fig(
    'majorProjects',
    '新招引10亿元以上产业项目',
    'New industrial projects ≥ 1 bn CNY',
    '个',
    'projects',
    'count',
  ),
  innovationPlatforms: fig(
    'innovationPlatforms',
    '省级以上科技创新平台',
    'Provincial+ sci-tech innovation platforms',
    '个',
    'platforms',
    'count',
  ),
  incubators: fig(
    'incubators',
    '省级以上双创平台',
    'Provincial+ innovation and entrepreneurship platforms',
    '个',
    'platforms',
    'count',
  ),
  publicServicePlatform: fig(
    'publicServicePlatform',
    '建有综合公共服务平台',
    'Has a public service platform',
    '有=1',
    '1 = yes',
    'flag',
  ),
};

/** Where a value comes from. */
export const SOURCES = ['computed', 'reported', 'mixed', 'registry'] as const;
export type Source = (typeof SOURCES)[number];

export interface Override {
  figure: BaseFigure;
  value: number;
  by: string;
  at: string;
  note: string;
}

/** One platform-year as the metrics see it: bases after reported statistics, and what overrode what. */
export interface PlatformYear {
  platformId: number;
  year: number;
  bases: Bases;
  overrides: Override[];
}

/** Applies reported statistics to computed bases: a reported figure wins. */
export function applyReported(computed: Bases, reported: readonly Override[]): Bases {
  const out = { ...computed };
  for (const r of reported) out[r.figure] = r.value;
  return out;
}

export const emptyBases = (): Bases =>
  Object.fromEntries(BASE_FIGURES.map((k) => [k, null])) as unknown as Bases;

/** The city's bases: the platforms' sums; a figure nobody has stays null. */
export function sumBases(rows: readonly Bases[]): Bases {
  const out = emptyBases();
  for (const b of rows)
    for (const k of BASE_FIGURES) {
      const v = b[k];
      if (v !== null) out[k] = (out[k] ?? 0) + v;
    }
  return out;
}

export const METRIC_KEYS = [
  'platform_output',
  'leading_share',
  'strategic_platforms',
  'clusters_100bn',
  'clusters_1tn',
  'major_projects',
  'innovation_platforms',
  'incubators',
  'above_scale_firms',
  'high_tech_firms',
  'tech_smes',
  'public_service_coverage',
  'tax_per_mu',
  'rd_intensity',
  'fai_growth',
  'investment_intensity',
  'energy_per_value_added',
  'chain_leader_candidates',
  'chain_leaders',
  'output_growth',
  'above_scale_growth',
  'energy_intensity_decline',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** The inputs of one metric: this year's and last year's bases, the city's extras. */
export interface MetricInput {
  bases: Bases;
  previous: Bases | null;
  /** City only: output per key industry (万元) and the count of strategic platforms. */
  industryOutput?: Record<string, number>;
  strategicPlatforms?: number;
  /** City only: platforms in the set (for coverage). */
  platformCount?: number;
  /** City only: platforms that reported the public-service figure. */
  publicServiceReported?: number;
}

/** city: only for the whole city (clusters, strategic platforms, coverage). */
export const METRIC_SCOPES = ['city', 'both'] as const;
/** ratio values are shown as percentages. */
export const METRIC_FORMATS = ['amount', 'count', 'ratio', 'decimal'] as const;

export interface MetricDefinition {
  key: MetricKey;
  zh: string;
  en: string;
  unitZh: string;
  unitEn: string;
  /** How it is computed, in words (shown on cards and in the docs). */
  formulaZh: string;
  formulaEn: string;
  scope: (typeof METRIC_SCOPES)[number];
  format: (typeof METRIC_FORMATS)[number];
  /** The base figures it reads (for drill-down and sources). */
  figures: BaseFigure[];
  compute(input: MetricInput): number | null;
}

const div = (a: number | null, b: number | null) => (a === null || b === null || !(b > 0) ? null : a / b);
const growth = (now: number | null, before: number | null) => {
  const r = div(now, before);
  return r === null ? null : r - 1;
};

const metric = (d: MetricDefinition) => d;

export const METRICS: Record<MetricKey, MetricDefinition> = {
  platform_output: metric({
    key: 'platform_output',
    zh: '产业平台产值',
    en: 'Output of the platforms',
    unitZh: '万元',
    unitEn: '10k CNY',
    formulaZh: '平台内企业工业总产值之和（有统计上报数的平台用上报数）',
    formulaEn: "Σ output of the platforms' enterprises (reported figures where a platform has them)",
    scope: 'both',
    format: 'amount',
    figures: ['output'],
    compute: ({ bases }) => bases.output,
  }),
  leading_share: metric({
    key: 'leading_share',
    zh: '主导产业占比',
    en: 'Leading-industry share',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '行业属于所在平台主导产业的企业产值 ÷ 平台总产值',
    formulaEn: "Output of firms in their platform's leading industries ÷ total output",
    scope: 'both',
    format: 'ratio',
    figures: ['leadingOutput', 'output'],
    compute: ({ bases }) => div(bases.leadingOutput, bases.output),
  }),
  strategic_platforms: metric({
    key: 'strategic_platforms',
    zh: '省高能级战略平台',
    en: 'Provincial high-energy-level strategic platforms',
    unitZh: '个',
    unitEn: 'platforms',
    formulaZh: '平台名录中标记为省高能级战略平台的个数',
    formulaEn: 'Platforms flagged as provincial strategic platforms in the registry',
    scope: 'city',
    format: 'count',
    figures: [],
    compute: ({ strategicPlatforms }) => strategicPlatforms ?? null,
  }),
  clusters_100bn: metric({
    key: 'clusters_100bn',
    zh: '千亿级产业集群',
    en: 'Clusters ≥ 100 bn CNY',
    unitZh: '个',
    unitEn: 'clusters',
    formulaZh: '全市产值 ≥ 1,000 亿元的重点产业个数（含万亿级）',
    formulaEn: 'Key industries with city-wide output ≥ 1,000 亿 (trillion-scale ones included)',
    scope: 'city',
    format: 'count',
    figures: ['output'],
    compute: ({ industryOutput }) =>
      industryOutput ? Object.values(industryOutput).filter((v) => v >= CLUSTER_100BN).length : null,
  }),
  clusters_1tn: metric({
    key: 'clusters_1tn',
    zh: '万亿级产业集群',
    en: 'Clusters ≥ 1 tn CNY',
    unitZh: '个',
    unitEn: 'clusters',
    formulaZh: '全市产值 ≥ 10,000 亿元的重点产业个数',
    formulaEn: 'Key industries with city-wide output ≥ 10,000 亿',
    scope: 'city',
    format: 'count',
    figures: ['output'],
    compute: ({ industryOutput }) =>
      industryOutput ? Object.values(industryOutput).filter((v) => v >= CLUSTER_1TN).length : null,
  }),
  major_projects: metric({
    key: 'major_projects',
    zh: '新招引10亿元以上产业项目',
    en: 'New industrial projects ≥ 1 bn CNY',
    unitZh: '个',
    unitEn: 'projects',
    formulaZh:
      '招商项目库中总投资 ≥ 10 亿元（含）、签约阶段经审核且签约日期在当年、当年 12 月 31 日前未终止或流失的项目个数；平台统计上报数优先',
    formulaEn:
      'Projects in the registry with total investment ≥ 1 bn CNY (inclusive) whose signing was approved with a date in the year, not dropped or lost by 31 Dec; a platform’s reported figure overrides',
    scope: 'both',
    format: 'count',
    figures: ['majorProjects'],
    compute: ({ bases }) => bases.majorProjects,
  }),
  innovation_platforms: metric({
    key: 'innovation_platforms',
    zh: '省级以上科技创新平台',
    en: 'Provincial+ sci-tech innovation platforms',
    unitZh: '个',
    unitEn: 'platforms',
    formulaZh: '各平台统计上报数之和',
    formulaEn: 'Σ reported by the platforms',
    scope: 'both',
    format: 'count',
    figures: ['innovationPlatforms'],
    compute: ({ bases }) => bases.innovationPlatforms,
  }),
  incubators: metric({
    key: 'incubators',
    zh: '省级以上双创平台',
    en: 'Provincial+ innovation & entrepreneurship platforms',
    unitZh: '个',
    unitEn: 'platforms',
    formulaZh: '各平台统计上报数之和',
    formulaEn: 'Σ reported by the platforms',
    scope: 'both',
    format: 'count',
    figures: ['incubators'],
    compute: ({ bases }) => bases.incubators,
  }),
  above_scale_firms: metric({
    key: 'above_scale_firms',
    zh: '规上工业企业数',
    en: 'Above-scale industrial firms',
    unitZh: '家',
    unitEn: 'firms',
    formulaZh: '当年为规上（营业收入 ≥ 2,000 万元，或人工认定）的平台内企业数',
    formulaEn: 'Firms above scale in the year (revenue ≥ 20 m CNY, or set by hand)',
    scope: 'both',
    format: 'count',
    figures: ['aboveScaleFirms'],
    compute: ({ bases }) => bases.aboveScaleFirms,
  }),
  high_tech_firms: metric({
    key: 'high_tech_firms',
    zh: '国家高新技术企业数',
    en: 'National high-tech firms',
    unitZh: '家',
    unitEn: 'firms',
    formulaZh: '年末前获得国家高新技术企业认定的平台内企业数',
    formulaEn: 'Firms holding the national high-tech label by the end of the year',
    scope: 'both',
    format: 'count',
    figures: ['highTechFirms'],
    compute: ({ bases }) => bases.highTechFirms,
  }),
  tech_smes: metric({
    key: 'tech_smes',
    zh: '科技型中小企业数',
    en: 'Sci-tech SMEs',
    unitZh: '家',
    unitEn: 'firms',
    formulaZh: '年末前入库科技型中小企业的平台内企业数',
    formulaEn: 'Firms registered as sci-tech SMEs by the end of the year',
    scope: 'both',
    format: 'count',
    figures: ['techSmes'],
    compute: ({ bases }) => bases.techSmes,
  }),
  public_service_coverage: metric({
    key: 'public_service_coverage',
    zh: '综合公共服务平台覆盖率',
    en: 'Public-service platform coverage',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '上报建有综合公共服务平台的平台数 ÷ 平台总数（无人上报时为暂无数据）',
    formulaEn: 'Platforms reporting a public service platform ÷ all platforms (no data until one reports)',
    scope: 'both',
    format: 'ratio',
    figures: ['publicServicePlatform'],
    compute: ({ bases, platformCount }) => {
      if (bases.publicServicePlatform === null) return null;
      return platformCount === undefined
        ? Math.min(1, bases.publicServicePlatform)
        : div(bases.publicServicePlatform, platformCount);
    },
  }),
  tax_per_mu: metric({
    key: 'tax_per_mu',
    zh: '亩均税收（规上）',
    en: 'Tax per mu (above scale)',
    unitZh: '万元/亩',
    unitEn: '10k CNY/mu',
    formulaZh: '规上企业税收之和 ÷ 规上企业自有用地之和',
    formulaEn: 'Σ tax ÷ Σ own land of above-scale firms',
    scope: 'both',
    format: 'decimal',
    figures: ['aboveTax', 'aboveLand'],
    compute: ({ bases }) => div(bases.aboveTax, bases.aboveLand),
  }),
  rd_intensity: metric({
    key: 'rd_intensity',
    zh: '规上企业R&D经费占营业收入比重',
    en: 'R&D ÷ revenue (above scale)',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '规上企业R&D经费之和 ÷ 规上企业营业收入之和',
    formulaEn: 'Σ R&D spending ÷ Σ revenue of above-scale firms',
    scope: 'both',
    format: 'ratio',
    figures: ['aboveRd', 'aboveRevenue'],
    compute: ({ bases }) => div(bases.aboveRd, bases.aboveRevenue),
  }),
  fai_growth: metric({
    key: 'fai_growth',
    zh: '固定资产投资增速',
    en: 'Fixed-asset investment growth',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '当年固定资产投资 ÷ 上年 − 1',
    formulaEn: "This year's fixed-asset investment ÷ last year's − 1",
    scope: 'both',
    format: 'ratio',
    figures: ['fixedAssetInvestment'],
    compute: ({ bases, previous }) =>
      growth(bases.fixedAssetInvestment, previous?.fixedAssetInvestment ?? null),
  }),
  investment_intensity: metric({
    key: 'investment_intensity',
    zh: '投资强度',
    en: 'Investment intensity',
    unitZh: '万元/亩',
    unitEn: '10k CNY/mu',
    formulaZh: '固定资产投资之和 ÷ 企业自有用地之和',
    formulaEn: 'Σ fixed-asset investment ÷ Σ own land',
    scope: 'both',
    format: 'decimal',
    figures: ['fixedAssetInvestment', 'land'],
    compute: ({ bases }) => div(bases.fixedAssetInvestment, bases.land),
  }),
  energy_per_value_added: metric({
    key: 'energy_per_value_added',
    zh: '单位增加值能耗',
    en: 'Energy per value added',
    unitZh: '吨标准煤/万元',
    unitEn: 'tce/10k CNY',
    formulaZh: '综合能耗之和 ÷ 工业增加值之和',
    formulaEn: 'Σ energy use ÷ Σ value added',
    scope: 'both',
    format: 'decimal',
    figures: ['energyTce', 'valueAdded'],
    compute: ({ bases }) => div(bases.energyTce, bases.valueAdded),
  }),
  chain_leader_candidates: metric({
    key: 'chain_leader_candidates',
    zh: '链主候选企业',
    en: 'Chain-leader candidates',
    unitZh: '家',
    unitEn: 'firms',
    formulaZh: '当年工业总产值 ≥ 20 亿元的企业数',
    formulaEn: 'Firms with output ≥ 2 bn CNY in the year',
    scope: 'both',
    format: 'count',
    figures: ['chainLeaderCandidates'],
    compute: ({ bases }) => bases.chainLeaderCandidates,
  }),
  chain_leaders: metric({
    key: 'chain_leaders',
    zh: '链主企业（已确认）',
    en: 'Chain leaders (confirmed)',
    unitZh: '家',
    unitEn: 'firms',
    formulaZh: '年末前经专班确认的链主企业数',
    formulaEn: 'Firms confirmed as chain leaders by the task force by the end of the year',
    scope: 'both',
    format: 'count',
    figures: ['chainLeaders'],
    compute: ({ bases }) => bases.chainLeaders,
  }),
  output_growth: metric({
    key: 'output_growth',
    zh: '产值增速',
    en: 'Output growth',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '当年产值 ÷ 上年 − 1',
    formulaEn: "This year's output ÷ last year's − 1",
    scope: 'both',
    format: 'ratio',
    figures: ['output'],
    compute: ({ bases, previous }) => growth(bases.output, previous?.output ?? null),
  }),
  above_scale_growth: metric({
    key: 'above_scale_growth',
    zh: '规上企业数增长',
    en: 'Growth of above-scale firms',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '当年规上企业数 ÷ 上年 − 1',
    formulaEn: "This year's above-scale firms ÷ last year's − 1",
    scope: 'both',
    format: 'ratio',
    figures: ['aboveScaleFirms'],
    compute: ({ bases, previous }) => growth(bases.aboveScaleFirms, previous?.aboveScaleFirms ?? null),
  }),
  energy_intensity_decline: metric({
    key: 'energy_intensity_decline',
    zh: '单位增加值能耗下降率',
    en: 'Fall in energy per value added',
    unitZh: '%',
    unitEn: '%',
    formulaZh: '1 − 当年单位增加值能耗 ÷ 上年',
    formulaEn: "1 − this year's energy per value added ÷ last year's",
    scope: 'both',
    format: 'ratio',
    figures: ['energyTce', 'valueAdded'],
    compute: ({ bases, previous }) => {
      const now = div(bases.energyTce, bases.valueAdded);
      const before = previous ? div(previous.energyTce, previous.valueAdded) : null;
      const r = div(now, before);
      return r === null ? null : 1 - r;
    },
  }),
};

export type MetricValues = Record<MetricKey, number | null>;

/** The platform metrics the cockpit's ranking table and bubble chart show. */
export const PLATFORM_METRICS = [
  'platform_output',
  'output_growth',
  'leading_share',
  'tax_per_mu',
  'investment_intensity',
  'rd_intensity',
  'above_scale_firms',
  'high_tech_firms',
  'chain_leaders',
] as const satisfies readonly MetricKey[];
export type PlatformMetric = (typeof PLATFORM_METRICS)[number];

/** Every metric of one scope from its input (city metrics are null for a platform). */
export function computeMetrics(input: MetricInput, scope: 'city' | 'platform'): MetricValues {
  return Object.fromEntries(
    METRIC_KEYS.map((k) => [
      k,
      scope === 'platform' && METRICS[k].scope === 'city' ? null : METRICS[k].compute(input),
    ]),
  ) as MetricValues;
}

/** The source of a metric for one platform-year: from enterprise data, reported, or a mix. */
export function sourceOf(key: MetricKey, overrides: readonly Override[]): Source {
  if (key === 'strategic_platforms') return 'registry';
  const figures = METRICS[key].figures;
  if (figures.length && figures.every((f) => REPORTED_ONLY.includes(f))) return 'reported';
  const overridden = figures.filter((f) => overrides.some((o) => o.figure === f)).length;
  return overridden === 0 ? 'computed' : overridden === figures.length ? 'reported' : 'mixed';
}

/** The city's source from its platforms': one kind when all agree, otherwise mixed. */
export function combineSources(sources: readonly Source[]): Source {
  if (!sources.length) return 'computed';
  return sources.every((s) => s === sources[0]) ? sources[0]! : 'mixed';
}
