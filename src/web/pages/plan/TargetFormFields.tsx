import { useMemo } from 'react';
import { Col, Divider, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MetricInfo, MetricKey, PlanPeriodDetail } from '../../api/plan';
import { formatMoney } from '../../lib/format';
import { MilestonesField } from './MilestonesField';
import { useLang } from '../../lib/useLang';
import { COMPARATOR_SYMBOL, unitOf, yearsOf } from './planFormat';
import { groupDigits, ungroupDigits, type TargetFormValues } from './planForm';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;

/** The metric chosen in a target form, and the format its values are entered in. */
export function useChosenMetric(form: FormInstance<TargetFormValues>, metrics: MetricInfo[]) {
  const byKey = useMemo(() => new Map(metrics.map((m) => [m.key, m])), [metrics]);
  const metricKey = Form.useWatch('metric', form) as MetricKey | undefined;
  const metric = metricKey ? byKey.get(metricKey) : undefined;
  return { byKey, metric, format: metric?.format };
}

interface Props {
  form: FormInstance<TargetFormValues>;
  period: PlanPeriodDetail;
  metrics: MetricInfo[];
}

/** The fields of a target: what is measured, the goal, the baseline and milestones, who manages it. */
export function TargetFormFields({ form, period, metrics }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { metric, format } = useChosenMetric(form, metrics);
  const kind = Form.useWatch('kind', form);
  const baselineYear = Form.useWatch('baselineYear', form);
  const targetValue = Form.useWatch('targetValue', form);
  const suffix = !metric ? undefined : format === 'ratio' ? '%' : unitOf(metric, lang);
  const years = yearsOf(period.startYear, period.endYear);
  // Big amounts and counts are easier to read grouped (300,000,000 万元).
  const grouping =
    format === 'amount' || format === 'count' ? { formatter: groupDigits, parser: ungroupDigits } : {};
  const yearLabel = (y: number) => t('plan.yearLabel', { year: y });
  const required = { required: true, message: t('validation.required') };
  const metricOptions = metrics.map((m) => ({
    value: m.key,
    label: `${lang === 'en' ? m.en : m.zh}（${m.format === 'ratio' ? '%' : unitOf(m, lang)}）`,
  }));

  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item
            name="code"
            label={t('plan.col.code')}
            rules={[required, { pattern: CODE_PATTERN, message: t('plan.form.codePattern') }]}
          >
            <Input maxLength={16} placeholder="T13" data-testid="plan-target-code" />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item name="nameZh" label={t('plan.form.nameZh')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} data-testid="plan-target-name" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="nameEn" label={t('plan.form.nameEn')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="metric"
        label={t('plan.col.metric')}
        rules={[required]}
        extra={metric ? (lang === 'en' ? metric.formulaEn : metric.formulaZh) : t('plan.form.metricHelp')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={metricOptions}
          placeholder={t('common.select')}
          data-testid="plan-target-metric"
          aria-label={t('plan.col.metric')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="comparator" label={t('plan.form.comparator')} rules={[required]}>
            <Select
              options={(['gte', 'gt', 'lte'] as const).map((c) => ({
                value: c,
                label: `${COMPARATOR_SYMBOL[c]} ${t(`plan.comparator.${c}`)}`,
              }))}
              aria-label={t('plan.form.comparator')}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="targetValue"
            label={t('plan.form.targetValue')}
            rules={[required]}
            extra={
              format === 'ratio'
                ? t('plan.form.percentHelp')
                : format === 'amount' && typeof targetValue === 'number'
                  ? t('plan.form.amountIs', {
                      value: formatMoney(targetValue, lang === 'en' ? 'en' : 'zh', '—', true),
                    })
                  : undefined
            }
          >
            <InputNumber
              style={{ width: '100%' }}
              suffix={suffix}
              {...grouping}
              precision={format === 'count' ? 0 : undefined}
              data-testid="plan-target-value"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="kind" label={t('plan.col.kind')} extra={t(`plan.kindHelp.${kind ?? 'level'}`)}>
            <Radio.Group
              optionType="button"
              options={(['level', 'annual'] as const).map((k) => ({
                value: k,
                label: t(`plan.kind.${k}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="dueYear"
            label={t('plan.col.dueYear')}
            extra={kind === 'annual' ? t('plan.form.dueAnnual') : t('plan.form.dueHelp')}
          >
            <Select<number>
              allowClear
              placeholder={t('plan.form.duePlaceholder', { year: period.endYear })}
              options={years.map((y) => ({ value: y, label: yearLabel(y) }))}
              aria-label={t('plan.col.dueYear')}
            />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain>
        {t('plan.form.baselineSection')}
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="baselineYear"
            label={t('plan.form.baselineYear')}
            extra={t('plan.form.baselineYearHelp')}
          >
            <InputNumber
              min={1990}
              max={period.endYear}
              precision={0}
              style={{ width: '100%' }}
              placeholder={t('plan.form.none')}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="baselineValue"
            label={t('plan.form.baselineValue')}
            extra={baselineYear != null ? t('plan.baselineComputedHelp', { year: baselineYear }) : undefined}
          >
            <InputNumber
              style={{ width: '100%' }}
              suffix={suffix}
              {...grouping}
              disabled={baselineYear == null}
              placeholder={
                baselineYear != null
                  ? t('plan.baselineComputed', { year: baselineYear })
                  : t('plan.form.none')
              }
            />
          </Form.Item>
        </Col>
      </Row>
      <MilestonesField form={form} years={years} suffix={suffix} grouping={grouping} />

      <Divider titlePlacement="start" plain>
        {t('plan.form.manageSection')}
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="ownerDepartment" label={t('plan.col.ownerDepartment')}>
            <Input maxLength={100} placeholder={t('plan.form.ownerPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="frequency" label={t('plan.col.frequency')} rules={[required]}>
            <Select
              options={(['yearly', 'quarterly', 'monthly'] as const).map((f) => ({
                value: f,
                label: t(`plan.frequency.${f}`),
              }))}
              aria-label={t('plan.col.frequency')}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="warningRatio"
            label={t('plan.col.warningRatio')}
            extra={t('plan.warningHelp')}
            rules={[required]}
          >
            <InputNumber
              min={1}
              max={100}
              suffix="%"
              style={{ width: '100%' }}
              data-testid="plan-target-warning"
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sort" label={t('plan.form.sort')} extra={t('plan.form.sortHelp')}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="source" label={t('plan.col.source')}>
        <Input maxLength={500} placeholder={t('plan.form.sourcePlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('plan.col.note')}>
        <Input.TextArea rows={2} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}
