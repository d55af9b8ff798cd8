/** Hands a URL (a server download or a data: URL) to the browser as a file download. */
export function download(url: string, filename: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  // Chromium only downloads from a link that is in the document.
  document.body.append(a);
  a.click();
  a.remove();
}
