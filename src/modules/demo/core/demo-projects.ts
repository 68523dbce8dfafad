/**
 * The demo investment pipeline (招商项目): ~420 projects across the demo platforms — mostly in each
 * platform's leading industries — at every stage and size, with approved stage histories, a few
 * changes pending approval, some stalled past the stall rules, some dropped or lost, and ≥ 10 亿
 * signings in each recent year near the plan's T6 bar (> 60 a year); projects past their
 * full-production year carry 标准地 commitments against their project company's real figures, some
 * met and some short. Pure and deterministic: the same seed and day give the same pipeline.
 */
import { Random } from '../city/random';
import { MAJOR_THRESHOLD, STAGES, type Source, type Stage } from '../../projects/core/codes';
import { sizeClassOf } from '../../projects/core/stages';
import type { StallRule } from '../../projects/core/stalls';

export interface DemoProjectPlatform {
  id: number;
  leadingIndustries: readonly string[];
}

/** An enterprise that can be a project company (own land, yearly figures). */
export interface DemoProjectCompany {
  id: number;
  platformId: number;
  industry: string | null;
  ownLandMu: number;
  /** year → revenue, tax, fixed-asset investment (万元). */
  years: Record<number, { revenue: number; tax: number; fai: number }>;
}

export interface DemoStageStep {
  stage: Stage | 'dropped' | 'lost';
  date: string;
  status: 'approved' | 'pending';
  note: string;
}

export interface DemoProject {
  code: string;
  name: string;
  platformId: number;
  industryCode: string;
  investorName: string;
  investorOrigin: string;
  investorEnterpriseId: number | null;
  enterpriseId: number | null;
  totalInvestment: number;
  fixedAssetInvestment: number;
  foreignInvestment: number | null;
  landMu: number | null;
  parcel: string;
  energyTce: number | null;
  source: Source;
  referrerEnterpriseId: number | null;
  ownerName: string;
  committedIntensity: number | null;
  committedOutputPerMu: number | null;
  committedTaxPerMu: number | null;
  fullProductionYear: number | null;
  /** In order: the lead first; pending at most one, last. */
  steps: DemoStageStep[];
}

const KEY_INDUSTRIES = [
  'smart_iot',
  'high_end_equipment',
  'biomedicine',
  'new_materials',
  'green_energy',
  'integrated_circuits',
  'artificial_intelligence',
] as const;

const PRODUCTS: Record<string, string[]> = {
  smart_iot: ['智能传感器', '物联网模组', '智能家居终端', '工业网关', '车联网终端'],
  high_end_equipment: ['工业机器人', '高端数控机床', '航空零部件', '精密减速器', '智能物流装备'],
  biomedicine: ['生物制药基地', '高端医疗器械', '创新药研发生产', '体外诊断试剂', 'CDMO 平台'],
  new_materials: ['高性能膜材料', '碳纤维复合材料', '电子化学品', '特种合金', '高端光学材料'],
  green_energy: ['动力电池', '光伏组件', '储能系统', '氢能装备', '风电装备'],
  integrated_circuits: ['12 英寸晶圆', '功率半导体', '芯片封装测试', '半导体设备', '化合物半导体'],
  artificial_intelligence: ['智能算力中心', 'AI 芯片研发', '智能驾驶系统', '机器视觉', '大模型应用'],
};
const ORIGINS = [
  '上海市',
  '北京市',
  '深圳市',
  '苏州市',
  '南京市',
  '宁波市',
  '合肥市',
  '境外·德国',
  '境外·日本',
  '境外·新加坡',
  '境外·美国',
  '境外·中国香港',
];
const WORDS = [
  '华',
  '瑞',
  '新',
  '晶',
  '科',
  '恒',
  '远',
  '创',
  '博',
  '联',
  '泰',
  '铭',
  '睿',
  '鼎',
  '海',
  '天',
];
const SUFFIX: Record<string, string> = {
  smart_iot: '智能科技',
  high_end_equipment: '装备制造',
  biomedicine: '生物医药',
  new_materials: '新材料',
  green_energy: '新能源',
  integrated_circuits: '半导体',
  artificial_intelligence: '人工智能',
};
const OWNERS = [
  '王磊',
  '李静',
  '张伟',
  '刘洋',
  '陈晨',
  '杨帆',
  '赵敏',
  '黄超',
  '周婷',
  '吴昊',
  '徐丽',
  '孙鹏',
];
const DROP_REASONS = ['投资方战略调整，项目终止', '用地条件不具备，双方协商终止', '环评未通过，项目终止'];
const LOST_REASONS = ['投资方选择外地落户', '竞争园区政策更优，项目流失', '投资方资金链紧张，转投他处'];

