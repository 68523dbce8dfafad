/**
 * The demo city generator (`yiyuan demo`): a synthetic but realistic set of enterprises on the demo
 * platforms, with land, labels, one contact and yearly figures. Pure: no I/O, no database; the
 * same input (seed included) always gives exactly the same city.
 *
 * Units as stored (domain guide §2): money 万元, land 亩, floor space m², energy tce, electricity
 * 万kWh, emissions t, employees persons.
 *
 * ## Calibration (规上 firms, latest year; measured on the 5,000-firm city of seed 1: p10–p90, median)
 * - revenue 0.95–1.05 × output (clamped to 0.9–1.1); value added 22–28% of output (25%);
 *   tax 3.4–5.9% of revenue (4.5%).
 * - labour productivity log-normal by industry: 19–42 万元/人 (28).
 * - R&D ÷ revenue log-normal by industry: 1.5–7.4% (3.4%).
 * - own land grows with tax (land = 33 亩 × (tax / 800)^0.68 × noise): 10–87 亩 (29), which puts
 *   tax per mu at 12–45 万元/亩 (23).
 * - energy = value added ÷ (value added per tce, by industry): 0.8–2.8 万元/tce (1.6);
 *   electricity is the electric share of that energy (1 万kWh = 1.229 tce, 当量值), so tax per kWh
 *   follows: 0.25–0.9 元/kWh (0.47). Emissions: 1,400–13,000 万元 value added per t (4,100).
 * - growth ~7% a year with noise; 15% of 规上 firms are "rising" (小升规, ~20% a year), so the
 *   规上 count grows year by year (seed 1, 5,000 firms: 1,306 in 2021 → 1,502 in 2025).
 * 规下: revenue < 2,000 万元 (median 700), own land 4–13 亩 (7), tax per mu ~3 万元/亩.
 *
 * ## Counts, output and the plan's targets T1, T4, T5, T9–T11 (see RATES)
 * The targets describe the platforms' whole city. The generator builds it in three tiers by
 * position: the first CORE_SIZE (5,000) enterprises are the established core (30% 规上, as a small
 * demo city should look), the next ones up to CITY_SIZE (25,000, the default `serve --demo` city)
 * complete the platforms' city at the plan's scale, with 40 large groups (60–1,200 亿元 output)
 * that carry much of its output, and every further enterprise is the long tail of small firms.
 * The default city (seed 1) lands near the targets in 2025, some met and some at risk:
 *   output               2.85 万亿元   (95% of T1's 3 万亿: at risk)
 *   规上 (latest year)   5,246         (95% of T9's 5,500: at risk; 4,567 in 2021)
 *   high-tech            6,231         (T10 > 6,000: met)
 *   tech SMEs            11,501        (96% of T11's 12,000: at risk)
 *   key industries       all seven ≥ 1,000 亿元, none ≥ 10,000 亿元 (T4 met, T5 behind)
 * Larger scales add small firms at the tail's low rates (100,000 firms: 8,400 规上, 4.3 万亿元).
 * The other labels follow the same pattern (RATES). Chain leaders need output ≥ 200,000 万元 and
 * are very few (at most one per ~6,700 firms, at least one when a firm qualifies).
 *
 * ## Odd records (~0.5%, at least one of each kind from scale 20)
 * missing emissions (all years), leased-only land (no own land, leased floor space, half of them
 * tenants of another enterprise on the same platform), one year missing, zero tax (all years).
 */
import type { Label, Scale } from '../../enterprises/core/codes';
import { effectiveScale } from '../../enterprises/core/scale';
import { USCC_ALPHABET, usccCheckCharacter } from '../../enterprises/core/uscc';
import { Random, WeightedTable } from './random';

// ---------------------------------------------------------------------------------------------
// Input and output

export interface CityPlatform {
  id: number;
  /** GB/T 2260 code of the platform's district (330108 …). */
  districtCode: string;
  /** Key-industry codes of the leading industries, in rank order. */
  leadingIndustries: readonly string[];
  /** Industrial land (亩): larger platforms get more enterprises. */
  industrialLandMu?: number | null;
}

export interface GenerateCityInput {
  /** Number of enterprises. */
  scale: number;
  seed: number;
  platforms: readonly CityPlatform[];
  /** GB/T 4754 class codes to choose from (manufacturing classes). */
  classes: readonly string[];
  /** Class code → key-industry code (the task force's mapping table). */
  mapping: Readonly<Record<string, string>>;
  /** Years with figures; default 2021–2025. */
  years?: readonly number[];
  /** USCCs already taken (e.g. by real enterprises): the city avoids them. */
  reservedUsccs?: ReadonlySet<string>;
  /** Names already taken: the city avoids them. */
  reservedNames?: ReadonlySet<string>;
  /**
   * When set, also generate a profile (industry, land, labels, years …) for an existing enterprise
   * on this platform (the one `seedDemo` creates), from its own random stream.
   */
  anchorPlatformId?: number;
}

export interface GeneratedYear {
  year: number;
  output: number;
  revenue: number;
  tax: number;
  valueAdded: number;
  energyTce: number;
  electricity: number;
  emissions: number | null;
  rdSpending: number;
  employees: number;
  fixedAssetInvestment: number;
}

export interface GeneratedYearRow extends GeneratedYear {
  /** Index into `enterprises`. */
  enterprise: number;
}

export interface GeneratedLabel {
  label: Label;
  /** YYYY-MM-DD */
  grantedOn: string;
}

export interface GeneratedContact {
  name: string;
  title: string;
  phone: string;
}

export const ODD_KINDS = ['missing_emissions', 'leased_only', 'missing_year', 'zero_tax'] as const;
export type OddKind = (typeof ODD_KINDS)[number];

