import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Opens the drill-down; without it the value is plain text (nothing behind it to list). */
  onClick?: () => void;
  testId?: string;
  title?: string;
  className?: string;
}

/** A number that opens the records behind it: a text button, keyboard-reachable, underlined on hover. */
export function DrillValue({ children, onClick, testId, title, className }: Props) {
  const { t } = useTranslation();
  if (!onClick)
    return (
      <span className={className} data-testid={testId}>
        {children}
      </span>
    );
  return (
    <button
      type="button"
      className={`yy-cockpit-drill-value${className ? ` ${className}` : ''}`}
      onClick={onClick}
      title={title ?? t('cockpit.drill.hint')}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
