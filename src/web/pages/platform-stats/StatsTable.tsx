import { RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, App, Button, Card, Flex, Form, Input, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BASE_FIGURES, FIGURES, type BaseFigure } from '../../../modules/metrics/core/metrics';
import { isReportedOnly, NOTE_MAX } from '../../../modules/metrics/core/reported';
import { ApiError } from '../../api/client';
import { useSaveStatsBatch, type PlatformYearFigures, type ReportedStat } from '../../api/platformStats';
import { useUnsavedChangesGuard } from '../../components/useUnsavedChangesGuard';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import './platformStats.css';
import { batchItems, formatFigure, formValuesOf, type StatsFormValues } from './statsForm';
import { ValueInput } from './ValueInput';

interface Props {
  platformId: number;
  year: number;
  stats: ReportedStat[];
  /** null: the metrics API is not there or failed (computed values show "—"). */
  figures: PlatformYearFigures | null | undefined;
  figuresPending: boolean;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: () => void;
}

/** "items/3/value" → the figure and field of the form it belongs to. */
function fieldOfDetail(
  field: string,
  items: { figure: BaseFigure }[],
): [BaseFigure, 'value' | 'note'] | null {
  const m = /^items\/(\d+)\/(value|note|figure)$/.exec(field);
  const item = m ? items[Number(m[1])] : undefined;
  if (!m || !item) return null;
  return [item.figure, m[2] === 'note' ? 'note' : 'value'];
}

