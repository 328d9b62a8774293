import { formatBytes } from "@/components/format/format-bytes";
import { formatClockDuration } from "@/components/format/format-duration";
import type { SceneFileFacts } from "@/server/library/scene-details-schema";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}

/** The scene's video files, the primary one first. */
export function SceneFilesPanel({ files }: { files: SceneFileFacts[] }) {
  if (files.length === 0) {
    return <p className="text-sm text-muted-foreground">Stash lists no file for this scene.</p>;
  }
  return (
    <ul className="flex flex-col gap-4">
      {files.map((file, index) => (
        <li key={file.id} className="rounded-lg border p-4 text-sm">
          <h3 className="font-medium break-all">
            {file.basename}
            {index === 0 && files.length > 1 ? (
              <span className="ml-2 text-xs font-normal text-muted-foreground">(primary)</span>
            ) : null}
          </h3>
          <p className="mt-1 font-mono text-xs break-all text-muted-foreground">{file.path}</p>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact label="Size">{formatBytes(file.size)}</Fact>
            <Fact label="Duration">{formatClockDuration(file.duration)}</Fact>
            <Fact label="Resolution">
              {file.width} × {file.height}
            </Fact>
            <Fact label="Codec">
              {file.videoCodec || "?"} / {file.audioCodec || "?"}
            </Fact>
            <Fact label="Frame rate">{file.frameRate.toFixed(2)} fps</Fact>
            <Fact label="Bit rate">{(file.bitRate / 1_000_000).toFixed(1)} Mbit/s</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}
