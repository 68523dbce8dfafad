/**
 * Loads a generated demo city (see generate.ts) into the database: one transaction, PostgreSQL
 * COPY for the bulk rows (enterprises, yearly figures, labels, contacts), streamed in chunks so a
 * 100,000-firm city neither builds the whole COPY text in memory nor takes long.
 *
 * The generated enterprises are flagged is_demo and go onto the demo platforms (`seedDemo`). The
 * single demo enterprise that `seedDemo` creates (the demo `enterprise` user is scoped to it) is
 * never deleted: it only gets a profile (yearly figures, industry, land …) where it has none.
 */
import type { Database, Tx } from '../../../platform/db/client';
import { sealPhone, type PiKeyRing } from '../../../platform/crypto/personal-info';
import type { Label } from '../../enterprises/core/codes';
import { recordAudit, type AuditSubject } from '../../audit/audit.service';
import { applyDecisionIn } from '../../chain-leaders/chain-leaders.service';
import { applyAssignmentsIn } from '../../commissioners/commissioners.service';
import { insertVisitsIn, openProblemsIn } from '../../visits/visits.service';
import { REQUEST_CATEGORY_OF } from '../../visits/core/codes';
import { insertRequestsIn } from '../../requests/requests.service';
import { workingCalendarIn } from '../../calendar/calendar.service';
import { demoRequests } from '../core/demo-requests';
import { zonedDate } from '../../../platform/time-zone';
import { demoAssignments, demoVisits } from '../core/demo-services';
import { demoLeaderDecisions, demoLeaderReason } from '../core/chain-leader-decisions';
import { SEEDED_DEMO_USCC } from '../core/demo-identity';
import { seedDemo } from '../demo.seed';
import { seedDemoTasks } from '../demo-tasks';
import { seedDemoProjects } from '../demo-projects';
import { seedDemoChainMap } from '../demo-chain-map';
import {
  analyzeCity,
  cityInputs,
  completeSeeded,
  countGenerated,
  countGeneratedDemoEnterprises,
  deleteGenerated,
  demoDecider,
  demoRequestInputs,
  demoServiceInputs,
  lockDemo,
  seededEnterprise,
  takenIdentities,
  writeCity,
} from '../demo.repository';
import { generateCity, type GeneratedCity, type OddKind } from './generate';

export { countGeneratedDemoEnterprises, SEEDED_DEMO_USCC };

/**
 * `serve --demo` loads this city when none has been generated yet: the platforms' city at the
 * plan's scale (generate.ts, CITY_SIZE).
 */
export const DEFAULT_DEMO_SCALE = 25_000;
export const DEFAULT_DEMO_SEED = 1;

const LOAD_LOCK = 727402;

export class DemoCityExistsError extends Error {
  constructor(readonly existing: number) {
    super(
      `已有 ${existing} 家生成的演示企业，如需重新生成请加 --replace / ` +
        `${existing} generated demo enterprises already exist: add --replace to delete and regenerate them`,
    );
  }
}

export interface LoadDemoCityOptions {
  scale: number;
  seed: number;
  /** Delete earlier generated demo enterprises first (otherwise their presence is an error). */
  replace?: boolean;
  /** Do nothing (return null) when generated demo enterprises exist: what `serve --demo` wants. */
  ifNone?: boolean;
  /** Rows written so far (all four tables together) out of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Who asked, for the audit row. */
  subject?: AuditSubject;
  /** The personal-information key ring: contact phone numbers are written sealed. */
  keys: PiKeyRing;
}

export interface DemoCityResult {
  scale: number;
  seed: number;
  /** Generated demo enterprises deleted first (--replace). */
  deleted: number;
  enterprises: number;
  /** 规上 by the latest year's revenue (the `scale` column). */
  aboveScale: number;
  aboveScaleByYear: Record<number, number>;
  labels: Record<Label, number>;
  labelRows: number;
  yearRows: number;
  contacts: number;
  /** Current commissioner assignments and visits written. */
  assignments: number;
  visits: number;
  /** Demo requests written (a year of them, some from visits' problems). */
  requests: number;
  odd: Record<OddKind, number>;
  /** Whether the `seedDemo` enterprise was given yearly figures in this run. */
  seededEnterpriseCompleted: boolean;
  generateSeconds: number;
  elapsedSeconds: number;
}

