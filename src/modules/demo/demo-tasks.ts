/**
 * The demo task list (工作任务清单): two topic meetings of the task force with their decisions,
 * twelve tasks from them and from plan measures across departments and platforms, walked through
 * the tasks service's own rules (reports, milestones, completion — late or not by the calendar —
 * review, supervision) on fixed days relative to the day loaded; and the demo city leader paired
 * with four key platforms. Skipped when the demo meetings exist.
 */
import type { Database, Tx } from '../../platform/db/client';
import type { Actor } from '../auth/core/access';
import { createTaskService } from '../tasks/tasks.service';
import type { TaskAction } from '../tasks/core/tasks';
import { DEMO_PLATFORMS } from './demo.seed';
import { demoTaskInputs, pairDemoLeader } from './demo.repository';

const plus = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

type Owner = { kind: 'department'; code: string } | { kind: 'platform'; index: number };
interface DemoTask {
  title: string;
  /** The meeting (0, 1) and its decision, or a plan section. */
  from: { meeting: 0 | 1; decision: number } | { plan: string };
  owner: Owner;
  /** Days after the meeting (or the first meeting, for plan tasks), or N working days. */
  due: { days: number } | { workingDays: number };
  milestones?: [string, number][];
  /** Steps on days after the task was made: [day, action, note?, percent?]. */
  steps: [number, TaskAction, string?, number?][];
}

const MEETINGS = [
  {
    title: '2026年第一次产业平台工作专班会议',
    host: '市政府分管副市长',
    place: '市行政中心 3 号楼 301 会议室',
    summary: '听取各产业平台 2025 年度亩均评价情况汇报，研究部署 2026 年平台能级提升重点工作。',
    others: ['市政府副秘书长', '市委改革办'],
    decisions: [
      '市经信局牵头制定亩均评价结果应用办法，明确 A、B、C、D 类企业差别化政策。',
      '市科技局推进产业平台创新载体建设，年内新增省级以上研发机构。',
      '市自然资源和规划局牵头开展低效工业用地盘活专项行动。',
      '钱塘新区产业集聚区率先推行“标准地”出让。',
      '市财政局落实产业平台专项扶持资金。',
    ],
  },
  {
    title: '2026年第二次产业平台工作专班会议',
    host: '市发改委主任',
    place: '市发改委 5 楼会议室',
    summary: '通报一季度任务推进情况，对逾期任务进行督办，部署二季度重点工作。',
    others: [],
    decisions: [
      '市商务局牵头组织产业平台招商推介活动。',
      '市人力社保局落实产业平台人才引进政策。',
      '滨江高新区完成企业服务专员全覆盖。',
      '市经信局推进亩均评价数据与统计数据比对核验。',
    ],
  },
] as const;

