import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../modules/evaluation/core/method';
import { moveItem, nextClassKey, removeClass, renameClass } from './draft';
import { Field, PartProblems, TextField, useEditor } from './editorContext';
import { RowActions } from './GeneralSection';

type ClassRow = Method['classes'][number];

const MAX_CLASSES = 8;

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

export function ClassesCard() {
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
