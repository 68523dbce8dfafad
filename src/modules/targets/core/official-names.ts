/**
 * English names of the Hangzhou government bodies and document numbers the plan cites. A short
 * translation table of our own (no official English edition exists); names missing from it are
 * shown as entered. Pure.
 */

/** Owner departments of plan targets (市直部门), as the plan and its follow-up name them. */
export const DEPARTMENTS_EN: Readonly<Record<string, string>> = {
  市发改委: 'Municipal Development and Reform Commission',
  市经信局: 'Municipal Bureau of Economy and Information Technology',
  市科技局: 'Municipal Science and Technology Bureau',
  市投资促进局: 'Municipal Investment Promotion Bureau',
  市商务局: 'Municipal Bureau of Commerce',
  市财政局: 'Municipal Finance Bureau',
  市规划和自然资源局: 'Municipal Bureau of Planning and Natural Resources',
  市生态环境局: 'Municipal Ecology and Environment Bureau',
  市统计局: 'Municipal Statistics Bureau',
  市人力社保局: 'Municipal Human Resources and Social Security Bureau',
};

/** Issuers of the documents cited (the part of a document number before 〔year〕). */
export const ISSUERS_EN: Readonly<Record<string, string>> = {
  杭政办函: 'Hangzhou Government Office Letter',
  杭政函: 'Hangzhou Government Letter',
  杭政办发: 'Hangzhou Government Office Document',
  杭政发: 'Hangzhou Government Document',
  浙政办发: 'Zhejiang Provincial Government Office Document',
  浙政发: 'Zhejiang Provincial Government Document',
};

/** The English name of a department, or null when the table does not know it. */
export function departmentEn(name: string): string | null {
  return DEPARTMENTS_EN[name.trim()] ?? null;
}

const DOCUMENT_NUMBER = /(\p{Script=Han}+)〔(\d{4})〕(\d+)号/gu;

/**
 * A citation in English: every document number of a known issuer becomes "<issuer> [year] No. n",
 * the separator "；" becomes "; ". Null when Chinese is left (an unknown issuer or free text).
 */
export function citationEn(text: string): string | null {
  const out = text
    .replace(DOCUMENT_NUMBER, (whole, issuer: string, year: string, n: string) => {
      const en = ISSUERS_EN[issuer];
      return en ? `${en} [${year}] No. ${n}` : whole;
    })
    .replace(/；/g, '; ');
  return /\p{Script=Han}/u.test(out) ? null : out;
}