export interface GeneratedEnterprise {
  uscc: string;
  name: string;
  platformIndex: number;
  platformId: number;
  industryClass: string;
  /** Whether the class belongs to one of the platform's leading industries. */
  leading: boolean;
  /** 规上 / 规下 from the latest year's revenue. */
  scale: Scale;
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  /** Index (into `enterprises`) of the enterprise whose parcel this one uses, or null. */
  landholderIndex: number | null;
  address: string;
  labels: GeneratedLabel[];
  contact: GeneratedContact;
  odd: OddKind | null;
}

export interface GeneratedAnchor {
  industryClass: string;
  scale: Scale;
  ownLandMu: number;
  address: string;
  labels: GeneratedLabel[];
  contact: GeneratedContact;
  years: GeneratedYear[];
}

export interface CitySummary {
  enterprises: number;
  /** 规上 in the latest year (by latest available revenue, as `effectiveScale` decides). */
  aboveScale: number;
  /** 规上 per year (revenue of that year ≥ 2,000 万元). */
  aboveScaleByYear: Record<number, number>;
  labels: Record<Label, number>;
  yearRows: number;
  odd: Record<OddKind, number>;
  /** Share of enterprises whose class is in their platform's leading industries. */
  leadingShare: number;
}

export interface GeneratedCity {
  seed: number;
  scale: number;
  years: number[];
  enterprises: GeneratedEnterprise[];
  /** Yearly figures, enterprise by enterprise, year by year. */
  yearRows: GeneratedYearRow[];
  anchor: GeneratedAnchor | null;
  summary: CitySummary;
}

// ---------------------------------------------------------------------------------------------
// Rates

/**
 * Enterprises by position in the city: the first CORE_SIZE are the established core (a small demo
 * city, 30% 规上), the next ones up to CITY_SIZE complete the platforms' city at the plan's scale
 * (the default `serve --demo` city), every further one is the long tail of small firms.
 */
export const CORE_SIZE = 5000;
export const CITY_SIZE = 25_000;

type RateKey = 'above' | 'giant' | Exclude<Label, 'chain_leader'>;
type Tier = 'core' | 'city' | 'tail';
const TIERS: readonly { tier: Tier; upTo: number }[] = [
  { tier: 'core', upTo: CORE_SIZE },
  { tier: 'city', upTo: CITY_SIZE },
  { tier: 'tail', upTo: Infinity },
];

/**
 * Per-enterprise rates by tier. `giant`: large groups (output 60–1,200 亿元, counted among the
 * 规上 firms), which carry much of a real city's output. Expected counts at CITY_SIZE (25,000,
 * latest year) in the comments, against the plan's targets.
 */
export const RATES: Record<RateKey, Record<Tier, number>> = {
  above: { core: 0.3, city: 0.186, tail: 0.04158 }, // 5,220 (T9 > 5,500: at risk)
  giant: { core: 0, city: 0.002, tail: 0 }, // 40
  high_tech: { core: 0.16, city: 0.275, tail: 0.05158 }, // 6,300 (T10 > 6,000: met)
  tech_sme: { core: 0.2, city: 0.52, tail: 0.10947 }, // 11,400 (T11 12,000: at risk)
  specialized_sme: { core: 0.08, city: 0.1, tail: 0.02737 }, // 2,400
  little_giant: { core: 0.012, city: 0.012, tail: 0.002842 }, // 300
  single_champion: { core: 0.003, city: 0.002, tail: 0.000316 }, // 55
  hidden_champion: { core: 0.004, city: 0.003, tail: 0.000526 }, // 80
  rd_institution: { core: 0.15, city: 0.12, tail: 0.02158 }, // 3,150
};

const tierOf = (index: number): Tier => TIERS.find((t) => index < t.upTo)!.tier;

export function expectedCount(key: RateKey, scale: number): number {
  let total = 0;
  let from = 0;
  for (const { tier, upTo } of TIERS) {
    total += RATES[key][tier] * Math.max(0, Math.min(scale, upTo) - from);
    from = upTo;
  }
  return total;
}

/** The labels (the same list as the schema's LABELS, kept here so this file stays free of drizzle). */
export const LABEL_KEYS: readonly Label[] = [
  'high_tech',
  'tech_sme',
  'specialized_sme',
  'little_giant',
  'single_champion',
  'hidden_champion',
  'chain_leader',
  'rd_institution',
];

/** Output (万元) a chain leader needs (plan §3.1: ≥ 20 亿元). */
export const CHAIN_LEADER_OUTPUT = 200_000;
const LEADING_SHARE = 0.75;
const ODD_SHARE = 0.005;
export const DEFAULT_YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** 1 万kWh of electricity in tce (当量值, 0.1229 kgce/kWh). */
const TCE_PER_10K_KWH = 1.229;

// ---------------------------------------------------------------------------------------------
// Reference words

/** Word lists written as space-separated strings (compact to read), split once at load. */
const words = (list: string) => list.trim().split(/\s+/);