// ---------------------------------------------------------------------------------------------

const DEMO_SUBJECT: AuditSubject = { userId: null, username: 'system:demo-city', ip: null };

/** The demo account that confirms the demo city's chain leaders (`seedDemo` creates it). */
const DEMO_DECIDER = 'taskforce';

/**
 * The generated chain leaders, confirmed through the chain-leaders service's decision (the same
 * rules, decision row, label and audit row as a task-force decision in the web), by the demo task
 * force account, on the generated day. Returns how many were confirmed.
 */
async function confirmLeaders(tx: Tx, city: GeneratedCity, idOf: (i: number) => number): Promise<number> {
  const leaders = city.enterprises.flatMap((e, enterprise) =>
    e.labels.filter((l) => l.label === 'chain_leader').map((l) => ({ enterprise, grantedOn: l.grantedOn })),
  );
  const decisions = demoLeaderDecisions(leaders, city.yearRows);
  const decider = await demoDecider(tx, DEMO_DECIDER);
  const subject: AuditSubject = { userId: decider?.id ?? null, username: DEMO_DECIDER, ip: null };
  for (const d of decisions)
    await applyDecisionIn(
      tx,
      subject,
      { kind: 'all' },
      {
        enterpriseId: idOf(d.enterprise),
        year: d.year,
        decision: 'confirmed',
        reason: demoLeaderReason(d.year, d.output),
        decidedBy: decider?.id ?? null,
        decidedByName: decider?.displayName ?? '市专班 演示',
        today: d.decidedOn,
        // 10:00 China time on the day of the decision.
        decidedAt: new Date(`${d.decidedOn}T10:00:00+08:00`),
      },
    );
  return decisions.length;
}

/**
 * Every demo enterprise to one of its platform's commissioners (from the first day of last year),
 * then a year of visits: through the commissioners' and the visits' services (set-based, one
 * audit row each). Returns the numbers of assignments and visits.
 */
async function seedServices(
  tx: Tx,
  client: Parameters<typeof demoServiceInputs>[0],
  seed: number,
): Promise<{ assignments: number; visits: number; requests: number }> {
  const { enterprises, commissioners } = await demoServiceInputs(client);
  const pairs = demoAssignments(enterprises, commissioners);
  const today = zonedDate();
  const decider = await demoDecider(tx, DEMO_DECIDER);
  const subject: AuditSubject = { userId: decider?.id ?? null, username: DEMO_DECIDER, ip: null };
  await applyAssignmentsIn(tx, subject, pairs, {
    on: `${Number(today.slice(0, 4)) - 1}-01-01`,
    by: decider?.id ?? null,
    reason: '演示数据',
    kind: 'bulk',
  });
  const visits = await insertVisitsIn(tx, subject, demoVisits(pairs, today, seed));
  const requests = await seedRequests(tx, client, subject, today, seed);
  return { assignments: pairs.length, visits, requests };
}

/**
 * A year of requests (企业诉求) walked through the requests' rules (demo-requests.ts), some of them
 * raised from the visits' problems, written set-based through the requests service.
 */
async function seedRequests(
  tx: Tx,
  client: Parameters<typeof demoRequestInputs>[0],
  subject: AuditSubject,
  today: string,
  seed: number,
): Promise<number> {
  const inputs = await demoRequestInputs(client);
  const year = Number(today.slice(0, 4));
  const { calendar } = await workingCalendarIn(tx, year - 2, year + 1);
  const problems = (await openProblemsIn(tx)).map((p) => ({
    ...p,
    category: REQUEST_CATEGORY_OF[p.category],
  }));
  const generated = demoRequests({ ...inputs, problems }, today, calendar, seed);
  // Each step at 09:00 China time on its day, a minute apart.
  const at = (on: string, i: number) => new Date(Date.parse(`${on}T09:00:00+08:00`) + i * 60_000);
  return insertRequestsIn(
    tx,
    subject,
    generated.map(({ events, ...r }) => ({
      ...r,
      events: events.map((e, i) => ({ ...e, at: at(e.on, i) })),
    })),
  );
}