const TASKS: DemoTask[] = [
  {
    title: '制定亩均评价结果应用办法',
    from: { meeting: 0, decision: 0 },
    owner: { kind: 'department', code: 'jxj' },
    due: { days: 30 },
    milestones: [
      ['形成征求意见稿', 14],
      ['报市政府审定', 28],
    ],
    steps: [
      [10, 'report', '已完成调研，形成初稿框架', 40],
      [13, 'milestone'],
      [20, 'report', '已征求各部门意见', 80],
      [27, 'milestone'],
      [28, 'complete', '办法已印发'],
      [30, 'review', '符合会议要求'],
    ],
  },
  {
    title: '推进产业平台创新载体建设',
    from: { meeting: 0, decision: 1 },
    owner: { kind: 'department', code: 'kjj' },
    due: { workingDays: 20 },
    steps: [
      [12, 'report', '已梳理拟申报研发机构名单', 50],
      [50, 'complete', '新增省级研发机构 3 家'],
    ],
  },
  {
    title: '低效工业用地盘活专项行动',
    from: { meeting: 0, decision: 2 },
    owner: { kind: 'department', code: 'zrzyghj' },
    due: { days: 40 },
    milestones: [['完成低效用地摸底', 20]],
    steps: [[15, 'report', '已完成 6 个平台的摸底', 30]],
  },
  {
    title: '推行“标准地”出让',
    from: { meeting: 0, decision: 3 },
    owner: { kind: 'platform', index: 0 },
    due: { days: 45 },
    steps: [
      [18, 'report', '首宗标准地已挂牌', 60],
      [40, 'complete', '完成 2 宗标准地出让'],
      [42, 'review', '同意'],
    ],
  },
  {
    title: '落实产业平台专项扶持资金',
    from: { meeting: 0, decision: 4 },
    owner: { kind: 'department', code: 'czj' },
    due: { days: 30 },
    steps: [],
  },
  {
    title: '编制重点产业平台年度目标',
    from: { plan: '3.3' },
    owner: { kind: 'department', code: 'fgw' },
    due: { days: 35 },
    steps: [
      [20, 'report', '目标初稿已征求平台意见', 70],
      [34, 'complete', '年度目标已下达'],
    ],
  },
  {
    title: '组织产业平台招商推介活动',
    from: { meeting: 1, decision: 0 },
    owner: { kind: 'department', code: 'swj' },
    due: { days: 60 },
    steps: [],
  },
  {
    title: '落实产业平台人才引进政策',
    from: { meeting: 1, decision: 1 },
    owner: { kind: 'department', code: 'rsj' },
    due: { days: 45 },
    steps: [[8, 'report', '已发布人才引进公告', 35]],
  },
  {
    title: '企业服务专员全覆盖',
    from: { meeting: 1, decision: 2 },
    owner: { kind: 'platform', index: 1 },
    due: { days: 10 },
    steps: [
      [5, 'report', '已覆盖 80% 企业', 80],
      [15, 'complete', '企业服务专员已全覆盖'],
    ],
  },
  {
    title: '亩均数据与统计数据比对核验',
    from: { meeting: 1, decision: 3 },
    owner: { kind: 'department', code: 'jxj' },
    due: { days: 45 },
    milestones: [
      ['完成规上企业比对', 15],
      ['完成规下企业比对', 40],
    ],
    steps: [
      [12, 'milestone'],
      [14, 'report', '规上企业比对完成', 50],
    ],
  },
  {
    title: '规范产业平台统计口径',
    from: { plan: '4.2' },
    owner: { kind: 'department', code: 'scjgj' },
    due: { days: 90 },
    steps: [],
  },
  {
    title: '开展平台综合评价',
    from: { plan: '3.1' },
    owner: { kind: 'platform', index: 2 },
    due: { days: 60 },
    steps: [
      [30, 'report', '评价指标已确定', 60],
      [55, 'complete', '综合评价已完成'],
    ],
  },
];

