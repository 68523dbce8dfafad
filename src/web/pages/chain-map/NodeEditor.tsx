import { Button, Input, InputNumber, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SEGMENTS, type NodeWrite, type Segment } from '../../api/chainMap';

/** A node row being edited: class codes as typed text ("3973, 3562"). */
export interface EditRow {
  key: number;
  code: string;
  parentCode: string;
  segment: Segment;
  nameZh: string;
  nameEn: string;
  classes: string;
  sort: number;
}

export const toEditRows = (nodes: NodeWrite[]): EditRow[] =>
  nodes.map((n, i) => ({
    key: i + 1,
    code: n.code,
    parentCode: n.parentCode ?? '',
    segment: n.segment,
    nameZh: n.nameZh,
    nameEn: n.nameEn,
    classes: n.classCodes.join(', '),
    sort: n.sort ?? (i + 1) * 10,
  }));

export const fromEditRows = (rows: EditRow[]): NodeWrite[] =>
  rows.map((r) => ({
    code: r.code.trim(),
    parentCode: r.parentCode.trim() || null,
    segment: r.segment,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    classCodes: r.classes.split(/[,，、;；\s]+/).filter(Boolean),
    sort: r.sort,
  }));

/** The node table of a draft: one editable row per node; row numbers match the server's errors. */
export function NodeEditor({ rows, onChange }: { rows: EditRow[]; onChange: (rows: EditRow[]) => void }) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<EditRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const text = (field: 'code' | 'parentCode' | 'nameZh' | 'nameEn' | 'classes', width: number) => ({
    key: field,
    title: t(`chainMap.editor.${field}`),
    width,
    render: (_: unknown, r: EditRow) => (
      <Input
        value={r[field]}
        onChange={(e) => set(r.key, { [field]: e.target.value })}
        aria-label={t(`chainMap.editor.${field}`)}
        maxLength={field === 'classes' ? 200 : 60}
        lang={field === 'nameZh' ? 'zh-CN' : undefined}
      />
    ),
  });
  return (
    <>
      <Table<EditRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="node-editor"
        columns={[
          { key: 'row', title: t('chainMap.editor.row'), width: 48, render: (_, __, i) => i + 1 },
          text('code', 120),
          text('parentCode', 120),
          {
            key: 'segment',
            title: t('chainMap.segmentLabel'),
            width: 100,
            render: (_, r) => (
              <Select<Segment>
                value={r.segment}
                onChange={(v) => set(r.key, { segment: v })}
                options={SEGMENTS.map((s) => ({ value: s, label: t(`chainMap.segment.${s}`) }))}
                style={{ width: 90 }}
              />
            ),
          },
          text('nameZh', 180),
          text('nameEn', 220),
          text('classes', 160),
          {
            key: 'sort',
            title: t('chainMap.editor.sort'),
            width: 90,
            render: (_, r) => (
              <InputNumber<number>
                value={r.sort}
                min={0}
                max={9999}
                precision={0}
                onChange={(v) => set(r.key, { sort: v ?? 0 })}
                style={{ width: 80 }}
              />
            ),
          },
          {
            key: 'remove',
            title: '',
            width: 48,
            render: (_, r) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('chainMap.editor.remove')}
                onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() =>
          onChange([
            ...rows,
            {
              key: Math.max(0, ...rows.map((r) => r.key)) + 1,
              code: '',
              parentCode: '',
              segment: 'midstream',
              nameZh: '',
              nameEn: '',
              classes: '',
              sort: (rows.length + 1) * 10,
            },
          ])
        }
      >
        {t('chainMap.editor.add')}
      </Button>
    </>
  );
}
