import { useRef, useState } from 'react';
import { App, Button, Checkbox, Flex, Input, Select, Space } from 'antd';
import { DownloadOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  assignmentsExportUrl,
  useAssignments,
  useCommissioners,
  useImportAssignments,
  type AssignmentFilter,
  type AssignmentRow,
} from '../../api/commissioners';
import { usePlatformName, usePlatformOptions } from '../../api/platforms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPage } from '../../components/ListPage';
import { ProperName } from '../../components/ProperName';
import { formatDate, formatInteger } from '../../lib/format';
import { AssignModal, type AssignTarget } from './AssignModal';
import { HistoryDrawer } from './HistoryDrawer';

/** 企业服务 › 服务专员: enterprises in scope with their commissioner; assign one, in bulk, by Excel. */
export function CommissionersPage() {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AssignmentFilter>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [target, setTarget] = useState<AssignTarget | null>(null);
  const [historyOf, setHistoryOf] = useState<{ id: number; name: string } | null>(null);
  const list = useAssignments({ ...filter, ...paging });
  const platforms = usePlatformOptions();
  const commissioners = useCommissioners();
  const importer = useImportAssignments();
  const fileInput = useRef<HTMLInputElement>(null);
  const change = (f: Partial<AssignmentFilter>) => {
    setFilter((old) => ({ ...old, ...f }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await importer.mutateAsync(file);
      void message.success(
        t('commissioners.import.done', { rows: formatInteger(r.rows), assigned: formatInteger(r.assigned) }),
      );
    } catch {
      // shown above the table
    }
    if (fileInput.current) fileInput.current.value = '';
  };
  return (
    <>
      <ListPage<AssignmentRow>
        title={t('commissioners.title')}
        subtitle={t('commissioners.subtitle')}
        actions={
          <>
            <Button
              icon={<TeamOutlined />}
              type="primary"
              onClick={() => setTarget({ kind: 'bulk', filter })}
            >
              {t('commissioners.bulk.open')}
            </Button>
            <Button
              icon={<UploadOutlined />}
              loading={importer.isPending}
              onClick={() => fileInput.current?.click()}
            >
              {t('commissioners.import.open')}
            </Button>
            <Button icon={<DownloadOutlined />} href={assignmentsExportUrl(filter)}>
              {t('commissioners.export')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx"
              hidden
              data-testid="assignment-file"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </>
        }
        filters={
          <Flex gap={8} wrap>
            <Input.Search
              allowClear
              style={{ width: 240 }}
              placeholder={t('commissioners.filters.keyword')}
              aria-label={t('commissioners.filters.keyword')}
              onSearch={(v) => change({ keyword: v || undefined })}
            />
            {platforms.data && platforms.data.length > 1 && (
              <Select
                allowClear
                style={{ width: 220 }}
                placeholder={t('commissioners.filters.platform')}
                aria-label={t('commissioners.filters.platform')}
                value={filter.platformId}
                onChange={(v) => change({ platformId: v })}
                options={platforms.data.map((p) => ({ value: p.id, label: p.name }))}
              />
            )}
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('commissioners.filters.scale')}
              aria-label={t('commissioners.filters.scale')}
              value={filter.scale}
              onChange={(v) => change({ scale: v })}
              options={(['above', 'below'] as const).map((s) => ({ value: s, label: t(`scale.${s}`) }))}
            />
            <Select
              allowClear
              showSearch
              optionFilterProp="search"
              style={{ width: 220 }}
              placeholder={t('commissioners.filters.commissioner')}
              aria-label={t('commissioners.filters.commissioner')}
              value={filter.commissionerUserId}
              onChange={(v) => change({ commissionerUserId: v })}
              options={(commissioners.data ?? []).map((c) => ({
                value: c.userId,
                label: (
                  <>
                    <ProperName name={c.displayName} />（{formatInteger(c.assigned)}）
                  </>
                ),
                search: c.displayName,
              }))}
            />
            <Checkbox
              checked={filter.unassigned ?? false}
              onChange={(e) => change({ unassigned: e.target.checked || undefined })}
            >
              {t('commissioners.filters.unassigned')}
            </Checkbox>
          </Flex>
        }
        notices={importer.error ? <ErrorAlert error={importer.error} /> : null}
        error={list.error}
        onRetry={() => void list.refetch()}
        table={{
          rowKey: 'enterpriseId',
          loading: list.isFetching,
          dataSource: list.data?.items ?? [],
          scroll: { x: 'max-content' },
          'data-testid': 'assignment-table',
          columns: [
            { title: t('commissioners.fields.enterprise'), render: (_, r) => <ProperName name={r.name} /> },
            { title: t('commissioners.fields.uscc'), render: (_, r) => r.uscc },
            {
              title: t('commissioners.fields.platform'),
              render: (_, r) => platformName(r.platformId, r.platformName),
            },
            {
              title: t('commissioners.fields.commissioner'),
              render: (_, r) =>
                r.current ? <ProperName name={r.current.commissionerName} /> : t('commissioners.none'),
            },
            {
              title: t('commissioners.fields.startedOn'),
              render: (_, r) => formatDate(r.current?.startedOn),
            },
            {
              title: t('common.actions'),
              render: (_, r) => (
                <Space>
                  <Button size="small" type="link" onClick={() => setTarget({ kind: 'one', row: r })}>
                    {r.current ? t('commissioners.reassign') : t('commissioners.assign.open')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setHistoryOf({ id: r.enterpriseId, name: r.name })}
                  >
                    {t('commissioners.history.open')}
                  </Button>
                </Space>
              ),
            },
          ],
        }}
        paging={{
          ...paging,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        empty={t('commissioners.empty')}
      />
      <AssignModal target={target} onClose={() => setTarget(null)} />
      <HistoryDrawer enterprise={historyOf} onClose={() => setHistoryOf(null)} />
    </>
  );
}
