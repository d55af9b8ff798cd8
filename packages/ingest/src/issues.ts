import type { ImportIssue } from '@songnodes/core';

/** One issue as a line for a person: `error: file, line 3, entry 2, bpm: message`. */
export function formatIssue(i: ImportIssue): string {
  const where = [
    i.file,
    i.line !== undefined ? `line ${i.line}` : undefined,
    i.position !== undefined ? `entry ${i.position}` : undefined,
    i.field,
  ]
    .filter((x) => x !== undefined && x !== '')
    .join(', ');
  return `${i.severity}: ${where ? `${where}: ` : ''}${i.message}`;
}
