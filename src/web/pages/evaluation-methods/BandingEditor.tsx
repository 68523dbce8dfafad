import { Button, Flex, Radio, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Banding } from '../../../modules/evaluation/core/method';
import { bandShares, convertBanding, formatShares } from './bands';
import { moveItem, removeItem } from './draft';
import { Field, NumberField, PartProblems, useEditor } from './editorContext';
import { ClassSelect, RowActions } from './GeneralSection';

const MAX_BANDS = 8;
type Band = { class: string; upToPercent?: number | null; minScore?: number | null };

/** How a cohort's ranked firms get classes: percentile bands from the top, or score thresholds. */
export function BandingEditor({ cohortIndex }: { cohortIndex: number }) {
  const { t } = useTranslation();
  const { method, set, readOnly } = useEditor();
  const path = ['cohorts', cohortIndex, 'banding'] as const;
  const banding = method.cohorts[cohortIndex]!.banding;
  const bands = banding.bands as Band[];
  const percentile = banding.kind === 'percentile';
  const setBands = (next: Band[]) => set([...path, 'bands'], next);

  const summary = percentile
    ? t('methods.banding.shares', {
        shares: formatShares(bandShares(banding.bands)),
      })
    : banding.bands
        .map((b) =>
          b.minScore === null || b.minScore === undefined
            ? t('methods.banding.rest', { cls: b.class })
            : `${b.class} ≥ ${b.minScore}`,
        )
        .join(' · ');

  const columns = [
    {
      key: 'class',
      title: t('methods.field.class'),
      width: 200,
      render: (_: unknown, b: Band, i: number) => (
        <Field path={[...path, 'bands', i, 'class']} tight>
          <ClassSelect value={b.class} onChange={(v) => set([...path, 'bands', i, 'class'], v)} />
        </Field>
      ),
    },
    percentile
      ? {
          key: 'upToPercent',
          title: t('methods.field.upToPercent'),
          width: 180,
          render: (_: unknown, _b: Band, i: number) => (
            <NumberField path={[...path, 'bands', i, 'upToPercent']} tight min={0} max={100} suffix="%" />
          ),
        }
      : {
          key: 'minScore',
          title: t('methods.field.minScore'),
          width: 180,
          render: (_: unknown, _b: Band, i: number) => (
            <NumberField
              path={[...path, 'bands', i, 'minScore']}
              tight
              placeholder={t('methods.banding.noMinimum')}
              suffix={t('methods.pointsUnit')}
            />
          ),
        },
    ...(percentile
      ? [
          {
            key: 'share',
            title: t('methods.banding.share'),
            render: (_: unknown, _b: Band, i: number) => {
              const share = bandShares(banding.bands)[i]?.share;
              return (
                <Typography.Text type="secondary">
                  {share === null || share === undefined ? '?' : `${share}%`}
                </Typography.Text>
              );
            },
          },
        ]
      : []),
    ...(readOnly
      ? []
      : [
          {
            key: 'actions',
            title: '',
            width: 96,
            render: (_: unknown, _b: Band, i: number) => (
              <RowActions
                index={i}
                count={bands.length}
                minCount={1}
                onMove={(to) => setBands(moveItem(bands, i, to))}
                onRemove={() => setBands(removeItem(bands, i))}
              />
            ),
          },
        ]),
  ];

  const addBand = () => {
    const used = bands.map((b) => b.class);
    const cls = method.classes.find((c) => !used.includes(c.key))?.key ?? method.classes[0]?.key ?? 'A';
    setBands([...bands, percentile ? { class: cls, upToPercent: 100 } : { class: cls, minScore: null }]);
  };

  return (
    <Flex vertical gap={8}>
      <PartProblems path={path} />
      <Radio.Group
        value={banding.kind}
        onChange={(e) => set(path, convertBanding(banding, e.target.value as Banding['kind']))}
        options={[
          { value: 'percentile', label: t('methods.banding.percentile') },
          { value: 'threshold', label: t('methods.banding.threshold') },
        ]}
      />
      <Typography.Text type="secondary">
        {percentile ? t('methods.banding.percentileHint') : t('methods.banding.thresholdHint')}
      </Typography.Text>
      <Table<Band>
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={bands}
        columns={columns}
        style={{ maxWidth: 720 }}
      />
      <Flex align="center" justify="space-between" gap={8} wrap style={{ maxWidth: 720 }}>
        <Typography.Text strong data-testid={`band-summary-${cohortIndex}`}>
          {summary}
        </Typography.Text>
        {!readOnly && (
          <Button size="small" icon={<PlusOutlined />} disabled={bands.length >= MAX_BANDS} onClick={addBand}>
            {t('methods.banding.add')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
