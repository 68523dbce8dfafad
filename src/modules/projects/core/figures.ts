/**
 * The pipeline's yearly figures: T6 (≥ 10 亿元 projects signed in the year), signed investment, and
 * the funnel of stages. Pure.
 *
 * T6 of year Y (per platform and city): projects with total investment ≥ 100,000 万元 (以上 includes
 * 10 亿 exactly) whose 签约 stage is APPROVED with a signing date in Y (Beijing calendar), excluding
 * projects ended (dropped / lost) on or before 31 December of Y. Pending or rejected changes never
 * count; a project that skipped 签约 has no signing date and does not count.
 */
import { MAJOR_THRESHOLD, STAGES, type ProjectStatus, type Stage } from './codes';
import { stageIndex } from './stages';

export interface SignedProject {
  platformId: number;
  totalInvestment: number;
  status: ProjectStatus;
  endDate: string | null;
  /** The date of the approved 签约 change, or null. */
  signedOn: string | null;
}

/** Signed (approved) in year Y and not ended on or before 31 Dec of Y. */
export function signedIn(p: SignedProject, year: number): boolean {
  if (p.signedOn === null || Number(p.signedOn.slice(0, 4)) !== year) return false;
  return p.status === 'active' || p.endDate === null || p.endDate > `${year}-12-31`;
}

/** Counted by T6 in year Y. */
export function countsForT6(p: SignedProject, year: number): boolean {
  return p.totalInvestment >= MAJOR_THRESHOLD && signedIn(p, year);
}

/** T6 per platform (platform id → count) and city-wide. */
export function majorSigned(
  projects: SignedProject[],
  year: number,
): { byPlatform: Map<number, number>; city: number } {
  const byPlatform = new Map<number, number>();
  let city = 0;
  for (const p of projects) {
    if (!countsForT6(p, year)) continue;
    byPlatform.set(p.platformId, (byPlatform.get(p.platformId) ?? 0) + 1);
    city++;
  }
  return { byPlatform, city };
}

export interface FunnelStep {
  stage: Stage;
  reached: number;
  current: number;
  conversion: number | null;
}

/**
 * How many projects reached each stage (their approved stage is it or later; ended projects keep the
 * stage they reached), how many stand at it now (active), and the conversion from the previous stage.
 */
export function funnel(projects: { stage: Stage; status: ProjectStatus }[]): {
  steps: FunnelStep[];
  dropped: number;
  lost: number;
} {
  const reached = STAGES.map(() => 0);
  const current = STAGES.map(() => 0);
  let dropped = 0;
  let lost = 0;
  for (const p of projects) {
    const at = stageIndex(p.stage);
    for (let i = 0; i <= at; i++) reached[i]!++;
    if (p.status === 'active') current[at]!++;
    else if (p.status === 'dropped') dropped++;
    else lost++;
  }
  const steps = STAGES.map((stage, i) => ({
    stage,
    reached: reached[i]!,
    current: current[i]!,
    conversion: i === 0 || reached[i - 1] === 0 ? null : reached[i]! / reached[i - 1]!,
  }));
  return { steps, dropped, lost };
}

/** Share of `part` in `whole`, null when the whole is 0. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