/** ≥ 10 亿 signings per year relative to the current year (the plan asks > 60 a year). */
const MAJOR_SIGNINGS: [number, number][] = [
  [-4, 22],
  [-3, 34],
  [-2, 49],
  [-1, 63],
  [0, 58],
];
const OTHERS = 170;
const EARLY_MAJORS = 24;

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);
const addDays = (d: string, n: number) => iso(parse(d) + n * DAY);
const round = (x: number, step: number) => Math.round(x / step) * step;

function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r.next() * items.length)]!;
}

/**
 * The pipeline. `today` bounds every date (nothing in the future); `rules` are the stall rules, so
 * that projects not meant to stall stay within them and the stalled ones exceed them.
 */
export function demoProjects(input: {
  seed: number;
  today: string;
  platforms: readonly DemoProjectPlatform[];
  companies: readonly DemoProjectCompany[];
  rules: readonly StallRule[];
  /** Enterprises that may refer (以企招企) or invest, per platform. */
  referrers: ReadonlyMap<number, readonly number[]>;
}): DemoProject[] {
  const r = Random.derive(input.seed, 'projects');
  const thisYear = Number(input.today.slice(0, 4));
  const maxDays = (stage: Stage, total: number) =>
    input.rules.find((x) => x.stage === stage && x.sizeClass === sizeClassOf(total))?.maxDays ?? 180;
  const used = new Set<number>();
  const serials = new Map<number, number>();
  const out: DemoProject[] = [];

  const plan: { total: number; signYear: number | null }[] = [];
  for (const [offset, n] of MAJOR_SIGNINGS)
    for (let i = 0; i < n; i++)
      plan.push({
        total: i % 9 === 0 ? MAJOR_THRESHOLD : round(MAJOR_THRESHOLD * (1 + r.next() * r.next() * 6), 500),
        signYear: thisYear + offset,
      });
  for (let i = 0; i < EARLY_MAJORS; i++)
    plan.push({ total: round(MAJOR_THRESHOLD * (1 + r.next() * 3), 1000), signYear: null });
  for (let i = 0; i < OTHERS; i++) {
    const large = r.next() < 0.6;
    plan.push({
      total: large ? round(10_000 + r.next() * 85_000, 100) : round(1_000 + r.next() * 8_500, 50),
      signYear: r.next() < 0.55 ? thisYear - Math.floor(r.next() * 4) : null,
    });
  }

  for (const [index, p] of plan.entries()) {
    const platform = input.platforms[index % input.platforms.length]!;
    const industry =
      platform.leadingIndustries.length && r.next() < 0.8
        ? pick(r, platform.leadingIndustries)
        : pick(r, KEY_INDUSTRIES);
    // Dates: a signing in its year (not after today), or a lead in the last 300 days.
    const yearEnd = Math.min(parse(`${p.signYear ?? thisYear}-12-31`), parse(input.today));
    const yearStart = parse(`${p.signYear ?? thisYear}-01-01`);
    const signed =
      p.signYear !== null
        ? iso(yearStart + Math.floor(r.next() * ((yearEnd - yearStart) / DAY + 1)) * DAY)
        : null;
    const lead = signed
      ? addDays(signed, -(60 + Math.floor(r.next() * 200)))
      : addDays(input.today, -Math.floor(r.next() * 300));
    const steps: DemoStageStep[] = [{ stage: 'lead', date: lead, status: 'approved', note: '' }];
    const stuck = r.next() < 0.14;
    const push = (stage: Stage, date: string) => steps.push({ stage, date, status: 'approved', note: '' });
    if (signed) {
      if (r.next() < 0.85)
        push('negotiating', addDays(lead, Math.floor((parse(signed) - parse(lead)) / DAY / 3)));
      push('signed', signed);
      let at: Stage = 'signed';
      let date = signed;
      for (const next of STAGES.slice(STAGES.indexOf('signed') + 1)) {
        const limit = maxDays(at, p.total);
        const gap = Math.max(5, Math.floor(limit * (0.25 + r.next() * 0.6)));
        const nextDate = addDays(date, gap);
        if (nextDate > input.today) break;
        if (stuck && r.next() < 0.5) break;
        push(next, nextDate);
        at = next;
        date = nextDate;
      }
    } else if (r.next() < 0.5) {
      const gap = Math.floor(maxDays('lead', p.total) * (0.2 + r.next() * 0.6));
      if (addDays(lead, gap) <= input.today) push('negotiating', addDays(lead, gap));
    }
    // A stuck project stays where it is: move its last date back past the rule (some escalated).
    const last = steps.at(-1)!;
    if (stuck && last.stage !== 'full_production' && last.stage !== 'signed') {
      const limit = maxDays(last.stage as Stage, p.total);
      const back = addDays(input.today, -Math.floor(limit * (1.1 + r.next() * 0.9)));
      const before = steps.at(-2)?.date ?? '2000-01-01';
      if (back > before) last.date = back;
    }
    const current = steps.at(-1)!.stage as Stage;
    const reached = STAGES.indexOf(current);
    // Ends: a few dropped or lost before signing or while building.
    let ended = false;
    if (!stuck && reached <= STAGES.indexOf('land_supplied') && r.next() < 0.07) {
      const endDate = addDays(steps.at(-1)!.date, 20 + Math.floor(r.next() * 60));
      if (endDate <= input.today) {
        const lost = r.next() < 0.5;
        steps.push({
          stage: lost ? 'lost' : 'dropped',
          date: endDate,
          status: 'approved',
          note: pick(r, lost ? LOST_REASONS : DROP_REASONS),
        });
        ended = true;
      }
    }
    // A change waiting for approval: the next stage, dated within the last weeks.
    if (!ended && !stuck && current !== 'full_production' && r.next() < 0.06) {
      const next = STAGES[reached + 1]!;
      const date = addDays(input.today, -Math.floor(r.next() * 10));
      if (date >= steps.at(-1)!.date) steps.push({ stage: next, date, status: 'pending', note: '请审核' });
    }

    // The project company: once building started, an enterprise of the platform with figures.
    const building = reached >= STAGES.indexOf('construction') && !ended;
    let company: DemoProjectCompany | null = null;
    if (building) {
      const candidates = input.companies.filter((c) => c.platformId === platform.id && !used.has(c.id));
      company = candidates.find((c) => c.industry === industry) ?? candidates[0] ?? null;
      if (company) used.add(company.id);
    }
    const production = steps.find((s) => s.stage === 'production')?.date;
    const fullProductionYear = production
      ? Math.min(Number(production.slice(0, 4)) + 1, thisYear - 1)
      : signed
        ? Number(signed.slice(0, 4)) + 3
        : null;
    const landMu = company ? company.ownLandMu : round(p.total / (300 + r.next() * 400), 1) || 5;
    const fai = round(p.total * (0.6 + r.next() * 0.3), 10);
    // Commitments: against the real figures where they exist (a factor around 1: some short).
    const figures = company && fullProductionYear ? company.years[fullProductionYear] : undefined;
    const factor = () => 0.75 + r.next() * 0.5;
    let committedIntensity = round(fai / landMu, 1);
    let committedOutputPerMu: number | null = round(800 + r.next() * 1200, 10);
    let committedTaxPerMu: number | null = round(40 + r.next() * 80, 1);
    if (company && figures) {
      const from = Math.min(Number((signed ?? lead).slice(0, 4)), fullProductionYear!);
      let invested = 0;
      for (let y = from; y <= fullProductionYear!; y++) invested += company.years[y]?.fai ?? 0;
      committedIntensity = round(((invested || fai) / landMu) * factor(), 0.1);
      committedOutputPerMu = round((figures.revenue / company.ownLandMu) * factor(), 0.1);
      committedTaxPerMu = round((figures.tax / company.ownLandMu) * factor(), 0.01);
    }
    const leadYear = Number(lead.slice(0, 4));
    const serial = (serials.get(leadYear) ?? 0) + 1;
    serials.set(leadYear, serial);
    const referral = r.next() < 0.2 && (input.referrers.get(platform.id)?.length ?? 0) > 0;
    const investorRegistered =
      !company && r.next() < 0.1 ? (input.referrers.get(platform.id)?.[0] ?? null) : null;
    const origin = pick(r, ORIGINS);
    const investorName = `${origin.replace(/^境外·/, '')}${pick(r, WORDS)}${pick(r, WORDS)}${SUFFIX[industry] ?? '科技'}有限公司`;
    const product = pick(r, PRODUCTS[industry] ?? ['产业化']);
    out.push({
      code: `XM-${leadYear}-${String(serial).padStart(5, '0')}`,
      name: `${product}项目（${investorName.slice(origin.replace(/^境外·/, '').length, -4)}）`,
      platformId: platform.id,
      industryCode: industry,
      investorName: investorRegistered ? '' : investorName,
      investorOrigin: investorRegistered ? '本市' : origin,
      investorEnterpriseId: investorRegistered,
      enterpriseId: company?.id ?? null,
      totalInvestment: p.total,
      fixedAssetInvestment: fai,
      foreignInvestment: origin.startsWith('境外') ? round((p.total / 7) * (0.3 + r.next() * 0.7), 10) : null,
      landMu,
      parcel: `${String.fromCharCode(65 + (index % 8))}-${String(1 + (index % 37)).padStart(2, '0')} 地块`,
      energyTce: round(p.total * (0.05 + r.next() * 0.1), 10),
      source: referral ? 'referral' : pick(r, ['chain', 'chain', 'fund', 'agency', 'expo', 'other'] as const),
      referrerEnterpriseId: referral ? pick(r, input.referrers.get(platform.id)!) : null,
      ownerName: pick(r, OWNERS),
      committedIntensity: signed ? committedIntensity : null,
      committedOutputPerMu: signed ? committedOutputPerMu : null,
      committedTaxPerMu: signed ? committedTaxPerMu : null,
      fullProductionYear,
      steps,
    });
  }
  return out;
}
