// Placeholder: replaced by the evaluation pages.
export function ScorecardPage() {
  return null;
}
