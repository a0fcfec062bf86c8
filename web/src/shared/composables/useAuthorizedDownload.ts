/** Downloads a file the API serves only with the session's Authorization header (a plain link has none). */
import { ref } from 'vue'
import { useSession } from '../auth/session'

export function useAuthorizedDownload() {
  const session = useSession()
  const downloading = ref<string | null>(null)

  async function fetchWithToken(url: string): Promise<Response> {
    const send = () => fetch(url, { headers: { Authorization: `Bearer ${session.tokens?.accessToken ?? ''}` } })
    const first = await send()
    if (first.status !== 401) return first
    // An expired access token: any request through the session's client renews it; then try once more.
    await session.loadViewer()
    return send()
  }

  /** Saves the file under `filename`; false when the API refused or the network failed. */
  async function download(url: string, filename: string): Promise<boolean> {
    downloading.value = url
    try {
      const response = await fetchWithToken(url)
      if (!response.ok) return false
      const href = URL.createObjectURL(await response.blob())
      const link = Object.assign(document.createElement('a'), { href, download: filename })
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(href), 10_000)
      return true
    } catch {
      return false
    } finally {
      downloading.value = null
    }
  }

  return { download, downloading }
}
