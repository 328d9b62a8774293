import type * as React from "react";

/**
 * An error line under a form or a list, announced by screen readers as it appears. Renders
 * nothing while there is no error (`false`, `null` or an empty string).
 */
export function ErrorMessage({ children, id }: { children: React.ReactNode; id?: string }) {
  if (children === null || children === undefined || children === false || children === "") {
    return null;
  }
  return (
    <p id={id} role="alert" className="text-sm text-destructive">
      {children}
    </p>
  );
}
