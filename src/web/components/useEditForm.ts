import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { applyServerErrors, unmatchedError } from '../lib/applyServerErrors';
import type { Lang } from '../i18n';
import { useLang } from '../lib/useLang';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

export interface EditFormOptions {
  /** The form's field names: the server's field errors land on these. */
  fields: readonly string[];
  /** An error that belongs to one field though the server names none (a duplicate name …). */
  fieldOf?: (error: ApiError) => string | undefined;
  /** Renames the server's field names where the form's control is named otherwise. */
  renameField?: (field: string) => string;
  /** Scroll to the first field with an error (long forms in a drawer). */
  scrollToError?: boolean;
  /** Ask before leaving the page with unsaved changes (pages; a drawer just closes). */
  guard?: boolean;
  /** Messages matching no field: listed above the form ('details'), or the error itself ('error'). */
  unmatched?: 'details' | 'error';
}

/**
 * The state every edit form shares: the version conflict (409 VERSION_CONFLICT), the server's
 * field errors put on the form, the error shown above it, and the unsaved-changes guard.
 */
export function useEditForm(form: FormInstance, options: EditFormOptions) {
  const { guard = true } = options;
  const lang = useLang();
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { allowLeave } = useUnsavedChangesGuard(guard && dirty);

  const onError = (e: unknown) => {
    const outcome = handleSaveError(form, e, lang, options);
    if (outcome === 'conflict') setConflict(true);
    else if (outcome !== undefined) setError(outcome.error);
  };

  return {
    dirty,
    /** For the form's onValuesChange. */
    markDirty: () => setDirty(true),
    conflict,
    setConflict,
    error,
    setError,
    onError,
    /** Right before a navigation that must not ask (after saving, or reloading the latest). */
    leave: () => {
      allowLeave();
      setDirty(false);
    },
  };
}

/**
 * What a failed save means for the form: 'conflict' (someone saved first), undefined (the messages
 * sit on the fields), or the error to show above the form.
 */
export function handleSaveError(
  form: Pick<FormInstance, 'setFields' | 'getFieldError' | 'scrollToField'>,
  e: unknown,
  lang: Lang,
  options: EditFormOptions,
): 'conflict' | { error: unknown } | undefined {
  const { fields, fieldOf, renameField, scrollToError = false, unmatched = 'details' } = options;
  if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') return 'conflict';
  const field = e instanceof ApiError ? fieldOf?.(e) : undefined;
  if (field && e instanceof ApiError) {
    form.setFields([{ name: field, errors: [(lang === 'en' ? e.en : e.zh) || e.code] }]);
    if (scrollToError) form.scrollToField(field);
    return undefined;
  }
  const mapped =
    renameField && e instanceof ApiError
      ? new ApiError(
          e.status,
          e.code,
          e.zh,
          e.en,
          e.details.map((d) => ({ ...d, field: renameField(d.field) })),
        )
      : e;
  const rest = applyServerErrors(form as FormInstance, mapped, lang, fields);
  if (scrollToError) {
    const first = fields.find((f) => form.getFieldError(f).length > 0);
    if (first) form.scrollToField(first);
  }
  if (!(e instanceof ApiError) || e.details.length === 0) return { error: e };
  if (rest.length > 0) return { error: unmatched === 'error' ? e : unmatchedError(e, rest) };
  return undefined;
}
