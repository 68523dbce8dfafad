import { useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveStallRules, useStallRules, type StallRule } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableEmpty } from '../../components/TableEmpty';
import { SIZE_CLASSES, STALLABLE_STAGES, type SizeClass } from '../../../modules/projects/core/codes';

type Row = { stage: StallRule['stage'] } & Partial<
  Record<SizeClass, { maxDays: number; escalateAfterDays: number }>
>;

/** The stall rules: the most days a project may stay in each stage, per size class; editable by the task force. */
export function StallRules({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useStallRules();
  const save = useSaveStallRules();
  // The rules as edited; null: as saved.
  const [edits, setEdits] = useState<StallRule[] | null>(null);
  const draft = edits ?? rules.data ?? [];
  const rows: Row[] = STALLABLE_STAGES.map((stage) => {
    const row: Row = { stage };
    for (const r of draft.filter((d) => d.stage === stage)) row[r.sizeClass] = r;
    return row;
  });
  const set = (
    stage: StallRule['stage'],
    size: SizeClass,
    key: 'maxDays' | 'escalateAfterDays',
    v: number | null,
  ) => setEdits(draft.map((r) => (r.stage === stage && r.sizeClass === size && v ? { ...r, [key]: v } : r)));
  const dirty = JSON.stringify(draft) !== JSON.stringify(rules.data ?? []);
  const cell = (size: SizeClass, key: 'maxDays' | 'escalateAfterDays') => (_: unknown, row: Row) => {
    const r = row[size];
    if (!r) return '—';
    return editable ? (
      <InputNumber<number>
        size="small"
        min={1}
        max={3650}
        precision={0}
        value={r[key]}
        suffix={t('projects.unit.days')}
        style={{ width: 110 }}
        aria-label={`${t(`projects.stage.${row.stage}`)} ${t(`projects.size.${size}`)} ${t(`projects.rules.${key}`)}`}
        onChange={(v) => set(row.stage, size, key, v)}
      />
    ) : (
      t('projects.daysValue', { days: r[key] })
    );
  };
  return (
    <Card
      size="small"
      title={t('projects.rules.title')}
      extra={
        editable && (
          <Flex gap={8}>
            <Button disabled={!dirty} onClick={() => setEdits(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(draft, {
                  onSuccess: () => {
                    setEdits(null);
                    void message.success(t('projects.rules.saved'));
                  },
                })
              }
              data-testid="stall-rules-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('projects.rules.explain')}</Typography.Text>
        {rules.error || save.error ? (
          <ErrorAlert error={rules.error ?? save.error} onRetry={() => void rules.refetch()} />
        ) : null}
        <Table<Row>
          size="small"
          rowKey="stage"
          pagination={false}
          loading={rules.isFetching}
          dataSource={rows}
          scroll={{ x: 900 }}
          locale={{ emptyText: <TableEmpty error={rules.error} description={t('projects.rules.empty')} /> }}
          data-testid="stall-rules"
          columns={[
            {
              title: t('projects.col.stage'),
              dataIndex: 'stage',
              width: 90,
              render: (s: string) => t(`projects.stage.${s}`),
            },
            ...SIZE_CLASSES.map((size) => ({
              title: t(`projects.size.${size}`),
              children: [
                { title: t('projects.rules.maxDays'), key: `${size}-max`, render: cell(size, 'maxDays') },
                {
                  title: t('projects.rules.escalateAfterDays'),
                  key: `${size}-esc`,
                  render: cell(size, 'escalateAfterDays'),
                },
              ],
            })),
          ]}
        />
      </Flex>
    </Card>
  );
}
