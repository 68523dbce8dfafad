/** How the cockpit orders and labels platforms (pure). */

interface Ranked {
  id: number;
  name: string;
  rank: number | null;
}

/** By the platform evaluation's rank, 1 first; platforms without a rank last, by name. */
export function byRank<P extends Ranked>(platforms: readonly P[]): P[] {
  return [...platforms].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank || a.id - b.id;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.name.localeCompare(b.name, 'zh-CN');
  });
}

interface Bubble {
  id: number;
  output: number;
  leader: boolean;
}

/** How many of the largest platforms name their bubble on the chart (the others on hover). */
export const BUBBLE_LABELS_TOP = 8;

/**
 * The bubbles that carry their platform's name: the `top` largest by output, the leading parks and
 * the one highlighted. Labels left may still touch: the chart hides whichever would overlap
 * (`BUBBLE_LABEL_LAYOUT`).
 */
export function labelledBubbles(
  bubbles: readonly Bubble[],
  highlight: number | null,
  top = BUBBLE_LABELS_TOP,
) {
  const largest = [...bubbles].sort((a, b) => b.output - a.output || a.id - b.id).slice(0, top);
  const ids = new Set(largest.map((b) => b.id));
  for (const b of bubbles) if (b.leader) ids.add(b.id);
  if (highlight !== null) ids.add(highlight);
  return ids;
}

/** ECharts' label layout for the bubbles: move a label up or down out of another's way, else hide it. */
export const BUBBLE_LABEL_LAYOUT = { hideOverlap: true, moveOverlap: 'shiftY' } as const;
