/**
 * Stage changes of a project: which are allowed, who may approve them, what counts as approved at
 * once, and the timeline. Pure: dates are ISO strings (YYYY-MM-DD, China calendar), compared as
 * text; the caller supplies today.
 */
import type { ErrorCode } from '../../../platform/errors';
import {
  END_STATUSES,
  LARGE_THRESHOLD,
  MAJOR_THRESHOLD,
  STAGES,
  type ChangeTarget,
  type EndStatus,
  type Origin,
  type ProjectStatus,
  type SizeClass,
  type Stage,
} from './codes';

export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);
export const isEnd = (target: ChangeTarget): target is EndStatus =>
  (END_STATUSES as readonly string[]).includes(target);

/** major ≥ 100,000 万元 (10 亿, inclusive), large ≥ 10,000 万元, small below. */
export function sizeClassOf(totalInvestment: number): SizeClass {
  if (totalInvestment >= MAJOR_THRESHOLD) return 'major';
  if (totalInvestment >= LARGE_THRESHOLD) return 'large';
  return 'small';
}

export interface ProjectState {
  stage: Stage;
  stageDate: string;
  status: ProjectStatus;
  /** A change is already waiting for approval. */
  hasPending: boolean;
}

export interface ChangeRequest {
  stage: ChangeTarget;
  stageDate: string;
  note: string;
}

/**
 * Why a change cannot be submitted, or null when it can: forward only (skipping stages is allowed;
 * the skipped stages get no date), dates not in the future nor before the current stage's date, one
 * pending change per project, nothing after an end; an end (dropped / lost) needs a reason.
 */
export function refuseChange(project: ProjectState, change: ChangeRequest, today: string): ErrorCode | null {
  if (project.status !== 'active') return 'PROJECT_ENDED';
  if (project.hasPending) return 'PROJECT_CHANGE_PENDING';
  if (isEnd(change.stage)) {
    if (change.note.trim().length < 2) return 'PROJECT_REASON_REQUIRED';
  } else if (stageIndex(change.stage) <= stageIndex(project.stage)) return 'PROJECT_STAGE_BACKWARD';
  if (change.stageDate > today) return 'PROJECT_STAGE_DATE_FUTURE';
  if (change.stageDate < project.stageDate) return 'PROJECT_STAGE_DATE_ORDER';
  return null;
}

export type Submitter = 'task_force' | 'platform_admin';

/**
 * A change counts at once when the task force submits it (form or import) or it comes from the CLI;
 * a platform admin's change waits for approval.
 */
export function approvedAtOnce(submitter: Submitter, origin: Origin): boolean {
  return origin === 'cli' || submitter === 'task_force';
}

export interface Decider {
  userId: number;
  role: string;
  platformId: number | null;
}

/**
 * Who may approve or reject a pending change: never its submitter; the task force, or another
 * platform admin of the project's platform.
 */
export function mayDecide(
  decider: Decider,
  change: { submittedBy: number | null; status: string },
  projectPlatformId: number,
): boolean {
  if (change.status !== 'pending') return false;
  if (change.submittedBy !== null && change.submittedBy === decider.userId) return false;
  if (decider.role === 'task_force') return true;
  return decider.role === 'platform_admin' && decider.platformId === projectPlatformId;
}

/** Why a decision is refused (null: allowed). A rejection needs a reason. */
export function refuseDecision(
  decider: Decider,
  change: { submittedBy: number | null; status: string },
  projectPlatformId: number,
  reject: boolean,
  reason: string,
): ErrorCode | null {
  if (change.status !== 'pending') return 'PROJECT_CHANGE_DECIDED';
  if (change.submittedBy !== null && change.submittedBy === decider.userId) return 'PROJECT_OWN_CHANGE';
  if (!mayDecide(decider, change, projectPlatformId)) return 'FORBIDDEN';
  if (reject && reason.trim().length < 2) return 'PROJECT_REASON_REQUIRED';
  return null;
}

/**
 * Applying an approved change to the project: a stage moves stage and stage date; an end sets the
 * status and end date and keeps the stage.
 */
export function applyChange(
  project: { stage: Stage; stageDate: string },
  change: { stage: ChangeTarget; stageDate: string; note: string },
): {
  stage: Stage;
  stageDate: string;
  status: ProjectStatus;
  endDate: string | null;
  endReason: string | null;
} {
  if (isEnd(change.stage))
    return { ...project, status: change.stage, endDate: change.stageDate, endReason: change.note.trim() };
  return {
    stage: change.stage,
    stageDate: change.stageDate,
    status: 'active',
    endDate: null,
    endReason: null,
  };
}

/**
 * The timeline: each stage with the date of its approved change (the lead date for 线索); stages
 * before the current one without a date were skipped.
 */
export function timeline(
  current: Stage,
  approved: { stage: ChangeTarget; stageDate: string }[],
  leadDate: string | null,
): { stage: Stage; date: string | null; skipped: boolean }[] {
  const dates = new Map<string, string>();
  if (leadDate) dates.set('lead', leadDate);
  for (const c of approved) if (!isEnd(c.stage)) dates.set(c.stage, c.stageDate);
  const at = stageIndex(current);
  return STAGES.map((stage, i) => {
    const date = i <= at ? (dates.get(stage) ?? null) : null;
    return { stage, date, skipped: i <= at && date === null };
  });
}
