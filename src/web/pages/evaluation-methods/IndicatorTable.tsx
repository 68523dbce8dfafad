import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INDICATORS, type IndicatorKey } from '../../../modules/evaluation/core/indicators';
import type { IndicatorRule } from '../../../modules/evaluation/core/method';
import { clean } from './bands';
import { indicatorKeysFor, moveItem, newIndicator, removeItem } from './draft';
import { ChoiceField, Field, NumberField, PartProblems, useEditor } from './editorContext';
import { RowActions } from './GeneralSection';

/** Σ weights of a cohort's indicators (blank weights count as 0). */
export function weightSum(indicators: readonly IndicatorRule[]): number {
  return clean(indicators.reduce((s, i) => s + (typeof i.weight === 'number' ? i.weight : 0), 0));
}

/** The live "weights add up to …" tag: green at 100, a warning otherwise (100 is customary). */
export function WeightSumTag({ sum, testId, compact }: { sum: number; testId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const ok = sum === 100;
  if (compact)
    return (
      <Tag
        color={ok ? 'success' : 'warning'}
        style={{ marginInlineEnd: 0 }}
        title={t('methods.indicators.sumTitle')}
      >
        Σ {sum}
      </Tag>
    );
  return (
    <Tag
      color={ok ? 'success' : 'warning'}
      icon={ok ? <CheckCircleOutlined /> : <ExclamationCircleOutlined />}
      data-testid={testId}
      data-sum={sum}
      style={{ marginInlineEnd: 0 }}
    >
      {ok ? t('methods.indicators.sumOk', { sum }) : t('methods.indicators.sumOff', { sum })}
    </Tag>
  );
}

/** A cohort's indicators: weight, benchmark, scoring, cap and missing-data rule of each. */
export function IndicatorTable({ cohortIndex }: { cohortIndex: number }) {
  const { t } = useTranslation();
  const { method, lang, set, readOnly } = useEditor();
  const base = ['cohorts', cohortIndex, 'indicators'] as const;
  const indicators = method.cohorts[cohortIndex]!.indicators;
  const used = indicators.map((i) => i.indicator as string);
  // Enterprise methods choose among the per-mu indicators, platform methods among theirs.
  const keys = indicatorKeysFor(method.subject);
  const unit = (key: IndicatorKey | undefined) =>
    key && INDICATORS[key] ? (lang === 'en' ? INDICATORS[key].unitEn : INDICATORS[key].unitZh) : '';
  const setList = (list: IndicatorRule[]) => set(base, list);

  const columns = [
    {
      key: 'indicator',
      title: t('methods.field.indicator'),
      render: (_: unknown, r: IndicatorRule, i: number) => (
        <Field path={[...base, i, 'indicator']} tight extra={unit(r.indicator)}>
          <Select<IndicatorKey>
            value={r.indicator}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            onChange={(v) => set([...base, i, 'indicator'], v)}
            options={keys.map((k) => ({
              value: k,
              disabled: k !== r.indicator && used.includes(k),
              label: lang === 'en' ? INDICATORS[k].en : INDICATORS[k].zh,
            }))}
            optionRender={(o) => (
              <Flex justify="space-between" gap={16}>
                <span>{o.label}</span>
                <Typography.Text type="secondary">{unit(o.value as IndicatorKey)}</Typography.Text>
              </Flex>
            )}
          />
        </Field>
      ),
    },
    {
      key: 'weight',
      title: t('methods.field.weight'),
      width: 80,
      render: (_: unknown, _r: IndicatorRule, i: number) => (
        <NumberField
          path={[...base, i, 'weight']}
          tight
          min={0}
          max={1000}
          testId={`weight-${cohortIndex}-${i}`}
        />
      ),
    },
    {
      key: 'benchmark',
      title: t('methods.field.benchmark'),
      width: 262,
      render: (_: unknown, r: IndicatorRule, i: number) => (
        <Field path={[...base, i, 'benchmark']} tight>
          <Flex gap={4}>
            <Select
              value={r.benchmark.kind}
              style={{ width: 128, flex: 'none' }}
              popupMatchSelectWidth={false}
              onChange={(kind) =>
                set([...base, i, 'benchmark'], kind === 'fixed' ? { kind, value: null } : { kind })
              }
              options={(['fixed', 'cohort_mean', 'cohort_median'] as const).map((k) => ({
                value: k,
                label: t(`methods.benchmark.${k}`),
              }))}
            />
            {r.benchmark.kind === 'fixed' && (
              <NumberField
                path={[...base, i, 'benchmark', 'value']}
                tight
                min={0}
                aria-label={t('methods.field.benchmark')}
                style={{ width: 120 }}
              />
            )}
          </Flex>
        </Field>
      ),
    },
    {
      key: 'scoring',
      title: t('methods.field.scoring'),
      width: 100,
      render: (_: unknown, _r: IndicatorRule, i: number) => (
        <ChoiceField
          path={[...base, i, 'scoring']}
          tight
          options={(['ratio', 'min_max'] as const).map((k) => ({
            value: k,
            label: t(`methods.scoring.${k}`),
          }))}
        />
      ),
    },
    {
      key: 'cap',
      title: t('methods.field.cap'),
      width: 96,
      render: (_: unknown, _r: IndicatorRule, i: number) => (
        <NumberField path={[...base, i, 'cap']} tight min={0} placeholder={t('methods.indicators.noCap')} />
      ),
    },
    {
      key: 'missing',
      title: t('methods.field.missing'),
      width: 128,
      render: (_: unknown, _r: IndicatorRule, i: number) => (
        <ChoiceField
          path={[...base, i, 'missing']}
          tight
          options={(['cohort_average', 'zero'] as const).map((k) => ({
            value: k,
            label: t(`methods.missing.${k}`),
          }))}
        />
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            key: 'actions',
            title: '',
            width: 84,
            render: (_: unknown, _r: IndicatorRule, i: number) => (
              <RowActions
                index={i}
                count={indicators.length}
                minCount={1}
                onMove={(to) => setList(moveItem(indicators, i, to))}
                onRemove={() => setList(removeItem(indicators, i))}
              />
            ),
          },
        ]),
  ];

  const next = newIndicator(used, method.subject);
  return (
    <div>
      <PartProblems path={base} />
      <Table<IndicatorRule>
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={indicators}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid={`indicator-table-${cohortIndex}`}
      />
      <Flex align="center" justify="space-between" gap={8} wrap style={{ marginTop: 8 }}>
        <WeightSumTag sum={weightSum(indicators)} testId={`weight-sum-${cohortIndex}`} />
        {!readOnly && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!next}
            onClick={() => next && setList([...indicators, next])}
          >
            {t('methods.indicators.add')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('methods.indicators.formula')}
      </Typography.Paragraph>
    </div>
  );
}
