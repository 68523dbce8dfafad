import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReferenceMaps } from '../../api/reference';
import type { EnterpriseLabel } from '../../api/enterprises';
import type { Scale } from '../../../modules/enterprises/core/codes';
import { formatDate } from '../../lib/format';
import { localName, useLang } from '../../lib/useLang';

export function ScaleTag({ scale }: { scale: Scale }) {
  const { t } = useTranslation();
  return (
    <Tag color={scale === 'above' ? 'geekblue' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`scale.${scale}`)}
    </Tag>
  );
}

/** The key industry (via the industry-class mapping), in the current language. */
export function KeyIndustryTag({ code }: { code: string }) {
  const lang = useLang();
  const { industries } = useReferenceMaps();
  return (
    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
      {localName(industries.get(code), lang) ?? code}
    </Tag>
  );
}

/** Labels (国家高新技术企业 …) as tags; the grant date, when known, in the tooltip. */
export function LabelTags({ labels, small }: { labels: EnterpriseLabel[]; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {labels.map((l) => {
        const name = t(`labels.${l.label}`, { defaultValue: l.label });
        return (
          <Tooltip
            key={l.label}
            title={
              l.grantedOn
                ? t('enterprise.grantedOn', { date: formatDate(l.grantedOn) })
                : t('enterprise.grantedOnUnknown')
            }
          >
            <Tag
              color="cyan"
              style={
                small
                  ? { fontSize: 11, lineHeight: '18px', paddingInline: 4, marginBlock: 1, marginInlineEnd: 4 }
                  : { marginInlineEnd: 0 }
              }
            >
              {name}
            </Tag>
          </Tooltip>
        );
      })}
    </>
  );
}
