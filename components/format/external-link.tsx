import type { ComponentProps } from "react";
import { webHref } from "@/lib/web-href";

/**
 * A URL from Stash's data as a link that opens in a new tab, or as plain text when it is not
 * an http(s) address (`data:`, `vbscript:`, `javascript:`…): the check is ours, not React's.
 */
export function ExternalLink({
  url,
  children,
  ...props
}: { url: string } & Omit<ComponentProps<"a">, "href">) {
  const href = webHref(url);
  if (href === null) return <span className={props.className}>{children ?? url}</span>;
  return (
    <a {...props} href={href} target="_blank" rel="noreferrer noopener">
      {children ?? url}
    </a>
  );
}