/** Writes the demo meetings, tasks and leader pairings in the loader's transaction. */
export async function seedDemoTasks(
  database: Database,
  tx: Tx,
  today: string,
): Promise<{ meetings: number; tasks: number; pairings: number }> {
  const inputs = await demoTaskInputs(tx);
  const tf = inputs.accounts.find((a) => a.username === 'taskforce');
  if (inputs.demoMeetings > 0 || !tf) return { meetings: 0, tasks: 0, pairings: 0 };
  const tasks = createTaskService(database);
  const actor = (a: Partial<Actor> & Pick<Actor, 'role' | 'username'>): Actor => ({
    userId: 0,
    platformId: null,
    enterpriseId: null,
    departmentId: null,
    ip: null,
    ...a,
  });
  const taskForce = actor({ userId: tf.id, username: tf.username, role: 'task_force' });
  const platformIds = DEMO_PLATFORMS.map(([name]) => inputs.platforms.find((p) => p.name === name)?.id ?? 0);
  const department = (code: string) => inputs.departments.find((d) => d.code === code)!;
  /** The owner's account: the demo department or platform account when it is theirs, else one named after the owner. */
  const ownerActor = (o: Owner): Actor => {
    if (o.kind === 'department') {
      const d = department(o.code);
      const own = inputs.accounts.find((a) => a.departmentId === d.id);
      return actor({
        userId: own?.id ?? 0,
        username: own?.username ?? `${d.nameZh}（演示）`,
        role: 'department',
        departmentId: d.id,
      });
    }
    const id = platformIds[o.index]!;
    const own = inputs.accounts.find((a) => a.platformId === id && a.username === 'platform');
    return actor({
      userId: own?.id ?? 0,
      username: own?.username ?? `${DEMO_PLATFORMS[o.index]![0]}（演示）`,
      role: 'platform_admin',
      platformId: id,
    });
  };

  const heldOn = [plus(today, -70), plus(today, -25)];
  const meetingIds: number[] = [];
  for (const [i, m] of MEETINGS.entries())
    meetingIds.push(
      await tasks.createMeetingIn(tx, taskForce, {
        title: m.title,
        heldOn: heldOn[i]!,
        host: m.host,
        place: m.place,
        attendees: {
          departmentIds: inputs.departments.slice(0, 6 + i * 2).map((d) => d.id),
          platformIds: platformIds.slice(0, 4).filter(Boolean),
          others: [...m.others],
        },
        summary: m.summary,
        decisions: [...m.decisions],
      }),
    );
  const decisionIds: number[][] = [];
  for (const id of meetingIds) decisionIds.push(await tasks.decisionIdsIn(tx, id));

  let made = 0;
  const written = new Map<string, { id: number; version: number }>();
  for (const d of TASKS) {
    const start = 'meeting' in d.from ? heldOn[d.from.meeting]! : heldOn[0]!;
    const owner = d.owner.kind === 'department' ? department(d.owner.code).id : platformIds[d.owner.index]!;
    if (!owner) continue;
    const id = await tasks.createTaskIn(
      tx,
      taskForce,
      {
        title: d.title,
        description: '',
        sourceKind: 'meeting' in d.from ? 'meeting' : 'plan',
        ...('meeting' in d.from
          ? { decisionId: decisionIds[d.from.meeting]![d.from.decision] }
          : { planRef: d.from.plan }),
        ownerKind: d.owner.kind,
        ownerId: owner,
        ...('days' in d.due ? { dueOn: plus(start, d.due.days) } : { dueWorkingDays: d.due.workingDays }),
        milestones: (d.milestones ?? []).map(([title, days]) => ({ title, dueOn: plus(start, days) })),
      },
      { today: start },
    );
    made++;
    let version = 1;
    const milestones = await tasks.milestoneIdsIn(tx, id);
    let nextMilestone = 0;
    for (const [day, action, note, percent] of d.steps) {
      const on = plus(start, day);
      if (on > today) break;
      const by =
        action === 'review' || action === 'return' || action === 'supervise'
          ? taskForce
          : ownerActor(d.owner);
      await tasks.stepIn(
        tx,
        by,
        id,
        action,
        {
          version,
          note,
          percent,
          ...(action === 'milestone' ? { milestoneId: milestones[nextMilestone++] } : {}),
        },
        { today: on },
      );
      version++;
    }
    written.set(d.title, { id, version });
  }
  // Overdue open tasks are supervised as of today, as a read would; one gets a reminder by hand.
  await tasks.superviseOverdueIn(tx, today);
  const land = written.get('低效工业用地盘活专项行动');
  if (land)
    await tasks.stepIn(
      tx,
      taskForce,
      land.id,
      'supervise',
      { version: land.version, note: '请于 3 个工作日内报送盘活进展及下一步计划' },
      { today },
    );
  const leader = inputs.accounts.find((a) => a.username === 'leader');
  const pairings = leader
    ? await pairDemoLeader(tx, leader.id, platformIds.slice(0, 4).filter(Boolean), plus(today, -90))
    : 0;
  return { meetings: meetingIds.length, tasks: made, pairings };
}
