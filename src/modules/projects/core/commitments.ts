/**
 * 达产复核: a project's 标准地 commitments checked against what its enterprise actually achieved in
 * the full-production year. Pure.
 *
 * - Output and tax per mu use the per-mu evaluation's own definitions (亩均营业收入 = revenue ÷ land,
 *   亩均税收 = tax ÷ land, `indicatorValue`), with the land the evaluation counts: the enterprise's
 *   own land when it has some, otherwise the project's land (亩).
 * - Investment intensity = fixed-asset investment ÷ the project's land (亩): the enterprise's
 *   reported fixed-asset investment summed from the signing year to the full-production year when it
 *   reported any (the money actually spent), otherwise the project's recorded fixed-asset investment.
 * - Shortfall = (committed − actual) ÷ committed in % (one decimal), positive when short.
 */
import { indicatorValue, type Figures } from '../../evaluation/core/indicators';
import type { Commitment } from './codes';

export interface CommitmentInput {
  /** 亩 */
  landMu: number | null;
  /** 万元 (the project's own figure). */
  fixedAssetInvestment: number | null;
  committedIntensity: number | null;
  committedOutputPerMu: number | null;
  committedTaxPerMu: number | null;
}

export interface EnterpriseActuals {
  /** The enterprise's own land (亩), as the evaluation counts it. */
  ownLandMu: number | null;
  /** The full-production year's figures (万元); null when the year was not reported. */
  revenue: number | null;
  tax: number | null;
  /** Σ reported fixed-asset investment from signing to full production (万元), null with none. */
  fixedAssetInvestment: number | null;
}

export interface CheckResult {
  commitment: Commitment;
  committed: number;
  actual: number | null;
  shortfallPct: number | null;
  met: boolean | null;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function check(commitment: Commitment, committed: number, actual: number | null): CheckResult {
  if (actual === null) return { commitment, committed, actual: null, shortfallPct: null, met: null };
  const a = round(actual, 2);
  return {
    commitment,
    committed,
    actual: a,
    shortfallPct: round(((committed - actual) / committed) * 100, 1),
    met: actual >= committed,
  };
}

/** The land the per-mu figures rest on: own land when positive, else the project's. */
export function evaluatedLand(project: CommitmentInput, actuals: EnterpriseActuals | null): number | null {
  if (actuals?.ownLandMu != null && actuals.ownLandMu > 0) return actuals.ownLandMu;
  return project.landMu != null && project.landMu > 0 ? project.landMu : null;
}

/** Each commitment given (> 0) with its actual value and shortfall. */
export function checkCommitments(project: CommitmentInput, actuals: EnterpriseActuals | null): CheckResult[] {
  const out: CheckResult[] = [];
  const projectLand = project.landMu != null && project.landMu > 0 ? project.landMu : null;
  if (project.committedIntensity != null && project.committedIntensity > 0) {
    const invested = actuals?.fixedAssetInvestment ?? project.fixedAssetInvestment;
    const land = projectLand ?? evaluatedLand(project, actuals);
    out.push(
      check('intensity', project.committedIntensity, invested != null && land ? invested / land : null),
    );
  }
  const figures: Figures = {
    land: evaluatedLand(project, actuals),
    tax: actuals?.tax ?? null,
    revenue: actuals?.revenue ?? null,
    valueAdded: null,
    energyTce: null,
    emissions: null,
    employees: null,
    rdSpending: null,
    electricity: null,
  };
  if (project.committedOutputPerMu != null && project.committedOutputPerMu > 0)
    out.push(check('output_per_mu', project.committedOutputPerMu, indicatorValue('revenue_per_mu', figures)));
  if (project.committedTaxPerMu != null && project.committedTaxPerMu > 0)
    out.push(check('tax_per_mu', project.committedTaxPerMu, indicatorValue('tax_per_mu', figures)));
  return out;
}

/** Short on at least one commitment. */
export const isShort = (checks: CheckResult[]): boolean => checks.some((c) => c.met === false);
