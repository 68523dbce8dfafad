import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import type { Lang } from '../i18n';

/**
 * Puts the server's validation messages (`details[].field`) on the matching form fields.
 * Returns the details that matched no field of the form.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  fields: readonly string[],
): ApiError['details'] {
  if (!(error instanceof ApiError) || error.details.length === 0) return [];
  const byField = new Map<string, string[]>();
  const unmatched: ApiError['details'] = [];
  for (const d of error.details) {
    // "leadingIndustries/0" or "leadingIndustries.0" → leadingIndustries; "/name" → name
    const field = d.field.replace(/^[/.]+/, '').split(/[/.[]/)[0] ?? '';
    const text = (lang === 'en' ? d.en : d.zh) || d.code;
    if (fields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), text]);
    else unmatched.push(d);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}

/** The error to show above a form for the server's messages that matched no field. */
export function unmatchedError(error: ApiError, unmatched: ApiError['details']): ApiError {
  return new ApiError(
    error.status,
    error.code,
    unmatched.map((d) => `${d.field}: ${d.zh}`).join('；'),
    unmatched.map((d) => `${d.field}: ${d.en}`).join('; '),
  );
}
