import type { DescriptionsProps, TableProps } from 'antd';
import { Descriptions, Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import type { EnterpriseContact } from '../../api/enterprises';
import type { EnterpriseDetail } from '../../../modules/enterprises/enterprises.schemas';
import { DemoTag } from '../../components/DemoTag';
import { formatDate, formatNumber } from '../../lib/format';
import { localPair, useLang } from '../../lib/useLang';
import { ContactPhone } from './ContactPhone';
import { KeyIndustryTag, ScaleTag } from './EnterpriseTags';

export const dash = <Typography.Text type="secondary">—</Typography.Text>;

export function BasicInfo({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: me } = useMe();
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('enterprise.name'), children: e.name },
    {
      key: 'uscc',
      label: t('enterprise.uscc'),
      children: (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {e.uscc}
        </Typography.Text>
      ),
    },
    {
      key: 'platform',
      label: t('enterprise.platform'),
      children: hasPermission(me, 'platform:read') ? (
        <Link to={`/platforms/${e.platformId}`}>{localPair(e.platformName, e.platformNameEn, lang)}</Link>
      ) : (
        localPair(e.platformName, e.platformNameEn, lang)
      ),
    },
    {
      key: 'industry',
      label: t('enterprise.industryClass'),
      children: e.industryClass
        ? t('enterprise.industryValue', {
            name: localPair(e.industryClassName, e.industryClassNameEn, lang) ?? '',
            code: e.industryClass,
          })
        : dash,
    },
    {
      key: 'keyIndustry',
      label: t('enterprise.keyIndustry'),
      children: e.keyIndustry ? <KeyIndustryTag code={e.keyIndustry} /> : dash,
    },
    {
      key: 'scale',
      label: t('enterprise.scale'),
      children: (
        <Flex gap={8} align="center" wrap>
          <ScaleTag scale={e.scale} />
          <Typography.Text type="secondary">
            {e.scaleOverride ? t('enterprise.scaleManual') : t('enterprise.scaleDerived')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'labels',
      label: t('enterprise.labels'),
      span: 2,
      children:
        e.labels.length > 0 ? (
          <Flex vertical gap={2}>
            {e.labels.map((l) => (
              <span key={l.label}>
                {t(`labels.${l.label}`, { defaultValue: l.label })}
                <Typography.Text type="secondary">
                  {' · '}
                  {l.grantedOn
                    ? t('enterprise.grantedOn', { date: formatDate(l.grantedOn) })
                    : t('enterprise.grantedOnUnknown')}
                </Typography.Text>
              </span>
            ))}
          </Flex>
        ) : (
          dash
        ),
    },
    { key: 'address', label: t('enterprise.address'), span: 2, children: e.address || dash },
    {
      key: 'landholder',
      label: t('enterprise.landholder'),
      span: 2,
      children: e.landholder ? (
        <Link to={`/enterprises/${e.landholder.id}`}>
          {t('enterprise.landholderValue', { name: e.landholder.name, uscc: e.landholder.uscc })}
        </Link>
      ) : (
        dash
      ),
    },
    {
      key: 'source',
      label: t('platform.dataSource'),
      children: e.isDemo ? <DemoTag /> : t('platform.realData'),
    },
    { key: 'version', label: t('platform.version'), children: e.version },
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      styles={{ label: { width: 170 } }}
    />
  );
}

export function LandInfo({ e }: { e: EnterpriseDetail }) {
  const { t } = useTranslation();
  const withUnit = (v: number | null, unit: string) => (v === null ? dash : `${formatNumber(v)} ${unit}`);
  const items: DescriptionsProps['items'] = [
    { key: 'own', label: t('enterprise.ownLand'), children: withUnit(e.ownLandMu, t('units.mu')) },
    {
      key: 'leased',
      label: t('enterprise.leasedFloor'),
      children: withUnit(e.leasedFloorM2, t('units.m2')),
    },
    {
      key: 'shared',
      label: t('enterprise.sharedParcel'),
      span: 2,
      children: e.landholder ? (
        <span>
          {t('enterprise.sharedWith')} <Link to={`/enterprises/${e.landholder.id}`}>{e.landholder.name}</Link>
        </span>
      ) : (
        t('enterprise.notShared')
      ),
    },
    {
      key: 'exemption',
      label: t('enterprise.ratingExemption'),
      span: 2,
      children: e.ratingExemption
        ? t(`enterprise.exemption.${e.ratingExemption}`)
        : t('enterprise.form.ratingExemptionNone'),
    },
  ];
  return (
    <Descriptions
      bordered
      size="middle"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={items}
      styles={{ label: { width: 170 } }}
    />
  );
}

export function Contacts({
  enterpriseId,
  contacts,
}: {
  enterpriseId: number;
  contacts: EnterpriseContact[];
}) {
  const { t } = useTranslation();
  const columns: TableProps<EnterpriseContact>['columns'] = [
    { key: 'name', title: t('enterprise.contact.name'), dataIndex: 'name', width: 140 },
    {
      key: 'title',
      title: t('enterprise.contact.title'),
      width: 160,
      render: (_, c) => c.title || dash,
    },
    {
      key: 'phone',
      title: t('enterprise.contact.phone'),
      width: 200,
      // Masked by the server (personal information); the whole number only through the audited reveal.
      render: (_, c) => <ContactPhone enterpriseId={enterpriseId} contact={c} />,
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('enterprise.contact.masked')}</Typography.Text>
      <Table<EnterpriseContact>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={contacts}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.contact.empty')} />
          ),
        }}
      />
    </Flex>
  );
}
