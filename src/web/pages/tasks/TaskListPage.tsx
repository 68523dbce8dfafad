import { Button, Checkbox, Flex, Progress, Select, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { usePlatformOptions } from '../../api/platforms';
import { useDepartments } from '../../api/requests';
import { useMeetings, useMyPlatforms, useTasks, type TaskQuery, type TaskSummary } from '../../api/tasks';
import { TASK_STATES } from '../../../modules/tasks/core/tasks';
import { ListPage } from '../../components/ListPage';
import { formatDate } from '../../lib/format';
import { useQueryParams } from '../../lib/useQueryParams';
import { TaskDrawer } from './TaskDrawer';
import { TaskFormModal } from './TaskFormModal';
import { TaskTags } from './TaskTags';
import { ownerOf } from './taskLabels';
import { TypedText } from '../../components/ProperName';
import { TaskSource } from './TaskSource';

type Query = Omit<TaskQuery, 'paired'> & { owner?: string; all?: boolean; task?: number };

function parseQuery(p: URLSearchParams): Query {
  return {
    state: (p.get('state') as TaskQuery['state']) || undefined,
    owner: p.get('owner') || undefined,
    overdue: p.get('overdue') === 'true' || undefined,
    meetingId: Number(p.get('meetingId')) || undefined,
    all: p.get('all') === 'true' || undefined,
    task: Number(p.get('task')) || undefined,
    page: Number(p.get('page')) || 1,
    pageSize: Number(p.get('pageSize')) || 20,
  };
}

/** 工作任务清单: the tasks in scope by deadline, filtered; a task opens in a drawer. */
export function TaskListPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { query, update } = useQueryParams(parseQuery);
  const manages = hasPermission(me, 'task:manage');
  const isLeader = me?.role === 'leader';
  const mine = useMyPlatforms(isLeader);
  const hasPairings = (mine.data?.length ?? 0) > 0;
  // 我联系的平台: on by default for a leader with pairings, off when they ask for all.
  const paired = isLeader && hasPairings && !query.all;
  const [kind, ownerId] = (query.owner ?? '').split(':');
  const { owner: _o, all: _a, task: _t, ...rest } = query;
  const list = useTasks(
    {
      ...rest,
      ownerKind: kind ? (kind as TaskQuery['ownerKind']) : undefined,
      ownerId: Number(ownerId) || undefined,
      paired: paired || undefined,
    },
    !isLeader || mine.isFetched,
  );
  const departments = useDepartments(manages || isLeader);
  const platforms = usePlatformOptions(manages || isLeader);
  const meetings = useMeetings(manages || isLeader);
  const [creating, setCreating] = useState(false);
  const lang = i18n.language;

  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t('tasks.col.code'),
      dataIndex: 'code',
      width: 130,
      render: (code: string, r) => (
        <a onClick={() => update({ task: r.id }, false)} data-testid={`task-${r.id}`}>
          {code}
        </a>
      ),
    },
    { title: t('tasks.col.title'), ellipsis: true, render: (_, r) => <TypedText text={r.title} /> },
    { title: t('tasks.col.owner'), width: 170, ellipsis: true, render: (_, r) => ownerOf(r, lang) },
    {
      title: t('tasks.col.source'),
      width: 200,
      ellipsis: true,
      render: (_, r) => <TaskSource t={r} />,
    },
    { title: t('tasks.col.state'), width: 190, render: (_, r) => <TaskTags t={r} /> },
    {
      title: t('tasks.col.percent'),
      dataIndex: 'percent',
      width: 120,
      render: (p: number) => <Progress percent={p} size="small" />,
    },
    { title: t('tasks.col.due'), dataIndex: 'dueOn', width: 110, render: (d: string) => formatDate(d) },
  ];

  const ownerOptions = [
    ...(departments.data ?? []).map((d) => ({
      value: `department:${d.id}`,
      label: lang.startsWith('en') ? d.nameEn || d.nameZh : d.nameZh,
    })),
    ...(platforms.data ?? []).map((p) => ({ value: `platform:${p.id}`, label: p.name })),
  ];

  const filters = (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        placeholder={t('tasks.col.state')}
        style={{ width: 130 }}
        value={query.state}
        onChange={(v) => update({ state: v })}
        options={TASK_STATES.map((s) => ({ value: s, label: t(`tasks.state.${s}`) }))}
      />
      {(manages || isLeader) && (
        <>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('tasks.col.owner')}
            style={{ width: 200 }}
            value={query.owner}
            onChange={(v) => update({ owner: v })}
            options={ownerOptions}
          />
          <Select
            allowClear
            placeholder={t('tasks.meeting')}
            style={{ width: 240 }}
            value={query.meetingId}
            onChange={(v) => update({ meetingId: v })}
            options={(meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
          />
        </>
      )}
      <Checkbox
        checked={query.overdue === true}
        onChange={(e) => update({ overdue: e.target.checked || undefined })}
      >
        {t('tasks.overdue')}
      </Checkbox>
      {isLeader && hasPairings && (
        <Checkbox checked={paired} onChange={(e) => update({ all: !e.target.checked || undefined })}>
          {t('tasks.paired')}
        </Checkbox>
      )}
    </Flex>
  );

  return (
    <>
      <ListPage<TaskSummary>
        title={t('nav.tasks')}
        actions={
          manages ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('tasks.new')}
            </Button>
          ) : null
        }
        filters={filters}
        error={list.error}
        onRetry={() => void list.refetch()}
        table={{
          columns,
          dataSource: list.data?.items ?? [],
          loading: list.isFetching,
          scroll: { x: 1000 },
          'data-testid': 'task-table',
        }}
        paging={{
          page: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => update({ page, pageSize }, false),
        }}
        empty={t('tasks.empty')}
      />
      <TaskDrawer id={query.task ?? null} onClose={() => update({ task: undefined }, false)} />
      {creating && <TaskFormModal decision={null} onClose={() => setCreating(false)} />}
    </>
  );
}
