// Owner departments and document citations in the UI language (the translation table is in
// src/modules/targets/core/official-names.ts); a name the table does not know is shown as entered.
import { citationEn, departmentEn } from '../../modules/targets/core/official-names';
import type { Lang } from '../i18n';

export function departmentName(name: string, lang: Lang): string {
  return (lang === 'en' && departmentEn(name)) || name;
}

export function citation(text: string, lang: Lang): string {
  return (lang === 'en' && citationEn(text)) || text;
}
