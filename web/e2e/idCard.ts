/** Valid resident ID numbers (GB 11643: weighted check character) for members the tests register. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function idCard(serial: number, division = '430104', born = '19900101'): string {
  const body = `${division}${born}${String(serial % 1000).padStart(3, '0')}`
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0)
  return body + CHECK[sum % 11]
}
