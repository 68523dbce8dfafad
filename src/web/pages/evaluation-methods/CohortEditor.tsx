import { Card, Col, Flex, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdjustmentsEditor } from './AdjustmentsEditor';
import { BandingEditor } from './BandingEditor';
import { ChoiceField, Field, NumberField, PartProblems, TextField, useEditor } from './editorContext';
import { IndicatorTable } from './IndicatorTable';

/** One cohort (评价组): who belongs, its indicators, bonus/deduction items and class bands. */
export function CohortEditor({ index }: { index: number }) {
  const { t } = useTranslation();
  const { method, set } = useEditor();
  const cohort = method.cohorts[index]!;
  const at = ['cohorts', index] as const;
  const filter = ['cohorts', index, 'filter'] as const;
  const leasing = cohort.filter.leasingOnly;
  const enterprises = (method.subject ?? 'enterprise') === 'enterprise';
  return (
    <Flex vertical gap={16}>
      <PartProblems path={at} />
      <Card size="small" title={t('methods.cohort.who')}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <TextField
              path={[...at, 'key']}
              label={t('methods.field.key')}
              required
              extra={t('methods.cohort.keyHint')}
              maxLength={64}
              testId={`cohort-key-${index}`}
            />
          </Col>
          <Col xs={24} md={9}>
            <TextField
              path={[...at, 'name', 'zh']}
              label={t('methods.field.nameZh')}
              required
              maxLength={200}
            />
          </Col>
          <Col xs={24} md={9}>
            <TextField path={[...at, 'name', 'en']} label={t('methods.field.nameEn')} maxLength={200} />
          </Col>
        </Row>
        <PartProblems path={filter} />
        <Row gutter={16}>
          {/* Who belongs is a question about enterprises (scale, land, leasing); platforms all take part. */}
          {enterprises && (
            <>
              <Col xs={12} md={6}>
                <ChoiceField
                  path={[...filter, 'scale']}
                  label={t('methods.field.scale')}
                  allowEmpty={t('methods.cohort.any')}
                  options={(['above', 'below'] as const).map((k) => ({ value: k, label: t(`scale.${k}`) }))}
                />
              </Col>
              <Col xs={12} md={6}>
                <NumberField
                  path={[...filter, 'minOwnLandMu']}
                  label={t('methods.field.minOwnLandMu')}
                  empty="remove"
                  min={0}
                  suffix={t('units.mu')}
                />
              </Col>
              <Col xs={12} md={6}>
                <NumberField
                  path={[...filter, 'maxOwnLandMu']}
                  label={t('methods.field.maxOwnLandMu')}
                  empty="remove"
                  min={0}
                  suffix={t('units.mu')}
                />
              </Col>
              <Col xs={12} md={6}>
                <Field path={[...filter, 'leasingOnly']} label={t('methods.field.leasingOnly')}>
                  <Select
                    style={{ width: '100%' }}
                    value={leasing === undefined ? 'any' : leasing ? 'yes' : 'no'}
                    onChange={(v) => set([...filter, 'leasingOnly'], v === 'any' ? undefined : v === 'yes')}
                    options={[
                      { value: 'any', label: t('methods.cohort.any') },
                      { value: 'yes', label: t('methods.cohort.leasingYes') },
                      { value: 'no', label: t('methods.cohort.leasingNo') },
                    ]}
                  />
                </Field>
              </Col>
              <Col xs={12} md={6}>
                <NumberField
                  path={[...at, 'leasedFloorPlotRatio']}
                  label={t('methods.field.leasedFloorPlotRatio')}
                  extra={t('methods.cohort.plotRatioHint')}
                  min={0}
                  placeholder={t('methods.cohort.noConversion')}
                />
              </Col>
            </>
          )}
          <Col xs={12} md={6}>
            <NumberField
              path={[...at, 'correctionFactor']}
              label={t('methods.field.correctionFactor')}
              extra={t('methods.cohort.correctionHint')}
              min={0}
              max={10}
              step={0.01}
            />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('methods.field.indicators')}>
        <IndicatorTable cohortIndex={index} />
      </Card>
      <Card size="small" title={t('methods.field.adjustments')}>
        <PartProblems path={[...at, 'adjustments']} />
        <AdjustmentsEditor cohortIndex={index} />
      </Card>
      <Card size="small" title={t('methods.field.banding')}>
        <BandingEditor cohortIndex={index} />
      </Card>
    </Flex>
  );
}
