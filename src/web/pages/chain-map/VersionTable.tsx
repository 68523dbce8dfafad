import { App, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { mapWorkbookUrl, type MapDetail, type MapHeader } from '../../api/chainMap';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useErrorText } from '../../lib/errorText';

const STATUS_COLORS = { draft: 'blue', current: 'green', retired: 'default' } as const;

/** An industry's map versions with their exports (Excel, JSON). */
export function VersionTable({ versions }: { versions: MapHeader[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const downloadJson = async (m: MapHeader) => {
    try {
      const detail = await api<MapDetail>(`/chain-map/maps/${m.id}`);
      const body = {
        industryCode: m.industryCode,
        note: m.note,
        weakShare: m.weakShare,
        supplierMin: m.supplierMin,
        nodes: detail.nodes,
      };
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `chain-map-${m.industryCode}-v${m.version}.json`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Table<MapHeader>
      size="small"
      rowKey="id"
      dataSource={versions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="map-versions"
      columns={[
        { key: 'version', title: t('chainMap.editor.version'), render: (_, m) => `v${m.version}` },
        {
          key: 'status',
          title: t('chainMap.editor.status'),
          render: (_, m) => <Tag color={STATUS_COLORS[m.status]}>{t(`chainMap.mapStatus.${m.status}`)}</Tag>,
        },
        {
          key: 'nodes',
          title: t('chainMap.editor.nodes'),
          align: 'right',
          render: (_, m) => formatInteger(m.nodeCount),
        },
        { key: 'note', title: t('chainMap.note'), render: (_, m) => <TypedText text={m.note} /> },
        {
          key: 'created',
          title: t('chainMap.editor.created'),
          render: (_, m) => (
            <span>
              <ProperName name={m.createdByName} /> {formatDateTime(m.createdAt)}
            </span>
          ),
        },
        {
          key: 'published',
          title: t('chainMap.editor.publishedAt'),
          render: (_, m) =>
            m.publishedAt ? (
              <span>
                <ProperName name={m.publishedByName} /> {formatDateTime(m.publishedAt)}
              </span>
            ) : (
              '—'
            ),
        },
        {
          key: 'export',
          title: t('chainMap.editor.export'),
          render: (_, m) => (
            <Space>
              <a href={mapWorkbookUrl(m.id)} download>
                Excel
              </a>
              <a onClick={() => void downloadJson(m)}>JSON</a>
            </Space>
          ),
        },
      ]}
    />
  );
}
