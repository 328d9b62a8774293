import Link from "next/link";

export default function SceneNotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Scene not found</h1>
      <p className="text-muted-foreground">
        No scene with this id is in the library. It may not have been synced yet: run a sync from
        the dashboard, or look for it in the scene list.
      </p>
      <p>
        <Link href="/scenes" className="underline">
          Go to the scene list
        </Link>
      </p>
    </div>
  );
}
