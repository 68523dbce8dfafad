import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Input,
  Radio,
  Row,
  Select,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RATING_EXEMPTIONS } from '../../../modules/enterprises/core/codes';
import type { Method } from '../../../modules/evaluation/core/method';
import { moveItem, nextClassKey, removeClass, renameClass } from './draft';
import { Field, NumberField, PartProblems, TextField, useEditor } from './editorContext';

type ClassRow = Method['classes'][number];

const MAX_CLASSES = 8;

/** Name, description, source, score precision, tenants, classes and "unrated" of a method. */
export function GeneralSection() {
  const { t } = useTranslation();
  const { method, set } = useEditor();
  const enterprises = (method.subject ?? 'enterprise') === 'enterprise';
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('methods.general.basics')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <TextField
              path={['name', 'zh']}
              label={t('methods.field.nameZh')}
              required
              maxLength={200}
              testId="method-name-zh"
            />
          </Col>
          <Col xs={24} md={12}>
            <TextField path={['name', 'en']} label={t('methods.field.nameEn')} maxLength={200} />
          </Col>
          <Col xs={24}>
            <TextField
              path={['description']}
              label={t('methods.field.description')}
              optional
              textArea
              maxLength={4000}
            />
          </Col>
          <Col xs={24}>
            <TextField
              path={['source']}
              label={t('methods.field.source')}
              extra={t('methods.general.sourceHint')}
              optional
              maxLength={500}
            />
          </Col>
          <Col xs={24} md={8}>
            <NumberField
              path={['scorePrecision']}
              label={t('methods.field.scorePrecision')}
              extra={t('methods.general.scorePrecisionHint')}
              min={0}
              max={6}
              precision={0}
            />
          </Col>
          {/* Tenants on one parcel: a question about enterprises, not platforms. */}
          {enterprises && (
            <Col xs={24} md={16}>
              <Field
                path={['tenants']}
                label={t('methods.field.tenants')}
                extra={t('methods.general.tenantsHint')}
              >
                <Radio.Group
                  value={method.tenants}
                  onChange={(e) => set(['tenants'], e.target.value)}
                  options={[
                    { value: 'separate', label: t('methods.tenants.separate') },
                    { value: 'merge_with_landholder', label: t('methods.tenants.merge_with_landholder') },
                  ]}
                />
              </Field>
            </Col>
          )}
        </Row>
      </Card>
      <ClassesCard />
      {enterprises && (
        <Card size="small" title={t('methods.general.unrated')}>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Field
                path={['unrated', 'exemptions']}
                label={t('methods.field.exemptions')}
                extra={t('methods.general.exemptionsHint')}
              >
                <Checkbox.Group
                  value={method.unrated.exemptions}
                  onChange={(v) =>
                    set(
                      ['unrated', 'exemptions'],
                      RATING_EXEMPTIONS.filter((e) => v.includes(e)),
                    )
                  }
                  options={RATING_EXEMPTIONS.map((e) => ({ value: e, label: t(`methods.exemption.${e}`) }))}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field path={['unrated', 'treatAs']} label={t('methods.field.treatAs')}>
                <ClassSelect
                  value={method.unrated.treatAs}
                  onChange={(v) => set(['unrated', 'treatAs'], v)}
                />
              </Field>
            </Col>
          </Row>
        </Card>
      )}
    </Flex>
  );
}

/** Picks one of the method's classes ("A 优先发展"); an unknown stored key stays visible. */
export function ClassSelect({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  onChange: (key: string) => void;
  testId?: string;
}) {
  const { method, lang } = useEditor();
  const options = method.classes.map((c) => ({
    value: c.key,
    label: `${c.key} ${lang === 'en' ? c.name.en || c.name.zh : c.name.zh}`,
  }));
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: '100%', minWidth: 96 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}

/** The class key, committed on leaving the box so every reference is renamed at once. */
function ClassKeyInput({ value, index }: { value: string; index: number }) {
  const { update } = useEditor();
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value) update((m) => renameClass(m, m.classes[index]!.key, text));
  };
  return (
    <Input
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
      maxLength={16}
      style={{ width: 72 }}
    />
  );
}

function ClassesCard() {
  const { t } = useTranslation();
  const { method, update, readOnly } = useEditor();
  const classes = method.classes;
  const columns = [
    {
      key: 'key',
      title: t('methods.field.classKey'),
      width: 100,
      render: (_: unknown, c: ClassRow, i: number) => (
        <Field path={['classes', i, 'key']} tight>
          <ClassKeyInput key={`${i}:${c.key}`} value={c.key} index={i} />
        </Field>
      ),
    },
    {
      key: 'zh',
      title: t('methods.field.nameZh'),
      render: (_: unknown, _c: ClassRow, i: number) => (
        <TextField path={['classes', i, 'name', 'zh']} tight maxLength={200} />
      ),
    },
    {
      key: 'en',
      title: t('methods.field.nameEn'),
      render: (_: unknown, _c: ClassRow, i: number) => (
        <TextField path={['classes', i, 'name', 'en']} tight maxLength={200} />
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, _c: ClassRow, i: number) => (
              <RowActions
                index={i}
                count={classes.length}
                onMove={(to) => update((m) => ({ ...m, classes: moveItem(m.classes, i, to) }))}
                onRemove={() => update((m) => removeClass(m, i))}
                minCount={1}
              />
            ),
          },
        ]),
  ];
  return (
    <Card
      size="small"
      title={t('methods.general.classes')}
      extra={
        readOnly ? undefined : (
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={classes.length >= MAX_CLASSES}
            onClick={() =>
              update((m) => ({
                ...m,
                classes: [...m.classes, { key: nextClassKey(m), name: { zh: '', en: '' } }],
              }))
            }
          >
            {t('methods.general.addClass')}
          </Button>
        )
      }
    >
      <PartProblems path={['classes']} />
      <Table<ClassRow>
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={classes}
        columns={columns}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('methods.general.classesHint')}
      </Typography.Paragraph>
    </Card>
  );
}

/** Move up, move down and remove buttons of a list row. */
export function RowActions({
  index,
  count,
  onMove,
  onRemove,
  minCount = 0,
}: {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  minCount?: number;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={2}>
      <Tooltip title={t('methods.moveUp')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={t('methods.moveUp')}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        />
      </Tooltip>
      <Tooltip title={t('methods.moveDown')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={t('methods.moveDown')}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        />
      </Tooltip>
      <Tooltip title={t('methods.remove')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('methods.remove')}
          disabled={count <= minCount}
          onClick={onRemove}
        />
      </Tooltip>
    </Flex>
  );
}
