import Link from "next/link";

export default function SyncRunNotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Sync run not found</h1>
      <p className="text-muted-foreground">
        No run has this job id. Old runs may have been removed by retention.
      </p>
      <p>
        <Link href="/syncs" className="underline">
          See all sync runs
        </Link>
      </p>
    </div>
  );
}
