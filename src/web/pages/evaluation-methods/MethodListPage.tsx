// Placeholder: replaced by the method pages.
export function MethodListPage() {
  return null;
}
