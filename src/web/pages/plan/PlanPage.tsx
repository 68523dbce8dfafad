import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import {
  assessmentExportUrl,
  useDeleteTarget,
  useMetricList,
  usePlanAssessment,
  usePlanPeriod,
  usePlanPeriods,
  type PlanTarget,
} from '../../api/plan';
import { usePlatformOptions } from '../../api/platforms';
import { useHiddenColumns } from '../../components/ColumnChooser';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { PeriodFormModal } from './PeriodFormModal';
import { PeriodInfo } from './PeriodInfo';
import { defaultPeriodKey, mergeCards, STATUS_ORDER, statusCounts, yearsOf } from './planFormat';
import { PlanHeader } from './PlanHeader';
import { STATUS_VIEW_TAG } from '../../lib/targetStatus';
import { PlanToolbar } from './PlanToolbar';
import { TargetFormDrawer } from './TargetFormDrawer';
import { TargetsTable } from './TargetsTable';

const positive = (text: string | null) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * 规划目标: the plan periods (2022–2025, the next one …), their targets with baseline, milestones,
 * owner and warning ratio, and every target assessed for a year (value, progress, projection,
 * status). The task force edits (plan:write); leaders and platform administrators read. Period,
 * year and platform live in the address.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  usePageTitle(t('nav.plan'));
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'plan:write');
  const ownPlatform = me?.platformId ?? null;
  const [params, setParams] = useSearchParams();
  const periods = usePlanPeriods();
  const catalogue = useMetricList();
  const platforms = usePlatformOptions(me !== undefined);
  const { hidden, setHidden } = useHiddenColumns('yiyuan.plan.hiddenColumns');
  const [periodFormOpen, setPeriodFormOpen] = useState(false);
  // The target form: mounted afresh for each edit (`session`), unmounted after closing.
  const [editing, setEditing] = useState<{ target: PlanTarget | undefined; session: number } | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const edit = (target: PlanTarget | undefined) => {
    setEditing((e) => ({ target, session: (e?.session ?? 0) + 1 }));
    setDrawerOpen(true);
  };
  const remove = useDeleteTarget();
  const [deletingId, setDeletingId] = useState<number | null>(null);

  const list = useMemo(() => periods.data ?? [], [periods.data]);
  const requestedKey = params.get('period');
  const periodKey =
    requestedKey && list.some((p) => p.key === requestedKey)
      ? requestedKey
      : defaultPeriodKey(list, new Date().getFullYear());
  const summary = list.find((p) => p.key === periodKey);
  const year = positive(params.get('year'));
  const platformId = ownPlatform === null ? positive(params.get('platformId')) : undefined;

  const period = usePlanPeriod(periodKey);
  const assessment = usePlanAssessment({ period: periodKey, year, platformId }, !!periodKey);
  const metrics = useMemo(() => new Map((catalogue.data ?? []).map((m) => [m.key, m])), [catalogue.data]);
  // A kept previous assessment (another year or platform) is still shown while the new one loads.
  const assessed = assessment.data?.period.key === periodKey ? assessment.data : undefined;
  const rows = useMemo(
    () => mergeCards(period.data?.targets ?? [], assessed?.cards),
    [period.data, assessed],
  );
  const counts = statusCounts(rows);
  const shownYear = assessed?.year ?? year ?? null;
  const scopePlatform = assessed?.platformId ?? platformId ?? ownPlatform;
  const platformName = (id: number | null) => platforms.data?.find((p) => p.id === id)?.name;

  const setParam = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes))
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        return next;
      },
      { replace: true },
    );

  const deleteTarget = async (target: PlanTarget) => {
    setDeletingId(target.id);
    try {
      await remove.mutateAsync(target.id);
      void message.success(t('plan.deleted', { code: target.code }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setDeletingId(null);
    }
  };

  const header = (
    <PlanHeader
      canWrite={canWrite}
      summary={summary}
      list={list}
      periodsPending={periods.isPending}
      onNewPeriod={() => setPeriodFormOpen(true)}
    />
  );

  const periodModal = canWrite && (
    <PeriodFormModal
      open={periodFormOpen}
      periods={list}
      onClose={() => setPeriodFormOpen(false)}
      onCreated={(p) => {
        setPeriodFormOpen(false);
        setParam({ period: p.key, year: undefined });
      }}
    />
  );

  if (periods.error)
    return (
      <Flex vertical gap={16}>
        {header}
        <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
      </Flex>
    );

  if (!periods.isPending && list.length === 0)
    return (
      <Flex vertical gap={16}>
        {header}
        <Card>
          <Empty
            description={canWrite ? t('plan.noPeriodsWriter') : t('plan.noPeriods')}
            data-testid="plan-no-periods"
          >
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPeriodFormOpen(true)}>
                {t('plan.newPeriod')}
              </Button>
            )}
          </Empty>
        </Card>
        {periodModal}
      </Flex>
    );

  const years = summary ? yearsOf(summary.startYear, summary.endYear) : [];
  if (shownYear !== null && !years.includes(shownYear)) years.push(shownYear);
  const dataYears = new Set(assessed?.years ?? []);
  const hasTargets = (period.data?.targets.length ?? 0) > 0;
  const noDataYear = assessed && hasTargets && !dataYears.has(assessed.year);
  const exportQuery = { period: periodKey, year: shownYear ?? undefined, platformId };

  return (
    <Flex vertical gap={16}>
      {header}

      <Card
        size="small"
        loading={periods.isPending}
        activeTabKey={periodKey}
        onTabChange={(key) => setParam({ period: key, year: undefined })}
        tabList={list.map((p) => ({
          key: p.key,
          label: (
            <span data-testid={`plan-period-tab-${p.key}`}>
              {t('plan.periodTab', { start: p.startYear, end: p.endYear })}
            </span>
          ),
        }))}
      >
        {summary && <PeriodInfo period={summary} periods={list} />}
      </Card>

      {ownPlatform !== null ? (
        <Alert
          type="info"
          showIcon
          title={t('plan.platformScope', { name: platformName(ownPlatform) ?? '…' })}
          description={t('plan.platformScopeText')}
        />
      ) : (
        scopePlatform !== null && (
          <Alert
            type="info"
            showIcon
            title={t('plan.platformScope', { name: platformName(scopePlatform) ?? '…' })}
            description={t('plan.platformScopeText')}
            action={
              <Button size="small" onClick={() => setParam({ platformId: undefined })}>
                {t('plan.showCity')}
              </Button>
            }
          />
        )
      )}

      <Card
        size="small"
        title={
          <Flex gap={8} align="baseline" wrap>
            <span>{t('plan.targetsTitle')}</span>
            {period.data && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {t('plan.targetCount', { count: period.data.targets.length })}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          canWrite && period.data ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => edit(undefined)}
              disabled={!catalogue.data}
              data-testid="plan-target-new"
            >
              {t('plan.newTarget')}
            </Button>
          ) : undefined
        }
        styles={{ body: { padding: 0 } }}
      >
        <Flex vertical gap={12} style={{ padding: 12 }}>
          <PlanToolbar
            shownYear={shownYear}
            years={years}
            dataYears={dataYears}
            assessed={!!assessed}
            yearsLoading={assessment.isPending}
            platformId={platformId}
            ownPlatform={ownPlatform}
            platforms={platforms.data}
            setParam={setParam}
            hidden={hidden}
            setHidden={setHidden}
            exportHref={assessmentExportUrl(exportQuery)}
          />

          {assessed && hasTargets && (
            <Flex gap={8} wrap align="center" data-testid="plan-status-summary">
              <Typography.Text type="secondary">{t('plan.summary', { year: assessed.year })}</Typography.Text>
              {STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => (
                <Tag
                  key={s}
                  color={STATUS_VIEW_TAG[s]}
                  style={{ marginInlineEnd: 0 }}
                  data-testid={`plan-count-${s}`}
                >
                  {t(`targetStatus.${s}`)} {counts[s]}
                </Tag>
              ))}
            </Flex>
          )}
          {noDataYear && (
            <Alert type="warning" showIcon title={t('plan.noDataYear', { year: assessed.year })} />
          )}
          {assessment.error && (
            <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />
          )}
          {catalogue.error && <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
        </Flex>

        {period.error ? (
          <div style={{ padding: 12 }}>
            <ErrorAlert error={period.error} onRetry={() => void period.refetch()} />
          </div>
        ) : period.data && summary ? (
          <TargetsTable
            period={period.data}
            rows={rows}
            metrics={metrics}
            year={shownYear}
            loading={assessment.isFetching || catalogue.isPending}
            canWrite={canWrite}
            hidden={hidden}
            deletingId={deletingId}
            onEdit={edit}
            onDelete={(target) => void deleteTarget(target)}
            emptyText={canWrite ? t('plan.noTargetsWriter') : t('plan.noTargets')}
          />
        ) : (
          <Card loading variant="borderless" />
        )}
      </Card>

      {periodModal}
      {canWrite && period.data && editing && (
        <TargetFormDrawer
          key={editing.session}
          open={drawerOpen}
          period={period.data}
          target={editing.target}
          metrics={catalogue.data ?? []}
          onClose={() => setDrawerOpen(false)}
          afterClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
