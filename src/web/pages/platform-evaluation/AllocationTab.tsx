import { CheckCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { Alert, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  platformEvaluationExportUrl,
  type PlatformEvaluation,
  type PlatformScore,
} from '../../api/platformEvaluation';
import { formatScore, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { ConfirmButton, ConfirmedBanner } from './AllocationConfirm';
import { LeaderTag } from './parts';
import { allocationTotals, formatExact, formatUnits, gotRemainderUnit } from './peFormat';
import { PoolForm } from './PoolForm';
import { SnapshotCard } from './SnapshotCard';

interface Props {
  data: PlatformEvaluation;
  canWrite: boolean;
  /** The method chosen in the header (absent: the pool's own). */
  chosenMethodId: number | undefined;
  /** The method the year's pool uses (its own, or the preset's latest version). */
  poolMethodId: number | undefined;
  onOpen: (platformId: number) => void;
}

/** The pool, the division by score (largest remainder), the totals, confirming and the snapshot. */
export function AllocationTab({ data, canWrite, chosenMethodId, poolMethodId, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const pool = data.pool;
  const totals = allocationTotals(data.platforms);
  const viewingOther = poolMethodId !== undefined && data.method.id !== poolMethodId;
  const methodName = lang === 'en' ? data.method.name.en || data.method.name.zh : data.method.name.zh;
  const nameOf = (p: PlatformScore) => (lang === 'en' ? p.nameEn || p.name : p.name);
  const landOk = totals.landUnits === (totals.eligible ? pool.landMu : 0);
  const energyOk = totals.energyUnits === (totals.eligible ? pool.energyTce : 0);

  const remainderTag = (share: { units: number; exact: number }) =>
    gotRemainderUnit(share) ? (
      <Tooltip title={t('platformEvaluation.allocation.remainderHint')}>
        <Tag color="blue" style={{ marginInlineEnd: 0, marginInlineStart: 6 }} data-testid="pe-remainder">
          +1
        </Tag>
      </Tooltip>
    ) : null;

  const columns: TableProps<PlatformScore>['columns'] = [
    {
      key: 'rank',
      title: t('platformEvaluation.col.rank'),
      width: 60,
      align: 'center',
      fixed: 'left',
      render: (_, p) => p.rank ?? '—',
    },
    {
      key: 'platform',
      title: t('platformEvaluation.col.platform'),
      width: 230,
      fixed: 'left',
      render: (_, p) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link onClick={() => onOpen(p.platformId)}>{nameOf(p)}</Typography.Link>
          {p.leader && <LeaderTag />}
        </Flex>
      ),
    },
    {
      key: 'score',
      title: t('platformEvaluation.col.score'),
      width: 76,
      align: 'right',
      render: (_, p) => (p.score === null ? '—' : formatScore(p.score)),
    },
    {
      key: 'eligible',
      title: t('platformEvaluation.allocation.eligible', { threshold: formatSetting(pool.threshold) }),
      width: 104,
      align: 'center',
      render: (_, p) =>
        p.land.eligible ? (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('platformEvaluation.allocation.yes')}
          </Tag>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('platformEvaluation.allocation.no')}</Tag>
        ),
    },
    {
      key: 'land',
      title: t('platformEvaluation.allocation.landGroup', { pool: formatUnits(pool.landMu) }),
      children: [
        {
          key: 'landExact',
          title: t('platformEvaluation.allocation.exact'),
          width: 100,
          align: 'right',
          render: (_: unknown, p: PlatformScore) => (p.land.eligible ? formatExact(p.land.exact) : '—'),
        },
        {
          key: 'landUnits',
          title: t('platformEvaluation.allocation.units'),
          width: 110,
          align: 'right',
          render: (_: unknown, p: PlatformScore) => (
            <span>
              <Typography.Text strong>{formatUnits(p.land.units)}</Typography.Text>
              {remainderTag(p.land)}
            </span>
          ),
        },
      ],
    },
    {
      key: 'energy',
      title: t('platformEvaluation.allocation.energyGroup', { pool: formatUnits(pool.energyTce) }),
      children: [
        {
          key: 'energyExact',
          title: t('platformEvaluation.allocation.exact'),
          width: 110,
          align: 'right',
          render: (_: unknown, p: PlatformScore) => (p.energy.eligible ? formatExact(p.energy.exact) : '—'),
        },
        {
          key: 'energyUnits',
          title: t('platformEvaluation.allocation.units'),
          width: 120,
          align: 'right',
          render: (_: unknown, p: PlatformScore) => (
            <span>
              <Typography.Text strong>{formatUnits(p.energy.units)}</Typography.Text>
              {remainderTag(p.energy)}
            </span>
          ),
        },
      ],
    },
  ];

  const check = (ok: boolean) =>
    ok ? (
      <Typography.Text type="success" style={{ fontSize: 12 }}>
        <CheckCircleOutlined /> {t('platformEvaluation.allocation.equalsPool')}
      </Typography.Text>
    ) : (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {t('platformEvaluation.allocation.notEqualPool')}
      </Typography.Text>
    );

  return (
    <Flex vertical gap={16}>
      {pool.confirmedAt && <ConfirmedBanner data={data} />}
      {viewingOther && (
        <Alert
          type="warning"
          showIcon
          title={t('platformEvaluation.allocation.otherMethod', {
            name: methodName,
            version: data.method.version,
          })}
          description={
            canWrite
              ? t('platformEvaluation.allocation.otherMethodWriter')
              : t('platformEvaluation.allocation.otherMethodReader')
          }
        />
      )}
      <PoolForm data={data} canWrite={canWrite} chosenMethodId={chosenMethodId} />
      <Alert
        type="info"
        showIcon
        title={t('platformEvaluation.allocation.rule')}
        description={t('platformEvaluation.allocation.ruleDetail', {
          threshold: formatSetting(pool.threshold),
          eligible: totals.eligible,
          count: data.platforms.length,
        })}
      />
      <Card
        size="small"
        title={t('platformEvaluation.allocation.tableTitle', { year: data.year })}
        styles={{ body: { padding: 0 } }}
        extra={
          <Flex gap={8}>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={platformEvaluationExportUrl(
                data.year,
                chosenMethodId === undefined ? undefined : data.method.id,
              )}
              download
            >
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <ConfirmButton
                data={data}
                disabledReason={!data.pool.saved ? 'unsaved' : viewingOther ? 'method' : null}
              />
            )}
          </Flex>
        }
      >
        <Table<PlatformScore>
          data-testid="pe-allocation"
          rowKey="platformId"
          size="small"
          bordered
          columns={columns}
          dataSource={data.platforms}
          pagination={false}
          scroll={{ x: 980 }}
          rowClassName={(p) => (p.land.eligible ? '' : 'yy-pe-ineligible')}
          onRow={(p) => ({ 'data-testid': `pe-alloc-row-${p.platformId}` }) as HTMLAttributes<HTMLElement>}
          summary={() => (
            <Table.Summary fixed="bottom">
              <Table.Summary.Row className="yy-pe-total" data-testid="pe-allocation-total">
                <Table.Summary.Cell index={0} colSpan={3}>
                  {t('platformEvaluation.allocation.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="center">
                  {t('platformEvaluation.allocation.eligibleCount', { count: totals.eligible })}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {formatExact(totals.landExact)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <Flex vertical align="end" gap={0}>
                    <span data-testid="pe-total-land" data-value={totals.landUnits}>
                      {formatUnits(totals.landUnits)} / {formatUnits(pool.landMu)}
                    </span>
                    {check(landOk)}
                  </Flex>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {formatExact(totals.energyExact)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  <Flex vertical align="end" gap={0}>
                    <span data-testid="pe-total-energy" data-value={totals.energyUnits}>
                      {formatUnits(totals.energyUnits)} / {formatUnits(pool.energyTce)}
                    </span>
                    {check(energyOk)}
                  </Flex>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('platformEvaluation.allocation.remainderNote', {
          land: totals.landRemainders,
          energy: totals.energyRemainders,
        })}
      </Typography.Text>
      {pool.snapshot && <SnapshotCard snapshot={pool.snapshot} current={data.platforms} />}
    </Flex>
  );
}
