import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../lib/format';
import type { countByIndustry } from './industryMapping';

interface Props {
  counts: ReturnType<typeof countByIndustry>;
  /** The industries to count, in order. */
  industries: string[];
  industryLabel: (code: string) => string;
}

/** How many classes there are, how many are mapped, and how many per key industry. */
export function MappingCounts({ counts, industries, industryLabel }: Props) {
  const { t } = useTranslation();
  const mapped = counts.total - counts.unmapped;
  return (
    <Flex wrap gap={8} align="center" style={{ padding: 12 }} data-testid="industry-mapping-counts">
      <Typography.Text type="secondary">
        {t('industryMapping.summary', {
          total: formatInteger(counts.total),
          mapped: formatInteger(mapped),
        })}
      </Typography.Text>
      {industries.map((code) => (
        <Tag key={code} color="blue" style={{ marginInlineEnd: 0 }}>
          {t('industryMapping.countTag', {
            name: industryLabel(code),
            count: counts.byIndustry.get(code) ?? 0,
          })}
        </Tag>
      ))}
      <Tag style={{ marginInlineEnd: 0 }}>
        {t('industryMapping.countTag', {
          name: t('industryMapping.filters.unmapped'),
          count: counts.unmapped,
        })}
      </Tag>
    </Flex>
  );
}
