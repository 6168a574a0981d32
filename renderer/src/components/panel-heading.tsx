import { useEffect, useRef, type ReactNode } from 'react';
import { hasUserInteracted } from './user-interaction';

/**
 * A panel's heading, focused when the panel appears so keyboard and screen-reader users land on the new step
 * (WAI-ARIA APG, "Managing focus": move focus to the new content's heading). A secondary panel shown next to a
 * view's own heading passes `focusOnMount={false}`. The first panel of a freshly loaded page is not focused: the page
 * starts at its top, with no focus ring drawn on a heading nobody moved to.
 */
export function PanelHeading({ id, children, focusOnMount = true }: { readonly id: string; readonly children: ReactNode; readonly focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount && hasUserInteracted()) ref.current?.focus({ preventScroll: false });
  }, [focusOnMount]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="panel-heading">
      {children}
    </h2>
  );
}
