import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from '../../components/ColumnChooser';
import { useChoosableColumns } from './TargetsTable';

interface ToolbarProps {
  /** The assessed year shown, its choices, and those with data. */
  shownYear: number | null;
  years: number[];
  dataYears: Set<number>;
  assessed: boolean;
  yearsLoading: boolean;
  /** The platform chosen (city-wide: undefined); null ownPlatform: the user may choose one. */
  platformId: number | undefined;
  ownPlatform: number | null;
  platforms: { id: number; name: string }[] | undefined;
  setParam: (changes: Record<string, string | undefined>) => void;
  hidden: string[];
  setHidden: (hidden: string[]) => void;
  exportHref: string;
}

/** Assessed year, platform scope, column chooser and export of the targets table. */
export function PlanToolbar(props: ToolbarProps) {
  const { shownYear, years, dataYears, yearsLoading, platformId, ownPlatform, platforms, setParam } = props;
  const { t } = useTranslation();
  const choosable = useChoosableColumns();
  const assessed = props.assessed;
  return (
    <Flex gap={12} wrap align="center" justify="space-between">
      <Flex gap={12} wrap align="center">
        <Flex gap={8} align="center">
          <Typography.Text>{t('plan.assessYear')}</Typography.Text>
          <Select<number>
            value={shownYear ?? undefined}
            loading={yearsLoading}
            onChange={(y) => setParam({ year: String(y) })}
            options={years.map((y) => ({
              value: y,
              label:
                dataYears.has(y) || !assessed
                  ? t('plan.yearLabel', { year: y })
                  : t('plan.yearNoData', { year: y }),
            }))}
            style={{ width: 180 }}
            popupMatchSelectWidth={false}
            aria-label={t('plan.assessYear')}
            data-testid="plan-year"
          />
        </Flex>
        {ownPlatform === null && (platforms?.length ?? 0) > 1 && (
          <Flex gap={8} align="center">
            <Typography.Text>{t('plan.scope')}</Typography.Text>
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={platformId}
              placeholder={t('plan.cityWide')}
              onChange={(id) => setParam({ platformId: id === undefined ? undefined : String(id) })}
              options={(platforms ?? []).map((p) => ({ value: p.id, label: p.name }))}
              style={{ width: 220 }}
              popupMatchSelectWidth={false}
              aria-label={t('plan.scope')}
              data-testid="plan-platform"
            />
          </Flex>
        )}
      </Flex>
      <Flex gap={8} wrap>
        <ColumnChooser columns={choosable} hidden={props.hidden} onChange={props.setHidden} />
        <Tooltip title={t('plan.exportHelp')}>
          <Button
            icon={<DownloadOutlined />}
            href={props.exportHref}
            disabled={!assessed}
            data-testid="plan-export"
          >
            {t('common.exportExcel')}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );
}
