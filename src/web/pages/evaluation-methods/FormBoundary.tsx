import { Component, type ReactNode } from 'react';

/**
 * Shows `fallback` instead of the structured editor when a document cannot be drawn as a form
 * (an imported file of another shape); the JSON view still shows it. Re-mount with a new key to retry.
 */
export class FormBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
