/** Files the API returns as base64 (`FileExport`): saved through the browser's download, never a new tab. */

export interface DownloadableFile {
  filename: string
  mediaType: string
  contentBase64: string
}

export function fileBlob(file: DownloadableFile): Blob {
  const binary = atob(file.contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: file.mediaType })
}

export function saveFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(fileBlob(file))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
