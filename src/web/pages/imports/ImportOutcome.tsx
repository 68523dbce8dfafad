import { CheckOutlined, DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, App, Button, Empty, Flex, Result, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { importReportUrl, isRunning } from '../../api/imports';
import type {
  ImportJobView as ImportJob,
  ImportProblemView as ImportProblem,
} from '../../../modules/imports/imports.schemas';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';

const PROBLEMS_SHOWN = 500;

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

/** A problem of the file as a whole (not a row): the file could not be read at all. */
const fileProblem = (job: ImportJob) => {
  const p = job.problems?.[0];
  return job.errorCount === 1 && p && p.severity === 'error' && !p.row ? p : null;
};

export function Outcome({
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

export function Problems({ job }: { job: ImportJob }) {
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
    { key: 'sheet', title: t('imports.problem.sheet'), width: 110, render: (_, p) => p.sheet || '—' },
    // A problem of the whole file has no row, column or cell (row 0): its message says it all.
    {
      key: 'row',
      title: t('imports.problem.row'),
      width: 64,
      align: 'right',
      render: (_, p) => p.row || '—',
    },
    { key: 'column', title: t('imports.problem.column'), width: 140, render: (_, p) => p.column || '—' },
    {
      key: 'value',
      title: t('imports.problem.value'),
      width: 200,
      ellipsis: true,
      render: (_, p) =>
        p.row ? <span style={{ fontFamily: 'monospace' }}>{problemValue(p.value)}</span> : '—',
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
