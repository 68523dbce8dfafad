import { useEffect, useMemo, useRef } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Result,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { CheckOutlined, DownloadOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { importReportUrl, isRunning, useCommitImport, useImportJob } from '../../api/imports';
import type { ImportJob, ImportProblem } from '../../api/types';
import type { ImportJobView } from '../../../modules/imports/imports.schemas';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime, formatInteger, formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { ImportStatusTag } from './ImportStatusTag';
import { ShortHash } from './ShortHash';

const PROBLEMS_SHOWN = 500;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${formatNumber(bytes / 1024 / 1024)} MB`;
}

function problemValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

interface Props {
  id: number;
  onRestart: () => void;
}

/** Validation preview, commit and result of one import job (polled while the server works). */
export function ImportJobPanel({ id, onRestart }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { data: job, isPending, error, refetch } = useImportJob(id);
  const commit = useCommitImport();

  // Once an import has written rows, the enterprise lists and records are out of date.
  const finished = useRef<string | null>(null);
  useEffect(() => {
    if (job?.status === 'succeeded' && finished.current !== `${job.id}`) {
      finished.current = `${job.id}`;
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
      void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
    }
    if (job && !isRunning(job)) void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
  }, [job, qc]);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Card>
        <Result
          status="404"
          title={t('imports.notFound')}
          subTitle={errorText(error)}
          extra={<Button onClick={onRestart}>{t('imports.again')}</Button>}
        />
      </Card>
    );
  }
  if (isPending) return <PageSpin />;
  if (!job) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const total = job.errorCount + job.warningCount;

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('imports.previewTitle')}</span>
          <ImportStatusTag status={job.status} testId="import-status" />
        </Flex>
      }
      extra={
        !isRunning(job) && (
          <Button icon={<UploadOutlined />} onClick={onRestart}>
            {t('imports.again')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <JobFacts job={job} />
        {isRunning(job) ? (
          <RunningProgress job={job} />
        ) : (
          <>
            <Counts job={job} />
            <Outcome job={job} committing={commit.isPending} onCommit={() => commit.mutate(job.id)} />
            {commit.error && <ErrorAlert error={commit.error} />}
          </>
        )}
        {job.status !== 'validating' && (job.status !== 'succeeded' || total > 0) && <Problems job={job} />}
      </Flex>
    </Card>
  );
}

/** Which sheet of the workbook the server read, and why (named by the template, or first visible). */
const sheetOf = (job: ImportJob) => (job as ImportJob & Partial<Pick<ImportJobView, 'sheet'>>).sheet ?? null;

/** A problem of the file as a whole (not a row): the file could not be read at all. */
const fileProblem = (job: ImportJob) => {
  const p = job.problems?.[0];
  return job.errorCount === 1 && p && p.severity === 'error' && !p.row ? p : null;
};

function JobFacts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sheet = sheetOf(job);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, md: 3 }}
      items={[
        { key: 'file', label: t('imports.fileName'), children: job.fileName },
        {
          key: 'kind',
          label: t('imports.kind'),
          children:
            t(`imports.kinds.${job.kind}`, { defaultValue: job.kind }) +
            (job.year ? ` · ${t('imports.yearValue', { year: job.year })}` : ''),
        },
        { key: 'size', label: t('imports.size'), children: formatSize(job.sizeBytes) },
        { key: 'sha', label: 'SHA-256', children: <ShortHash hash={job.sha256} /> },
        { key: 'user', label: t('imports.user'), children: job.username ?? '—' },
        { key: 'at', label: t('imports.startedAt'), children: formatDateTime(job.startedAt) },
        ...(sheet
          ? [
              {
                key: 'sheet',
                label: t('imports.sheetRead'),
                children: (
                  <span data-testid="import-sheet" title={lang === 'en' ? sheet.en : sheet.zh}>
                    {lang === 'en' ? sheet.en : sheet.zh}
                  </span>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function RunningProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const done = job.progress?.done ?? 0;
  const total = job.progress?.total ?? null;
  const phase = job.progress?.phase;
  // While the workbook is still being read the server does not know the row count yet.
  const known = total !== null && total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Typography.Text>
        {phase
          ? t(`imports.phases.${phase}`, { defaultValue: phase })
          : t(job.status === 'importing' ? 'imports.status.importing' : 'imports.status.validating')}
        {(known || done > 0) && (
          <Typography.Text type="secondary">
            {' · '}
            {known
              ? t('imports.rowsProgress', { done: formatInteger(done), total: formatInteger(total) })
              : t('imports.rowsRead', { done: formatInteger(done) })}
          </Typography.Text>
        )}
      </Typography.Text>
      <Progress percent={percent} status="active" showInfo={known} />
    </Flex>
  );
}

function Counts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const items: { key: string; title: string; value: number | null; color?: string }[] = [
    { key: 'rows', title: t('imports.counts.rows'), value: job.rowsTotal },
    {
      key: 'errors',
      title: t('imports.counts.errors'),
      value: job.errorCount,
      color: job.errorCount ? '#cf1322' : undefined,
    },
    {
      key: 'warnings',
      title: t('imports.counts.warnings'),
      value: job.warningCount,
      color: job.warningCount ? '#d48806' : undefined,
    },
  ];
  if (job.status === 'succeeded') {
    items.push(
      { key: 'inserted', title: t('imports.counts.inserted'), value: job.rowsInserted, color: '#389e0d' },
      { key: 'updated', title: t('imports.counts.updated'), value: job.rowsUpdated, color: '#1f5fbf' },
    );
  }
  return (
    <Flex gap={40} wrap>
      {items.map((i) => (
        <Statistic
          key={i.key}
          title={i.title}
          value={i.value ?? '—'}
          formatter={(v) => (typeof v === 'number' ? formatInteger(v) : String(v))}
          styles={{ content: i.color ? { color: i.color } : undefined }}
          data-testid={`import-count-${i.key}`}
        />
      ))}
    </Flex>
  );
}

function Outcome({
  job,
  committing,
  onCommit,
}: {
  job: ImportJob;
  committing: boolean;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  switch (job.status) {
    case 'ready':
      return (
        <Alert
          type={job.warningCount ? 'warning' : 'success'}
          showIcon
          title={t('imports.readyTitle')}
          description={
            job.warningCount
              ? t('imports.readyWithWarnings', {
                  rows: formatInteger(job.rowsTotal ?? 0),
                  count: job.warningCount,
                })
              : t('imports.ready', { rows: formatInteger(job.rowsTotal ?? 0) })
          }
          action={
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={committing}
              data-testid="import-commit"
              onClick={() => {
                if (!job.warningCount) {
                  onCommit();
                  return;
                }
                modal.confirm({
                  title: t('imports.commitWithWarningsTitle'),
                  content: t('imports.commitWithWarnings', { count: job.warningCount }),
                  okText: t('imports.commit'),
                  cancelText: t('common.cancel'),
                  onOk: onCommit,
                });
              }}
            >
              {t('imports.commit')}
            </Button>
          }
        />
      );
    case 'rejected': {
      const whole = fileProblem(job);
      return (
        <Alert
          type="error"
          showIcon
          title={t('imports.rejectedTitle')}
          description={
            whole
              ? t('imports.rejectedFile', { message: lang === 'en' ? whole.en : whole.zh })
              : t('imports.rejected', { count: job.errorCount })
          }
          data-testid="import-rejected"
        />
      );
    }
    case 'succeeded':
      return (
        <Result
          status="success"
          title={t('imports.succeededTitle')}
          subTitle={t('imports.succeeded', {
            inserted: formatInteger(job.rowsInserted ?? 0),
            updated: formatInteger(job.rowsUpdated ?? 0),
          })}
          extra={
            <Button type="primary" icon={<UnorderedListOutlined />} onClick={() => navigate('/enterprises')}>
              {t('imports.toEnterprises')}
            </Button>
          }
          style={{ padding: '16px 0' }}
        />
      );
    case 'failed':
      return (
        <Alert type="error" showIcon title={t('imports.failedTitle')} description={t('imports.failed')} />
      );
    default:
      return null;
  }
}

function Problems({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = useMemo(
    () => (job.problems ?? []).slice(0, PROBLEMS_SHOWN).map((p, i) => ({ ...p, key: i })),
    [job.problems],
  );
  const total = job.errorCount + job.warningCount;
  const columns: TableProps<ImportProblem & { key: number }>['columns'] = [
    {
      key: 'severity',
      title: t('imports.problem.severity'),
      width: 80,
      render: (_, p) =>
        p.severity === 'error' ? (
          <Tag color="error">{t('imports.problem.error')}</Tag>
        ) : (
          <Tag color="warning">{t('imports.problem.warning')}</Tag>
        ),
    },
    { key: 'sheet', title: t('imports.problem.sheet'), dataIndex: 'sheet', width: 110 },
    {
      key: 'row',
      title: t('imports.problem.row'),
      width: 64,
      align: 'right',
      render: (_, p) => p.row ?? '—',
    },
    { key: 'column', title: t('imports.problem.column'), width: 140, render: (_, p) => p.column ?? '—' },
    {
      key: 'value',
      title: t('imports.problem.value'),
      width: 200,
      ellipsis: true,
      render: (_, p) => <span style={{ fontFamily: 'monospace' }}>{problemValue(p.value)}</span>,
    },
    {
      key: 'code',
      title: t('imports.problem.code'),
      width: 170,
      render: (_, p) => <Typography.Text code>{p.code}</Typography.Text>,
    },
    {
      key: 'message',
      title: t('imports.problem.message'),
      render: (_, p) => (lang === 'en' ? p.en || p.zh : p.zh || p.en),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{t('imports.problemsTitle')}</Typography.Text>
          {total > rows.length && (
            <Typography.Text type="secondary">
              {t('imports.problemsTruncated', {
                shown: formatInteger(rows.length),
                total: formatInteger(total),
              })}
            </Typography.Text>
          )}
        </Flex>
        {!isRunning(job) && (
          <Button
            icon={<DownloadOutlined />}
            href={importReportUrl(job.id)}
            download
            data-testid="import-report-link"
          >
            {t('imports.report')}
          </Button>
        )}
      </Flex>
      <Table<ImportProblem & { key: number }>
        data-testid="import-problems"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.noProblems')} />,
        }}
      />
    </Flex>
  );
}
