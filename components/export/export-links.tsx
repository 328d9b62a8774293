import { DownloadIcon } from "lucide-react";

/** "Export: CSV · JSON" links to an export route; the route answers with an attachment. */
export function ExportLinks({ href, what }: { href: string; what: string }) {
  return (
    <p className="ml-auto flex items-center gap-2 text-sm text-muted-foreground">
      <DownloadIcon aria-hidden="true" className="size-4" />
      Export
      {(["csv", "json"] as const).map((format) => (
        <a
          key={format}
          href={`${href}?format=${format}`}
          download
          aria-label={`Export ${what} as ${format.toUpperCase()}`}
          className="rounded-sm font-medium text-foreground underline underline-offset-2 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {format.toUpperCase()}
        </a>
      ))}
    </p>
  );
}