/** District name, short name (for company names) and some of its streets and towns. */
const DISTRICTS: Record<string, { name: string; short: string; streets: string[] }> = Object.fromEntries(
  [
    ['330102', '上城区 上城', '望江街道 丁兰街道 九堡街道 笕桥街道 彭埠街道'],
    ['330105', '拱墅区 拱墅', '祥符街道 康桥街道 半山街道 上塘街道 拱宸桥街道'],
    ['330106', '西湖区 西湖', '三墩镇 蒋村街道 留下街道 转塘街道 双浦镇'],
    ['330108', '滨江区 滨江', '长河街道 西兴街道 浦沿街道'],
    ['330109', '萧山区 萧山', '宁围街道 新塘街道 瓜沥镇 临浦镇 衙前镇 北干街道 靖江街道'],
    ['330110', '余杭区 余杭', '五常街道 仓前街道 闲林街道 仁和街道 良渚街道 中泰街道'],
    ['330111', '富阳区 富阳', '银湖街道 东洲街道 富春街道 新登镇 场口镇'],
    ['330112', '临安区 临安', '青山湖街道 锦北街道 玲珑街道 高虹镇 锦南街道'],
    ['330113', '临平区 临平', '临平街道 东湖街道 崇贤街道 塘栖镇 运河街道'],
    ['330114', '钱塘区 钱塘', '白杨街道 下沙街道 义蓬街道 河庄街道 临江街道 前进街道'],
    ['330122', '桐庐县 桐庐', '城南街道 旧县街道 横村镇 分水镇 富春江镇'],
    ['330127', '淳安县 淳安', '千岛湖镇 文昌镇 石林镇 威坪镇'],
    ['330182', '建德市 建德', '洋溪街道 新安江街道 更楼街道 下涯镇 大同镇'],
  ].map(([code, names, streets]) => {
    const [name, short] = words(names!);
    return [code!, { name: name!, short: short!, streets: words(streets!) }];
  }),
);
/** Counties and county-level cities: company names often start with the county, not 杭州. */
const COUNTIES = new Set(['330122', '330127', '330182']);

const ROAD_WORDS = words(`
  科技 创新 兴业 振兴 新城 文海 江虹 滨安 六和 聚才 启智 通惠 金鸡 银海 望湖 富强 青年 东方 学林 智慧
  工业 高新 鸿兴 永盛 春华 秋实 云栖 明珠 锦绣 凤凰 长虹 晨光 顺丰 新安 江滨 湖畔 翠苑 广源 嘉园`);
const ROAD_KINDS = words('路 路 路 街 大道');

/** Characters for the 2-character brand (字号). */
const BRAND_CHARS = [
  ...'恒华宏鑫瑞泰达盛新力远博创捷凯宇嘉诚信安和润丰源兴昌祥顺通海天正中联汇科德荣升晟腾飞骏卓越睿智康健明光辉耀星宸禾佳美金永隆鼎豪杰万方东立成益铭聚弘启航朗峰川江湖山青云众合亿全优精微',
];

/** Industry part of a name (行业表述 + 组织特点), by key industry. */
const KEY_INDUSTRY_WORDS: Record<string, string[]> = {
  smart_iot: words(
    '电子科技 智能科技 物联网技术 传感技术 光电科技 通信技术 仪器仪表 电子技术 信息科技 智能设备 测控技术 数字科技',
  ),
  artificial_intelligence: words('机器人 智能科技 人工智能科技 智能装备 智能系统 无人机科技 机器人技术'),
  integrated_circuits: words('微电子 半导体 芯片科技 集成电路 半导体科技 微电子技术 芯微科技'),
  biomedicine: words('医药 生物科技 药业 医疗器械 生物医药 制药 医疗科技 生物技术 健康科技'),
  high_end_equipment: words(
    '机械 装备 精工 电气 汽车部件 重工 机电 动力科技 智能装备 精密机械 液压科技 数控设备',
  ),
  new_materials: words('新材料 材料科技 高分子材料 复合材料 新材料科技 纤维科技 特种材料 碳材料'),
  green_energy: words('新能源 光伏科技 能源科技 电池科技 储能技术 新能源科技 绿色能源'),
};
/** By GB/T 4754 division (first two digits of the class) for the other classes. */
const DIVISION_WORDS: [from: number, to: number, words: string[]][] = [
  [13, 16, words('食品 食品科技 饮品 茶业')],
  [17, 19, words('纺织 服饰 织造 印染 家纺 皮革制品')],
  [20, 21, words('木业 家居 家具')],
  [22, 24, words('纸业 包装 印务 文化用品 工艺品')],
  [25, 26, words('化工 精细化工 化学 涂料 日化')],
  [27, 27, words('药业 制药')],
  [28, 29, words('化纤 塑业 橡塑制品 塑料制品')],
  [30, 30, words('建材 玻璃 陶瓷 新型建材')],
  [31, 33, words('金属制品 五金 钢构 铝业 铜业 不锈钢制品')],
  [34, 35, words('机械 通用设备 机械制造 设备 机电')],
  [36, 37, words('汽车零部件 车辆配件 交通装备')],
  [38, 38, words('电器 电气 电机 线缆 照明电器')],
  [39, 39, words('电子 电子科技 电子元件')],
  [40, 40, words('仪器 仪表 计量科技')],
  [41, 43, words('工艺制品 再生资源 设备维修')],
];
const OTHER_WORDS = words('实业 制造 工业');
const COMPANY_ENDINGS = words('有限公司 股份有限公司');

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏方俞钱施楼应章翁毛邵严戴孔汤',
];
const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华建国文辉玲红斌宇浩凯健俊帆旭宁婷晨欣怡佳嘉晓雪琳颖倩鹏飞亮波宏峰志海东立新春永江',
];
const CONTACT_TITLES = words('总经理 副总经理 财务总监 财务经理 行政经理 办公室主任 董事长助理 综合部经理');
const MOBILE_PREFIXES = words(
  '133 135 136 137 138 139 150 151 152 157 158 159 177 180 181 182 183 186 187 188 189 199',
);

