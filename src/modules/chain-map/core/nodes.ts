/**
 * A map's node list: validation (for the editor, the JSON and the Excel import) and the tree.
 * Pure. Problems carry the row (1-based position in the list; in a workbook, the sheet row) and
 * the field, in Chinese and English.
 */
import { MAX_NODES, NODE_CODE_PATTERN, NODE_NAME_MAX, SEGMENTS, SEGMENT_NAMES, type Segment } from './codes';

export interface NodeInput {
  code: string;
  parentCode: string | null;
  segment: Segment;
  nameZh: string;
  nameEn: string;
  classCodes: string[];
  sort: number;
}

export interface NodeProblem {
  row: number;
  field: string;
  code: string;
  zh: string;
  en: string;
}

const CLASS_PATTERN = /^\d{4}$/;

/**
 * Checks a whole node list: codes present, well formed and unique; segment one of the three; names
 * present and short; the parent a node of the list in the same segment, no cycles; class codes
 * four-digit GB/T 4754-2017 classes that exist (`knownClasses`), not repeated on a node.
 * `rowOf(i)` maps a list index to the row number shown (default i + 1).
 */
export function validateNodes(
  nodes: NodeInput[],
  knownClasses: ReadonlySet<string>,
  rowOf: (index: number) => number = (i) => i + 1,
): NodeProblem[] {
  const problems: NodeProblem[] = [];
  const add = (i: number, field: string, code: string, zh: string, en: string) =>
    problems.push({ row: rowOf(i), field, code, zh, en });
  if (nodes.length === 0) {
    problems.push({
      row: 0,
      field: 'nodes',
      code: 'EMPTY',
      zh: '图谱至少需要一个节点',
      en: 'A map needs at least one node',
    });
    return problems;
  }
  if (nodes.length > MAX_NODES)
    problems.push({
      row: 0,
      field: 'nodes',
      code: 'TOO_MANY',
      zh: `图谱最多 ${MAX_NODES} 个节点`,
      en: `A map has at most ${MAX_NODES} nodes`,
    });
  const byCode = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!NODE_CODE_PATTERN.test(n.code))
      add(
        i,
        'code',
        'CODE_FORMAT',
        `节点编码“${n.code}”格式不对：大写字母开头，由大写字母、数字和“-”组成，如 IC-U01`,
        `Node code "${n.code}" is malformed: capital letters, digits and "-", starting with a letter, e.g. IC-U01`,
      );
    else if (byCode.has(n.code))
      add(
        i,
        'code',
        'DUPLICATE',
        `节点编码 ${n.code} 与第 ${rowOf(byCode.get(n.code)!)} 行重复`,
        `Node code ${n.code} repeats row ${rowOf(byCode.get(n.code)!)}`,
      );
    else byCode.set(n.code, i);
    if (!(SEGMENTS as readonly string[]).includes(n.segment))
      add(
        i,
        'segment',
        'SEGMENT',
        `环节应为 ${SEGMENTS.map((s) => SEGMENT_NAMES[s].zh).join('、')} 之一`,
        `Segment must be one of ${SEGMENTS.map((s) => SEGMENT_NAMES[s].en.toLowerCase()).join(', ')}`,
      );
    for (const [field, value, zh, en] of [
      ['nameZh', n.nameZh, '中文名称', 'Chinese name'],
      ['nameEn', n.nameEn, '英文名称', 'English name'],
    ] as const) {
      const text = value.trim();
      if (!text) add(i, field, 'REQUIRED', `请填写${zh}`, `${en} is required`);
      else if ([...text].length > NODE_NAME_MAX)
        add(
          i,
          field,
          'TOO_LONG',
          `${zh}最多 ${NODE_NAME_MAX} 个字`,
          `${en}: at most ${NODE_NAME_MAX} characters`,
        );
    }
    const seen = new Set<string>();
    for (const c of n.classCodes) {
      if (!CLASS_PATTERN.test(c) || !knownClasses.has(c))
        add(
          i,
          'classCodes',
          'UNKNOWN_CLASS',
          `“${c}”不是 GB/T 4754-2017 的行业小类代码（4 位）`,
          `"${c}" is not a GB/T 4754-2017 class code (4 digits)`,
        );
      else if (seen.has(c))
        add(i, 'classCodes', 'DUPLICATE_CLASS', `行业代码 ${c} 重复`, `Class ${c} is listed twice`);
      seen.add(c);
    }
    if (!Number.isInteger(n.sort) || n.sort < 0 || n.sort > 9999)
      add(i, 'sort', 'SORT', '排序应为 0–9999 的整数', 'Sort must be a whole number 0–9999');
  });
  nodes.forEach((n, i) => {
    if (n.parentCode === null) return;
    const p = byCode.get(n.parentCode);
    if (p === undefined) {
      add(
        i,
        'parentCode',
        'PARENT_MISSING',
        `上级节点 ${n.parentCode} 不在图谱中`,
        `Parent node ${n.parentCode} is not in the map`,
      );
      return;
    }
    if (nodes[p]!.segment !== n.segment)
      add(
        i,
        'parentCode',
        'PARENT_SEGMENT',
        '上级节点须在同一环节',
        'The parent node must be in the same segment',
      );
    // Walk up: a cycle comes back to this node.
    let at: string | null = n.parentCode;
    for (let steps = 0; at !== null && steps <= nodes.length; steps++) {
      if (at === n.code) {
        add(i, 'parentCode', 'CYCLE', '上级节点形成循环', 'The parent links form a cycle');
        break;
      }
      const k = byCode.get(at);
      at = k === undefined ? null : nodes[k]!.parentCode;
    }
  });
  return problems.sort((a, b) => a.row - b.row);
}

/** Trims names, drops empty class codes, sorts class codes; what is stored. */
export function normaliseNodes(nodes: NodeInput[]): NodeInput[] {
  return nodes.map((n) => ({
    code: n.code.trim().toUpperCase(),
    parentCode: n.parentCode?.trim() ? n.parentCode.trim().toUpperCase() : null,
    segment: n.segment,
    nameZh: n.nameZh.trim(),
    nameEn: n.nameEn.trim(),
    classCodes: n.classCodes.map((c) => c.trim()).filter(Boolean),
    sort: n.sort,
  }));
}

/** Class codes from a cell: separated by commas (either width), 、, semicolons or spaces. */
export function splitClassCodes(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A segment from a cell: the code or its Chinese or English name. */
export function segmentOf(text: string): Segment | null {
  const t = text.trim().toLowerCase();
  for (const s of SEGMENTS)
    if (t === s || t === SEGMENT_NAMES[s].zh || t === SEGMENT_NAMES[s].en.toLowerCase()) return s;
  return null;
}
