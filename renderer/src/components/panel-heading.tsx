import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A panel's heading, focused when the panel appears so keyboard and screen-reader users land on the new step
 * (WAI-ARIA APG, "Managing focus": move focus to the new content's heading).
 */
export function PanelHeading({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="panel-heading">
      {children}
    </h2>
  );
}
