import { Skeleton } from "@/components/ui/skeleton";

export default function ScenePageLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <span className="sr-only">Loading the scene…</span>
      <Skeleton className="h-4 w-32" />
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-4 w-48" />
      </div>
      <Skeleton className="h-10 w-64" />
      <div className="flex flex-col gap-3">
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={i} className="h-4 w-full max-w-xl" />
        ))}
      </div>
    </div>
  );
}
