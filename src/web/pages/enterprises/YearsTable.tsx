import { useState } from 'react';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useConfirmEnterpriseYear } from '../../api/enterprises';
import type { EnterpriseDetail, EnterpriseYear } from '../../../modules/enterprises/enterprises.schemas';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime, formatInteger, formatNumber } from '../../lib/format';
import {
  fieldHeader,
  fieldName,
  INTEGER_FIELDS,
  YEAR_FIELD_KEYS,
  YEAR_FIELD_UNITS,
} from './enterpriseFields';
import { HeaderWithUnit } from './HeaderWithUnit';
import { FlagModal } from './FlagModal';
import { YearFormModal } from './YearFormModal';

/** Year-by-year figures with confirmation status, confirm / flag (enterprise) and edit (write). */
export function YearsTable({ enterprise }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const confirm = useConfirmEnterpriseYear(enterprise.id);
  const [editing, setEditing] = useState<EnterpriseYear | 'new' | null>(null);
  const [flagging, setFlagging] = useState<number | null>(null);
  // A new key per opening gives each modal a fresh form (antd keeps a form's first initial values).
  const [modalKey, setModalKey] = useState(0);
  const openEditor = (target: EnterpriseYear | 'new') => {
    setModalKey((k) => k + 1);
    setEditing(target);
  };
  const openFlag = (year: number) => {
    setModalKey((k) => k + 1);
    setFlagging(year);
  };
  const canConfirm = hasPermission(me, 'enterprise:confirm');
  const canWrite = hasPermission(me, 'enterprise:write');
  const years = [...enterprise.years].sort((a, b) => b.year - a.year);
  const openFlags = (year: number) => enterprise.flags.filter((f) => f.year === year && !f.resolvedAt).length;

  const columns: NonNullable<TableProps<EnterpriseYear>['columns']> = [
    {
      key: 'year',
      title: t('enterprise.year'),
      dataIndex: 'year',
      fixed: 'left',
      width: 72,
      render: (year: number) => <Typography.Text strong>{year}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('enterprise.confirmation'),
      fixed: 'left',
      width: 190,
      render: (_, y) => {
        const flags = openFlags(y.year);
        return (
          <Flex vertical gap={2} align="start">
            {y.confirmedAt ? (
              <>
                <Tag color="green">{t('enterprise.confirmed')}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('enterprise.confirmedByAt', {
                    by: y.confirmedBy ?? '—',
                    at: formatDateTime(y.confirmedAt),
                  })}
                </Typography.Text>
              </>
            ) : (
              <Tag color="gold">{t('enterprise.unconfirmed')}</Tag>
            )}
            {flags > 0 && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('enterprise.openFlags', { count: flags })}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    ...YEAR_FIELD_KEYS.map((key) => ({
      key,
      title: (
        <HeaderWithUnit
          full={fieldHeader(t, key)}
          name={fieldName(t, key)}
          unit={t('enterprise.unitOnly', { unit: t(`units.${YEAR_FIELD_UNITS[key]}`) })}
        />
      ),
      align: 'right' as const,
      width: key === 'employees' ? 110 : 130,
      render: (_: unknown, y: EnterpriseYear) =>
        y[key] === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : INTEGER_FIELDS.has(key) ? (
          formatInteger(y[key])
        ) : (
          formatNumber(y[key])
        ),
    })),
  ];
  if (canConfirm || canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: canConfirm && canWrite ? 220 : 170,
      render: (_, y) => (
        <Space size={0} wrap>
          {canConfirm && !y.confirmedAt && (
            <Popconfirm
              title={t('enterprise.confirmTitle', { year: y.year })}
              description={t('enterprise.confirmText')}
              okText={t('enterprise.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                confirm.mutateAsync(y.year).then(
                  () => void message.success(t('enterprise.confirmedDone', { year: y.year })),
                  (e: unknown) => void message.error(errorText(e)),
                )
              }
            >
              <Button type="link" size="small" data-testid={`confirm-year-${y.year}`}>
                {t('enterprise.confirm')}
              </Button>
            </Popconfirm>
          )}
          {canConfirm && (
            <Button type="link" size="small" danger onClick={() => openFlag(y.year)}>
              {t('enterprise.flag.action')}
            </Button>
          )}
          {canWrite && (
            <Button type="link" size="small" onClick={() => openEditor(y)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    });
  }
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('enterprise.yearsHint')}</Typography.Text>
        {canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => openEditor('new')}>
            {t('enterprise.addYear')}
          </Button>
        )}
      </Flex>
      <Table<EnterpriseYear>
        data-testid="enterprise-years"
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={years}
        pagination={false}
        scroll={{ x: scrollX }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.noYears')} />,
        }}
      />
      <YearFormModal
        key={`year-${modalKey}`}
        enterpriseId={enterprise.id}
        open={editing !== null}
        year={editing === 'new' ? undefined : (editing ?? undefined)}
        existingYears={enterprise.years.map((y) => y.year)}
        onClose={() => setEditing(null)}
      />
      <FlagModal
        key={`flag-${modalKey}`}
        enterpriseId={enterprise.id}
        year={flagging}
        yearData={enterprise.years.find((y) => y.year === flagging)}
        onClose={() => setFlagging(null)}
      />
    </Flex>
  );
}
