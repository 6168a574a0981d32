let interacted = false;

/** Notes the first key press or pointer press of the page (capture phase, so no handler can hide it). */
function markInteracted(): void {
  interacted = true;
  window.removeEventListener('keydown', markInteracted, true);
  window.removeEventListener('pointerdown', markInteracted, true);
}

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', markInteracted, true);
  window.addEventListener('pointerdown', markInteracted, true);
}

/**
 * Whether the admin has pressed a key or a pointer since the page loaded. Before that, moving the focus would only
 * draw a focus ring on the first heading (Chromium shows :focus-visible for focus moved before any interaction), and a
 * freshly loaded page already starts at its top for keyboard and screen-reader users.
 */
export function hasUserInteracted(): boolean {
  return interacted;
}
