import { useRef, type ReactNode } from 'react';
import { Button, Card, Col, Flex, Row, Switch, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Method, Policies } from '../../../modules/evaluation/core/method';
import { PUBLISHED_POLICIES } from '../../../modules/evaluation/core/presets';
import { fromPercent, toPercent } from './bands';
import { moveItem, removeItem } from './draft';
import { Field, NumberField, PartProblems, TextField, useEditor } from './editorContext';
import { ClassSelect, RowActions } from './GeneralSection';

type PolicyKey = keyof Policies;
type Escalation = NonNullable<Policies['electricitySurcharge']>['escalation'][number];

const onlyClasses = (record: Record<string, number>, method: Method) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => method.classes.some((c) => c.key === k)));

/** A policy switched on again: what it was before in this editing session, else the published example. */
function template(key: PolicyKey, method: Method): NonNullable<Policies[PolicyKey]> {
  const p = structuredClone(PUBLISHED_POLICIES);
  if (key === 'landUseTax')
    return { ...p.landUseTax!, reliefShare: onlyClasses(p.landUseTax!.reliefShare, method) };
  if (key === 'electricitySurcharge')
    return {
      ...p.electricitySurcharge!,
      yuanPerKwh: onlyClasses(p.electricitySurcharge!.yuanPerKwh, method),
      escalation: p.electricitySurcharge!.escalation.filter((e) =>
        method.classes.some((c) => c.key === e.class),
      ),
    };
  return { ...p.energyQuota!, factor: onlyClasses(p.energyQuota!.factor, method) };
}

/** Differentiated policies by class (domain guide §5.5); each may be switched off. */
export function PoliciesEditor() {
  const { t } = useTranslation();
  const { method, set } = useEditor();
  const policies = method.policies;
  const previous = useRef<Partial<Policies>>({});
  const toggle = (key: PolicyKey, on: boolean) => {
    if (on) set(['policies', key], previous.current[key] ?? template(key, method));
    else {
      previous.current = { ...previous.current, [key]: policies[key] };
      set(['policies', key], null);
    }
  };
  return (
    <Flex vertical gap={16}>
      <PartProblems path={['policies']} />
      <Typography.Text type="secondary">{t('methods.policies.intro')}</Typography.Text>
      <PolicyCard policy="landUseTax" on={!!policies.landUseTax} onToggle={toggle}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <NumberField
              path={['policies', 'landUseTax', 'yuanPerM2']}
              label={t('methods.field.yuanPerM2')}
              min={0}
              suffix={t('methods.policies.yuanPerM2Unit')}
            />
          </Col>
        </Row>
        <ByClass
          path={['policies', 'landUseTax', 'reliefShare']}
          label={t('methods.field.reliefShare')}
          suffix="%"
          placeholder="0"
          max={100}
          percent
        />
      </PolicyCard>
      <PolicyCard policy="electricitySurcharge" on={!!policies.electricitySurcharge} onToggle={toggle}>
        <ByClass
          path={['policies', 'electricitySurcharge', 'yuanPerKwh']}
          label={t('methods.field.yuanPerKwh')}
          suffix={t('methods.policies.yuanPerKwhUnit')}
          placeholder="0"
        />
        <EscalationTable />
      </PolicyCard>
      <PolicyCard policy="energyQuota" on={!!policies.energyQuota} onToggle={toggle}>
        <ByClass
          path={['policies', 'energyQuota', 'factor']}
          label={t('methods.field.factor')}
          suffix="×"
          placeholder="1"
          step={0.05}
        />
      </PolicyCard>
    </Flex>
  );
}

