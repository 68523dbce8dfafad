import { Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EvaluationResult, EvaluationRunDetail } from '../../api/evaluation';
import { formatNumber, formatScore } from '../../lib/format';
import { HeaderWithUnit } from '../enterprises/HeaderWithUnit';
import { ClassTag, useCohortName } from './EvaluationTags';

export const dash = <Typography.Text type="secondary">—</Typography.Text>;

type Column<T> = TableColumnType<T>;

/** The columns every result table shares (name links to the scorecard); tables add sorting. */
export function useResultColumns<T extends EvaluationResult>(run: EvaluationRunDetail) {
  const { t } = useTranslation();
  const cohortName = useCohortName(run.method);
  const columns: Record<
    'name' | 'uscc' | 'platform' | 'cohort' | 'score' | 'class' | 'taxPerMu',
    Column<T>
  > = {
    name: {
      key: 'name',
      title: t('evaluation.results.name'),
      width: 240,
      fixed: 'left',
      render: (_, r) => (
        <Link to={`/evaluation/runs/${run.id}/enterprises/${r.enterpriseId}`} data-testid="result-link">
          {r.name}
        </Link>
      ),
    },
    uscc: {
      key: 'uscc',
      title: t('enterprise.uscc'),
      width: 176,
      render: (_, r) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.uscc}</span>,
    },
    platform: { key: 'platform', title: t('enterprise.platform'), width: 150, dataIndex: 'platformName' },
    cohort: {
      key: 'cohort',
      title: t('evaluation.results.cohort'),
      width: 130,
      ellipsis: true,
      render: (_, r) => <span title={cohortName(r.cohort)}>{cohortName(r.cohort)}</span>,
    },
    score: {
      key: 'score',
      title: t('evaluation.results.score'),
      width: 96,
      align: 'right',
      sortDirections: ['descend', 'ascend'],
      render: (_, r) =>
        r.score === null ? dash : <Typography.Text strong>{formatScore(r.score)}</Typography.Text>,
    },
    class: {
      key: 'class',
      title: t('evaluation.results.class'),
      width: 120,
      render: (_, r) => <ClassTag result={r} classes={run.method.classes} />,
    },
    taxPerMu: {
      key: 'taxPerMu',
      title: (
        <HeaderWithUnit
          name={t('evaluation.results.taxPerMu')}
          unit={t('units.wanYuanPerMu')}
          full={t('evaluation.results.taxPerMu')}
        />
      ),
      width: 104,
      align: 'right',
      sortDirections: ['descend', 'ascend'],
      render: (_, r) => formatNumber(r.taxPerMu),
    },
  };
  return columns;
}