/** Every figure of one platform-year: computed value, reported value (editable), note, who and when. */
export function StatsTable({
  platformId,
  year,
  stats,
  figures,
  figuresPending,
  onDirtyChange,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<StatsFormValues>();
  const save = useSaveStatsBatch();
  const [error, setError] = useState<unknown>(null);
  const initial = useMemo(() => formValuesOf(stats), [stats]);
  const values = Form.useWatch([], form) as StatsFormValues | undefined;
  const changes = useMemo(() => batchItems(stats, values), [stats, values]);
  const dirty = changes.length > 0;
  const { allowLeave } = useUnsavedChangesGuard(dirty);
  const stored = useMemo(() => new Map(stats.map((s) => [s.figure, s])), [stats]);
  const flagText = { yes: t('platformStats.flagYes'), no: t('platformStats.flagNo') };

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('platformStats.fixErrors'));
      return;
    }
    if (!changes.length) {
      void message.info(t('platformStats.noChanges'));
      return;
    }
    setError(null);
    try {
      const result = await save.mutateAsync({ platformId, year, items: changes });
      void message.success(t('platformStats.saved', { set: result.set, cleared: result.cleared }));
      allowLeave();
      onDirtyChange(false);
      onSaved();
    } catch (e) {
      // Field problems go next to their inputs; anything else above the table.
      const details = e instanceof ApiError ? e.details : [];
      const placed = details
        .map((d) => ({ at: fieldOfDetail(d.field, changes), text: (lang === 'en' ? d.en : d.zh) || d.code }))
        .filter((d): d is { at: [BaseFigure, 'value' | 'note']; text: string } => d.at !== null);
      // A figure is a union, so the tuple does not narrow to one of antd's typed name paths.
      form.setFields(
        placed.map((d) => ({ name: d.at, errors: [d.text] })) as Parameters<typeof form.setFields>[0],
      );
      if (placed.length < details.length || details.length === 0) setError(e);
      void message.error(errorText(e));
    }
  };

  const valueOf = (figure: BaseFigure) => values?.[figure]?.value ?? null;

  const columns: TableProps<BaseFigure>['columns'] = [
    {
      key: 'figure',
      title: t('platformStats.columns.figure'),
      width: 200,
      render: (_, f) => (
        <Flex vertical gap={2}>
          <span>{lang === 'en' ? FIGURES[f].en : FIGURES[f].zh}</span>
          {isReportedOnly(f) && (
            <span>
              <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid={`reported-only-${f}`}>
                {t('platformStats.reportedOnly')}
              </Tag>
            </span>
          )}
        </Flex>
      ),
    },
    {
      key: 'unit',
      title: t('platformStats.columns.unit'),
      width: 70,
      render: (_, f) => (lang === 'en' ? FIGURES[f].unitEn : FIGURES[f].unitZh),
    },
    {
      key: 'computed',
      title: (
        <Tooltip title={t('platformStats.computedHelp')}>
          <span>{t('platformStats.columns.computed')}</span>
        </Tooltip>
      ),
      width: 120,
      align: 'right',
      render: (_, f) =>
        figuresPending ? (
          <Typography.Text type="secondary">…</Typography.Text>
        ) : (
          <span data-testid={`computed-${f}`}>
            {formatFigure(f, figures?.computed?.[f] ?? null, flagText)}
          </span>
        ),
    },
    {
      key: 'reported',
      title: t('platformStats.columns.reported'),
      width: 160,
      render: (_, f) => <ValueInput figure={f} />,
    },
    {
      key: 'applies',
      title: t('platformStats.columns.applies'),
      width: 96,
      render: (_, f) => {
        const pendingClear = stored.has(f) && valueOf(f) === null;
        if (valueOf(f) !== null) return <Tag color="blue">{t('platformStats.source.reported')}</Tag>;
        // Unknown computed values (metrics unavailable): the computed value applies, whatever it is.
        const computed = figures ? figures.computed?.[f] : undefined;
        const none = isReportedOnly(f) || (figures && (computed === null || computed === undefined));
        return (
          <Flex vertical gap={2} align="start">
            {!none ? (
              <Tag>{t('platformStats.source.computed')}</Tag>
            ) : (
              <Tag color="default" style={{ opacity: 0.6 }}>
                {t('platformStats.source.none')}
              </Tag>
            )}
            {pendingClear && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('platformStats.pendingClear')}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'note',
      title: t('platformStats.columns.note'),
      width: 170,
      render: (_, f) => (
        <Form.Item name={[f, 'note']} style={{ margin: 0 }}>
          <Input
            maxLength={NOTE_MAX}
            placeholder={t('platformStats.notePlaceholder')}
            data-user-text
            aria-label={`${lang === 'en' ? FIGURES[f].en : FIGURES[f].zh} ${t('platformStats.columns.note')}`}
          />
        </Form.Item>
      ),
    },
    {
      key: 'entered',
      title: t('platformStats.columns.entered'),
      width: 150,
      render: (_, f) => {
        const s = stored.get(f);
        if (!s) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Flex vertical gap={0}>
            <span>{s.enteredByName || '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(s.enteredAt)}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_, f) => (
        <Button
          size="small"
          type="link"
          icon={<RollbackOutlined />}
          disabled={valueOf(f) === null}
          onClick={() => form.setFieldValue([f, 'value'], null)}
          data-testid={`use-computed-${f}`}
        >
          {isReportedOnly(f) ? t('platformStats.clearReported') : t('platformStats.useComputed')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ margin: 12 }} banner={false} />
      )}
      {figures === null && !figuresPending && (
        <Alert
          type="warning"
          showIcon
          title={t('platformStats.computedUnavailable')}
          style={{ margin: 12 }}
          data-testid="computed-unavailable"
        />
      )}
      <Form<StatsFormValues>
        form={form}
        name="platform-stats"
        initialValues={initial}
        disabled={save.isPending}
        component={false}
      >
        <Table<BaseFigure>
          data-testid="platform-stats-table"
          rowKey={(f) => f}
          size="small"
          columns={columns}
          dataSource={[...BASE_FIGURES]}
          pagination={false}
          scroll={{ x: 1110 }}
          rowClassName={(f) => (changes.some((c) => c.figure === f) ? 'yy-stats-changed' : '')}
        />
      </Form>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ padding: 12 }}>
        <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="stats-change-count">
          {dirty ? t('platformStats.unsaved', { count: changes.length }) : t('platformStats.allSaved')}
        </Typography.Text>
        <Flex gap={8}>
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty || save.isPending}
            onClick={() => {
              form.resetFields();
              setError(null);
            }}
          >
            {t('platformStats.reset')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={!dirty}
            onClick={() => void submit()}
            data-testid="stats-save"
          >
            {t('platformStats.save')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
