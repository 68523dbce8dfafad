import { Alert, App, Card, Flex, Result, Spin, Table, Typography, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { projectTemplateUrl, useImportProjects, type ImportResult } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInteger } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { fileProblem, MAX_UPLOAD_BYTES } from '../imports/ImportPage';
import { ProjectsNav } from './ProjectsNav';

type RowError = ImportResult['errors'][number];

/** The outcome of an upload: imported (counts) or refused (every row error, nothing written). */
function Outcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (result.accepted)
    return (
      <Result
        status="success"
        title={t('projects.import.accepted')}
        subTitle={t('projects.import.counts', {
          created: formatInteger(result.created),
          updated: formatInteger(result.updated),
          approved: formatInteger(result.approvedChanges),
          pending: formatInteger(result.pendingChanges),
        })}
        data-testid="project-import-accepted"
      />
    );
  return (
    <Flex vertical gap={8} data-testid="project-import-rejected">
      <Alert
        type="error"
        showIcon
        title={t('projects.import.rejected', {
          count: result.errors.length,
          formatted: formatInteger(result.errors.length),
        })}
        description={t('projects.import.rejectedHint')}
      />
      <Table<RowError>
        size="small"
        rowKey={(e) => `${e.row}:${e.column}:${e.zh}`}
        dataSource={result.errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('projects.import.row'), dataIndex: 'row', width: 80 },
          { title: t('projects.import.column'), dataIndex: 'column', width: 160 },
          { title: t('projects.import.problem'), render: (_, e) => (lang === 'en' ? e.en : e.zh) },
        ]}
      />
    </Flex>
  );
}

/** 项目导入: the template, and an upload imported all or nothing (upsert by project code). */
export function ProjectImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const run = useImportProjects();
  usePageTitle(t('projects.nav.import'));
  const send = (file: File) => {
    const problem = fileProblem(file);
    if (problem) {
      void message.error(
        t(`imports.file.${problem}`, { max: formatInteger(MAX_UPLOAD_BYTES / 1024 / 1024) }),
      );
      return;
    }
    run.mutate(file);
  };
  return (
    <Flex vertical gap={16}>
      <ProjectsNav />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('projects.nav.import')}
      </Typography.Title>
      <Card>
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('projects.import.explain')}{' '}
            {t(
              me?.role === 'task_force' ? 'projects.import.stagesApproved' : 'projects.import.stagesPending',
            )}
          </Typography.Paragraph>
          <Typography.Link href={projectTemplateUrl()} download data-testid="project-template">
            <FileExcelOutlined /> {t('projects.import.template')}
          </Typography.Link>
          {run.error ? <ErrorAlert error={run.error} /> : null}
          <Spin spinning={run.isPending} description={t('imports.uploading')}>
            <Upload.Dragger
              name="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={run.isPending}
              data-testid="project-import-upload"
              beforeUpload={(file) => {
                send(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('projects.import.drop')}</p>
              <p className="ant-upload-hint">
                {t('imports.dropHint', { max: formatInteger(MAX_UPLOAD_BYTES / 1024 / 1024) })}
              </p>
            </Upload.Dragger>
          </Spin>
          {run.data && <Outcome result={run.data} />}
        </Flex>
      </Card>
    </Flex>
  );
}