/**
 * Seeds the demo platforms and users (idempotent), then generates and loads a city of `scale`
 * enterprises in one transaction, with its audit row. Returns null when `ifNone` is set and a
 * generated city already exists.
 */
export async function loadDemoCity(
  database: Database,
  options: LoadDemoCityOptions,
): Promise<DemoCityResult | null> {
  const started = performance.now();
  if (options.ifNone && (await countGeneratedDemoEnterprises(database.db)) > 0) return null;
  await seedDemo(database);
  const result = await database.transaction(async (tx, client) => {
    // One loader at a time (two servers starting on one external database, say).
    await lockDemo(tx, LOAD_LOCK);
    const existing = await countGenerated(client);
    if (existing > 0 && options.ifNone) return null;
    if (existing > 0 && !options.replace) throw new DemoCityExistsError(existing);
    const deleted = existing > 0 ? await deleteGenerated(client) : 0;

    const inputs = await cityInputs(client);
    const seeded = await seededEnterprise(client);
    // What the city must not reuse: every USCC and name still in the table.
    const taken = await takenIdentities(client);
    const generateStarted = performance.now();
    const city = generateCity({
      scale: options.scale,
      seed: options.seed,
      ...inputs,
      reservedUsccs: new Set(taken.map((t) => t.uscc)),
      reservedNames: new Set(taken.map((t) => t.name)),
      anchorPlatformId: seeded
        ? inputs.platforms.some((p) => p.id === seeded.platform_id)
          ? seeded.platform_id
          : inputs.platforms[0]!.id
        : undefined,
    });
    const generateSeconds = (performance.now() - generateStarted) / 1000;

    const seal = (phone: string) => sealPhone(options.keys, phone);
    const written = await writeCity(client, city, seal, options.onProgress);
    const leaders = await confirmLeaders(tx, city, written.idOf);
    const seededEnterpriseCompleted =
      seeded && city.anchor ? await completeSeeded(client, seeded, city.anchor, seal) : false;
    const services = await seedServices(tx, client, options.seed);
    const taskList = await seedDemoTasks(database, tx, zonedDate());
    const projects = await seedDemoProjects(
      tx,
      client,
      options.subject ?? DEMO_SUBJECT,
      options.seed,
      zonedDate(),
    );
    const chainMap = await seedDemoChainMap(tx);
    const { summary } = city;
    await recordAudit(tx, options.subject ?? DEMO_SUBJECT, {
      action: 'demo.generate',
      result: 'success',
      objectType: 'demo_city',
      detail: {
        scale: options.scale,
        seed: options.seed,
        replace: Boolean(options.replace),
        deleted,
        enterprises: summary.enterprises,
        aboveScale: summary.aboveScale,
        labels: { ...summary.labels, chain_leader: leaders },
        yearRows: written.yearRows,
        ...services,
        taskList,
        projects,
        chainMap,
      },
    });
    return {
      scale: options.scale,
      seed: options.seed,
      deleted,
      enterprises: summary.enterprises,
      aboveScale: summary.aboveScale,
      aboveScaleByYear: summary.aboveScaleByYear,
      labels: { ...summary.labels, chain_leader: leaders },
      labelRows: written.labelRows + leaders,
      yearRows: written.yearRows,
      contacts: written.contacts,
      ...services,
      odd: summary.odd,
      seededEnterpriseCompleted,
      generateSeconds,
    };
  });
  if (!result) return null;
  // Fresh statistics for the planner: the tables just grew a lot.
  await analyzeCity(database.db);
  return { ...result, elapsedSeconds: (performance.now() - started) / 1000 };
}
