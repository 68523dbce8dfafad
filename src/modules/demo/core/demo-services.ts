/**
 * The demo city's enterprise services: a few commissioners per platform, every demo enterprise
 * assigned, and a year of visits (fixed seed). Pure; written through the commissioners' and the
 * visits' services.
 */
import { Random } from '../city/random';

export const DEMO_COMMISSIONERS_PER_PLATFORM = 3;
/** The demo `commissioner` login is the first commissioner of the second demo platform (滨江). */
export const DEMO_COMMISSIONER_PLATFORM_INDEX = 1;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '晓东',
  '丽华',
  '建国',
  '海燕',
  '志强',
  '文静',
  '明辉',
  '佳怡',
  '国庆',
  '雪梅',
  '俊杰',
  '雅琴',
];

export interface DemoCommissioner {
  username: string;
  displayName: string;
  platformIndex: number;
}

/** `DEMO_COMMISSIONERS_PER_PLATFORM` accounts per platform: `zy-<platform>-<n>`, one of them `commissioner`. */
export function demoCommissioners(platformCount: number): DemoCommissioner[] {
  const out: DemoCommissioner[] = [];
  for (let p = 0; p < platformCount; p++)
    for (let n = 1; n <= DEMO_COMMISSIONERS_PER_PLATFORM; n++) {
      const k = p * DEMO_COMMISSIONERS_PER_PLATFORM + n - 1;
      const demo = p === DEMO_COMMISSIONER_PLATFORM_INDEX && n === 1;
      out.push({
        username: demo ? 'commissioner' : `zy-${String(p + 1).padStart(2, '0')}-${n}`,
        displayName: demo
          ? '服务专员 演示'
          : `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 5 + p) % GIVEN.length]}`,
        platformIndex: p,
      });
    }
  return out;
}

/**
 * Every enterprise to one of its platform's commissioners, in turn by enterprise id (the lowest
 * id of a platform goes to its first commissioner). Enterprises of a platform without
 * commissioners stay unassigned.
 */
export function demoAssignments(
  enterprises: { id: number; platformId: number }[],
  commissionersByPlatform: ReadonlyMap<number, number[]>,
): { enterpriseId: number; commissionerUserId: number }[] {
  const turn = new Map<number, number>();
  return [...enterprises]
    .sort((a, b) => a.id - b.id)
    .flatMap((e) => {
      const people = commissionersByPlatform.get(e.platformId);
      if (!people?.length) return [];
      const t = turn.get(e.platformId) ?? 0;
      turn.set(e.platformId, t + 1);
      return [{ enterpriseId: e.id, commissionerUserId: people[t % people.length]! }];
    });
}

export interface DemoVisit {
  enterpriseId: number;
  status: 'planned' | 'done' | 'cancelled';
  plannedOn: string;
  doneOn: string | null;
  visitorKind: 'commissioner' | 'platform_leader' | 'department';
  visitorUserId: number | null;
  participants: string;
  notes: string;
  createdBy: number | null;
  problems: {
    text: string;
    category: 'land' | 'energy' | 'finance' | 'talent' | 'policy' | 'approvals' | 'infrastructure' | 'other';
  }[];
}

const NOTES = [
  '了解企业生产经营情况，产销基本平稳。',
  '走访企业研发中心，企业计划明年扩大研发投入。',
  '宣讲惠企政策，企业对技改补助申报有意向。',
  '了解订单与用工情况，二季度订单同比增长。',
  '实地查看新厂房建设进度，预计年内投产。',
  '座谈亩均效益提升路径，企业拟压减低效用地。',
];
const PARTICIPANTS = ['', '园区经发局 王科长', '园区招商局 李主任', '市经信局 赵处长', '街道 企业服务站'];
const PROBLEMS: DemoVisit['problems'] = [
  { text: '扩产需新增工业用地约 20 亩，希望协调用地指标。', category: 'land' },
  { text: '高峰时段用电负荷紧张，希望增容。', category: 'energy' },
  { text: '流动资金紧张，希望对接银行贷款。', category: 'finance' },
  { text: '研发人员招聘难，希望支持人才公寓。', category: 'talent' },
  { text: '技改补助兑现进度慢。', category: 'policy' },
  { text: '新建项目环评审批时间较长。', category: 'approvals' },
  { text: '厂区周边道路破损，货车通行不便。', category: 'infrastructure' },
  { text: '希望组织产业链上下游对接活动。', category: 'other' },
];

/** `days` days after a YYYY-MM-DD day (negative: before). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A year of visits up to `today`: about a fifth of the enterprises visited (some twice) by their
 * commissioner, a few by platform leaders, some planned in the next month, a few cancelled;
 * about a third of the done visits found a problem. Same seed, same day: same visits.
 */
export function demoVisits(
  assignments: { enterpriseId: number; commissionerUserId: number }[],
  today: string,
  seed: number,
): DemoVisit[] {
  const random = Random.derive(seed, 'demo-visits');
  const out: DemoVisit[] = [];
  for (const a of assignments) {
    const visits = random.chance(0.2) ? (random.chance(0.25) ? 2 : 1) : 0;
    for (let i = 0; i < visits; i++) {
      const doneOn = addDays(today, -random.int(0, 364));
      const leader = random.chance(0.1);
      out.push({
        enterpriseId: a.enterpriseId,
        status: 'done',
        plannedOn: addDays(doneOn, -random.int(0, 10)),
        doneOn,
        visitorKind: leader ? 'platform_leader' : 'commissioner',
        visitorUserId: leader ? null : a.commissionerUserId,
        participants: PARTICIPANTS[random.int(0, PARTICIPANTS.length - 1)]!,
        notes: NOTES[random.int(0, NOTES.length - 1)]!,
        createdBy: a.commissionerUserId,
        problems: random.chance(0.35) ? [PROBLEMS[random.int(0, PROBLEMS.length - 1)]!] : [],
      });
    }
    if (random.chance(0.03)) {
      const cancelled = random.chance(0.2);
      out.push({
        enterpriseId: a.enterpriseId,
        status: cancelled ? 'cancelled' : 'planned',
        plannedOn: addDays(today, cancelled ? -random.int(1, 60) : random.int(1, 30)),
        doneOn: null,
        visitorKind: 'commissioner',
        visitorUserId: a.commissionerUserId,
        participants: '',
        notes: '',
        createdBy: a.commissionerUserId,
        problems: [],
      });
    }
  }
  return out;
}
