import { describe, expect, it } from 'vitest'
import { fileBlob } from './fileDownload'

describe('fileBlob', () => {
  it('decodes base64 bytes, Chinese text included, with the media type', async () => {
    const text = '\ufeff企业名称,党员数\n博翔,3\n'
    const contentBase64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)))

    const blob = fileBlob({ filename: 'x.csv', mediaType: 'text/csv; charset=utf-8', contentBase64 })

    expect(blob.type).toBe('text/csv; charset=utf-8')
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await blob.arrayBuffer()))).toBe(text)
  })
})
