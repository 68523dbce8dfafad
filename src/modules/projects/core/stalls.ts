/**
 * Stall detection (停滞预警): a project is stalled when the calendar days since its current stage's
 * approved date exceed the rule's maximum for that stage and its size class, and escalated to the
 * task force when they exceed maximum + escalate-after days. 达产 and ended projects never stall.
 * Pure: the caller supplies today (China calendar) and the rules.
 */
import type { ProjectStatus, SizeClass, Stage } from './codes';

export interface StallRule {
  stage: Stage;
  sizeClass: SizeClass;
  maxDays: number;
  escalateAfterDays: number;
}

export interface StallResult {
  days: number;
  maxDays: number | null;
  /** 0 on time; 1 stalled (platform admins are told); 2 escalated (the task force is told). */
  level: 0 | 1 | 2;
}

const DAY_MS = 86_400_000;

/** Calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function ruleKey(stage: string, sizeClass: string): string {
  return `${stage}:${sizeClass}`;
}

export function rulesByKey(rules: StallRule[]): Map<string, StallRule> {
  return new Map(rules.map((r) => [ruleKey(r.stage, r.sizeClass), r]));
}

export function stallOf(
  project: { stage: Stage; stageDate: string; status: ProjectStatus; sizeClass: SizeClass },
  rules: Map<string, StallRule>,
  today: string,
): StallResult {
  const days = Math.max(0, daysBetween(project.stageDate, today));
  if (project.status !== 'active' || project.stage === 'full_production')
    return { days, maxDays: null, level: 0 };
  const rule = rules.get(ruleKey(project.stage, project.sizeClass));
  if (!rule) return { days, maxDays: null, level: 0 };
  const level = days > rule.maxDays + rule.escalateAfterDays ? 2 : days > rule.maxDays ? 1 : 0;
  return { days, maxDays: rule.maxDays, level };
}
