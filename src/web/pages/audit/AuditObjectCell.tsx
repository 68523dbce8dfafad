import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import type { AuditRecord } from '../../../modules/audit/audit.schemas';
import { objectTypeName } from '../../../modules/audit/core/actions';
import { useLang } from '../../lib/useLang';
import { objectCodeText, objectHistoryHref, objectPageHref } from './auditLinks';

/**
 * An audit row's object: its kind, its name and code, linked to its page when the viewer may open
 * it, else to every audit row about it.
 */
export function AuditObjectCell({ row }: { row: AuditRecord }) {
  const { t } = useTranslation();
  const lang = useLang() === 'en' ? 'en' : 'zh';
  const { data: me } = useMe();
  if (!row.objectType) return <Typography.Text type="secondary">—</Typography.Text>;
  const kind = objectTypeName(row.objectType, lang);
  const o = row.object;
  const name = (lang === 'en' ? o?.nameEn || o?.name : o?.name) ?? row.objectId;
  const page = objectPageHref(row, me);
  const history = objectHistoryHref(row);
  const href = page ?? history;
  return (
    <div className="yy-audit-object">
      <Typography.Text type="secondary">{kind}</Typography.Text>{' '}
      {name !== null &&
        (href ? (
          <Link
            to={href}
            data-testid="audit-object-link"
            title={page ? t('audit.openObject') : t('audit.objectHistory')}
          >
            {name}
          </Link>
        ) : (
          <span>{name}</span>
        ))}
      {o?.code && o.code !== name && (
        <Typography.Text type="secondary" className="yy-audit-code">
          {' '}
          {objectCodeText(row.objectType, o.code, lang)}
        </Typography.Text>
      )}
    </div>
  );
}
