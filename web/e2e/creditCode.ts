/** Valid unified social credit codes (GB 32100-2015) for tests that create enterprises: unique per call. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + CHARSET.indexOf(c) * WEIGHTS[i]!, 0)
  return CHARSET[(31 - (sum % 31)) % 31]!
}

/** "91" (enterprise), division 430100 (Changsha), then 9 characters from the clock and chance. */
export function newCreditCode(): string {
  let serial = ''
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000)
  for (let i = 0; i < 9; i += 1) {
    serial = CHARSET[n % 31] + serial
    n = Math.floor(n / 31)
  }
  const first17 = `91430100${serial}`
  return first17 + checkCharacter(first17)
}

/** The same code with a wrong check character. */
export function withBadCheckCharacter(code: string): string {
  const last = code.at(-1)!
  return code.slice(0, 17) + (last === '0' ? '1' : '0')
}
