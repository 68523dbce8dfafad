import { Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import { CodeSelect } from '../../components/CodeSelect';
import { IndustrySelect } from '../../components/IndustrySelect';

export interface PlatformFormValues {
  name: string;
  nameEn?: string;
  type?: string;
  districtCode?: string;
  leadingIndustries: string[];
  areaKm2: number | null;
  industrialLandMu: number | null;
  longitude: number | null;
  latitude: number | null;
  description?: string;
  isStrategic: boolean;
}

export const PLATFORM_FORM_FIELDS = [
  'name',
  'nameEn',
  'type',
  'districtCode',
  'leadingIndustries',
  'areaKm2',
  'industrialLandMu',
  'longitude',
  'latitude',
  'description',
  'isStrategic',
] as const;

export const LIMITS = {
  nameMax: 100,
  nameEnMax: 200,
  descriptionMax: 2000,
  lng: [118, 121] as const,
  lat: [29, 31] as const,
  industriesMin: 2,
  industriesMax: 3,
};

interface Props {
  form: FormInstance<PlatformFormValues>;
  initialValues: PlatformFormValues;
  canSetStrategic: boolean;
  disabled: boolean;
  onValuesChange: () => void;
  onFinish: (values: PlatformFormValues) => void;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** The platform form fields and their client-side rules (messages in the current language). */
export function PlatformForm({
  form,
  initialValues,
  canSetStrategic,
  disabled,
  onValuesChange,
  onFinish,
}: Props) {
  const { t } = useTranslation();
  const { data: reference } = useReference();
  const required = { required: true, message: t('validation.required') };

  const coordinateRule = (other: 'longitude' | 'latitude', range: readonly [number, number]) => ({
    validator: (_: unknown, value: number | null | undefined) => {
      const otherValue: unknown = form.getFieldValue(other);
      if (isBlank(value) && !isBlank(otherValue))
        return Promise.reject(new Error(t('validation.coordinatesBoth')));
      if (typeof value === 'number' && (value < range[0] || value > range[1])) {
        return Promise.reject(new Error(t('validation.range', { min: range[0], max: range[1] })));
      }
      return Promise.resolve();
    },
  });

  const nonNegative = {
    validator: (_: unknown, value: number | null | undefined) =>
      typeof value === 'number' && value < 0
        ? Promise.reject(new Error(t('validation.nonNegative')))
        : Promise.resolve(),
  };

  return (
    <Form<PlatformFormValues>
      name="platform"
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
            name="name"
            label={t('platform.name')}
            rules={[
              { ...required, whitespace: true },
              { max: LIMITS.nameMax, message: t('validation.maxLength', { max: LIMITS.nameMax }) },
            ]}
          >
            <Input showCount maxLength={LIMITS.nameMax} lang="zh-CN" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="nameEn"
            label={t('platform.nameEn')}
            rules={[{ max: LIMITS.nameEnMax, message: t('validation.maxLength', { max: LIMITS.nameEnMax }) }]}
          >
            <Input maxLength={LIMITS.nameEnMax} lang="en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={t('platform.type')} rules={[required]}>
            <CodeSelect items={reference?.platformTypes} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="districtCode" label={t('platform.district')} rules={[required]}>
            <CodeSelect items={reference?.districts} placeholder={t('common.select')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="leadingIndustries"
            label={t('platform.leadingIndustries')}
            required
            extra={t('platforms.form.industriesHint')}
            rules={[
              {
                validator: (_, value: string[] | undefined) => {
                  const n = value?.length ?? 0;
                  return n >= LIMITS.industriesMin && n <= LIMITS.industriesMax
                    ? Promise.resolve()
                    : Promise.reject(
                        new Error(
                          t('validation.industries', {
                            min: LIMITS.industriesMin,
                            max: LIMITS.industriesMax,
                          }),
                        ),
                      );
                },
              },
            ]}
          >
            <IndustrySelect
              mode="multiple"
              maxCount={LIMITS.industriesMax}
              placeholder={t('common.select')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="areaKm2" label={t('platform.areaKm2')} rules={[nonNegative]}>
            <InputNumber min={0} style={{ width: '100%' }} suffix={t('units.km2')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industrialLandMu" label={t('platform.industrialLandMu')} rules={[nonNegative]}>
            <InputNumber min={0} style={{ width: '100%' }} suffix={t('units.mu')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="longitude"
            label={t('platform.longitude')}
            dependencies={['latitude']}
            extra={t('platforms.form.lngHint', { min: LIMITS.lng[0], max: LIMITS.lng[1] })}
            rules={[coordinateRule('latitude', LIMITS.lng)]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="latitude"
            label={t('platform.latitude')}
            dependencies={['longitude']}
            extra={t('platforms.form.latHint', { min: LIMITS.lat[0], max: LIMITS.lat[1] })}
            rules={[coordinateRule('longitude', LIMITS.lat)]}
          >
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="description"
            label={t('platform.description')}
            rules={[
              {
                max: LIMITS.descriptionMax,
                message: t('validation.maxLength', { max: LIMITS.descriptionMax }),
              },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={LIMITS.descriptionMax} data-user-text />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="isStrategic"
            label={t('platform.strategic')}
            valuePropName="checked"
            extra={
              canSetStrategic ? undefined : (
                <Typography.Text type="secondary">
                  {t('platforms.form.strategicTaskForceOnly')}
                </Typography.Text>
              )
            }
          >
            <Switch disabled={!canSetStrategic} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
