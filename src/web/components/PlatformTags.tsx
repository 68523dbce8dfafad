import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReferenceMaps } from '../api/reference';
import { localName, useLang } from '../lib/useLang';

/** Leading industries as tags, named in the current language. */
export function IndustryTags({ codes }: { codes: string[] }) {
  const lang = useLang();
  const { industries } = useReferenceMaps();
  return (
    <>
      {codes.map((code) => (
        <Tag key={code} color="blue" style={{ marginBlock: 2 }}>
          {localName(industries.get(code), lang) ?? code}
        </Tag>
      ))}
    </>
  );
}

export function StrategicTag() {
  const { t } = useTranslation();
  return <Tag color="red">{t('platform.strategicTag')}</Tag>;
}

export function ArchivedTag() {
  const { t } = useTranslation();
  return <Tag>{t('platform.archivedTag')}</Tag>;
}
