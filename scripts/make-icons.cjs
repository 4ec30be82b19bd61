#!/usr/bin/env node
// `node scripts/make-icons.cjs`: draws Socket Lab's icon and writes every file electron-builder
// needs into build/ — icon.png (1024), icon.ico (Windows), icon.icns (macOS) and icons/NxN.png
// (Linux). The icon is drawn here rather than exported from a drawing program so that anyone can
// change it with a text editor and regenerate every size without new dependencies.
//
// The design: a rounded square in a sky-to-indigo gradient holding a white wall-socket face (two
// dark holes in a recessed disc, the Schuko look known across Europe) over three "listening…"
// dots. Shapes are signed distance functions, so each pixel's coverage comes out anti-aliased.
// Small sizes are drawn with a simpler, larger layout (no dots, no recess) so they stay legible.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')

/** Sizes of the Linux icon set, written as build/icons/NxN.png. */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

/** Sizes inside build/icon.ico; Windows picks the closest for each view. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

/**
 * The ICNS element types this script writes, each holding a PNG of the given size.
 *
 * ic11–ic14 are the double-density ("Retina") variants of 16, 32, 128 and 256 points.
 */
/** @type {Array<[string, number]>} */
const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
]

/** @typedef {readonly [number, number, number]} Rgb red, green and blue, 0..255 */

/** @type {Rgb} */
const SKY = [14, 165, 233]
/** @type {Rgb} */
const INDIGO = [67, 56, 202]
/** @type {Rgb} */
const WHITE = [255, 255, 255]
/** @type {Rgb} */
const RECESS = [221, 228, 242]
/** @type {Rgb} */
const CLIP = [184, 196, 217]
/** @type {Rgb} */
const HOLE = [30, 27, 75]
/** @type {Rgb} */
const SHADOW = [15, 23, 42]

const clamp01 = (/** @type {number} */ x) => (x < 0 ? 0 : x > 1 ? 1 : x)

// Only + - * / and Math.sqrt (correctly rounded by IEEE 754) go into the drawing, so every
// platform and Node version computes the same pixels, which the test of build/ relies on.

/**
 * Signed distance to a circle: negative inside.
 *
 * @param {number} x
 * @param {number} y
 * @param {number} cx
 * @param {number} cy
 * @param {number} r
 */
function circle(x, y, cx, cy, r) {
  return Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - r
}

/**
 * Signed distance to a rectangle centred on (cx, cy) with half sizes hw, hh and corner radius r.
 *
 * @param {number} x
 * @param {number} y
 * @param {number} cx
 * @param {number} cy
 * @param {number} hw
 * @param {number} hh
 * @param {number} r
 */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r
  const qy = Math.abs(y - cy) - hh + r
  const ox = Math.max(qx, 0)
  const oy = Math.max(qy, 0)
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - r
}

/**
 * Where each part of the icon goes, in units of the canvas (0..1), for one size and platform.
 *
 * macOS wants the artwork on Apple's grid (an 824 px body on a 1024 px canvas, corners ~22% of the
 * body); Windows and Linux icons fill more of the square, and the smallest ones fill all of it.
 *
 * @param {number} size the width and height in pixels
 * @param {'mac' | 'default'} variant
 */
function layout(size, variant) {
  const small = size <= 48
  let margin
  if (variant === 'mac') margin = 100 / 1024
  else if (size <= 24) margin = 0
  else if (small) margin = 0.03
  else margin = 0.055
  const body = 1 - 2 * margin
  const faceR = (small ? 0.36 : 0.3) * body
  const faceY = small ? 0.5 : margin + 0.45 * body
  return {
    small,
    margin,
    body,
    corner: (variant === 'mac' ? 0.2237 : 0.22) * body,
    faceR,
    faceY,
    holeR: (small ? 0.2 : 0.15) * faceR,
    holeDx: (small ? 0.42 : 0.4) * faceR,
    recessR: 0.74 * faceR,
    dotY: margin + 0.87 * body,
    dotR: 0.034 * body,
    dotDx: 0.1 * body,
  }
}

