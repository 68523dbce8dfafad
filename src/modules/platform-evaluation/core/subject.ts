/** A platform as the evaluation engine reads it: its metrics of the year as platform figures. Pure. */
import type { PlatformFigures } from '../../evaluation/core/indicators';
import type { EvaluationFirm } from '../../evaluation/core/score';
import type { Bases, MetricValues } from '../../metrics/core/metrics';

/**
 * A platform's figures for the engine: its metrics of the year, as the platform indicators read them,
 * and its requests' closure, on-time and satisfaction rates of the year.
 */
export function platformSubject(
  platformId: number,
  v: MetricValues,
  bases: Bases,
  requests: {
    closureRate: number | null;
    onTimeRate: number | null;
    satisfactionShare: number | null;
  } | null = null,
): EvaluationFirm & PlatformFigures {
  return {
    id: platformId,
    scale: 'above',
    ownLandMu: bases.aboveLand,
    leasedFloorM2: null,
    landholderId: null,
    labels: [],
    exemption: null,
    hasYear: bases.firms !== null && bases.firms > 0,
    tax: null,
    valueAdded: null,
    revenue: null,
    energyTce: null,
    emissions: null,
    employees: null,
    rdSpending: null,
    electricity: null,
    output: bases.output,
    priorClasses: [],
    outputGrowth: v.output_growth,
    leadingShare: v.leading_share,
    taxPerMu: v.tax_per_mu,
    chainLeaders: v.chain_leaders,
    investmentIntensity: v.investment_intensity,
    majorProjects: v.major_projects,
    aboveScaleGrowth: v.above_scale_growth,
    // 营商环境: the platform's requests received in the year (docs/services.md "Figures").
    ticketClosureRate: requests?.closureRate ?? null,
    serviceSatisfaction: requests?.satisfactionShare ?? null,
    ticketOnTimeRate: requests?.onTimeRate ?? null,
    publicServicePlatform: v.public_service_coverage,
    rdIntensity: v.rd_intensity,
    highTechFirms: v.high_tech_firms,
    energyIntensityDecline: v.energy_intensity_decline,
    innovationPlatforms: v.innovation_platforms,
  };
}