/** Per key industry (or `other`): centres of the industry-dependent ratios. */
interface IndustryProfile {
  /** Value added per tce (万元/tce). */
  vpe: number;
  /** Electricity's share of total energy (in tce). */
  electricShare: number;
  /** Value added per t of main pollutant emissions (万元/t). */
  vpEmission: number;
  /** R&D ÷ revenue. */
  rd: number;
  /** Value added per employee (万元/人). */
  productivity: number;
}
const PROFILES: Record<string, IndustryProfile> = {
  smart_iot: { vpe: 2.3, electricShare: 0.85, vpEmission: 9000, rd: 0.045, productivity: 28 },
  artificial_intelligence: { vpe: 2.3, electricShare: 0.85, vpEmission: 9000, rd: 0.055, productivity: 30 },
  integrated_circuits: { vpe: 1.6, electricShare: 0.9, vpEmission: 6000, rd: 0.06, productivity: 32 },
  biomedicine: { vpe: 1.9, electricShare: 0.7, vpEmission: 3500, rd: 0.05, productivity: 33 },
  high_end_equipment: { vpe: 1.7, electricShare: 0.8, vpEmission: 5000, rd: 0.032, productivity: 26 },
  new_materials: { vpe: 0.95, electricShare: 0.6, vpEmission: 2000, rd: 0.028, productivity: 30 },
  green_energy: { vpe: 1.15, electricShare: 0.7, vpEmission: 4000, rd: 0.035, productivity: 28 },
  other: { vpe: 1.25, electricShare: 0.7, vpEmission: 3000, rd: 0.018, productivity: 24 },
};

// ---------------------------------------------------------------------------------------------
// Helpers

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;

/** GB 11714 organisation-code check character for 8 digits. */
function orgCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 11 ? '0' : c === 10 ? 'X' : String(c);
}

/** A 9-character organisation code: older style (8 digits + GB 11714 check) or "MA" style. */
function organisationCode(rng: Random): string {
  if (rng.chance(0.6)) {
    let body = String(rng.int(1, 9));
    for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
    return body + orgCheck(body);
  }
  let code = 'MA';
  for (let i = 0; i < 7; i++) code += USCC_ALPHABET[rng.int(0, 30)];
  return code;
}

