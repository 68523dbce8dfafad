import { useState } from 'react';
import { Button, Flex, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { useVisits, VISIT_STATUSES, type Visit, type VisitListQuery } from '../../api/visits';
import { usePlatformName } from '../../api/platforms';
import { ListPage } from '../../components/ListPage';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatDate } from '../../lib/format';
import { CoverageTable } from './CoverageTable';
import { VisitModal } from './VisitModal';
import { VisitProblems } from './VisitProblems';

const STATUS_COLOURS = { planned: 'blue', done: 'green', cancelled: 'default' } as const;

/** 走访记录: visits in scope, newest first; plan, record, mark done; coverage below. */
export function VisitsPage() {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const me = useMe();
  const [query, setQuery] = useState<VisitListQuery>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Visit | 'new' | null>(null);
  const list = useVisits(query);
  const commissionerOnly = me.data?.role === 'commissioner';
  return (
    <Flex vertical gap={16}>
      <ListPage<Visit>
        title={t('visits.title')}
        subtitle={t('visits.subtitle')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('visits.new')}
          </Button>
        }
        filters={
          <Flex gap={8} wrap>
            <Input.Search
              allowClear
              style={{ width: 240 }}
              placeholder={t('visits.filters.keyword')}
              aria-label={t('visits.filters.keyword')}
              onSearch={(v) => setQuery((q) => ({ ...q, keyword: v || undefined, page: 1 }))}
            />
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('visits.fields.status')}
              aria-label={t('visits.fields.status')}
              value={query.status}
              onChange={(v) => setQuery((q) => ({ ...q, status: v, page: 1 }))}
              options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`visits.status.${s}`) }))}
            />
          </Flex>
        }
        error={list.error}
        onRetry={() => void list.refetch()}
        table={{
          loading: list.isFetching,
          dataSource: list.data?.items ?? [],
          scroll: { x: 'max-content' },
          'data-testid': 'visit-table',
          columns: [
            {
              title: t('visits.fields.enterprise'),
              render: (_, v) => <ProperName name={v.enterpriseName} />,
            },
            {
              title: t('visits.fields.platform'),
              render: (_, v) => platformName(v.platformId, v.platformName),
            },
            {
              title: t('visits.fields.status'),
              render: (_, v) => <Tag color={STATUS_COLOURS[v.status]}>{t(`visits.status.${v.status}`)}</Tag>,
            },
            { title: t('visits.fields.day'), render: (_, v) => formatDate(v.doneOn ?? v.plannedOn) },
            {
              title: t('visits.fields.visitor'),
              render: (_, v) => (
                <>
                  {t(`visits.visitor.${v.visitorKind}`)}
                  {v.visitorName ? ' · ' : ''}
                  <ProperName name={v.visitorName} />
                </>
              ),
            },
            {
              title: t('visits.fields.notes'),
              render: (_, v) => <TypedText text={v.notes} />,
              ellipsis: { showTitle: false },
              width: 260,
            },
            {
              title: t('visits.fields.problems'),
              render: (_, v) => <VisitProblems visit={v} />,
            },
            {
              title: t('common.actions'),
              render: (_, v) => (
                <Button size="small" type="link" onClick={() => setEditing(v)}>
                  {v.status === 'planned' ? t('visits.markDone') : t('common.edit')}
                </Button>
              ),
            },
          ],
        }}
        paging={{
          page: query.page ?? 1,
          pageSize: query.pageSize ?? 20,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        empty={t('visits.empty')}
      />
      <CoverageTable />
      <VisitModal value={editing} commissionerOnly={commissionerOnly} onClose={() => setEditing(null)} />
    </Flex>
  );
}
