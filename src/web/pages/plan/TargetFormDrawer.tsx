import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
} from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useCreateTarget,
  useDeleteTarget,
  useReloadPeriod,
  useUpdateTarget,
  type MetricInfo,
  type MetricKey,
  type PlanPeriodDetail,
  type PlanTarget,
} from '../../api/plan';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { formatMoney } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import {
  COMPARATOR_SYMBOL,
  formToInput,
  groupDigits,
  newTargetForm,
  TARGET_FORM_FIELDS,
  targetToForm,
  ungroupDigits,
  unitOf,
  yearsOf,
  type MilestoneRow,
  type TargetFormValues,
} from './planFormat';

interface Props {
  open: boolean;
  period: PlanPeriodDetail;
  /** The target edited; undefined to add one. */
  target: PlanTarget | undefined;
  metrics: MetricInfo[];
  onClose: () => void;
  /** After the closing animation (the parent unmounts the drawer). */
  afterClose: () => void;
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;

/**
 * Adds or edits a target of a period (task force: plan:write). Mounted afresh for each edit, so
 * the form starts from the target it opened with.
 */
export function TargetFormDrawer({ open, period, target, metrics, onClose, afterClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const remove = useDeleteTarget();
  const reload = useReloadPeriod();
  /** The version being edited: replaced by the latest after a conflict and a reload. */
  const [current, setCurrent] = useState<PlanTarget | undefined>(target);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saving = create.isPending || update.isPending;

  const byKey = useMemo(() => new Map(metrics.map((m) => [m.key, m])), [metrics]);
  const metricKey = Form.useWatch('metric', form) as MetricKey | undefined;
  const kind = Form.useWatch('kind', form);
  const baselineYear = Form.useWatch('baselineYear', form);
  const targetValue = Form.useWatch('targetValue', form);
  const metric = metricKey ? byKey.get(metricKey) : undefined;
  const format = metric?.format;
  const suffix = !metric ? undefined : format === 'ratio' ? '%' : unitOf(metric, lang);
  const years = yearsOf(period.startYear, period.endYear);
  // Big amounts and counts are easier to read grouped (300,000,000 万元).
  const grouping =
    format === 'amount' || format === 'count' ? { formatter: groupDigits, parser: ungroupDigits } : {};
  const yearLabel = (y: number) => t('plan.yearLabel', { year: y });

  // The form starts from the target it opened with; a reload after a conflict sets the fields itself.
  const [initialValues] = useState<TargetFormValues>(() =>
    target ? targetToForm(target, byKey.get(target.metric)?.format) : newTargetForm(period, period.targets),
  );

  const metricOptions = metrics.map((m) => ({
    value: m.key,
    label: `${lang === 'en' ? m.en : m.zh}（${m.format === 'ratio' ? '%' : unitOf(m, lang)}）`,
  }));

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
      setConflict(true);
      return;
    }
    if (e instanceof ApiError && e.code === 'TARGET_CODE_EXISTS') {
      form.setFields([{ name: 'code', errors: [errorText(e)] }]);
      form.scrollToField('code');
      return;
    }
    const unmatched = applyServerErrors(form, e, lang, TARGET_FORM_FIELDS);
    const first = TARGET_FORM_FIELDS.find((f) => form.getFieldError(f).length > 0);
    if (first) form.scrollToField(first);
    if (!(e instanceof ApiError) || e.details.length === 0) setError(e);
    else if (unmatched.length > 0)
      setError(
        new ApiError(
          e.status,
          e.code,
          unmatched.map((d) => `${d.field}: ${d.zh}`).join('；'),
          unmatched.map((d) => `${d.field}: ${d.en}`).join('; '),
        ),
      );
  };

