import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { crc32, inflateSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

interface IconsModule {
  ICNS_TYPES: Array<[string, number]>
  ICO_SIZES: number[]
  LINUX_SIZES: number[]
  encodePng: (width: number, height: number, rgba: Buffer) => Buffer
  iconFiles: () => Map<string, Buffer>
  renderIcon: (size: number, variant?: 'mac' | 'default') => Buffer
}

const require = createRequire(import.meta.url)
const icons = require('./make-icons.cjs') as IconsModule
const buildDir = join(import.meta.dirname, '..', 'build')

interface Image {
  width: number
  height: number
  rgba: Buffer
}

/**
 * Decodes the PNGs make-icons writes (8-bit RGBA, not interlaced), checking every chunk's CRC.
 *
 * Written from the PNG specification rather than with the encoder's helpers, so a mistake in the
 * encoder cannot be repeated here.
 */
function decodePng(png: Buffer): Image {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
  let offset = 8
  let width = 0
  let height = 0
  const idat: Buffer[] = []
  let ended = false
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString('latin1', offset + 4, offset + 8)
    const body = png.subarray(offset + 8, offset + 8 + length)
    const crc = png.readUInt32BE(offset + 8 + length)
    expect(crc, `CRC of ${type}`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)))
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      expect([...body.subarray(8)], 'bit depth 8, RGBA, deflate, no interlace').toEqual([
        8, 6, 0, 0, 0,
      ])
    } else if (type === 'IDAT') {
      idat.push(body)
    } else if (type === 'IEND') {
      ended = true
    }
    offset += 12 + length
  }
  expect(ended, 'IEND is the last chunk').toBe(true)
  expect(offset).toBe(png.length)
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * 4
  expect(raw.length).toBe((stride + 1) * height)
  const rgba = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0
      const a = i >= 4 ? (rgba[y * stride + i - 4] ?? 0) : 0
      const b = y > 0 ? (rgba[(y - 1) * stride + i] ?? 0) : 0
      const c = i >= 4 && y > 0 ? (rgba[(y - 1) * stride + i - 4] ?? 0) : 0
      let predicted: number
      switch (filter) {
        case 0:
          predicted = 0
          break
        case 1:
          predicted = a
          break
        case 2:
          predicted = b
          break
        case 3:
          predicted = Math.floor((a + b) / 2)
          break
        case 4: {
          const p = a + b - c
          const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)]
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
          break
        }
        default:
          throw new Error(`unknown PNG filter ${filter}`)
      }
      rgba[y * stride + i] = (x + predicted) & 0xff
    }
  }
  return { width, height, rgba }
}

/** Compares two decoded images; Buffer.equals, since a deep toEqual of megabytes takes a minute. */
function expectSameImage(actual: Image, expected: Image, label: string): void {
  expect([actual.width, actual.height], label).toEqual([expected.width, expected.height])
  if (actual.rgba.equals(expected.rgba)) return
  const byte = actual.rgba.findIndex((value, i) => value !== expected.rgba[i])
  const pixel = Math.floor(byte / 4)
  const at = `(${pixel % actual.width}, ${Math.floor(pixel / actual.width)})`
  expect.fail(`${label}: the pixels differ first at ${at}`)
}

/** The images inside an ICO file, with the size its directory claims for each. */
function readIco(ico: Buffer): Array<{ size: number; png: Buffer }> {
  expect(ico.readUInt16LE(0), 'reserved').toBe(0)
  expect(ico.readUInt16LE(2), 'type 1 = icon').toBe(1)
  const count = ico.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const entry = ico.subarray(6 + 16 * i, 6 + 16 * (i + 1))
    const width = entry[0] || 256
    expect(entry[1] || 256, 'square').toBe(width)
    expect(entry.readUInt16LE(4), 'planes').toBe(1)
    expect(entry.readUInt16LE(6), 'bits per pixel').toBe(32)
    const length = entry.readUInt32LE(8)
    const offset = entry.readUInt32LE(12)
    expect(offset + length).toBeLessThanOrEqual(ico.length)
    return { size: width, png: ico.subarray(offset, offset + length) }
  })
}

