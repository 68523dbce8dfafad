import { describe, expect, it } from 'vitest';
import { normaliseNodes, segmentOf, splitClassCodes, validateNodes, type NodeInput } from './nodes';
import { readNodeRows } from './sheet';
import { DEFAULT_MAPS } from './default-maps';
import { NODE_CODE_PATTERN } from './codes';

const known = new Set(['3973', '3562', '3985']);
const node = (over: Partial<NodeInput> = {}): NodeInput => ({
  code: 'IC-U01',
  parentCode: null,
  segment: 'upstream',
  nameZh: '设备',
  nameEn: 'Equipment',
  classCodes: ['3562'],
  sort: 10,
  ...over,
});

describe('validateNodes', () => {
  it('accepts a sound tree', () => {
    expect(
      validateNodes(
        [
          node(),
          node({ code: 'IC-U01-01', parentCode: 'IC-U01', classCodes: [] }),
          node({ code: 'IC-M01', segment: 'midstream' }),
        ],
        known,
      ),
    ).toEqual([]);
  });

  it('names each problem with its row, in both languages', () => {
    const problems = validateNodes(
      [
        node(),
        node({ code: 'IC-U01' }),
        node({ code: 'ic u2', nameZh: ' ' }),
        node({ code: 'IC-M01', segment: 'midstream', parentCode: 'IC-U01' }),
        node({ code: 'IC-M02', segment: 'midstream', classCodes: ['9999', '39'] }),
        node({ code: 'IC-M03', segment: 'midstream', parentCode: 'IC-X' }),
      ],
      known,
      (i) => i + 2,
    );
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'code', 'DUPLICATE'],
      [4, 'code', 'CODE_FORMAT'],
      [4, 'nameZh', 'REQUIRED'],
      [5, 'parentCode', 'PARENT_SEGMENT'],
      [6, 'classCodes', 'UNKNOWN_CLASS'],
      [6, 'classCodes', 'UNKNOWN_CLASS'],
      [7, 'parentCode', 'PARENT_MISSING'],
    ]);
    expect(problems[0]).toMatchObject({
      zh: '节点编码 IC-U01 与第 2 行重复',
      en: 'Node code IC-U01 repeats row 2',
    });
  });

  it('finds a cycle', () => {
    const problems = validateNodes(
      [node({ code: 'A', parentCode: 'B' }), node({ code: 'B', parentCode: 'A' })],
      known,
    );
    expect(problems.map((p) => p.code)).toEqual(['CYCLE', 'CYCLE']);
  });

  it('refuses an empty map', () => {
    expect(validateNodes([], known)[0]!.code).toBe('EMPTY');
  });

  it('normalises codes and names', () => {
    expect(
      normaliseNodes([
        node({ code: ' ic-u09 ', parentCode: ' ', nameZh: ' 材料 ', classCodes: ['3973', ' '] }),
      ])[0],
    ).toEqual(node({ code: 'IC-U09', parentCode: null, nameZh: '材料', classCodes: ['3973'] }));
  });

  it('reads class lists and segment names', () => {
    expect(splitClassCodes('3973, 3562、3985；3972')).toEqual(['3973', '3562', '3985', '3972']);
    expect(segmentOf('中游')).toBe('midstream');
    expect(segmentOf('Downstream')).toBe('downstream');
    expect(segmentOf('上下游')).toBeNull();
  });

  it('the default maps are valid trees with well-formed codes', () => {
    for (const [industry, map] of Object.entries(DEFAULT_MAPS)) {
      const classes = new Set(map.nodes.flatMap((n) => n.classes));
      const nodes = map.nodes.map((n, i) => ({
        code: n.code,
        parentCode: n.parent ?? null,
        segment: n.segment,
        nameZh: n.zh,
        nameEn: n.en,
        classCodes: n.classes,
        sort: (i + 1) * 10,
      }));
      expect(validateNodes(nodes, classes), industry).toEqual([]);
      expect(map.nodes.every((n) => NODE_CODE_PATTERN.test(n.code))).toBe(true);
      for (const s of ['upstream', 'midstream', 'downstream'])
        expect(
          map.nodes.some((n) => n.segment === s),
          `${industry} ${s}`,
        ).toBe(true);
    }
    expect(Object.keys(DEFAULT_MAPS)).toHaveLength(7);
  });
});

describe('readNodeRows (the workbook import)', () => {
  const header = [
    '节点编码 / Node code',
    '上级节点编码 / Parent code',
    '环节 / Segment',
    '中文名称 / Chinese name',
    '英文名称 / English name',
    '行业代码（GB/T 4754-2017） / Classes (GB/T 4754-2017)',
    '排序 / Sort',
  ];

  it('reads rows, numbers as text, blank rows skipped', () => {
    const read = readNodeRows(header, [
      { row: 2, cells: ['IC-U03', null, '上游', '半导体设备', 'Semiconductor equipment', 3562, 30] },
      { row: 3, cells: [null, null, null, null, null, null, null] },
      { row: 4, cells: ['IC-M02', '', '中游', '晶圆制造', 'Wafer fabrication', '3973,3972', null] },
    ]);
    expect(read).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          node: {
            code: 'IC-U03',
            parentCode: null,
            segment: 'upstream',
            nameZh: '半导体设备',
            nameEn: 'Semiconductor equipment',
            classCodes: ['3562'],
            sort: 30,
          },
        },
        {
          row: 4,
          node: {
            code: 'IC-M02',
            parentCode: null,
            segment: 'midstream',
            nameZh: '晶圆制造',
            nameEn: 'Wafer fabrication',
            classCodes: ['3973', '3972'],
          },
        },
      ],
    });
  });

  it('row errors name the sheet row', () => {
    const read = readNodeRows(header, [
      { row: 2, cells: ['IC-U03', null, '旁游', '半导体设备', 'x', '', 'abc'] },
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      expect.objectContaining({ row: 2, field: 'segment', zh: '第 2 行：环节“旁游”应为 上游、中游 或 下游' }),
      expect.objectContaining({
        row: 2,
        field: 'sort',
        en: 'Row 2: sort "abc" must be a whole number 0–9999',
      }),
    ]);
  });

  it('a missing column is a header error', () => {
    const read = readNodeRows(['节点编码', '环节', '中文名称'], []);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.field)).toEqual(['nameEn', 'classCodes']);
  });
});