  const submit = async (values: TargetFormValues) => {
    setError(null);
    const input = formToInput(values, format);
    try {
      if (current) {
        await update.mutateAsync({ id: current.id, input, version: current.version });
        void message.success(t('plan.form.saved', { code: input.code }));
      } else {
        await create.mutateAsync({ periodId: period.id, input });
        void message.success(t('plan.form.created', { code: input.code }));
      }
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  /** After a conflict: the latest version from the server replaces the form (own edits dropped). */
  const loadLatest = async () => {
    if (!current) return;
    setReloading(true);
    try {
      const fresh = await reload(period.key);
      const latest = fresh.targets.find((x) => x.id === current.id);
      if (!latest) {
        setError(
          new ApiError(
            404,
            'TARGET_NOT_FOUND',
            t('plan.form.gone', { lng: 'zh-CN' }),
            t('plan.form.gone', { lng: 'en' }),
          ),
        );
        setConflict(false);
        return;
      }
      setCurrent(latest);
      form.resetFields();
      form.setFieldsValue(targetToForm(latest, byKey.get(latest.metric)?.format));
      setConflict(false);
      setError(null);
      void message.info(t('plan.form.reloaded', { version: latest.version }));
    } catch (e) {
      setError(e);
    } finally {
      setReloading(false);
    }
  };

  const doDelete = async () => {
    if (!current) return;
    try {
      await remove.mutateAsync(current.id);
      void message.success(t('plan.deleted', { code: current.code }));
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  const required = { required: true, message: t('validation.required') };
  const close = () => {
    if (!saving) onClose();
  };

  const footer = (
    <Flex vertical gap={12}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="plan-target-conflict"
          title={t('plan.form.conflictTitle')}
          description={t('plan.form.conflictText')}
          action={
            <Button icon={<ReloadOutlined />} loading={reloading} onClick={() => void loadLatest()}>
              {t('plan.form.loadLatest')}
            </Button>
          }
        />
      )}
      {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
      <Flex justify="space-between" gap={8}>
        <div>
          {current && (
            <Popconfirm
              title={t('plan.deleteTitle', { code: current.code })}
              description={t('plan.deleteText')}
              okText={t('plan.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => void doDelete()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} disabled={saving}>
                {t('plan.delete')}
              </Button>
            </Popconfirm>
          )}
        </div>
        <Flex gap={8}>
          <Button onClick={close} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={saving}
            disabled={conflict}
            onClick={() => form.submit()}
            data-testid="plan-target-submit"
          >
            {current ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );

  return (
    <Drawer
      open={open}
      onClose={close}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={720}
      mask={{ closable: false }}
      title={
        current
          ? t('plan.form.editTitle', { code: current.code, period: period.key })
          : t('plan.form.newTitle', { period: period.key })
      }
      footer={footer}
    >
      <Form<TargetFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={saving}
        requiredMark="optional"
        data-testid="plan-target-form"
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
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
            <Form.Item
              name="nameZh"
              label={t('plan.form.nameZh')}
              rules={[{ ...required, whitespace: true }]}
            >
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
                        value: formatMoney(targetValue, lang === 'en' ? 'en' : 'zh'),
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
              extra={
                baselineYear != null ? t('plan.baselineComputedHelp', { year: baselineYear }) : undefined
              }
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
        <Form.Item label={t('plan.col.milestones')} extra={t('plan.form.milestonesHelp')} required={false}>
          <Form.List
            name="milestones"
            rules={[
              {
                validator: async (_, rows: MilestoneRow[] | undefined) => {
                  const ys = (rows ?? []).map((r) => r?.year).filter((y): y is number => y != null);
                  if (new Set(ys).size !== ys.length) throw new Error(t('plan.form.milestoneDuplicate'));
                },
              },
            ]}
          >
            {(fields, { add, remove: removeRow }, { errors }) => (
              <Flex vertical gap={8} data-testid="plan-target-milestones">
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, 'year']}
                      rules={[required]}
                      style={{ marginBottom: 0, width: 140 }}
                    >
                      <Select<number>
                        options={years.map((y) => ({ value: y, label: yearLabel(y) }))}
                        placeholder={t('plan.form.milestoneYear')}
                        aria-label={t('plan.form.milestoneYear')}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'value']}
                      rules={[required]}
                      style={{ marginBottom: 0, flex: 1 }}
                    >
                      <InputNumber
                        style={{ width: '100%' }}
                        suffix={suffix}
                        {...grouping}
                        placeholder={t('plan.form.milestoneValue')}
                        aria-label={t('plan.form.milestoneValue')}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('plan.form.milestoneRemove')}
                      onClick={() => removeRow(field.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ year: nextMilestoneYear(form.getFieldValue('milestones'), years) })}
                  style={{ width: 200 }}
                  data-testid="plan-target-milestone-add"
                >
                  {t('plan.form.milestoneAdd')}
                </Button>
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </Form.Item>

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
      </Form>
    </Drawer>
  );
}

/** The first period year without a milestone yet. */
function nextMilestoneYear(rows: MilestoneRow[] | undefined, years: number[]): number | undefined {
  const used = new Set((rows ?? []).map((r) => r?.year));
  return years.find((y) => !used.has(y));
}
