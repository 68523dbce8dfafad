/**
 * Demo requests (企业诉求) for the demo city, walked through the requests' state machine
 * and deadline rules (`requests/core`): every state from 待受理 to 已评价, suspended ones, some
 * reopened after 不满意, some overdue and escalated, all three ratings, chain leaders' among them;
 * raised by enterprises, commissioners and platforms (and some from visits' problems), handed to
 * the departments or the platform. Pure: the same seed and day give the same requests.
 */
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from '../../calendar/core/working-days';
import {
  dueAfterSuspension,
  dueOn,
  escalationLevel,
  nextState,
  slaDays,
  TRANSITIONS,
  type Channel,
  type Complexity,
  type Rating,
  type RequestAction,
  type RequestState,
} from '../../requests/core/requests';
import { Random } from '../city/random';
import { addDays } from './demo-services';

export const DEMO_REQUESTS = 500;

export interface DemoRequestInputs {
  enterprises: {
    id: number;
    platformId: number;
    name: string;
    chainLeader: boolean;
    commissionerUserId: number | null;
  }[];
  commissioners: Map<number, string>;
  platforms: Map<number, string>;
  departments: number[];
  categories: { code: string; slaSimpleDays: number; slaComplexDays: number }[];
  /** Done visits' problems not raised yet (category already a request category). */
  problems: {
    problemId: number;
    enterpriseId: number;
    category: string;
    text: string;
    doneOn: string;
    visitorUserId: number | null;
  }[];
}

export interface DemoRequestEvent {
  step: RequestAction | 'create' | 'escalate';
  from: RequestState | null;
  to: RequestState;
  on: string;
  actorName: string;
  note: string | null;
  detail: Record<string, unknown>;
}

export interface DemoRequest {
  enterpriseId: number;
  platformId: number;
  category: string;
  title: string;
  description: string;
  urgency: 'normal' | 'urgent';
  channel: Channel;
  raisedBy: number | null;
  raisedByName: string;
  receivedOn: string;
  dueOn: string;
  closedOn: string | null;
  state: RequestState;
  suspendedFrom: RequestState | null;
  suspendedOn: string | null;
  complexity: Complexity;
  assigneeKind: 'department' | 'platform' | null;
  assigneeDepartmentId: number | null;
  assigneePlatformId: number | null;
  rating: Rating | null;
  ratingComment: string | null;
  answer: string | null;
  escalationLevel: number;
  chainLeader: boolean;
  events: DemoRequestEvent[];
  /** The visit problem it was raised from. */
  problemId: number | null;
}

const TOPICS: Record<string, [string, string][]> = {
  land: [['扩产用地指标', '企业扩产需新增工业用地约 15 亩，希望协调用地指标。']],
  energy: [['用电增容', '新生产线投产后用电负荷不足，希望协调增容。']],
  finance: [['流动资金贷款对接', '订单增加，流动资金紧张，希望对接银行贷款。']],
  talent: [['研发人才公寓', '新招研发人员住房困难，希望安排人才公寓。']],
  approval: [['技改项目备案', '技改项目备案材料已提交，希望加快办理。']],
  policy: [['技改补助兑现', '去年技改补助尚未兑现，希望了解进度。']],
  infrastructure: [['厂区道路修缮', '厂区门前道路破损，货车通行不便。']],
  other: [['产业链对接', '希望组织上下游企业对接活动。']],
};
const ANSWERS = [
  '已协调相关部门办理，请企业按要求补充材料。',
  '已对接落实，后续由专人跟进。',
  '经研究，按政策予以支持。',
];
const REASONS = ['等待企业补充材料', '需上级部门会商'];
const COMMENTS: Record<Rating, string> = {
  satisfied: '办理及时，非常满意',
  basically_satisfied: '基本解决，感谢',
  dissatisfied: '问题未解决',
};

const pick = <T>(r: Random, xs: readonly T[]): T => xs[r.int(0, xs.length - 1)]!;
const workingOnOrAfter = (day: string, cal: WorkingCalendar) => {
  let d = day;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
};

