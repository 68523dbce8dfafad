import { useState } from 'react';
import { Alert, App, Card, Flex, Radio, Select, Space, Spin, Steps, Typography, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { importTemplateUrl, useImportJob, useStartImport } from '../../api/imports';
import type { ImportJobView as ImportJob } from '../../../modules/imports/imports.schemas';
import type { ImportKind } from '../../../modules/imports/core/columns';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';
import { formatInteger } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { lastYear, recentYears } from '../enterprises/enterpriseFields';
import { ImportHistory } from './ImportHistory';
import { ImportJobPanel } from './ImportJobPanel';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Why a chosen file cannot be sent, or null. */
export function fileProblem(file: { name: string; size: number }): 'type' | 'empty' | 'size' | null {
  if (!/\.xlsx$/i.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'size';
  return null;
}

function stepOf(job: ImportJob | undefined): number {
  if (!job) return 0;
  switch (job.status) {
    case 'validating':
    case 'rejected':
      return 1;
    case 'ready':
    case 'importing':
      return 2;
    default:
      return 3;
  }
}

/** Data import: choose kind and file → validation preview → commit → result; history below. */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rawJob = Number(params.get('job'));
  const jobId = Number.isInteger(rawJob) && rawJob > 0 ? rawJob : undefined;
  const { data: job } = useImportJob(jobId);
  usePageTitle(t('imports.title'));

  const setJob = (id: number | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id === undefined) next.delete('job');
        else next.set('job', String(id));
        return next;
      },
      { replace: false },
    );

  const current = stepOf(jobId === undefined ? undefined : job);
  const failed = job?.status === 'rejected' || job?.status === 'failed';

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Card size="small">
        <Steps
          size="small"
          current={current}
          status={failed ? 'error' : current === 3 ? 'finish' : 'process'}
          items={[
            { title: t('imports.steps.choose') },
            { title: t('imports.steps.validate') },
            { title: t('imports.steps.commit') },
            { title: t('imports.steps.done') },
          ]}
        />
      </Card>
      {jobId === undefined ? (
        <UploadStep onStarted={(j) => setJob(j.id)} />
      ) : (
        <ImportJobPanel id={jobId} onRestart={() => setJob(undefined)} />
      )}
      <ImportHistory current={jobId} onOpen={(id) => setJob(id)} />
    </Flex>
  );
}

function UploadStep({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartImport();
  const [kind, setKind] = useState<ImportKind>('enterprises');
  const [year, setYear] = useState<number>(lastYear());

  const send = (file: File) => {
    const problem = fileProblem(file);
    if (problem) {
      void message.error(
        t(`imports.file.${problem}`, { max: formatInteger(MAX_UPLOAD_BYTES / 1024 / 1024) }),
      );
      return;
    }
    start.mutate({ file, kind, year: kind === 'annual' ? year : undefined }, { onSuccess: onStarted });
  };

  return (
    <Card title={t('imports.chooseTitle')}>
      <Flex vertical gap={16}>
        <Flex gap={24} wrap align="center">
          <Space>
            <Typography.Text>{t('imports.kind')}</Typography.Text>
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind)}
              optionType="button"
              disabled={start.isPending}
              options={[
                { value: 'enterprises', label: t('imports.kinds.enterprises') },
                { value: 'annual', label: t('imports.kinds.annual') },
              ]}
            />
          </Space>
          {kind === 'annual' && (
            <Space>
              <Typography.Text>{t('imports.year')}</Typography.Text>
              <Select<number>
                value={year}
                onChange={setYear}
                disabled={start.isPending}
                aria-label={t('imports.year')}
                options={recentYears(10).map((y) => ({ value: y, label: String(y) }))}
                style={{ width: 100 }}
              />
            </Space>
          )}
        </Flex>
        <Flex gap={16} wrap align="center">
          <Typography.Text type="secondary">{t('imports.templates')}</Typography.Text>
          <Typography.Link
            href={importTemplateUrl('enterprises')}
            download
            data-testid="template-enterprises"
          >
            <FileExcelOutlined /> {t('imports.templateEnterprises')}
          </Typography.Link>
          <Typography.Link href={importTemplateUrl('annual')} download data-testid="template-annual">
            <FileExcelOutlined /> {t('imports.templateAnnual')}
          </Typography.Link>
        </Flex>
        {start.error && <UploadError error={start.error} />}
        <Spin spinning={start.isPending} description={t('imports.uploading')}>
          <Upload.Dragger
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={start.isPending}
            data-testid="import-upload"
            beforeUpload={(file) => {
              send(file);
              // The file goes out through our own request (CSRF header), not antd's uploader.
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {kind === 'annual' ? t('imports.dropAnnual', { year }) : t('imports.dropEnterprises')}
            </p>
            <p className="ant-upload-hint">
              {t('imports.dropHint', { max: formatInteger(MAX_UPLOAD_BYTES / 1024 / 1024) })}
            </p>
          </Upload.Dragger>
        </Spin>
      </Flex>
    </Card>
  );
}

/** The upload was refused: the server's reason, with its details (e.g. "larger than 20 MB"). */
function UploadError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const lang = useLang();
  const details =
    error instanceof ApiError ? error.details.map((d) => (lang === 'en' ? d.en : d.zh) || d.code) : [];
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      description={details.length > 0 ? details.join('; ') : undefined}
    />
  );
}
