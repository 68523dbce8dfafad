import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Progress, Result, Statistic, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { isRunning, useCommitImport, useImportJob } from '../../api/imports';
import type { ImportJobView as ImportJob } from '../../../modules/imports/imports.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime, formatInteger, formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { Outcome, Problems } from './ImportOutcome';
import { ImportStatusTag } from './ImportStatusTag';
import { ShortHash } from './ShortHash';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024)} KB`;
  return `${formatNumber(bytes / 1024 / 1024)} MB`;
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

function JobFacts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sheet = job.sheet;
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