/** Generates `count` requests received since 1 January of the previous year, each walked through the rules. */
export function demoRequests(
  inputs: DemoRequestInputs,
  today: string,
  cal: WorkingCalendar,
  seed: number,
  count = DEMO_REQUESTS,
): DemoRequest[] {
  const random = Random.derive(seed, 'demo-requests');
  if (!inputs.enterprises.length || !inputs.departments.length || !inputs.categories.length) return [];
  const leaders = inputs.enterprises.filter((e) => e.chainLeader);
  const byId = new Map(inputs.enterprises.map((e) => [e.id, e]));
  const categories = new Map(inputs.categories.map((c) => [c.code, c]));
  // About a twelfth come from visits' problems (the visit's day, its visitor raising it).
  const fromProblems = inputs.problems.filter((p) => byId.has(p.enterpriseId) && categories.has(p.category));
  const problems = fromProblems.slice(0, Math.floor(count / 12));
  // Received from 1 January of the previous year to today, so the last completed year (the one the
  // platform evaluation scores) has a full year of requests too.
  const span = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${Number(today.slice(0, 4)) - 1}-01-01T00:00:00Z`)) /
      86_400_000,
  );
  const out: DemoRequest[] = [];
  for (let i = 0; i < count; i++) {
    const problem = problems[i] ?? null;
    const enterprise = problem
      ? byId.get(problem.enterpriseId)!
      : leaders.length && random.chance(0.12)
        ? pick(random, leaders)
        : pick(random, inputs.enterprises);
    const category = problem ? categories.get(problem.category)! : pick(random, inputs.categories);
    const [title, description] = problem
      ? [problem.text.slice(0, 30), problem.text]
      : pick(random, TOPICS[category.code] ?? TOPICS.other!);
    const receivedOn = workingOnOrAfter(
      problem
        ? problem.doneOn > addDays(today, -span)
          ? problem.doneOn
          : addDays(today, -random.int(0, span))
        : addDays(today, -random.int(0, span)),
      cal,
    );
    if (receivedOn > today) continue;
    let channel: Channel;
    let raisedBy: number | null = null;
    let raisedByName: string;
    const roll = random.next();
    const commissionerId = problem?.visitorUserId ?? enterprise.commissionerUserId;
    if (
      (problem || (roll >= 0.45 && roll < 0.75)) &&
      commissionerId &&
      inputs.commissioners.has(commissionerId)
    ) {
      channel = 'commissioner';
      raisedBy = commissionerId;
      raisedByName = inputs.commissioners.get(commissionerId)!;
    } else if (roll >= 0.75 && roll < 0.95) {
      channel = 'platform';
      raisedByName = `${inputs.platforms.get(enterprise.platformId) ?? ''}管委会`;
    } else if (roll >= 0.95) {
      channel = 'task_force';
      raisedByName = '市专班';
    } else {
      channel = 'enterprise';
      raisedByName = enterprise.name;
    }
    const platformName = inputs.platforms.get(enterprise.platformId) ?? '平台';
    const handler = `${platformName}管委会`;
    const r: DemoRequest = {
      enterpriseId: enterprise.id,
      platformId: enterprise.platformId,
      category: category.code,
      title,
      description,
      urgency: random.chance(0.15) ? 'urgent' : 'normal',
      channel,
      raisedBy,
      raisedByName,
      receivedOn,
      dueOn: dueOn(receivedOn, slaDays(category, 'simple'), cal),
      closedOn: null,
      state: 'submitted',
      suspendedFrom: null,
      suspendedOn: null,
      complexity: 'simple',
      assigneeKind: null,
      assigneeDepartmentId: null,
      assigneePlatformId: null,
      rating: null,
      ratingComment: null,
      answer: null,
      escalationLevel: 0,
      chainLeader: enterprise.chainLeader,
      events: [
        {
          step: 'create',
          from: null,
          to: 'submitted',
          on: receivedOn,
          actorName: raisedByName,
          note: null,
          detail: { channel },
        },
      ],
      problemId: problem?.problemId ?? null,
    };
    // The plan: the steps to take, each on a day; the walk stops at today (what is left stays open).
    const stopEarly = random.chance(0.1); // stays open for longer (overdue, escalated)
    const late = random.chance(0.12);
    const willSuspend = random.chance(0.08);
    const rating: Rating = random.chance(0.1)
      ? 'dissatisfied'
      : random.chance(0.3)
        ? 'basically_satisfied'
        : 'satisfied';
    const rates = random.chance(0.75);
    let day = receivedOn;
    const take = (
      action: RequestAction,
      gap: number,
      body: { note?: string; rating?: Rating } = {},
    ): boolean => {
      const on = addWorkingDays(day, gap, cal);
      if (on > today) return false;
      day = on;
      const from = r.state;
      const actorName =
        action === 'rate'
          ? enterprise.name
          : action === 'accept' || action === 'assign' || action === 'transfer'
            ? handler
            : r.assigneeKind === 'department'
              ? '承办部门'
              : handler;
      const detail: Record<string, unknown> = {};
      const to = nextState(from, action, { suspendedFrom: r.suspendedFrom, rating: body.rating ?? null });
      switch (action) {
        case 'accept':
          r.complexity = random.chance(0.35) ? 'complex' : 'simple';
          r.dueOn = dueOn(r.receivedOn, slaDays(category, r.complexity), cal);
          Object.assign(detail, { complexity: r.complexity, dueOn: r.dueOn });
          break;
        case 'assign':
        case 'transfer':
          if (random.chance(0.8)) {
            r.assigneeKind = 'department';
            r.assigneeDepartmentId = pick(random, inputs.departments);
            r.assigneePlatformId = null;
          } else {
            r.assigneeKind = 'platform';
            r.assigneePlatformId = r.platformId;
            r.assigneeDepartmentId = null;
          }
          detail.assignee = { kind: r.assigneeKind, id: r.assigneeDepartmentId ?? r.assigneePlatformId };
          break;
        case 'answer':
          r.answer = body.note!;
          break;
        case 'close':
          r.closedOn = on;
          Object.assign(detail, { closedOn: on, onTime: on <= r.dueOn });
          break;
        case 'rate':
          r.rating = body.rating!;
          r.ratingComment = COMMENTS[body.rating!];
          detail.rating = body.rating;
          if (body.rating === 'dissatisfied') {
            r.closedOn = null;
            r.dueOn = dueOn(on, slaDays(category, r.complexity), cal);
            Object.assign(detail, { reopened: true, dueOn: r.dueOn });
          }
          break;
        case 'suspend':
          r.suspendedFrom = from;
          r.suspendedOn = on;
          break;
        case 'resume':
          r.dueOn = dueAfterSuspension(r.dueOn, r.suspendedOn!, on, cal);
          detail.dueOn = r.dueOn;
          r.suspendedFrom = null;
          r.suspendedOn = null;
          break;
        default:
          break;
      }
      if (!TRANSITIONS[action].from.includes(from)) throw new RangeError(`${action} in ${from}`);
      r.state = to;
      r.events.push({
        step: action,
        from,
        to,
        on,
        actorName,
        note: body.note ?? (TRANSITIONS[action].needsNote ? pick(random, REASONS) : null),
        detail,
      });
      return true;
    };
    const sla = () => slaDays(category, r.complexity);
    const walk = (): void => {
      if (random.chance(0.03)) return; // not accepted yet (待受理)
      if (!take('accept', random.chance(0.7) ? 0 : 1)) return;
      if (stopEarly && random.chance(0.3)) return;
      if (!take('assign', 0)) return;
      if (random.chance(0.05) && !take('transfer', 1, { note: '职能调整，改由其他部门承办' })) return;
      if (stopEarly && random.chance(0.4)) return; // handed over, not started
      if (!take('start', random.int(0, 1))) return;
      if (willSuspend) {
        if (!take('suspend', 1, { note: pick(random, REASONS) })) return;
        if (random.chance(0.5)) return; // stays suspended
        if (!take('resume', random.int(2, 6))) return;
      }
      if (stopEarly) return;
      const answerGap = late ? sla() + random.int(1, 6) : random.int(0, Math.max(0, sla() - 1));
      if (!take('answer', answerGap, { note: pick(random, ANSWERS) })) return;
      if (random.chance(0.05)) return; // answered, not closed yet
      if (!take('close', 0)) return;
      if (!rates) return;
      if (!take('rate', random.int(1, 5), { rating })) return;
      if (rating === 'dissatisfied') {
        if (random.chance(0.3)) return; // reopened, being handled again
        if (!take('answer', random.int(0, sla()), { note: '已再次协调，问题已解决。' })) return;
        if (!take('close', 0)) return;
        if (random.chance(0.7))
          take('rate', random.int(1, 3), {
            rating: random.chance(0.5) ? 'satisfied' : 'basically_satisfied',
          });
      }
    };
    walk();
    // 督办 as of today: the level the escalation rule gives an open request past due.
    r.escalationLevel = escalationLevel(r.state, r.dueOn, today, cal, 0);
    if (r.escalationLevel > 0)
      r.events.push({
        step: 'escalate',
        from: r.state,
        to: r.state,
        on: today,
        actorName: 'system:escalation',
        note: null,
        detail: { level: r.escalationLevel, dueOn: r.dueOn, today },
      });
    out.push(r);
  }
  return out.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
}
