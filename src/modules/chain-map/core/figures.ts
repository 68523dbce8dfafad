/**
 * A map's figures per node, from the enterprises placed on it. Pure.
 *
 * A node counts its own enterprises and those of all its descendants (each enterprise once), so a
 * parent node such as 医疗器械 stands for its sub-nodes. The industry's output is the output of
 * every enterprise placed anywhere on the map, each once.
 */
import { rateNode, type NodeRating, type RatingRules } from './rating';

export interface Placed {
  nodeCode: string;
  enterpriseId: number;
  above: boolean;
  /** 万元 in the year; null without a figure. */
  output: number | null;
}

export interface MapNodeRef {
  code: string;
  parentCode: string | null;
}

export interface NodeFiguresOut {
  enterprises: number;
  above: number;
  output: number;
  leaders: number;
  leaderSuppliers: number;
  enterpriseIds: number[];
}

/** Each node's code and the codes of its descendants (itself included). */
export function subtreeCodes(nodes: MapNodeRef[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const n of nodes)
    if (n.parentCode !== null) children.set(n.parentCode, [...(children.get(n.parentCode) ?? []), n.code]);
  const out = new Map<string, Set<string>>();
  for (const n of nodes) {
    const seen = new Set<string>();
    const stack = [n.code];
    while (stack.length) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(...(children.get(c) ?? []));
    }
    out.set(n.code, seen);
  }
  return out;
}

export function mapFigures(
  nodes: MapNodeRef[],
  placed: Placed[],
  leaderIds: ReadonlySet<number>,
  supplierIds: ReadonlySet<number>,
): { byNode: Map<string, NodeFiguresOut>; industryOutput: number } {
  const byCode = new Map<string, Map<number, Placed>>();
  const all = new Map<number, Placed>();
  for (const p of placed) {
    const m = byCode.get(p.nodeCode) ?? new Map<number, Placed>();
    m.set(p.enterpriseId, p);
    byCode.set(p.nodeCode, m);
    all.set(p.enterpriseId, p);
  }
  const subtrees = subtreeCodes(nodes);
  const byNode = new Map<string, NodeFiguresOut>();
  for (const n of nodes) {
    const members = new Map<number, Placed>();
    for (const code of subtrees.get(n.code)!)
      for (const [id, p] of byCode.get(code) ?? []) members.set(id, p);
    let above = 0;
    let output = 0;
    let leaders = 0;
    let leaderSuppliers = 0;
    for (const [id, p] of members) {
      if (p.above) above++;
      output += p.output ?? 0;
      if (leaderIds.has(id)) leaders++;
      if (supplierIds.has(id)) leaderSuppliers++;
    }
    byNode.set(n.code, {
      enterprises: members.size,
      above,
      output: round4(output),
      leaders,
      leaderSuppliers,
      enterpriseIds: [...members.keys()],
    });
  }
  let industryOutput = 0;
  for (const p of all.values()) industryOutput += p.output ?? 0;
  return { byNode, industryOutput: round4(industryOutput) };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** Figures and rating of every node. */
export function rateMap(
  nodes: MapNodeRef[],
  placed: Placed[],
  leaderIds: ReadonlySet<number>,
  supplierIds: ReadonlySet<number>,
  rules: RatingRules,
): { byNode: Map<string, NodeFiguresOut & NodeRating>; industryOutput: number } {
  const { byNode, industryOutput } = mapFigures(nodes, placed, leaderIds, supplierIds);
  const rated = new Map<string, NodeFiguresOut & NodeRating>();
  for (const [code, f] of byNode) rated.set(code, { ...f, ...rateNode({ ...f, industryOutput }, rules) });
  return { byNode: rated, industryOutput };
}
