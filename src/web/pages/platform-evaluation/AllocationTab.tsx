import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Modal,
  Row,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  platformEvaluationExportUrl,
  useConfirmAllocation,
  useSavePool,
  type AllocationSnapshot,
  type PlatformEvaluation,
  type PlatformScore,
  type PoolInput,
} from '../../api/platformEvaluation';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';
import { LeaderTag } from './parts';
import { allocationTotals, formatExact, formatUnits, gotRemainderUnit } from './peFormat';

/** The pool form's fields: name, limit, whole units or not, unit label, hint, test id. */
const POOL_FIELDS = [
  { name: 'landMu', max: 10_000_000, whole: true, unit: 'units.mu', hint: false, testId: 'land' },
  { name: 'energyTce', max: 10_000_000, whole: true, unit: 'units.tce', hint: false, testId: 'energy' },
  {
    name: 'threshold',
    max: 1000,
    whole: false,
    unit: 'platformEvaluation.pointsUnit',
    hint: true,
    testId: 'threshold',
  },
  { name: 'leaders', max: 50, whole: true, unit: null, hint: true, testId: 'leaders' },
] as const;

type PoolValues = Omit<PoolInput, 'methodId'>;

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
      render: (_, p) => (p.score === null ? '—' : p.score.toFixed(2)),
    },
    {
      key: 'eligible',
      title: t('platformEvaluation.allocation.eligible', { threshold: formatNumber(pool.threshold) }),
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
          threshold: formatNumber(pool.threshold),
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
            {canWrite && <ConfirmButton data={data} disabledReason={viewingOther ? 'method' : null} />}
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

/** The year's pool: land (亩), energy (tce), threshold and leading parks; the task force edits it. */
function PoolForm({
  data,
  canWrite,
  chosenMethodId,
}: {
  data: PlatformEvaluation;
  canWrite: boolean;
  chosenMethodId: number | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<PoolValues>();
  const save = useSavePool(data.year);
  const pool = data.pool;
  const initial = useMemo(
    () => ({
      landMu: pool.landMu,
      energyTce: pool.energyTce,
      threshold: pool.threshold,
      leaders: pool.leaders,
    }),
    [pool.landMu, pool.energyTce, pool.threshold, pool.leaders],
  );
  // Another year, or a save elsewhere: the form shows what the server has.
  useEffect(() => {
    form.setFieldsValue(initial);
  }, [form, initial, data.year]);

  const submit = async (values: PoolValues) => {
    try {
      await save.mutateAsync({
        landMu: values.landMu,
        energyTce: values.energyTce,
        threshold: values.threshold,
        leaders: values.leaders,
        // The method in view when one was chosen, else the pool keeps its own.
        methodId: chosenMethodId ?? pool.methodId,
      });
      void message.success(t('platformEvaluation.pool.saved', { year: data.year }));
    } catch (e) {
      // Field problems go under their fields; anything else is said in a message.
      const rest = applyServerErrors(form, e, lang, ['landMu', 'energyTce', 'threshold', 'leaders']);
      if (!(e instanceof ApiError) || e.details.length === 0 || rest.length) void message.error(errorText(e));
    }
  };

  if (!canWrite)
    return (
      <Card size="small" title={t('platformEvaluation.pool.title', { year: data.year })}>
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.landMu')}
              value={formatUnits(pool.landMu)}
              suffix={t('units.mu')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.energyTce')}
              value={formatUnits(pool.energyTce)}
              suffix={t('units.tce')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.threshold')}
              value={formatNumber(pool.threshold)}
              suffix={t('platformEvaluation.pointsUnit')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('platformEvaluation.pool.leaders')} value={pool.leaders} />
          </Col>
        </Row>
        {!pool.saved && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('platformEvaluation.pool.defaults')}
          </Typography.Text>
        )}
      </Card>
    );

  return (
    <Card
      size="small"
      title={t('platformEvaluation.pool.title', { year: data.year })}
      extra={
        !pool.saved && (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('platformEvaluation.pool.notSaved')}
          </Tag>
        )
      }
    >
      <Form<PoolValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        requiredMark={false}
        disabled={save.isPending}
      >
        <Row gutter={16} align="bottom">
          {POOL_FIELDS.map((f) => (
            <Col key={f.name} xs={12} lg={f.name === 'leaders' ? 4 : 5}>
              <Form.Item
                name={f.name}
                label={t(`platformEvaluation.pool.${f.name}`)}
                tooltip={f.hint ? t(`platformEvaluation.pool.${f.name}Hint`) : undefined}
                rules={[{ required: true, message: t('platformEvaluation.pool.required') }]}
              >
                <InputNumber
                  min={0}
                  max={f.max}
                  precision={f.whole ? 0 : undefined}
                  step={f.whole ? undefined : 1}
                  style={{ width: '100%' }}
                  suffix={f.unit ? t(f.unit) : undefined}
                  data-testid={`pe-pool-${f.testId}`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} lg={5}>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={save.isPending}
                data-testid="pe-pool-save"
                block
              >
                {t('platformEvaluation.pool.save')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pool.saved ? t('platformEvaluation.pool.hint') : t('platformEvaluation.pool.defaults')}
        </Typography.Text>
        {pool.confirmedAt && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('platformEvaluation.pool.clearsConfirmation')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** "确认分配方案" with a confirmation dialog; refused while another method is in view. */
function ConfirmButton({
  data,
  disabledReason,
}: {
  data: PlatformEvaluation;
  disabledReason: 'method' | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const confirm = useConfirmAllocation(data.year);
  const totals = allocationTotals(data.platforms);
  const button = (
    <Button
      size="small"
      type="primary"
      icon={<CheckCircleOutlined />}
      disabled={disabledReason !== null || totals.eligible === 0}
      onClick={() => setOpen(true)}
      data-testid="pe-confirm"
    >
      {data.pool.confirmedAt ? t('platformEvaluation.confirm.again') : t('platformEvaluation.confirm.button')}
    </Button>
  );
  return (
    <>
      {disabledReason ? (
        <Tooltip title={t('platformEvaluation.confirm.otherMethod')}>{button}</Tooltip>
      ) : (
        button
      )}
      <Modal
        open={open}
        title={t('platformEvaluation.confirm.title', { year: data.year })}
        okText={t('platformEvaluation.confirm.ok')}
        onOk={async () => {
          try {
            await confirm.mutateAsync();
            void message.success(t('platformEvaluation.confirm.done', { year: data.year }));
            setOpen(false);
          } catch {
            // shown in the dialog
          }
        }}
        onCancel={() => {
          if (!confirm.isPending) setOpen(false);
        }}
        confirmLoading={confirm.isPending}
        okButtonProps={{ 'data-testid': 'pe-confirm-ok' }}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('platformEvaluation.confirm.text', {
              year: data.year,
              land: formatUnits(data.pool.landMu),
              energy: formatUnits(data.pool.energyTce),
              eligible: totals.eligible,
              threshold: formatNumber(data.pool.threshold),
            })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('platformEvaluation.confirm.keep')}</Typography.Text>
          {confirm.error && <ErrorAlert error={confirm.error} />}
        </Flex>
      </Modal>
    </>
  );
}

/** Who confirmed when; and whether today's computation still matches what was confirmed. */
function ConfirmedBanner({ data }: { data: PlatformEvaluation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pool = data.pool;
  const snapshot = pool.snapshot;
  const changed =
    snapshot !== null &&
    snapshot.platforms.some((s) => {
      const p = data.platforms.find((x) => x.platformId === s.platformId);
      return !p || p.land.units !== s.landMu || p.energy.units !== s.energyTce || p.score !== s.score;
    });
  const method = snapshot?.method;
  return (
    <Alert
      type={changed ? 'warning' : 'success'}
      showIcon
      data-testid="pe-confirmed"
      title={t('platformEvaluation.confirmed.title', { year: data.year })}
      description={
        <Flex vertical gap={2}>
          <span>
            {t('platformEvaluation.confirmed.by', {
              who: pool.confirmedByName ?? (pool.confirmedBy !== null ? `#${pool.confirmedBy}` : '—'),
              when: formatDateTime(pool.confirmedAt),
            })}
            {method &&
              t('platformEvaluation.confirmed.method', {
                name: lang === 'en' ? method.name.en || method.name.zh : method.name.zh,
                version: method.version,
              })}
          </span>
          {changed && <span>{t('platformEvaluation.confirmed.changed')}</span>}
        </Flex>
      }
    />
  );
}

/** The allocation as it was confirmed (kept; it does not follow later data). */
function SnapshotCard({ snapshot, current }: { snapshot: AllocationSnapshot; current: PlatformScore[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  type Kept = AllocationSnapshot['platforms'][number];
  const differs = (s: Kept) => {
    const p = current.find((x) => x.platformId === s.platformId);
    return !p || p.land.units !== s.landMu || p.energy.units !== s.energyTce;
  };
  const columns: TableProps<Kept>['columns'] = [
    {
      key: 'rank',
      title: t('platformEvaluation.col.rank'),
      width: 60,
      align: 'center',
      render: (_, s) => s.rank ?? '—',
    },
    {
      key: 'name',
      title: t('platformEvaluation.col.platform'),
      render: (_, s) => (
        <Flex gap={6} align="center" wrap>
          <span>
            {/* The snapshot keeps the Chinese name; English comes from the platform as it is now. */}
            {lang === 'en' ? current.find((p) => p.platformId === s.platformId)?.nameEn || s.name : s.name}
          </span>
          {s.leader && <LeaderTag />}
          {differs(s) && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t('platformEvaluation.snapshot.differs')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'score',
      title: t('platformEvaluation.col.score'),
      width: 80,
      align: 'right',
      render: (_, s) => (s.score === null ? '—' : s.score.toFixed(2)),
    },
    {
      key: 'land',
      title: `${t('platformEvaluation.col.land')}（${t('units.mu')}）`,
      width: 130,
      align: 'right',
      render: (_, s) => formatUnits(s.landMu),
    },
    {
      key: 'energy',
      title: `${t('platformEvaluation.col.energy')}（${t('units.tce')}）`,
      width: 160,
      align: 'right',
      render: (_, s) => formatUnits(s.energyTce),
    },
  ];
  const land = snapshot.platforms.reduce((s, p) => s + p.landMu, 0);
  const energy = snapshot.platforms.reduce((s, p) => s + p.energyTce, 0);
  const anyDiffers = snapshot.platforms.some(differs);
  // Open when today's computation differs from what was confirmed; otherwise one click away.
  return (
    <Collapse
      data-testid="pe-snapshot"
      defaultActiveKey={anyDiffers ? ['snapshot'] : []}
      styles={{ body: { padding: 0 } }}
      items={[
        {
          key: 'snapshot',
          label: (
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{t('platformEvaluation.snapshot.title')}</Typography.Text>
              <Tag color={anyDiffers ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
                {anyDiffers
                  ? t('platformEvaluation.snapshot.someDiffer')
                  : t('platformEvaluation.snapshot.same')}
              </Tag>
            </Flex>
          ),
          children: (
            <>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 4 }}
                style={{ padding: '8px 12px' }}
                items={[
                  {
                    key: 'land',
                    label: t('platformEvaluation.pool.landMu'),
                    children: `${formatUnits(snapshot.pool.landMu)} ${t('units.mu')}`,
                  },
                  {
                    key: 'energy',
                    label: t('platformEvaluation.pool.energyTce'),
                    children: `${formatUnits(snapshot.pool.energyTce)} ${t('units.tce')}`,
                  },
                  {
                    key: 'threshold',
                    label: t('platformEvaluation.pool.threshold'),
                    children: formatNumber(snapshot.pool.threshold),
                  },
                  ...(snapshot.pool.leaders !== undefined
                    ? [
                        {
                          key: 'leaders',
                          label: t('platformEvaluation.pool.leaders'),
                          children: snapshot.pool.leaders,
                        },
                      ]
                    : []),
                ]}
              />
              <Table<Kept>
                rowKey="platformId"
                size="small"
                columns={columns}
                dataSource={snapshot.platforms}
                pagination={false}
                scroll={{ x: 640 }}
                summary={() => (
                  <Table.Summary.Row className="yy-pe-total">
                    <Table.Summary.Cell index={0} colSpan={3}>
                      {t('platformEvaluation.allocation.total')}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {formatUnits(land)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {formatUnits(energy)}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </>
          ),
        },
      ]}
    />
  );
}

/** A platform admin's own quota: units received, the share behind them, and the pool. */
export function MyQuotaCard({ data, platform }: { data: PlatformEvaluation; platform: PlatformScore }) {
  const { t } = useTranslation();
  const pool = data.pool;
  const kept = pool.snapshot?.platforms.find((p) => p.platformId === platform.platformId);
  return (
    <Card
      size="small"
      title={t('platformEvaluation.myQuota.title', { year: data.year })}
      data-testid="pe-my-quota"
    >
      <Flex vertical gap={12}>
        {pool.confirmedAt ? (
          <Alert
            type="success"
            showIcon
            title={t('platformEvaluation.myQuota.confirmed', { when: formatDateTime(pool.confirmedAt) })}
          />
        ) : (
          <Alert type="info" showIcon title={t('platformEvaluation.myQuota.provisional')} />
        )}
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.col.land')}
              value={formatUnits(kept?.landMu ?? platform.land.units)}
              suffix={`${t('units.mu')} / ${formatUnits(pool.landMu)}`}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.col.energy')}
              value={formatUnits(kept?.energyTce ?? platform.energy.units)}
              suffix={`${t('units.tce')} / ${formatUnits(pool.energyTce)}`}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.threshold')}
              value={formatNumber(pool.threshold)}
              suffix={t('platformEvaluation.pointsUnit')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.myQuota.exact')}
              value={platform.land.eligible ? formatExact(platform.land.exact) : '—'}
              suffix={t('units.mu')}
            />
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {platform.land.eligible
            ? t('platformEvaluation.allocation.rule')
            : t('platformEvaluation.scorecard.belowThreshold', { threshold: formatNumber(pool.threshold) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
