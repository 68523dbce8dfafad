// Placeholder: replaced by the evaluation pages.
export function EvaluationRunPage() {
  return null;
}