/**
 * The colour a fraction t (0..1) of the way from one colour to another, not rounded.
 *
 * @param {Rgb} from
 * @param {Rgb} to
 * @param {number} t
 * @returns {Rgb}
 */
function mix(from, to, t) {
  return [
    from[0] + (to[0] - from[0]) * t,
    from[1] + (to[1] - from[1]) * t,
    from[2] + (to[2] - from[2]) * t,
  ]
}

/**
 * The "listening…" dots under the face: horizontal offset (in dot spacings) and opacity.
 *
 * @type {ReadonlyArray<readonly [number, number]>}
 */
const DOTS = [
  [-1, 1],
  [0, 0.75],
  [1, 0.5],
]

/**
 * The icon at one size as straight (not premultiplied) RGBA bytes, row by row from the top.
 *
 * @param {number} size the width and height in pixels
 * @param {'mac' | 'default'} [variant] 'mac' keeps the margin Apple's icon grid asks for
 * @returns {Buffer}
 */
function renderIcon(size, variant = 'default') {
  const l = layout(size, variant)
  const out = Buffer.alloc(size * size * 4)
  // Distances are in canvas units; times `size` they are pixels, and a pixel half inside an edge
  // is half covered: that is the whole anti-aliasing.
  const cover = (/** @type {number} */ d) => clamp01(0.5 - d * size)
  const cx = 0.5
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size
      const y = (py + 0.5) / size
      // Premultiplied colour and alpha, painted back to front with "over".
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      /**
       * @param {Rgb} color
       * @param {number} alpha
       */
      const paint = (color, alpha) => {
        if (alpha <= 0) return
        r = color[0] * alpha + r * (1 - alpha)
        g = color[1] * alpha + g * (1 - alpha)
        b = color[2] * alpha + b * (1 - alpha)
        a = alpha + a * (1 - alpha)
      }
      const half = l.body / 2
      const background = cover(roundedRect(x, y, cx, 0.5, half, half, l.corner))
      if (background <= 0) continue
      const t = clamp01((x - l.margin + (y - l.margin)) / (2 * l.body))
      paint(mix(SKY, INDIGO, t), background)
      if (!l.small) {
        // A soft shadow under the face lifts it off the background.
        const d = circle(x, y, cx, l.faceY + 0.018, l.faceR)
        const soft = 1 - clamp01((d + 0.01) / 0.045)
        paint(SHADOW, 0.3 * soft * soft * background)
      }
      paint(WHITE, cover(circle(x, y, cx, l.faceY, l.faceR)))
      // The recessed disc is what tells a socket from a face; below 24 px it is only a blur.
      if (size >= 24) paint(RECESS, cover(circle(x, y, cx, l.faceY, l.recessR)))
      if (!l.small) {
        for (const dy of [-1, 1]) {
          const clipY = l.faceY + dy * 0.86 * l.recessR
          paint(
            CLIP,
            cover(roundedRect(x, y, cx, clipY, 0.16 * l.faceR, 0.05 * l.faceR, 0.05 * l.faceR)),
          )
        }
        for (const [i, opacity] of DOTS) {
          paint(WHITE, opacity * cover(circle(x, y, cx + i * l.dotDx, l.dotY, l.dotR)))
        }
      }
      for (const dx of [-1, 1]) {
        paint(HOLE, cover(circle(x, y, cx + dx * l.holeDx, l.faceY, l.holeR)))
      }
      const o = (py * size + px) * 4
      out[o] = Math.round(r / a)
      out[o + 1] = Math.round(g / a)
      out[o + 2] = Math.round(b / a)
      out[o + 3] = Math.round(a * 255)
    }
  }
  return out
}

/**
 * One PNG chunk: length, type, data and the CRC of type and data.
 *
 * @param {string} type four Latin-1 letters, e.g. 'IHDR'
 * @param {Buffer} data
 * @returns {Buffer}
 */
function pngChunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/**
 * PNG's Paeth predictor: whichever of left, up and upper-left is nearest to left + up - upLeft.
 *
 * @param {number} left
 * @param {number} up
 * @param {number} upLeft
 */
