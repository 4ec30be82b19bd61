import { describe, expect, it } from 'vitest'
import { parseExcludedRanges, rangesWith } from './parse-excluded'

const SAMPLE = [
  '',
  'Protocol tcp Port Exclusion Ranges',
  '',
  'Start Port    End Port',
  '----------    --------',
  '      5357        5357',
  '      7800        7899',
  '     50000       50059     *',
  '',
  '* - Administered port exclusions.',
  '',
].join('\r\n')

describe('parseExcludedRanges', () => {
  it('reads each range and the administered mark', () => {
    expect(parseExcludedRanges(SAMPLE, 'ipv4')).toEqual([
      { family: 'ipv4', start: 5357, end: 5357, isAdministered: false },
      { family: 'ipv4', start: 7800, end: 7899, isAdministered: false },
      { family: 'ipv4', start: 50000, end: 50059, isAdministered: true },
    ])
  })

  it('reads localized tables by their numbers alone', () => {
    const ru = [
      'Диапазоны исключенных портов для протокола tcp',
      '',
      'Начальный порт    Конечный порт',
      '----------    --------',
      '      1080        1179',
    ].join('\n')
    expect(parseExcludedRanges(ru, 'ipv6')).toEqual([
      { family: 'ipv6', start: 1080, end: 1179, isAdministered: false },
    ])
  })

  it('an empty table, empty output, or nonsense give no ranges', () => {
    expect(parseExcludedRanges('', 'ipv4')).toEqual([])
    expect(parseExcludedRanges('Start Port    End Port\n----------    --------\n', 'ipv4')).toEqual(
      [],
    )
    expect(parseExcludedRanges('  9000   8000\n  1 99999', 'ipv4')).toEqual([])
  })
})

describe('rangesWith', () => {
  const ranges = parseExcludedRanges(SAMPLE, 'ipv4')
  it.each([
    [7878, 1],
    [7800, 1],
    [7899, 1],
    [7900, 0],
    [5357, 1],
    [80, 0],
  ])('port %i lies in %i range(s)', (port, count) => {
    expect(rangesWith(ranges, port)).toHaveLength(count)
  })
})
