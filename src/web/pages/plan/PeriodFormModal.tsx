import { useMemo, useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCreatePeriod, type PlanPeriodDetail, type PlanPeriodSummary } from '../../api/plan';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';
import { newPeriodDefaults, periodKeyOf } from './planFormat';

interface Values {
  key: string;
  nameZh: string;
  nameEn?: string;
  startYear: number;
  endYear: number;
  source?: string;
  /** '' = start empty. */
  copyFrom: string;
}

const FIELDS = ['key', 'nameZh', 'nameEn', 'startYear', 'endYear', 'source', 'copyFrom'] as const;
const NONE = '';

interface Props {
  open: boolean;
  periods: PlanPeriodSummary[];
  onClose: () => void;
  onCreated: (period: PlanPeriodDetail) => void;
}

/** "新建规划期": the next period (e.g. 2026–2030), by default with the latest period's targets copied. */
export function PeriodFormModal({ open, periods, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePeriod();
  const [keyTouched, setKeyTouched] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const copyFrom = Form.useWatch('copyFrom', form);
  const endYear = Form.useWatch('endYear', form);

  const initialValues = useMemo<Values>(() => {
    const d = newPeriodDefaults(periods, new Date().getFullYear());
    return {
      key: d.key,
      nameZh: '',
      nameEn: '',
      startYear: d.startYear,
      endYear: d.endYear,
      source: '',
      copyFrom: d.copyFrom ?? NONE,
    };
  }, [periods]);

  const source = periods.find((p) => p.key === copyFrom);

  const close = () => {
    if (create.isPending) return;
    onClose();
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      const period = await create.mutateAsync({
        key: v.key.trim(),
        nameZh: v.nameZh.trim(),
        nameEn: (v.nameEn ?? '').trim(),
        startYear: v.startYear,
        endYear: v.endYear,
        source: (v.source ?? '').trim(),
        copyFrom: v.copyFrom || null,
      });
      void message.success(t('plan.periodForm.created', { key: period.key, count: period.targets.length }));
      onCreated(period);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PERIOD_EXISTS') {
        form.setFields([{ name: 'key', errors: [errorText(e)] }]);
        return;
      }
      const unmatched = applyServerErrors(form, e, lang, FIELDS);
      if (!(e instanceof ApiError) || e.details.length === 0 || unmatched.length > 0) setError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('plan.periodForm.title')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={close}
      afterClose={() => {
        setError(null);
        setKeyTouched(false);
        create.reset();
      }}
      confirmLoading={create.isPending}
      mask={{ closable: false }}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'plan-period-submit' }}
    >
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        disabled={create.isPending}
        requiredMark="optional"
        data-testid="plan-period-form"
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          if ('key' in changed) setKeyTouched(true);
          else if (
            !keyTouched &&
            ('startYear' in changed || 'endYear' in changed) &&
            all.startYear &&
            all.endYear
          )
            form.setFieldValue('key', periodKeyOf(all.startYear, all.endYear));
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="startYear"
              label={t('plan.periodForm.startYear')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endYear"
              label={t('plan.periodForm.endYear')}
              dependencies={['startYear']}
              rules={[
                { required: true, message: t('validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) =>
                    value == null || value >= (getFieldValue('startYear') as number)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('plan.periodForm.endBeforeStart'))),
                }),
              ]}
            >
              <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="key"
              label={t('plan.periodForm.key')}
              tooltip={t('plan.periodForm.keyHelp')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { pattern: /^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$/, message: t('plan.periodForm.keyPattern') },
              ]}
            >
              <Input maxLength={32} data-testid="plan-period-key" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="nameZh"
          label={t('plan.periodForm.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('plan.periodForm.nameZhPlaceholder', {
              start: initialValues.startYear,
              end: initialValues.endYear,
            })}
            data-testid="plan-period-name"
          />
        </Form.Item>
        <Form.Item name="nameEn" label={t('plan.periodForm.nameEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="source" label={t('plan.periodForm.source')} extra={t('plan.periodForm.sourceHelp')}>
          <Input maxLength={500} placeholder={t('plan.periodForm.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="copyFrom" label={t('plan.periodForm.copyFrom')}>
          <Select
            data-testid="plan-period-copy"
            options={[
              { value: NONE, label: t('plan.periodForm.copyNone') },
              ...[...periods]
                .sort((a, b) => b.endYear - a.endYear)
                .map((p) => ({
                  value: p.key,
                  label: t('plan.periodForm.copyOption', { key: p.key, count: p.targets }),
                })),
            ]}
          />
        </Form.Item>
      </Form>
      {source ? (
        <Alert
          type="info"
          showIcon
          title={t('plan.periodForm.copyTitle', { key: source.key, count: source.targets })}
          description={t('plan.periodForm.copyText', { year: source.endYear, end: endYear ?? '' })}
        />
      ) : (
        <Alert type="info" showIcon title={t('plan.periodForm.emptyText')} />
      )}
    </Modal>
  );
}