function usccFor(rng: Random, region: string, taken: Set<string>, reserved: ReadonlySet<string>): string {
  for (;;) {
    const first17 = `91${region}${organisationCode(rng)}`;
    const code = first17 + usccCheckCharacter(first17)!;
    if (!taken.has(code) && !reserved.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function industryWords(classCode: string, keyIndustry: string | undefined): string[] {
  if (keyIndustry && KEY_INDUSTRY_WORDS[keyIndustry]) return KEY_INDUSTRY_WORDS[keyIndustry];
  const division = Number(classCode.slice(0, 2));
  for (const [from, to, words] of DIVISION_WORDS) if (division >= from && division <= to) return words;
  return OTHER_WORDS;
}

function brand(rng: Random, length: number): string {
  let s = rng.pick(BRAND_CHARS);
  while (s.length < length) {
    const c = rng.pick(BRAND_CHARS);
    if (!s.includes(c)) s += c;
  }
  return s;
}

function companyName(
  rng: Random,
  districtCode: string,
  words: string[],
  large: boolean,
  taken: Set<string>,
  reserved: ReadonlySet<string>,
): string {
  const district = DISTRICTS[districtCode];
  for (let attempt = 0; ; attempt++) {
    const r = rng.next();
    let prefix: string;
    if (district && COUNTIES.has(districtCode))
      prefix = r < 0.55 ? district.short : r < 0.8 ? '杭州' : '浙江';
    else if (large && r < 0.35) prefix = '浙江';
    else if (district && r < 0.5) prefix = `杭州${district.short}`;
    else prefix = '杭州';
    const ending = COMPANY_ENDINGS[rng.chance(large ? 0.12 : 0.02) ? 1 : 0]!;
    const name = `${prefix}${brand(rng, attempt < 30 ? 2 : 3)}${rng.pick(words)}${ending}`;
    if (!taken.has(name) && !reserved.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function addressIn(rng: Random, districtCode: string): string {
  const district = DISTRICTS[districtCode];
  const road = `${rng.pick(ROAD_WORDS)}${rng.pick(ROAD_KINDS)}`;
  const number = rng.chance(0.8) ? `${rng.int(1, 2200)}号` : `${rng.int(1, 999)}号${rng.int(1, 12)}幢`;
  if (!district) return `浙江省杭州市${road}${number}`;
  return `浙江省杭州市${district.name}${rng.pick(district.streets)}${road}${number}`;
}

function contactFor(rng: Random): GeneratedContact {
  let given = rng.pick(GIVEN_CHARS);
  if (rng.chance(0.7)) given += rng.pick(GIVEN_CHARS);
  let phone = rng.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) phone += String(rng.int(0, 9));
  return { name: rng.pick(SURNAMES) + given, title: rng.pick(CONTACT_TITLES), phone };
}

// ---------------------------------------------------------------------------------------------
// One firm's economics

interface Firm {
  industryClass: string;
  keyIndustry: string | undefined;
  leading: boolean;
  above: boolean;
  ownLandMu: number;
  years: GeneratedYearRow[];
  /** R&D ÷ revenue in the latest year (0 when none). */
  rdIntensity: number;
}

/** Latest-year revenue (万元) by kind of firm: log-normal, truncated at the 规上 line. */
function latestRevenue(rng: Random, kind: FirmKind): number {
  let revenue: number;
  switch (kind) {
    case 'above':
      do revenue = rng.logNormal(18_000, 1.05);
      while (revenue < 2050 || revenue > 3_000_000);
      return revenue;
    case 'rising': // 小升规: crossed the line recently, growing fast
      do revenue = rng.logNormal(3_200, 0.3);
      while (revenue < 2050);
      return revenue;
    case 'giant': // large groups: 60–1,200 亿元
      do revenue = rng.logNormal(2_200_000, 0.6);
      while (revenue < 600_000 || revenue > 12_000_000);
      return revenue;
    case 'anchor':
      return rng.logNormal(30_000, 0.25);
    case 'below':
      do revenue = rng.logNormal(800, 0.85);
      while (revenue >= 1950 || revenue < 15);
      return revenue;
  }
}

/**
 * 规上 firms: 15% of them are "rising" (小升规: 2025 revenue just over the line, ~20% growth a
 * year, so most were 规下 in 2021), which gives the 规上 count an upward trend over the years.
 */
const RISING_SHARE = 0.15;
/** 规下 firms that were 规上 in an earlier year (降规); the others stay under the line. */
const DROPPED_SHARE = 0.04;

type FirmKind = 'above' | 'giant' | 'rising' | 'below' | 'anchor';

/** Latest-year figures, then back to earlier years along a growth trend with noise. */
function economics(
  rng: Random,
  profile: IndustryProfile,
  kind: FirmKind,
  years: readonly number[],
  enterprise: number,
): { rows: GeneratedYearRow[]; rd: number } {
  const latest = years[years.length - 1]!;
  const above = kind !== 'below';
  const revenue = latestRevenue(rng, kind);
  const revenueToOutput = rng.clampedNormal(1.0, 0.04, 0.9, 1.1);
  const vaRatio = rng.clampedNormal(0.25, 0.025, 0.18, 0.33);
  const taxRatio = above
    ? Math.min(0.09, Math.max(0.025, rng.logNormal(0.045, 0.2)))
    : Math.min(0.08, Math.max(0.01, rng.logNormal(0.035, 0.3)));
  const productivity = above ? rng.logNormal(profile.productivity, 0.28) : rng.logNormal(16, 0.35);
  const vpe = rng.logNormal(profile.vpe, 0.35);
  const electricShare = rng.clampedNormal(profile.electricShare, 0.08, 0.2, 0.97);
  const vpEmission = rng.logNormal(profile.vpEmission, 0.7);
  const rdZero = !above && rng.chance(0.25);
  const rd = rdZero
    ? 0
    : Math.min(
        0.15,
        Math.max(0.004, rng.logNormal(above ? profile.rd : profile.rd * 0.6, above ? 0.45 : 0.7)),
      );
  const investmentRatio = rng.logNormal(0.05, 0.8);
  const growth =
    kind === 'rising'
      ? rng.clampedNormal(0.2, 0.06, 0.08, 0.4)
      : rng.clampedNormal(above ? 0.07 : 0.06, 0.05, -0.15, 0.3);
  const mayHaveDropped = kind === 'below' && rng.chance(DROPPED_SHARE);

  // Revenue path: latest year fixed, earlier years divided by each year's growth.
  const revenues = new Array<number>(years.length);
  revenues[years.length - 1] = revenue;
  for (let i = years.length - 2; i >= 0; i--) {
    const g = Math.min(0.6, Math.max(-0.35, growth + rng.normal(0, 0.05)));
    revenues[i] = revenues[i + 1]! / (1 + g);
    if (kind === 'below' && !mayHaveDropped) revenues[i] = Math.min(revenues[i]!, 1990);
  }

  const rows: GeneratedYearRow[] = years.map((year, i) => {
    const age = year - latest; // 0 for the latest year, negative before
    const r = revenues[i]!;
    const output = r / Math.min(1.1, Math.max(0.9, revenueToOutput * Math.exp(rng.normal(0, 0.015))));
    const valueAdded = output * Math.min(0.35, Math.max(0.16, vaRatio * Math.exp(rng.normal(0, 0.03))));
    const tax = r * taxRatio * Math.exp(rng.normal(0, 0.08));
    const energy = valueAdded / (vpe * 1.03 ** age * Math.exp(rng.normal(0, 0.05)));
    const share = Math.min(0.98, Math.max(0.15, electricShare + rng.normal(0, 0.02)));
    const electricity = (energy * share) / TCE_PER_10K_KWH;
    const emissions = valueAdded / (vpEmission * 1.05 ** age * Math.exp(rng.normal(0, 0.1)));
    const rdSpending = rd === 0 ? 0 : r * rd * Math.exp(rng.normal(0, 0.08));
    const employees = Math.max(
      1,
      Math.round(valueAdded / (productivity * 1.04 ** age * Math.exp(rng.normal(0, 0.04)))),
    );
    const investment = rng.chance(0.15) ? 0 : r * investmentRatio * Math.exp(rng.normal(0, 0.4));
    return {
      enterprise,
      year,
      output: round(output, 2),
      revenue: round(r, 2),
      tax: round(tax, 2),
      valueAdded: round(valueAdded, 2),
      energyTce: round(energy, 2),
      electricity: round(electricity, 2),
      emissions: round(emissions, 3),
      rdSpending: round(rdSpending, 2),
      employees,
      fixedAssetInvestment: round(investment, 2),
    };
  });
  return { rows, rd };
}

function ownLand(rng: Random, above: boolean, latest: GeneratedYear): number {
  if (above) {
    // land ∝ tax^0.68: centre 36 亩 at 900 万元 tax → tax per mu ~25 万元/亩 (mostly 10–60).
    const land = 33 * (Math.max(latest.tax, 50) / 800) ** 0.68 * Math.exp(rng.normal(0, 0.32));
    return round(Math.min(1500, Math.max(5, land)), 1);
  }
  const land = 7 * (latest.revenue / 600) ** 0.25 * Math.exp(rng.normal(0, 0.4));
  return round(Math.min(60, Math.max(1, land)), 1);
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Grant-date generators (illustrative batch seasons, not the official lists). */
const GRANT: Record<Label, (rng: Random) => string> = {
  // Certificates run three years: the latest one, mostly announced Nov–Dec.
  high_tech: (rng) =>
    isoDate(
      rng.weighted([2019, 2020, 2021, 2022, 2023, 2024, 2025], [1, 1, 1.2, 1.3, 1.4, 1.5, 1.6]),
      rng.int(11, 12),
      rng.int(1, 28),
    ),
  // Entered yearly (入库), Mar–Sep.
  tech_sme: (rng) =>
    isoDate(
      rng.weighted([2021, 2022, 2023, 2024, 2025], [1, 1.2, 1.4, 1.6, 1.8]),
      rng.int(3, 9),
      rng.int(1, 28),
    ),
  specialized_sme: (rng) => isoDate(rng.int(2019, 2025), rng.int(6, 12), rng.int(1, 28)),
  little_giant: (rng) => isoDate(rng.int(2019, 2025), rng.int(5, 11), rng.int(1, 28)),
  single_champion: (rng) => isoDate(rng.int(2016, 2024), rng.int(11, 12), rng.int(1, 28)),
  hidden_champion: (rng) => isoDate(rng.int(2018, 2025), rng.int(1, 3), rng.int(1, 28)),
  chain_leader: (rng) => isoDate(rng.int(2023, 2025), rng.int(3, 6), rng.int(1, 28)),
  rd_institution: (rng) => isoDate(rng.int(2010, 2025), rng.int(1, 12), rng.int(1, 28)),
};

/**
 * Bernoulli draws with p_i = min(1, k·w_i), k chosen (bisection) so that Σ p_i = expected:
 * counts vary around the expectation like a real register, and heavier firms are likelier.
 */
function drawByWeight(rng: Random, weights: Float64Array, expected: number): boolean[] {
  let total = 0;
  let positive = 0;
  for (const w of weights) {
    if (w > 0) {
      total += w;
      positive++;
    }
  }
  const target = Math.min(expected, positive);
  const chosen = new Array<boolean>(weights.length).fill(false);
  if (target <= 0 || total <= 0) {
    for (let i = 0; i < weights.length; i++) rng.next();
    return chosen;
  }
  const sumFor = (k: number) => {
    let s = 0;
    for (const w of weights) s += Math.min(1, k * w);
    return s;
  };
  let lo = 0;
  let hi = target / total;
  while (sumFor(hi) < target && hi < 1e12) hi *= 2;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (sumFor(mid) < target) lo = mid;
    else hi = mid;
  }
  for (let i = 0; i < weights.length; i++) chosen[i] = rng.next() < Math.min(1, hi * weights[i]!);
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// The city

function validate(input: GenerateCityInput): void {
  if (!Number.isInteger(input.scale) || input.scale < 1 || input.scale > 1_000_000)
    throw new RangeError(`scale must be an integer between 1 and 1,000,000 (got ${input.scale})`);
  if (!Number.isInteger(input.seed)) throw new RangeError(`seed must be an integer (got ${input.seed})`);
  if (input.platforms.length === 0) throw new RangeError('the demo city needs at least one platform');
  if (input.classes.length === 0) throw new RangeError('the demo city needs industry classes');
  for (const p of input.platforms)
    if (!/^\d{6}$/.test(p.districtCode)) throw new RangeError(`platform ${p.id}: bad district code`);
}

interface PlatformPlan {
  /** Per leading industry (rank order) its classes; industries without classes are left out. */
  leading: { industry: string; classes: string[] }[];
  leadingWeights: number[];
  leadingSet: Set<string>;
  others: string[];
}

function planPlatforms(input: GenerateCityInput, classes: string[]): PlatformPlan[] {
  const byIndustry = new Map<string, string[]>();
  for (const code of classes) {
    const industry = input.mapping[code];
    if (!industry) continue;
    const list = byIndustry.get(industry) ?? [];
    list.push(code);
    byIndustry.set(industry, list);
  }
  return input.platforms.map((p) => {
    const leading = p.leadingIndustries
      .map((industry) => ({ industry, classes: byIndustry.get(industry) ?? [] }))
      .filter((l) => l.classes.length > 0);
    const leadingSet = new Set(leading.flatMap((l) => l.classes));
    // Rank weights: first 0.5, second 0.3, third 0.2 (renormalised for 2 industries).
    const rankWeights = [0.5, 0.3, 0.2];
    return {
      leading,
      leadingWeights: leading.map((_, i) => rankWeights[i] ?? 0.1),
      leadingSet,
      others: classes.filter((c) => !leadingSet.has(c)),
    };
  });
}

function makeFirm(
  rng: Random,
  plan: PlatformPlan,
  mapping: Readonly<Record<string, string>>,
  kind: FirmKind,
  years: readonly number[],
  classes: readonly string[],
  enterprise: number,
): Firm {
  let industryClass: string;
  let leading: boolean;
  const forceLeading = kind === 'anchor';
  if (plan.leading.length > 0 && (forceLeading || plan.others.length === 0 || rng.chance(LEADING_SHARE))) {
    const group = forceLeading ? plan.leading[0]! : rng.weighted(plan.leading, plan.leadingWeights);
    industryClass = rng.pick(group.classes);
    leading = true;
  } else {
    industryClass = rng.pick(plan.others.length ? plan.others : classes);
    leading = plan.leadingSet.has(industryClass);
  }
  const keyIndustry = mapping[industryClass];
  const profile = PROFILES[keyIndustry ?? 'other'] ?? PROFILES.other!;
  const above = kind !== 'below';
  const { rows, rd } = economics(rng, profile, kind, years, enterprise);
  const land = ownLand(rng, above, rows[rows.length - 1]!);
  return { industryClass, keyIndustry, leading, above, ownLandMu: land, years: rows, rdIntensity: rd };
}

export function generateCity(input: GenerateCityInput): GeneratedCity {
  validate(input);
  const years = [...(input.years ?? DEFAULT_YEARS)].sort((a, b) => a - b);
  const classes = [...new Set(input.classes)].sort();
  const plans = planPlatforms(input, classes);
  const platformTable = new WeightedTable(
    input.platforms.map((_, i) => i),
    input.platforms.map((p) => Math.max(1, p.industrialLandMu ?? 5000) ** 0.75),
  );
  const reservedUscc = input.reservedUsccs ?? new Set<string>();
  const reservedNames = input.reservedNames ?? new Set<string>();
  const n = input.scale;

  // Separate streams, so that e.g. a change to names does not reshuffle the economics.
  const firmRng = Random.derive(input.seed, 'firms');
  const identityRng = Random.derive(input.seed, 'identity');
  const labelRng = Random.derive(input.seed, 'labels');
  const oddRng = Random.derive(input.seed, 'odd');

  // 1. Firms: platform, industry, economics, land.
  const firms: Firm[] = new Array(n);
  const platformOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const platformIndex = platformTable.pick(firmRng);
    const tier = tierOf(i);
    const giant = RATES.giant[tier] / RATES.above[tier];
    // The core draws no giant, so a small city stays what it was.
    const kind: FirmKind = firmRng.chance(RATES.above[tier])
      ? giant > 0 && firmRng.chance(giant)
        ? 'giant'
        : firmRng.chance(RISING_SHARE)
          ? 'rising'
          : 'above'
      : 'below';
    platformOf[i] = platformIndex;
    firms[i] = makeFirm(firmRng, plans[platformIndex]!, input.mapping, kind, years, classes, i);
  }

  // 2. Identity: USCC, name, address, contact.
  const usccs = new Set<string>();
  const names = new Set<string>();
  const enterprises: GeneratedEnterprise[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const firm = firms[i]!;
    const platform = input.platforms[platformOf[i]!]!;
    const latest = firm.years[firm.years.length - 1]!;
    enterprises[i] = {
      uscc: usccFor(identityRng, platform.districtCode, usccs, reservedUscc),
      name: companyName(
        identityRng,
        platform.districtCode,
        industryWords(firm.industryClass, firm.keyIndustry),
        latest.revenue >= 50_000,
        names,
        reservedNames,
      ),
      platformIndex: platformOf[i]!,
      platformId: platform.id,
      industryClass: firm.industryClass,
      leading: firm.leading,
      scale: 'below',
      ownLandMu: firm.ownLandMu,
      leasedFloorM2: null,
      landholderIndex: null,
      address: addressIn(identityRng, platform.districtCode),
      labels: [],
      contact: contactFor(identityRng),
      odd: null,
    };
  }

  // 3. Labels.
  assignLabels(labelRng, firms, enterprises, n);

  // 4. Odd records.
  const rows: GeneratedYearRow[][] = firms.map((f) => f.years);
  applyOddities(oddRng, enterprises, rows, platformOf, n, years);

  // 5. Scale and flat year rows.
  const yearRows: GeneratedYearRow[] = [];
  for (let i = 0; i < n; i++) {
    const own = rows[i]!;
    const latest = own[own.length - 1];
    enterprises[i]!.scale = effectiveScale(null, latest ? latest.revenue : null);
    for (const row of own) yearRows.push(row);
  }

  const anchor =
    input.anchorPlatformId === undefined
      ? null
      : makeAnchor(input, plans, years, classes, input.anchorPlatformId);

  return {
    seed: input.seed,
    scale: n,
    years,
    enterprises,
    yearRows,
    anchor,
    summary: summarise(enterprises, yearRows, years),
  };
}

function assignLabels(rng: Random, firms: Firm[], enterprises: GeneratedEnterprise[], n: number): void {
  const weights = new Float64Array(n);
  const latestOf = (i: number) => firms[i]!.years[firms[i]!.years.length - 1]!;
  const draw = (label: Exclude<Label, 'chain_leader'>, weight: (i: number) => number) => {
    for (let i = 0; i < n; i++) weights[i] = weight(i);
    const chosen = drawByWeight(rng, weights, expectedCount(label, n));
    for (let i = 0; i < n; i++)
      if (chosen[i]) enterprises[i]!.labels.push({ label, grantedOn: GRANT[label](rng) });
    return chosen;
  };
  const rdFactor = (i: number) => firms[i]!.rdIntensity / 0.03;
  const leadingFactor = (i: number) => (firms[i]!.leading ? 1.3 : 0.8);

  draw('high_tech', (i) =>
    firms[i]!.rdIntensity > 0 ? (firms[i]!.above ? 3 : 1) * rdFactor(i) * leadingFactor(i) : 0,
  );
  draw('tech_sme', (i) => {
    const latest = latestOf(i);
    if (latest.revenue >= 20_000 || latest.employees >= 500) return 0;
    return (firms[i]!.rdIntensity > 0 ? 1 + rdFactor(i) : 0.2) * leadingFactor(i);
  });
  // Little giants are drawn among specialized SMEs, so they come after them.
  const specialized = draw('specialized_sme', (i) =>
    latestOf(i).revenue < 40_000 ? (firms[i]!.above ? 3 : 1) * Math.sqrt(rdFactor(i) + 0.1) : 0,
  );
  draw('little_giant', (i) => (specialized[i] ? (firms[i]!.above ? 4 : 0.5) : 0));
  draw('single_champion', (i) => (latestOf(i).revenue >= 20_000 ? Math.sqrt(latestOf(i).revenue) : 0));
  draw('hidden_champion', (i) => {
    const r = latestOf(i).revenue;
    return firms[i]!.above && r >= 5_000 && r <= 100_000 ? 1 : 0;
  });
  draw('rd_institution', (i) => (firms[i]!.above ? 8 : firms[i]!.rdIntensity > 0 ? 1 : 0));

  // A little giant was a specialized SME first.
  for (const e of enterprises) {
    const giant = e.labels.find((l) => l.label === 'little_giant');
    const sme = e.labels.find((l) => l.label === 'specialized_sme');
    if (giant && sme && sme.grantedOn > giant.grantedOn) {
      const year = Number(giant.grantedOn.slice(0, 4)) - 1;
      sme.grantedOn = `${year}${giant.grantedOn.slice(4)}`;
    }
  }

  // Chain leaders (§3.1): output ≥ 20 亿元, confirmed by the task force: very few.
  const candidates = [];
  for (let i = 0; i < n; i++) if (latestOf(i).output >= CHAIN_LEADER_OUTPUT) candidates.push(i);
  candidates.sort((a, b) => latestOf(b).output - latestOf(a).output);
  const cap = Math.max(1, Math.round(n / 6700));
  let leaders = 0;
  for (const i of candidates) {
    if (leaders >= cap) break;
    // The largest qualifying firm always; the others one in two (the task force confirms few).
    if (leaders === 0 || rng.chance(0.5)) {
      enterprises[i]!.labels.push({ label: 'chain_leader', grantedOn: GRANT.chain_leader(rng) });
      leaders++;
    }
  }
}

function applyOddities(
  rng: Random,
  enterprises: GeneratedEnterprise[],
  rows: GeneratedYearRow[][],
  platformOf: Int32Array,
  n: number,
  years: readonly number[],
): void {
  if (n < 20) return;
  const count = Math.max(ODD_KINDS.length, Math.round(n * ODD_SHARE));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, n - 1));
  // Landholders: enterprises with own land, by platform.
  const holders = new Map<number, number[]>();
  let k = 0;
  for (const i of chosen) {
    const kind = ODD_KINDS[k++ % ODD_KINDS.length]!;
    const e = enterprises[i]!;
    e.odd = kind;
    const own = rows[i]!;
    switch (kind) {
      case 'missing_emissions':
        rows[i] = own.map((r) => ({ ...r, emissions: null }));
        break;
      case 'zero_tax':
        rows[i] = own.map((r) => ({ ...r, tax: 0 }));
        break;
      case 'missing_year': {
        const drop = rng.int(0, years.length - 1);
        rows[i] = own.filter((_, j) => j !== drop);
        break;
      }
      case 'leased_only': {
        const latest = own[own.length - 1]!;
        e.ownLandMu = null;
        e.leasedFloorM2 = Math.round(
          Math.min(60_000, Math.max(200, 0.6 * latest.revenue * rng.logNormal(1, 0.4))),
        );
        if (rng.chance(0.5)) {
          let list = holders.get(e.platformIndex);
          if (!list) {
            list = [];
            for (let j = 0; j < n; j++)
              if (platformOf[j] === e.platformIndex && enterprises[j]!.ownLandMu !== null && !chosen.has(j))
                list.push(j);
            holders.set(e.platformIndex, list);
          }
          if (list.length) e.landholderIndex = rng.pick(list);
        }
        break;
      }
    }
  }
}

function makeAnchor(
  input: GenerateCityInput,
  plans: PlatformPlan[],
  years: readonly number[],
  classes: readonly string[],
  platformId: number,
): GeneratedAnchor | null {
  const index = input.platforms.findIndex((p) => p.id === platformId);
  if (index < 0) return null;
  const rng = Random.derive(input.seed, 'anchor');
  const firm = makeFirm(rng, plans[index]!, input.mapping, 'anchor', years, classes, -1);
  const labels: GeneratedLabel[] = [
    { label: 'high_tech', grantedOn: GRANT.high_tech(rng) },
    { label: 'rd_institution', grantedOn: GRANT.rd_institution(rng) },
  ];
  const latest = firm.years[firm.years.length - 1]!;
  return {
    industryClass: firm.industryClass,
    scale: effectiveScale(null, latest.revenue),
    ownLandMu: firm.ownLandMu,
    address: addressIn(rng, input.platforms[index]!.districtCode),
    labels,
    contact: contactFor(rng),
    years: firm.years.map(({ enterprise: _enterprise, ...row }) => row),
  };
}

function summarise(
  enterprises: GeneratedEnterprise[],
  yearRows: GeneratedYearRow[],
  years: readonly number[],
): CitySummary {
  const labels = Object.fromEntries(LABEL_KEYS.map((l) => [l, 0])) as Record<Label, number>;
  const odd = Object.fromEntries(ODD_KINDS.map((k) => [k, 0])) as Record<OddKind, number>;
  let aboveScale = 0;
  let leading = 0;
  for (const e of enterprises) {
    if (e.scale === 'above') aboveScale++;
    if (e.leading) leading++;
    if (e.odd) odd[e.odd]++;
    for (const l of e.labels) labels[l.label]++;
  }
  const aboveScaleByYear: Record<number, number> = Object.fromEntries(years.map((y) => [y, 0]));
  for (const r of yearRows) if (r.revenue >= 2000) aboveScaleByYear[r.year]!++;
  return {
    enterprises: enterprises.length,
    aboveScale,
    aboveScaleByYear,
    labels,
    yearRows: yearRows.length,
    odd,
    leadingShare: enterprises.length ? leading / enterprises.length : 0,
  };
}
