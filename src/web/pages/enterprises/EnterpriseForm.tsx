import { Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseLabel } from '../../api/enterprises';
import type { RatingExemption } from '../../../modules/enterprises/core/codes';
import { IndustryClassSelect } from '../../components/IndustryClassSelect';
import { normalizeUscc, USCC_LENGTH, usccProblem } from '../../lib/uscc';
import { LabelsInput } from './LabelsInput';

export type ScaleMode = 'auto' | 'above' | 'below';

export interface EnterpriseFormValues {
  uscc: string;
  name: string;
  platformId?: number;
  industryClass?: string | null;
  scaleMode: ScaleMode;
  ownLandMu: number | null;
  leasedFloorM2: number | null;
  ratingExemption: RatingExemption | null;
  address?: string;
  labels: EnterpriseLabel[];
}

/** Form fields, also the names the server's validation details are matched against. */
export const ENTERPRISE_FORM_FIELDS = [
  'uscc',
  'name',
  'platformId',
  'industryClass',
  'scaleOverride',
  'ownLandMu',
  'leasedFloorM2',
  'ratingExemption',
  'address',
  'labels',
] as const;

export const LIMITS = { nameMax: 200, addressMax: 500 };

interface Props {
  form: FormInstance<EnterpriseFormValues>;
  initialValues: EnterpriseFormValues;
  isEdit: boolean;
  platforms: { id: number; name: string }[] | undefined;
  canChangePlatform: boolean;
  /** Name of the current industry class (edit), so the picker need not look it up. */
  industryClassName?: string | null;
  disabled: boolean;
  onValuesChange: () => void;
  onFinish: (values: EnterpriseFormValues) => void;
}

/** The enterprise form fields and their client-side rules (messages in the current language). */
export function EnterpriseForm({
  form,
  initialValues,
  isEdit,
  platforms,
  canChangePlatform,
  industryClassName,
  disabled,
  onValuesChange,
  onFinish,
}: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };

  const nonNegative = {
    validator: (_: unknown, value: number | null | undefined) =>
      typeof value === 'number' && value < 0
        ? Promise.reject(new Error(t('validation.nonNegative')))
        : Promise.resolve(),
  };

  const usccRule = {
    validator: (_: unknown, value: string | undefined) => {
      if (!value) return Promise.resolve(); // "required" speaks
      const problem = usccProblem(value);
      if (!problem) return Promise.resolve();
      if (problem.kind === 'length')
        return Promise.reject(new Error(t('uscc.length', { length: USCC_LENGTH, actual: value.length })));
      if (problem.kind === 'characters')
        return Promise.reject(new Error(t('uscc.characters', { chars: problem.invalid })));
      return Promise.reject(new Error(t('uscc.check', { expected: problem.expected })));
    },
  };

  return (
    <Form<EnterpriseFormValues>
      name="enterprise"
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={onFinish}
      disabled={disabled}
      scrollToFirstError={{ block: 'center' }}
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="uscc"
            label={t('enterprise.uscc')}
            normalize={(v: string | undefined) => (v === undefined ? v : normalizeUscc(v))}
            rules={[required, usccRule]}
            extra={isEdit ? t('enterprise.form.usccFixed') : t('enterprise.form.usccHint')}
          >
            <Input
              maxLength={USCC_LENGTH}
              showCount
              disabled={isEdit}
              autoComplete="off"
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
              data-testid="enterprise-uscc"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('enterprise.name')}
            rules={[
              { ...required, whitespace: true },
              { max: LIMITS.nameMax, message: t('validation.maxLength', { max: LIMITS.nameMax }) },
            ]}
          >
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="platformId"
            label={t('enterprise.platform')}
            rules={[required]}
            extra={
              isEdit && !canChangePlatform ? (
                <Typography.Text type="secondary">
                  {t('enterprise.form.platformTaskForceOnly')}
                </Typography.Text>
              ) : undefined
            }
          >
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('common.select')}
              loading={platforms === undefined}
              disabled={isEdit && !canChangePlatform}
              options={(platforms ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="industryClass"
            label={t('enterprise.industryClass')}
            extra={t('enterprise.form.industryHint')}
          >
            <IndustryClassSelect
              classOnly
              allowClear
              currentName={industryClassName}
              placeholder={t('enterprise.form.industryPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="scaleMode" label={t('enterprise.scale')} extra={t('enterprise.form.scaleHint')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'auto', label: t('enterprise.form.scaleAuto') },
                { value: 'above', label: t('scale.above') },
                { value: 'below', label: t('scale.below') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="ownLandMu" label={t('enterprise.ownLand')} rules={[nonNegative]}>
            <InputNumber<number> min={0} style={{ width: '100%' }} suffix={t('units.mu')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="leasedFloorM2" label={t('enterprise.leasedFloor')} rules={[nonNegative]}>
            <InputNumber<number> min={0} style={{ width: '100%' }} suffix={t('units.m2')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="ratingExemption"
            label={t('enterprise.ratingExemption')}
            extra={t('enterprise.form.ratingExemptionHint')}
          >
            <Select<RatingExemption>
              allowClear
              placeholder={t('enterprise.form.ratingExemptionNone')}
              options={(['utility', 'startup', 'major_project'] as const).map((value) => ({
                value,
                label: t(`enterprise.exemption.${value}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="address"
            label={t('enterprise.address')}
            rules={[
              { max: LIMITS.addressMax, message: t('validation.maxLength', { max: LIMITS.addressMax }) },
            ]}
          >
            <Input maxLength={LIMITS.addressMax} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="labels" label={t('enterprise.labels')}>
            <LabelsInput />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
