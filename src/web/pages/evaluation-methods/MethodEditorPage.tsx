// Placeholder: replaced by the method pages.
export function MethodEditorPage() {
  return null;
}
