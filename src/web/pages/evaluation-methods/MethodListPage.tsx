import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { CopyOutlined, DownloadOutlined, EyeOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../modules/evaluation/core/method';
import { fetchMethod, useMethods, usePresets, type MethodSummary } from '../../api/evaluationMethods';
import { useMethodSubjects } from '../../api/platformEvaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../lib/errorText';
import { formatDate, formatDateTime } from '../../lib/format';
import { localPair, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import type { ImportedState } from './MethodEditorPage';
import { downloadJson, exportFileName, exportText, readMethodFile } from './methodFile';
import { groupMethods } from './methodGroups';
import { orderedPresetKeys, presetKind } from './presets';

type Row = MethodSummary & { children?: MethodSummary[] };

/** Evaluation methods: every version by key, presets to start from, import and export. */
export function MethodListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const methods = useMethods();
  // The list does not say what a version evaluates; its document does (platform methods get a tag).
  const { subjects } = useMethodSubjects(methods.data);
  const [exporting, setExporting] = useState<number | null>(null);
  usePageTitle(t('methods.title'));

  const rows: Row[] = groupMethods(methods.data ?? []).map((g) => ({
    ...g.latest,
    ...(g.older.length ? { children: g.older } : {}),
  }));

  const exportVersion = async (m: MethodSummary) => {
    setExporting(m.id);
    try {
      const detail = await fetchMethod(m.id);
      downloadJson(exportFileName(detail.key, detail.version), exportText(detail.definition));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(null);
    }
  };

  const importFile = async (file: File) => {
    const read = readMethodFile(await file.text(), file.name);
    if (!read.ok) {
      void message.error(t(`methods.import.${read.reason}`, { file: file.name }));
      return;
    }
    const state: ImportedState = {
      imported: { definition: read.definition, key: read.key, fileName: file.name },
    };
    navigate('/evaluation/methods/new', { state });
  };

  const columns: TableProps<Row>['columns'] = [
    {
      key: 'key',
      title: t('methods.col.key'),
      width: 170,
      render: (_, m) => (
        <Link to={`/evaluation/methods/${m.id}`}>
          <Typography.Text code>{m.key}</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('methods.col.name'),
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center" wrap>
            <span>{localPair(m.name, m.nameEn, lang)}</span>
            {subjects.get(m.id) === 'platform' && <SubjectTag />}
          </Flex>
          {m.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.note === 'preset' ? t('methods.presetNote') : m.note}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'version',
      title: t('methods.col.version'),
      width: 70,
      render: (_, m) => (
        <Flex gap={4} align="center">
          <span>v{m.version}</span>
          {'children' in m && m.children ? (
            <Tooltip title={t('methods.olderVersions', { count: m.children.length })}>
              <Tag style={{ marginInlineEnd: 0 }}>+{m.children.length}</Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'basedOn',
      title: t('methods.col.basedOn'),
      width: 130,
      render: (_, m) => m.basedOn ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'runs',
      title: t('methods.col.runs'),
      width: 90,
      align: 'right',
      render: (_, m) => m.runs,
    },
    {
      key: 'createdAt',
      title: t('methods.col.createdAt'),
      width: 110,
      render: (_, m) => <span title={formatDateTime(m.createdAt)}>{formatDate(m.createdAt)}</span>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 350,
      render: (_, m) => (
        <Flex gap={0}>
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => navigate(`/evaluation/methods/${m.id}`)}
          >
            {t('methods.viewEdit')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<CopyOutlined />}
            onClick={() => navigate(`/evaluation/methods/new?fromId=${m.id}`)}
          >
            {t('methods.clone')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={exporting === m.id}
            onClick={() => void exportVersion(m)}
          >
            {t('methods.exportJson')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('methods.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="method-import">
              {t('methods.importJson')}
            </Button>
          </Upload>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/evaluation/methods/new')}>
            {t('methods.new')}
          </Button>
        </Flex>
      </Flex>
      <Alert type="info" showIcon title={t('methods.intro.title')} description={t('methods.intro.text')} />
      <PresetCards />
      {methods.error ? (
        <ErrorAlert error={methods.error} onRetry={() => void methods.refetch()} />
      ) : (
        <Card size="small" title={t('methods.listTitle')} styles={{ body: { padding: 0 } }}>
          <Table<Row>
            rowKey="id"
            size="middle"
            loading={methods.isPending}
            dataSource={rows}
            columns={columns}
            pagination={false}
            expandable={{ indentSize: 12 }}
            scroll={{ x: 1100 }}
            data-testid="method-table"
          />
        </Card>
      )}
    </Flex>
  );
}

/** "平台评价": the method evaluates platforms (plan §4.2), not enterprises. */
function SubjectTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('methods.subject.platformHint')}>
      <Tag color="geekblue" style={{ marginInlineEnd: 0 }} data-testid="method-subject-platform">
        {t('methods.subject.platform')}
      </Tag>
    </Tooltip>
  );
}

/** "New from a preset": the published examples and the template. */
function PresetCards() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const presets = usePresets();
  if (presets.error) return <ErrorAlert error={presets.error} />;
  const data = presets.data ?? {};
  const name = (m: Method) => (lang === 'en' ? m.name.en || m.name.zh : m.name.zh);
  return (
    <Card size="small" title={t('methods.presets.title')} loading={presets.isPending}>
      <Row gutter={[12, 12]}>
        {orderedPresetKeys(Object.keys(data)).map((key) => {
          const m = data[key]!;
          // The platform preset is our design default, not a published example.
          const kind = m.subject === 'platform' ? 'template' : presetKind(key);
          return (
            <Col xs={24} md={8} key={key}>
              <Card size="small" style={{ height: '100%' }} styles={{ body: { height: '100%' } }}>
                <Flex vertical gap={8} style={{ height: '100%' }} data-testid={`preset-${key}`}>
                  <Flex gap={8} align="start" justify="space-between">
                    <Typography.Text strong>{name(m)}</Typography.Text>
                    <Flex gap={4}>
                      {m.subject === 'platform' && <SubjectTag />}
                      <Tag color={kind === 'example' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
                        {t(`methods.presetKind.${kind}`)}
                      </Tag>
                    </Flex>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <Typography.Text code style={{ fontSize: 12 }}>
                      {key}
                    </Typography.Text>{' '}
                    {t('methods.presets.summary', {
                      cohorts: m.cohorts.length,
                      indicators: m.cohorts.reduce((s, c) => s + c.indicators.length, 0),
                    })}
                  </Typography.Text>
                  <Typography.Paragraph
                    type="secondary"
                    ellipsis={{ rows: 3, tooltip: localPair(m.description ?? '', m.descriptionEn, lang) }}
                    style={{ margin: 0, flex: 1 }}
                  >
                    {localPair(m.description ?? '', m.descriptionEn, lang)}
                  </Typography.Paragraph>
                  <div>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => navigate(`/evaluation/methods/new?from=${encodeURIComponent(key)}`)}
                      data-testid={`preset-new-${key}`}
                    >
                      {t('methods.presets.newFrom')}
                    </Button>
                  </div>
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
