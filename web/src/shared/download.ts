/** Saving what the API returns as a file on the user's machine (exports, attachments). */

export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The click has handed the blob to the browser's download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A CSV the API built (UTF-8 with its byte-order mark, so Excel reads Chinese correctly). */
export function saveCsv(text: string, filename: string): void {
  saveFile(new Blob([text], { type: 'text/csv;charset=utf-8' }), filename)
}
