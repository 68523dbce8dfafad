/**
 * A proper name of data — a person's or an organisation's name as registered — shown as written.
 * Chinese names are marked `lang="zh-CN"` so readers (and screen readers) know the text is Chinese
 * in an English page; names are not translated (docs/architecture.md, "Names in two languages").
 */
const HAN = /\p{Script=Han}/u;

export function ProperName({ name }: { name: string | null | undefined }) {
  if (!name) return null;
  return <span lang={HAN.test(name) ? 'zh-CN' : undefined}>{name}</span>;
}

/** Text people typed (notes, reasons), shown as typed: never translated, marked as such. */
export function TypedText({ text, fallback = '—' }: { text: string | null | undefined; fallback?: string }) {
  if (!text) return <>{fallback}</>;
  return (
    <span data-user-text title={text}>
      {text}
    </span>
  );
}
