// The method list grouped by key: the latest version of each key, its older versions below. Pure.
import type { MethodSummary } from '../../api/evaluationMethods';

export interface MethodGroup {
  key: string;
  latest: MethodSummary;
  /** Older versions, newest first. */
  older: MethodSummary[];
  /** Runs over all versions of the key. */
  runs: number;
}

/** Groups versions by key; the most recently changed key first, then by key. */
export function groupMethods(methods: readonly MethodSummary[]): MethodGroup[] {
  const byKey = new Map<string, MethodSummary[]>();
  for (const m of methods) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
  const groups = [...byKey].map(([key, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    return {
      key,
      latest: sorted[0]!,
      older: sorted.slice(1),
      runs: sorted.reduce((s, m) => s + m.runs, 0),
    };
  });
  return groups.sort(
    (a, b) => b.latest.createdAt.localeCompare(a.latest.createdAt) || a.key.localeCompare(b.key),
  );
}

/** The version a new save of `key` gets: 1 for a new key, otherwise one past the latest. */
export function nextVersion(methods: readonly MethodSummary[], key: string): number {
  return methods.filter((m) => m.key === key).reduce((max, m) => Math.max(max, m.version), 0) + 1;
}

/** basedOn of a version derived from another: "huangyan-2022@1". */
export function basedOnOf(m: Pick<MethodSummary, 'key' | 'version'>): string {
  return `${m.key}@${m.version}`;
}
