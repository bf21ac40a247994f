const REVOKE_AFTER_MS = 10_000;

/**
 * Hands text to the browser as a file download. The object URL is revoked a little later rather than
 * at once: some browsers start reading the blob only after the click handler has returned.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
