import { useState } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Popconfirm, Space } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePublishMap, type DraftWrite, type MapDetail } from '../../api/chainMap';
import { fromEditRows, NodeEditor, toEditRows } from './NodeEditor';

interface IndustryItem {
  draftMapId: number | null;
  draftVersion: number | null;
  currentVersion: number | null;
}

/** The draft being edited (or a new one from the current version): settings, node table, save, publish. */
export function DraftCard({
  industry,
  item,
  base,
  saving,
  onSave,
  onFailed,
}: {
  industry: string;
  item: IndustryItem;
  base: MapDetail;
  saving: boolean;
  onSave: (body: DraftWrite) => void;
  onFailed: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const publish = usePublishMap();
  const [rows, setRows] = useState(() => toEditRows(base.nodes));
  const [settings, setSettings] = useState(() => ({
    note: base.map.status === 'draft' ? base.map.note : '',
    weakShare: base.map.weakShare,
    supplierMin: base.map.supplierMin,
  }));
  const draftId = item.draftMapId;
  return (
    <Card
      size="small"
      title={
        draftId
          ? t('chainMap.editor.draftTitle', { version: item.draftVersion })
          : t('chainMap.editor.newDraft', { version: (item.currentVersion ?? 0) + 1 })
      }
      extra={
        <Space wrap>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            onClick={() => onSave({ industryCode: industry, ...settings, nodes: fromEditRows(rows) })}
            data-testid="save-draft"
          >
            {t('chainMap.editor.save')}
          </Button>
          <Popconfirm
            title={t('chainMap.editor.publishConfirm')}
            onConfirm={() =>
              publish.mutate(draftId!, {
                onSuccess: () => void message.success(t('chainMap.editor.published')),
                onError: onFailed,
              })
            }
            disabled={!draftId}
          >
            <Button
              icon={<SendOutlined />}
              disabled={!draftId}
              loading={publish.isPending}
              data-testid="publish"
            >
              {t('chainMap.editor.publish')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center">
          <span>{t('chainMap.editor.weakShare')}</span>
          <InputNumber<number>
            value={Math.round(settings.weakShare * 10000) / 100}
            min={0}
            max={100}
            step={0.5}
            suffix="%"
            onChange={(v) => setSettings({ ...settings, weakShare: (v ?? 0) / 100 })}
          />
          <span>{t('chainMap.editor.supplierMin')}</span>
          <InputNumber<number>
            value={settings.supplierMin}
            min={1}
            max={100}
            precision={0}
            onChange={(v) => setSettings({ ...settings, supplierMin: v ?? 1 })}
          />
          <Input
            value={settings.note}
            placeholder={t('chainMap.editor.note')}
            data-user-text
            maxLength={500}
            onChange={(e) => setSettings({ ...settings, note: e.target.value })}
            style={{ maxWidth: 360 }}
          />
        </Flex>
        <NodeEditor rows={rows} onChange={setRows} />
      </Flex>
    </Card>
  );
}
