/**
 * Node rating (强链 / 补链 / 延链): strong, weak or missing, from the node's local figures. Pure.
 *
 * The rules, in order:
 * 1. **missing** — no local enterprise is placed on the node.
 * 2. **weak** — local enterprises, but none of them 规上 (above designated size), or the node's
 *    output share within the industry is below the map's threshold (`weakShare`, default 5%;
 *    "below" excludes the threshold itself). The share is the node's output ÷ the output of all
 *    enterprises placed on the map, both in the same platform filter and year; when that industry
 *    output is 0 (no figures) the share test is not applied.
 * 3. **strong** — otherwise.
 * 4. A weak node is lifted to **strong** when a confirmed chain leader is placed on it, or when at
 *    least `supplierMin` (default 3) of its local enterprises are linked as suppliers to a
 *    confirmed chain leader (of any node of the industry).
 */
import { DEFAULT_SUPPLIER_MIN, DEFAULT_WEAK_SHARE, type Rating } from './codes';

export interface NodeFigures {
  /** Local enterprises placed on the node. */
  enterprises: number;
  /** Of which 规上. */
  above: number;
  /** Their output in the year (万元). */
  output: number;
  /** Output of all enterprises placed on the map (万元), same filter and year. */
  industryOutput: number;
  /** Confirmed chain leaders among the node's enterprises. */
  leaders: number;
  /** Node enterprises linked as suppliers to a confirmed chain leader. */
  leaderSuppliers: number;
}

export interface RatingRules {
  weakShare: number;
  supplierMin: number;
}

export const DEFAULT_RULES: RatingRules = {
  weakShare: DEFAULT_WEAK_SHARE,
  supplierMin: DEFAULT_SUPPLIER_MIN,
};

export type RatingReason = 'no_enterprise' | 'no_above' | 'low_share' | 'leader' | 'suppliers' | 'sound';

export interface NodeRating {
  rating: Rating;
  /** The node's output share within the industry (0–1), null when the industry has no output. */
  share: number | null;
  /** Why: the rule(s) that decided it. */
  reasons: RatingReason[];
}

export function rateNode(f: NodeFigures, rules: RatingRules = DEFAULT_RULES): NodeRating {
  const share = f.industryOutput > 0 ? f.output / f.industryOutput : null;
  if (f.enterprises <= 0) return { rating: 'missing', share, reasons: ['no_enterprise'] };
  const weakBecause: RatingReason[] = [];
  if (f.above <= 0) weakBecause.push('no_above');
  if (share !== null && share < rules.weakShare) weakBecause.push('low_share');
  if (weakBecause.length === 0) return { rating: 'strong', share, reasons: ['sound'] };
  const lifts: RatingReason[] = [];
  if (f.leaders > 0) lifts.push('leader');
  if (f.leaderSuppliers >= rules.supplierMin) lifts.push('suppliers');
  if (lifts.length > 0) return { rating: 'strong', share, reasons: [...weakBecause, ...lifts] };
  return { rating: 'weak', share, reasons: weakBecause };
}
