// Placeholder: replaced by the evaluation pages.
export function EvaluationRunsPage() {
  return null;
}
