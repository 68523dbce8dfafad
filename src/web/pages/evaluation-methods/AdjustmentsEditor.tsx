import { Button, Card, Col, Empty, Flex, Radio, Row, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LABELS } from '../../../modules/enterprises/core/codes';
import {
  COUNT_ATTRIBUTES,
  NUMERIC_ATTRIBUTES,
  type AdjustmentRule,
  type Condition,
} from '../../../modules/evaluation/core/method';
import { moveItem, newAdjustment, removeItem, type Path } from './draft';
import { ChoiceField, ChoiceInput, Field, NumberField, TextField, useEditor } from './editorContext';
import { RowActions } from './GeneralSection';

const MAX_ADJUSTMENTS = 30;
const MAX_CONDITIONS = 10;
const NUMERIC_OPS = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;
type ConditionAttribute = Condition['attribute'];

/** A condition for a newly chosen attribute, keeping the number when both test numbers. */
function conditionFor(attribute: ConditionAttribute, previous: Condition): Condition {
  if (attribute === 'label') return { attribute, op: 'has', value: 'high_tech' };
  if (attribute === 'scale') return { attribute, op: 'eq', value: 'below' };
  const numeric = previous.attribute !== 'label' && previous.attribute !== 'scale';
  return numeric ? { attribute, op: previous.op, value: previous.value } : { attribute, op: 'gt', value: 0 };
}

/** Bonus and deduction items of a cohort (e.g. Wenling 2022: points off per sub-letting tenant). */
export function AdjustmentsEditor({ cohortIndex }: { cohortIndex: number }) {
  const { t } = useTranslation();
  const { method, lang, set, readOnly } = useEditor();
  const base = ['cohorts', cohortIndex, 'adjustments'] as const;
  const adjustments = method.cohorts[cohortIndex]!.adjustments;
  return (
    <Flex vertical gap={12}>
      {adjustments.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('methods.adjustments.none')} />
      )}
      {adjustments.map((a, i) => (
        <Card
          key={i}
          size="small"
          type="inner"
          title={t('methods.loc.adjustment', {
            n: i + 1,
            name: (lang === 'en' ? a.name.en || a.name.zh : a.name.zh) || a.key,
          })}
          extra={
            readOnly ? undefined : (
              <RowActions
                index={i}
                count={adjustments.length}
                onMove={(to) => set(base, moveItem(adjustments, i, to))}
                onRemove={() => set(base, removeItem(adjustments, i))}
              />
            )
          }
        >
          <AdjustmentForm path={[...base, i]} adjustment={a} />
        </Card>
      ))}
      {!readOnly && (
        <div>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={adjustments.length >= MAX_ADJUSTMENTS}
            onClick={() => set(base, [...adjustments, newAdjustment(adjustments)])}
          >
            {t('methods.adjustments.add')}
          </Button>
        </div>
      )}
    </Flex>
  );
}

