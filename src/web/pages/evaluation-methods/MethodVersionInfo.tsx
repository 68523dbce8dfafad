import { Button, Card, Descriptions, Flex, Select, Tag, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MethodDetail, MethodSummary } from '../../api/evaluationMethods';
import { formatDateTime } from '../../lib/format';
import { downloadJson, exportFileName, exportText } from './methodFile';

/** What a stored version is (key, version, origin, use) and what can be done with it. */
export function MethodVersionInfo({
  version,
  methods,
  editing,
  onEdit,
}: {
  version: MethodDetail;
  methods: MethodSummary[];
  editing: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const versions = methods.filter((m) => m.key === version.key).sort((a, b) => b.version - a.version);
  const latest = versions[0];
  const isLatest = !latest || latest.version <= version.version;
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Flex align="center" justify="space-between" gap={8} wrap>
          <Flex align="center" gap={8} wrap>
            <Typography.Text code data-testid="method-key-version">
              {version.key} v{version.version}
            </Typography.Text>
            {isLatest ? (
              <Tag color="green">{t('methods.latest')}</Tag>
            ) : (
              <Tag color="orange">{t('methods.notLatest', { version: latest!.version })}</Tag>
            )}
            {versions.length > 1 && (
              <Select
                size="small"
                value={version.id}
                style={{ minWidth: 160 }}
                aria-label={t('methods.otherVersions')}
                onChange={(id) => navigate(`/evaluation/methods/${id}`)}
                options={versions.map((v) => ({
                  value: v.id,
                  label: t('methods.versionOption', {
                    version: v.version,
                    date: formatDateTime(v.createdAt),
                  }),
                }))}
              />
            )}
          </Flex>
          {!editing && (
            <Flex gap={8} wrap>
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  downloadJson(exportFileName(version.key, version.version), exportText(version.definition))
                }
              >
                {t('methods.exportJson')}
              </Button>
              <Button
                icon={<CopyOutlined />}
                onClick={() => navigate(`/evaluation/methods/new?fromId=${version.id}`)}
              >
                {t('methods.clone')}
              </Button>
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={onEdit}
                data-testid="method-edit-new-version"
              >
                {t('methods.editAsNewVersion')}
              </Button>
            </Flex>
          )}
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'basedOn', label: t('methods.col.basedOn'), children: version.basedOn ?? '—' },
            {
              key: 'createdAt',
              label: t('methods.col.createdAt'),
              children: formatDateTime(version.createdAt),
            },
            { key: 'runs', label: t('methods.col.runs'), children: version.runs },
            {
              key: 'note',
              label: t('methods.col.note'),
              span: 2,
              children: version.note === 'preset' ? t('methods.presetNote') : version.note || '—',
            },
            {
              key: 'hash',
              label: t('methods.col.hash'),
              children: (
                <Typography.Text code title={version.hash}>
                  {version.hash.slice(0, 12)}
                </Typography.Text>
              ),
            },
          ]}
        />
        {!editing && <Typography.Text type="secondary">{t('methods.viewHint')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
