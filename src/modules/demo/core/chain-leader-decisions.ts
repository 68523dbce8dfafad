/**
 * The demo city's chain leaders are confirmed the way real ones are: by a decision of the task
 * force (chain-leaders service), with a reason, a person and a time. Pure: which year each
 * generated leader is confirmed for, and on which day.
 */
import { CHAIN_LEADER_OUTPUT } from '../../chain-leaders/core/rules';

export interface DemoLeaderDecision {
  /** Index into the city's enterprises. */
  enterprise: number;
  /** The year the confirmation is for: a year in which the firm was a candidate. */
  year: number;
  /** The day of the decision (YYYY-MM-DD, China time). */
  decidedOn: string;
  /** Output of that year, 万元. */
  output: number;
}

/**
 * For each generated leader (its drawn grant date): the latest candidate year up to the grant's
 * year, decided on the grant date; else the first candidate year after it, decided on the same
 * day of that year. A firm that was never a candidate in the figures gets no decision.
 */
export function demoLeaderDecisions(
  leaders: { enterprise: number; grantedOn: string }[],
  yearRows: readonly { enterprise: number; year: number; output: number | null }[],
): DemoLeaderDecision[] {
  const wanted = new Set(leaders.map((l) => l.enterprise));
  const candidateYears = new Map<number, { year: number; output: number }[]>();
  for (const r of yearRows)
    if (wanted.has(r.enterprise) && r.output !== null && r.output >= CHAIN_LEADER_OUTPUT) {
      const list = candidateYears.get(r.enterprise) ?? [];
      list.push({ year: r.year, output: r.output });
      candidateYears.set(r.enterprise, list);
    }
  const out: DemoLeaderDecision[] = [];
  for (const l of leaders) {
    const years = (candidateYears.get(l.enterprise) ?? []).sort((a, b) => a.year - b.year);
    if (!years.length) continue;
    const grantYear = Number(l.grantedOn.slice(0, 4));
    const upTo = years.filter((y) => y.year <= grantYear);
    const chosen = upTo.length ? upTo[upTo.length - 1]! : years[0]!;
    out.push({
      enterprise: l.enterprise,
      year: chosen.year,
      decidedOn: chosen.year <= grantYear ? l.grantedOn : `${chosen.year}${l.grantedOn.slice(4)}`,
      output: chosen.output,
    });
  }
  return out;
}

/** The reason written with a demo confirmation (Chinese, as a task force would write it). */
export function demoLeaderReason(year: number, output: number): string {
  const yi = (output / 10_000).toFixed(2);
  return `演示数据：${year} 年产值 ${yi} 亿元，达到 20 亿元标准；经市工作专班研究，认定为产业链链主企业。`;
}
