import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { projectDocumentUrl, type ProjectDetail } from '../../api/projects';
import { ProperName, TypedText } from '../../components/ProperName';
import { formatDate, formatPercent } from '../../lib/format';
import { usePair, useProjectUnits } from './projectFormat';

const EnterpriseLink = ({ id, name }: { id: number | null; name: string | null }) =>
  id ? (
    <Link to={`/enterprises/${id}`}>
      <ProperName name={name} />
    </Link>
  ) : (
    <ProperName name={name} />
  );

/** What the project is: investor, place, amounts, source, owner, contacts. */
export function ProjectFacts({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const u = useProjectUnits();
  const pair = usePair();
  const D = Descriptions.Item;
  return (
    <Card size="small" title={t('projects.section.facts')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="project-facts">
        <D label={t('projects.col.investor')}>
          <EnterpriseLink id={p.investorEnterpriseId} name={p.investorName} />
          {!p.investorEnterpriseId && (
            <Tag style={{ marginInlineStart: 8 }}>{t('projects.investor.outside')}</Tag>
          )}
        </D>
        <D label={t('projects.col.uscc')}>{p.investorUscc ?? '—'}</D>
        <D label={t('projects.col.origin')}>
          <ProperName name={p.investorOrigin || '—'} />
        </D>
        <D label={t('projects.col.enterprise')}>
          {p.enterpriseId ? <EnterpriseLink id={p.enterpriseId} name={p.enterpriseName} /> : '—'}
        </D>
        <D label={t('projects.col.platform')}>{pair(p.platformName, p.platformNameEn)}</D>
        <D label={t('projects.col.industry')}>
          {pair(p.industryZh, p.industryEn)}
          {p.chainNodeCode ? ` · ${p.chainNodeCode}` : ''}
        </D>
        <D label={t('projects.col.totalInvestment')}>
          {u.wan(p.totalInvestment)} <Tag>{t(`projects.size.${p.sizeClass}`)}</Tag>
        </D>
        <D label={t('projects.col.fixedAssetInvestment')}>{u.wan(p.fixedAssetInvestment)}</D>
        <D label={t('projects.col.foreignInvestment')}>{u.usd(p.foreignInvestment)}</D>
        <D label={t('projects.col.landMu')}>{u.mu(p.landMu)}</D>
        <D label={t('projects.col.parcel')}>
          <TypedText text={p.parcel} />
        </D>
        <D label={t('projects.col.energyTce')}>{u.tce(p.energyTce)}</D>
        <D label={t('projects.col.source')}>
          {t(`projects.source.${p.source}`)}
          {p.source === 'referral' && p.referrerEnterpriseId && (
            <>
              {' · '}
              {t('projects.col.referrer')}：
              <span data-testid="project-referrer">
                <EnterpriseLink id={p.referrerEnterpriseId} name={p.referrerName} />
              </span>
            </>
          )}
        </D>
        <D label={t('projects.col.owner')}>
          <ProperName name={p.ownerName || '—'} />
        </D>
        <D label={t('projects.col.signedOn')}>{formatDate(p.signedOn)}</D>
        {p.status !== 'active' && (
          <D label={t('projects.col.end')}>
            {t(`projects.status.${p.status}`)} · {formatDate(p.endDate)} · <TypedText text={p.endReason} />
          </D>
        )}
        {p.contacts.length > 0 && (
          <D label={t('projects.col.contacts')}>
            {p.contacts.map((c) => (
              <span key={c.id} style={{ marginInlineEnd: 12 }}>
                <ProperName name={c.name} />
                {c.title ? <TypedText text={` ${c.title}`} /> : null} {c.phone}
              </span>
            ))}
          </D>
        )}
        {p.documents.length > 0 && (
          <D label={t('projects.col.documents')}>
            {p.documents.map((d) => (
              <a key={d.id} href={projectDocumentUrl(p.id, d.id)} style={{ marginInlineEnd: 12 }}>
                <TypedText text={d.fileName} />
              </a>
            ))}
          </D>
        )}
      </Descriptions>
      {p.note && (
        <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <TypedText text={p.note} />
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 标准地 commitments and, once the full-production year's figures exist, the enterprise's actual values. */
export function ProjectCommitments({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const u = useProjectUnits();
  const committed = {
    intensity: p.committedIntensity,
    output_per_mu: p.committedOutputPerMu,
    tax_per_mu: p.committedTaxPerMu,
  };
  const checks = new Map(p.commitments.map((c) => [c.commitment, c]));
  const rows = (Object.keys(committed) as (keyof typeof committed)[]).map((k) => ({
    key: k,
    committed: committed[k],
    check: checks.get(k),
  }));
  const none = rows.every((r) => r.committed === null) && p.fullProductionYear === null;
  return (
    <Card
      size="small"
      title={t('projects.section.commitments')}
      extra={
        <Typography.Text type="secondary">
          {t('projects.col.fullProductionYear')}：{p.fullProductionYear ?? '—'}
        </Typography.Text>
      }
      data-testid="project-commitments"
    >
      {none ? (
        <Typography.Text type="secondary">{t('projects.commit.none')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: t('projects.commit.item'), render: (_, r) => t(`projects.commit.${r.key}`) },
            { title: t('projects.commit.committed'), align: 'right', render: (_, r) => u.perMu(r.committed) },
            {
              title: t('projects.commit.actual'),
              align: 'right',
              render: (_, r) => (r.check ? u.perMu(r.check.actual) : t('projects.commit.notYet')),
            },
            {
              title: t('projects.commit.shortfall'),
              align: 'right',
              render: (_, r) =>
                r.check?.shortfallPct != null && r.check.shortfallPct > 0 ? (
                  <Typography.Text type="danger">{formatPercent(r.check.shortfallPct / 100)}</Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              title: t('projects.commit.result'),
              render: (_, r) =>
                r.check?.met == null ? (
                  '—'
                ) : r.check.met ? (
                  <Tag color="green">{t('projects.commit.met')}</Tag>
                ) : (
                  <Tag color="red">{t('projects.commit.short')}</Tag>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
