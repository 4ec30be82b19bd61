import { describe, expect, it } from 'vitest'
import { translate } from '../i18n/context'
import type { Translate } from '../i18n/context'
import { studentRow } from './aggregate'
import { progressUpTo, studentFile } from './class-test-kit'
import { classCsv, csvField, csvTime, toCsv } from './csv'

/** A strict RFC 4180 reader, to check that what we write reads back as written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  expect(field, 'every row ends with CRLF').toBe('')
  return rows
}

describe('csvField', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvField('Anna Petrova')).toBe('Anna Petrova')
    expect(csvField('Анна')).toBe('Анна')
    expect(csvField(3)).toBe('3')
    expect(csvField(-3)).toBe('-3')
    expect(csvField(Number.NaN)).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Smith, Jo')).toBe('"Smith, Jo"')
    expect(csvField('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
  })

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csvField('+1+1')).toBe("'+1+1")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\t=1')).toBe("'\t=1")
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
    expect(csvField('a=1')).toBe('a=1')
  })
})

describe('toCsv', () => {
  it('starts with a byte order mark and ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b,c', 2],
      ]),
    ).toBe('\uFEFFa,1\r\n"b,c",2\r\n')
  })
})

describe('csvTime', () => {
  it('is the local date and minute, empty for none', () => {
    expect(csvTime(new Date(2026, 4, 4, 9, 5, 59).getTime())).toBe('2026-05-04 09:05')
    expect(csvTime(null)).toBe('')
  })
})

describe('classCsv', () => {
  const t: Translate = (key, params) => translate('en', key, params)
  const rows = [
    studentRow(studentFile('evil.json', '=cmd|" /C calc"!A0', progressUpTo('routes', 1))),
    studentRow(studentFile('a, "b"\nc.json', 'Smith, "JJ"', progressUpTo(null))),
    studentRow(studentFile('pc-07.json', null, progressUpTo('connect'))),
  ]

  it('has a header, then one row per student in the order given', () => {
    const table = readCsv(classCsv(rows, t).slice(1))
    expect(table).toHaveLength(4)
    expect(table[0]?.slice(0, 6)).toEqual([
      'Student',
      'File',
      'First unfinished stage',
      'Checkpoints ticked (of 23)',
      '1. Connection established: ticked (of 3)',
      '1. Connection established: last tick',
    ])
    expect(table[0]).toHaveLength(4 + 2 * 9)
    expect(table[0]?.at(-4)).toBe('8. Graceful shutdown: ticked (of 3)')
    expect(table[0]?.at(-2)).toBe('9. Inspect your own server: ticked (of 3)')
    expect(table.slice(1).every((r) => r.length === table[0]?.length)).toBe(true)
  })

  it('keeps names and file names whole, formulas defused', () => {
    const table = readCsv(classCsv(rows, t).slice(1))
    expect(table[1]?.slice(0, 4)).toEqual([
      '\'=cmd|" /C calc"!A0',
      'evil.json',
      '5. Routes and 404',
      '11',
    ])
    expect(table[2]?.slice(0, 4)).toEqual(['Smith, "JJ"', 'a, "b"\nc.json', 'all done', '23'])
  })

  it('says the chapter is done when only the stage after it is left', () => {
    const chapter = progressUpTo('own-server')
    const table = readCsv(classCsv([studentRow(studentFile('c.json', 'C', chapter))], t).slice(1))
    expect(table[1]?.slice(2, 4)).toEqual(['chapter done', '20'])
  })

  it('leaves the name empty for a student without one, and writes ticks as numbers', () => {
    const table = readCsv(classCsv(rows, t).slice(1))
    expect(table[3]?.slice(0, 8)).toEqual([
      '',
      'pc-07.json',
      '1. Connection established',
      '0',
      '0',
      '',
      '0',
      '',
    ])
    expect(table[1]?.slice(4, 6)).toEqual(['3', csvTime(rows[0]?.stages[0]?.lastTick ?? null)])
  })

  it('speaks the language of the view', () => {
    const ru: Translate = (key, params) => translate('ru', key, params)
    const header = readCsv(classCsv([], ru).slice(1))[0]
    expect(header?.slice(0, 2)).toEqual(['Ученик', 'Файл'])
    expect(header?.[4]).toBe('1. Соединение установлено: отмечено (из 3)')
  })
})