function AdjustmentForm({ path, adjustment }: { path: Path; adjustment: AdjustmentRule }) {
  const { t } = useTranslation();
  const { set, readOnly } = useEditor();
  const points = adjustment.points;
  return (
    <Row gutter={16}>
      <Col xs={24} md={5}>
        <TextField path={[...path, 'key']} label={t('methods.field.key')} required maxLength={64} />
      </Col>
      <Col xs={24} md={7}>
        <TextField
          path={[...path, 'name', 'zh']}
          label={t('methods.field.nameZh')}
          required
          maxLength={200}
        />
      </Col>
      <Col xs={24} md={6}>
        <TextField path={[...path, 'name', 'en']} label={t('methods.field.nameEn')} maxLength={200} />
      </Col>
      <Col xs={24} md={6}>
        <Field path={[...path, 'effect']} label={t('methods.field.effect')}>
          <Radio.Group
            value={adjustment.effect}
            optionType="button"
            onChange={(e) => set([...path, 'effect'], e.target.value)}
            options={(['bonus', 'deduction'] as const).map((k) => ({
              value: k,
              label: t(`methods.effect.${k}`),
            }))}
          />
        </Field>
      </Col>
      <Col xs={24}>
        <Field
          path={[...path, 'when']}
          label={t('methods.field.when')}
          extra={t('methods.adjustments.whenHint')}
        >
          <Flex vertical gap={6}>
            {adjustment.when.map((c, ci) => (
              <ConditionRow
                key={ci}
                path={[...path, 'when', ci]}
                condition={c}
                onRemove={() => set([...path, 'when'], removeItem(adjustment.when, ci))}
              />
            ))}
            {!readOnly && (
              <div>
                <Button
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={adjustment.when.length >= MAX_CONDITIONS}
                  onClick={() =>
                    set(
                      [...path, 'when'],
                      [...adjustment.when, { attribute: 'scale', op: 'eq', value: 'below' }],
                    )
                  }
                >
                  {t('methods.adjustments.addCondition')}
                </Button>
              </div>
            )}
          </Flex>
        </Field>
      </Col>
      <Col xs={24}>
        <Field path={[...path, 'points']} label={t('methods.field.points')}>
          <Flex vertical gap={8}>
            <Radio.Group
              value={points.kind}
              onChange={(e) =>
                set(
                  [...path, 'points'],
                  e.target.value === 'fixed'
                    ? { kind: 'fixed', points: 5 }
                    : {
                        kind: 'per_unit',
                        attribute: 'belowScaleTenants',
                        free: 0,
                        first: 5,
                        each: 5,
                        max: null,
                      },
                )
              }
              options={[
                { value: 'fixed', label: t('methods.points.fixed') },
                { value: 'per_unit', label: t('methods.points.per_unit') },
              ]}
            />
            {points.kind === 'fixed' ? (
              <Row gutter={12}>
                <Col xs={12} md={6}>
                  <NumberField
                    path={[...path, 'points', 'points']}
                    label={t('methods.field.pointsValue')}
                    tight
                    min={0}
                    max={1000}
                    suffix={t('methods.pointsUnit')}
                  />
                </Col>
              </Row>
            ) : (
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <ChoiceField
                    path={[...path, 'points', 'attribute']}
                    label={t('methods.field.perUnitOf')}
                    tight
                    options={COUNT_ATTRIBUTES.map((k) => ({
                      value: k,
                      label: t(`methods.attribute.${k}`),
                    }))}
                  />
                </Col>
                {(['free', 'first', 'each', 'max'] as const).map((k) => (
                  <Col xs={12} md={4} key={k}>
                    <NumberField
                      path={[...path, 'points', k]}
                      label={t(`methods.field.${k}`)}
                      tight
                      min={0}
                      precision={k === 'free' ? 0 : undefined}
                      placeholder={k === 'max' ? t('methods.points.noLimit') : undefined}
                      suffix={k === 'free' ? undefined : t('methods.pointsUnit')}
                    />
                  </Col>
                ))}
              </Row>
            )}
            <Typography.Text type="secondary">{pointsSummary(adjustment, t)}</Typography.Text>
          </Flex>
        </Field>
      </Col>
    </Row>
  );
}

/** "Deduct 10 points for the first below-scale tenant beyond 1, 5 for each further, at most 30." */
function pointsSummary(a: AdjustmentRule, t: (key: string, o?: Record<string, unknown>) => string): string {
  const effect = t(`methods.effect.${a.effect}`);
  const p = a.points;
  if (p.kind === 'fixed') return t('methods.points.summaryFixed', { effect, points: p.points ?? '?' });
  const text = t('methods.points.summaryPerUnit', {
    effect,
    unit: t(`methods.attribute.${p.attribute}`),
    free: p.free ?? '?',
    first: p.first ?? '?',
    each: p.each ?? '?',
  });
  return typeof p.max === 'number' ? text + t('methods.points.summaryMax', { max: p.max }) : text;
}

function ConditionRow({
  path,
  condition,
  onRemove,
}: {
  path: Path;
  condition: Condition;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { set, readOnly } = useEditor();
  const attributes: ConditionAttribute[] = ['label', 'scale', ...NUMERIC_ATTRIBUTES];
  let op;
  let value;
  if (condition.attribute === 'label') {
    op = (
      <ChoiceInput
        path={[...path, 'op']}
        style={{ width: 96 }}
        options={(['has', 'lacks'] as const).map((k) => ({ value: k, label: t(`methods.op.${k}`) }))}
      />
    );
    value = (
      <ChoiceInput
        path={[...path, 'value']}
        style={{ width: 220 }}
        options={LABELS.map((k) => ({ value: k, label: t(`labels.${k}`) }))}
      />
    );
  } else if (condition.attribute === 'scale') {
    op = <Typography.Text style={{ width: 96, textAlign: 'center' }}>{t('methods.op.eq')}</Typography.Text>;
    value = (
      <ChoiceInput
        path={[...path, 'value']}
        style={{ width: 220 }}
        options={(['above', 'below'] as const).map((k) => ({ value: k, label: t(`scale.${k}`) }))}
      />
    );
  } else {
    op = (
      <ChoiceInput
        path={[...path, 'op']}
        style={{ width: 96 }}
        options={NUMERIC_OPS.map((k) => ({ value: k, label: t(`methods.op.${k}`) }))}
      />
    );
    value = <NumberField path={[...path, 'value']} tight style={{ width: 220 }} />;
  }
  return (
    <Field path={path} tight>
      <Flex gap={6} align="center" wrap>
        <Select<ConditionAttribute>
          value={condition.attribute}
          style={{ width: 200 }}
          onChange={(v) => set(path, conditionFor(v, condition))}
          options={attributes.map((k) => ({ value: k, label: t(`methods.attribute.${k}`) }))}
        />
        {op}
        {value}
        {!readOnly && (
          <Button size="small" type="link" danger onClick={onRemove}>
            {t('methods.remove')}
          </Button>
        )}
      </Flex>
    </Field>
  );
}