/** The elements of an ICNS file, checking the lengths add up to the file's. */
function readIcns(icns: Buffer): Array<{ type: string; png: Buffer }> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns')
  expect(icns.readUInt32BE(4), 'total length').toBe(icns.length)
  const elements: Array<{ type: string; png: Buffer }> = []
  let offset = 8
  while (offset < icns.length) {
    const length = icns.readUInt32BE(offset + 4)
    expect(length).toBeGreaterThan(8)
    elements.push({
      type: icns.toString('latin1', offset, offset + 4),
      png: icns.subarray(offset + 8, offset + length),
    })
    offset += length
  }
  expect(offset).toBe(icns.length)
  return elements
}

describe('encodePng', () => {
  it('round-trips any RGBA image through a PNG decoder', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }))
          .chain(([width, height]) =>
            fc.tuple(
              fc.constant(width),
              fc.constant(height),
              fc.uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 }),
            ),
          ),
        ([width, height, bytes]) => {
          const rgba = Buffer.from(bytes)
          expect(decodePng(icons.encodePng(width, height, rgba))).toEqual({ width, height, rgba })
        },
      ),
    )
  })
})

describe('the committed icons in build/', () => {
  it('are what make-icons.cjs draws now (run `node scripts/make-icons.cjs` after changing it)', () => {
    // Drawing and encoding every size takes a few seconds; a busy machine may need more.
    for (const [name, data] of icons.iconFiles()) {
      const committed = readFileSync(join(buildDir, name))
      // Pixels, not bytes: another zlib may compress the same pixels differently.
      if (name.endsWith('.png')) {
        expectSameImage(decodePng(committed), decodePng(data), name)
      } else if (name.endsWith('.ico')) {
        const [now, then] = [readIco(data), readIco(committed)]
        expect(
          then.map((image) => image.size),
          name,
        ).toEqual(now.map((image) => image.size))
        then.forEach((image, i) =>
          expectSameImage(decodePng(image.png), decodePng(now[i]!.png), `${name} ${image.size}`),
        )
      } else {
        const [now, then] = [readIcns(data), readIcns(committed)]
        expect(
          then.map((element) => element.type),
          name,
        ).toEqual(now.map((e) => e.type))
        then.forEach((element, i) =>
          expectSameImage(
            decodePng(element.png),
            decodePng(now[i]!.png),
            `${name} ${element.type}`,
          ),
        )
      }
    }
  }, 60_000)

  it('give Windows a 16 to 256 px icon, each PNG the size its directory entry says', () => {
    const images = readIco(readFileSync(join(buildDir, 'icon.ico')))
    expect(images.map((image) => image.size)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const image of images) {
      const { width, height } = decodePng(image.png)
      expect([width, height]).toEqual([image.size, image.size])
    }
  })

  it('give macOS 32 to 1024 px PNG elements under the types that stand for those sizes', () => {
    const elements = readIcns(readFileSync(join(buildDir, 'icon.icns')))
    const sizes = elements.map(({ type, png }) => [type, decodePng(png).width])
    expect(sizes).toEqual([
      ['ic11', 32],
      ['ic12', 64],
      ['ic07', 128],
      ['ic13', 256],
      ['ic08', 256],
      ['ic14', 512],
      ['ic09', 512],
      ['ic10', 1024],
    ])
  })

  it('give Linux NxN.png from 16 to 512 px and a 1024 px icon.png', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const { width, height } = decodePng(
        readFileSync(join(buildDir, 'icons', `${size}x${size}.png`)),
      )
      expect([width, height]).toEqual([size, size])
    }
    expect(decodePng(readFileSync(join(buildDir, 'icon.png'))).width).toBe(1024)
  })

  it('draw an opaque icon with transparent rounded corners, smooth at the edge', () => {
    const size = 256
    const rgba = icons.renderIcon(size)
    const alpha = (x: number, y: number): number => rgba[(y * size + x) * 4 + 3] ?? -1
    expect(alpha(0, 0)).toBe(0)
    expect(alpha(size / 2, size / 2)).toBe(255)
    expect(alpha(size / 2, 20)).toBe(255)
    // Anti-aliased: some pixels along the rounded corner are partly covered.
    const partial = Array.from({ length: size }, (_, x) => alpha(x, 20)).filter(
      (a) => a > 0 && a < 255,
    )
    expect(partial.length).toBeGreaterThan(0)
  })
})
