import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { SceneFilterOptions, SceneSort } from "@/server/library/scene-list-schema";
import { sortLabels, type SceneListParams } from "./scene-list-params";

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * Search, filters and sort as a plain GET form: it works before JavaScript loads, and the
 * result is an address that can be bookmarked.
 */
export function SceneListFilters({
  params,
  options,
}: {
  params: SceneListParams;
  options: SceneFilterOptions;
}) {
  return (
    <form
      method="get"
      action="/scenes"
      role="search"
      aria-label="Search and filter scenes"
      className="grid grid-cols-1 gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <Field id="scene-search" label="Title, file path or name">
          <Input
            id="scene-search"
            type="search"
            name="q"
            defaultValue={params.search ?? ""}
            placeholder="e.g. beach or /library/2024"
            maxLength={200}
          />
        </Field>
      </div>
      <Field id="scene-performer" label="Performer">
        <NativeSelect id="scene-performer" name="performer" defaultValue={params.performerId ?? ""}>
          <option value="">Any performer</option>
          {options.performers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="scene-tag" label="Tag">
        <NativeSelect id="scene-tag" name="tag" defaultValue={params.tagId ?? ""}>
          <option value="">Any tag</option>
          {options.tags.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="scene-studio" label="Studio">
        <NativeSelect id="scene-studio" name="studio" defaultValue={params.studioId ?? ""}>
          <option value="">Any studio</option>
          {options.studios.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="scene-organized" label="Organized">
        <NativeSelect
          id="scene-organized"
          name="organized"
          defaultValue={params.organized === undefined ? "" : params.organized ? "yes" : "no"}
        >
          <option value="">Either</option>
          <option value="yes">Organized</option>
          <option value="no">Not organized</option>
        </NativeSelect>
      </Field>
      <Field id="scene-failing" label="Sync outcome">
        <NativeSelect id="scene-failing" name="failing" defaultValue={params.failing ? "1" : ""}>
          <option value="">Any</option>
          <option value="1">Has failures (last sync failed)</option>
        </NativeSelect>
      </Field>
      <Field id="scene-sort" label="Sort by">
        <NativeSelect id="scene-sort" name="sort" defaultValue={params.sort}>
          {(Object.keys(sortLabels) as SceneSort[]).map((sort) => (
            <option key={sort} value={sort}>
              {sortLabels[sort]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" asChild>
          <Link href="/scenes">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