function PolicyCard({
  policy,
  on,
  onToggle,
  children,
}: {
  policy: PolicyKey;
  on: boolean;
  onToggle: (key: PolicyKey, on: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t(`methods.field.${policy}`)}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">
            {on ? t('methods.policies.on') : t('methods.policies.off')}
          </Typography.Text>
          <Switch
            checked={on}
            onChange={(v) => onToggle(policy, v)}
            aria-label={t(`methods.field.${policy}`)}
          />
        </Flex>
      }
    >
      <PartProblems path={['policies', policy]} />
      <Typography.Paragraph type="secondary">{t(`methods.policies.${policy}Hint`)}</Typography.Paragraph>
      {on && (
        <>
          {children}
          <TextField
            path={['policies', policy, 'source']}
            label={t('methods.field.sourceZh')}
            optional
            maxLength={500}
            lang="zh-CN"
          />
          <TextField
            path={['policies', policy, 'sourceEn']}
            label={t('methods.field.sourceEn')}
            optional
            maxLength={500}
            lang="en"
          />
        </>
      )}
    </Card>
  );
}

/** One number per class; an empty box leaves the class out (the policy's default applies). */
function ByClass({
  path,
  label,
  suffix,
  placeholder,
  max,
  step,
  percent,
}: {
  path: readonly string[];
  label: string;
  suffix: string;
  placeholder: string;
  max?: number;
  step?: number;
  percent?: boolean;
}) {
  const { method, lang } = useEditor();
  return (
    <Field path={path} label={label}>
      <Row gutter={[12, 8]}>
        {method.classes.map((c) => (
          <Col xs={12} md={6} key={c.key}>
            <NumberField
              path={[...path, c.key]}
              tight
              empty="remove"
              min={0}
              max={max}
              step={step}
              prefix={
                <Typography.Text strong title={lang === 'en' ? c.name.en || c.name.zh : c.name.zh}>
                  {c.key}
                </Typography.Text>
              }
              suffix={suffix}
              placeholder={placeholder}
              toShown={percent ? toPercent : undefined}
              toStored={percent ? fromPercent : undefined}
            />
          </Col>
        ))}
      </Row>
    </Field>
  );
}

function EscalationTable() {
  const { t } = useTranslation();
  const { method, set, readOnly } = useEditor();
  const path = ['policies', 'electricitySurcharge', 'escalation'] as const;
  const rows = method.policies.electricitySurcharge?.escalation ?? [];
  const columns = [
    {
      key: 'class',
      title: t('methods.field.class'),
      width: 200,
      render: (_: unknown, e: Escalation, i: number) => (
        <Field path={[...path, i, 'class']} tight>
          <ClassSelect value={e.class} onChange={(v) => set([...path, i, 'class'], v)} />
        </Field>
      ),
    },
    {
      key: 'consecutiveYears',
      title: t('methods.field.consecutiveYears'),
      width: 160,
      render: (_: unknown, _e: Escalation, i: number) => (
        <NumberField
          path={[...path, i, 'consecutiveYears']}
          tight
          min={2}
          max={20}
          precision={0}
          suffix={t('methods.policies.years')}
        />
      ),
    },
    {
      key: 'yuanPerKwh',
      title: t('methods.field.yuanPerKwh'),
      width: 180,
      render: (_: unknown, _e: Escalation, i: number) => (
        <NumberField
          path={[...path, i, 'yuanPerKwh']}
          tight
          min={0}
          suffix={t('methods.policies.yuanPerKwhUnit')}
        />
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            key: 'actions',
            title: '',
            width: 96,
            render: (_: unknown, _e: Escalation, i: number) => (
              <RowActions
                index={i}
                count={rows.length}
                onMove={(to) => set(path, moveItem(rows, i, to))}
                onRemove={() => set(path, removeItem(rows, i))}
              />
            ),
          },
        ]),
  ];
  const last = method.classes[method.classes.length - 1]?.key ?? 'D';
  return (
    <Field path={path} label={t('methods.field.escalation')} extra={t('methods.policies.escalationHint')}>
      <Table<Escalation>
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        columns={columns}
        style={{ maxWidth: 720 }}
        locale={{ emptyText: t('methods.policies.noEscalation') }}
      />
      {!readOnly && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          disabled={rows.length >= 8}
          onClick={() => set(path, [...rows, { class: last, consecutiveYears: 3, yuanPerKwh: 0 }])}
        >
          {t('methods.policies.addEscalation')}
        </Button>
      )}
    </Field>
  );
}
