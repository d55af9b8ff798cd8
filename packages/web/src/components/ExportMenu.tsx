// Export buttons: each starts an export job on the server, waits for it, and hands the file to
// the browser as a download (the server names the file and sets its type).
import { useState } from 'react';
import {
  type ExportRequest,
  type ExportStatus,
  fetchExportFile,
  getExport,
  startExport,
} from '../api/client.ts';
import { download } from '../download.ts';
import { useCan } from '../session.ts';
import { failureText, PermissionNote } from './states.tsx';

type Format = ExportRequest['format'];

const LABELS: Record<Format, string> = {
  m3u8: 'M3U8',
  rekordbox: 'Rekordbox XML',
  traktor: 'Traktor NML',
  csv: 'CSV',
  json: 'JSON',
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
};

const FINISHED = ['completed', 'failed', 'cancelled', 'expired'];

export function ExportMenu({
  label,
  formats,
  request,
}: {
  label: string;
  formats: Format[];
  /** The export request for a format (kind, tracks or filters…). */
  request: (format: Format) => ExportRequest;
}) {
  const [state, setState] = useState<{
    format: Format;
    status: string;
    file?: ExportStatus['file'];
    error?: string;
  } | null>(null);

  const run = async (format: Format) => {
    setState({ format, status: 'queued' });
    try {
      const { jobId, download: downloadUrl } = await startExport(request(format));
      for (;;) {
        const s = await getExport(jobId);
        setState({ format, status: s.status, file: s.file, error: s.message });
        if (FINISHED.includes(s.status)) {
          if (s.status === 'completed') {
            // Fetched with the session's token, then saved under the server's name for it.
            const file = await fetchExportFile(s.download ?? downloadUrl);
            const url = URL.createObjectURL(file.blob);
            download(url, s.file?.filename ?? file.filename ?? 'songnodes-export');
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
          }
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    } catch (e) {
      setState({ format, status: 'failed', error: failureText(e) });
    }
  };

  const may = useCan('export');
  const busy = state !== null && !FINISHED.includes(state.status);
  return (
    <fieldset className="export-menu">
      <legend className="muted small">{label}:</legend>
      {formats.map((f) => (
        <button
          key={f}
          type="button"
          className="secondary small-button"
          disabled={!may || busy}
          onClick={() => run(f)}
        >
          {LABELS[f]}
        </button>
      ))}
      <PermissionNote permission="export" doing="Exporting" />
      {state && (
        <span className="muted small" role="status" data-export-status={state.status}>
          {LABELS[state.format]}: {state.status}
          {state.file
            ? ` — ${state.file.filename}${state.file.tracks !== undefined ? `, ${state.file.tracks} tracks` : ''}`
            : ''}
          {state.file?.unknownEntriesLeftOut
            ? `, ${state.file.unknownEntriesLeftOut} unknown entries left out`
            : ''}
          {state.error ? ` — ${state.error}` : ''}
        </span>
      )}
    </fieldset>
  );
}