function paeth(left, up, upLeft) {
  const p = left + up - upLeft
  const pa = Math.abs(p - left)
  const pb = Math.abs(p - up)
  const pc = Math.abs(p - upLeft)
  if (pa <= pb && pa <= pc) return left
  return pb <= pc ? up : upLeft
}

/**
 * Encodes RGBA pixels as a PNG (8 bits per channel, colour type 6, no interlace).
 *
 * Each row gets the filter with the smallest sum of absolute differences, the heuristic libpng
 * uses, which makes the files several times smaller than no filtering would.
 *
 * @param {number} width
 * @param {number} height
 * @param {Buffer} rgba width × height × 4 bytes
 * @returns {Buffer}
 */
function encodePng(width, height, rgba) {
  const stride = width * 4
  const raw = Buffer.alloc((stride + 1) * height)
  const candidate = Buffer.alloc(stride)
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride)
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride)
    let bestScore = Infinity
    for (let filter = 0; filter <= 4; filter++) {
      let score = 0
      for (let i = 0; i < stride; i++) {
        // Every index is inside row and prev (stride bytes each): `?? 0` is for the type checker.
        const left = i >= 4 ? (row[i - 4] ?? 0) : 0
        const up = prev[i] ?? 0
        const upLeft = i >= 4 ? (prev[i - 4] ?? 0) : 0
        let predicted = 0
        if (filter === 1) predicted = left
        else if (filter === 2) predicted = up
        else if (filter === 3) predicted = (left + up) >> 1
        else if (filter === 4) predicted = paeth(left, up, upLeft)
        const value = ((row[i] ?? 0) - predicted) & 0xff
        candidate[i] = value
        score += value < 128 ? value : 256 - value
      }
      if (score < bestScore) {
        bestScore = score
        raw[y * (stride + 1)] = filter
        candidate.copy(raw, y * (stride + 1) + 1)
      }
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * An ICO file holding one PNG per size (Windows Vista and later read PNG entries at every size).
 *
 * @param {Array<{ size: number, png: Buffer }>} images
 * @returns {Buffer}
 */
function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4)
  const entries = []
  let offset = 6 + 16 * images.length
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16)
    entry[0] = size >= 256 ? 0 : size // 0 stands for 256
    entry[1] = size >= 256 ? 0 : size
    entry[2] = 0 // no palette
    entry[3] = 0
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    entries.push(entry)
    offset += png.length
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

/**
 * An ICNS file: the 'icns' magic and total length, then one element (type, length, PNG) each.
 *
 * @param {Array<{ type: string, png: Buffer }>} elements
 * @returns {Buffer}
 */
function encodeIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(8 + png.length, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

/**
 * Every icon file electron-builder reads, by path relative to the build resources folder.
 *
 * @returns {Map<string, Buffer>}
 */
function iconFiles() {
  /** @type {Map<string, Buffer>} */
  const pngs = new Map()
  /**
   * @param {number} size
   * @param {'mac' | 'default'} [variant]
   */
  const png = (size, variant = 'default') => {
    const key = `${variant}:${size}`
    let encoded = pngs.get(key)
    if (!encoded) {
      encoded = encodePng(size, size, renderIcon(size, variant))
      pngs.set(key, encoded)
    }
    return encoded
  }
  /** @type {Map<string, Buffer>} */
  const files = new Map()
  files.set('icon.png', png(1024))
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))))
  files.set(
    'icon.icns',
    encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size, 'mac') }))),
  )
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, png(size))
  return files
}

/**
 * Writes the icon files into a folder (build/ by default).
 *
 * @param {string} [outDir]
 * @returns {string[]} the paths written
 */
function writeIcons(outDir = path.join(__dirname, '..', 'build')) {
  const written = []
  for (const [name, data] of iconFiles()) {
    const file = path.join(outDir, name)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, data)
    written.push(file)
  }
  return written
}

module.exports = {
  ICNS_TYPES,
  ICO_SIZES,
  LINUX_SIZES,
  encodeIcns,
  encodeIco,
  encodePng,
  iconFiles,
  renderIcon,
  writeIcons,
}

if (require.main === module) {
  for (const file of writeIcons()) console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
