#!/usr/bin/env node
/**
 * Draws Lectern's icon (an open book on a lectern, one line highlighted) as icon.png, with no
 * image library: shapes are polygons sampled 4x4 per pixel for smooth edges, written as PNG with
 * node:zlib. icon.svg holds the same shapes. Run: node resources/icons/generate-icon.mjs
 */
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4;

/** Shapes in a 512-unit square, painted in order. Mirrored in icon.svg. */
const shapes = [
  { color: [39, 64, 95], roundRect: { x: 16, y: 16, w: 480, h: 480, r: 96 } },
  { color: [242, 184, 75], poly: [[226, 392], [286, 392], [316, 452], [196, 452]] },
  { color: [247, 245, 240], poly: [[100, 150], [250, 180], [250, 392], [100, 362]] },
  { color: [247, 245, 240], poly: [[262, 180], [412, 150], [412, 362], [262, 392]] },
  { color: [154, 167, 184], poly: [[124, 196], [228, 217], [228, 231], [124, 210]] },
  { color: [154, 167, 184], poly: [[124, 240], [228, 261], [228, 275], [124, 254]] },
  { color: [154, 167, 184], poly: [[124, 284], [200, 299], [200, 313], [124, 298]] },
  { color: [242, 184, 75], poly: [[280, 211], [392, 189], [392, 211], [280, 233]] },
  { color: [154, 167, 184], poly: [[284, 260], [388, 239], [388, 253], [284, 274]] },
  { color: [154, 167, 184], poly: [[284, 304], [360, 289], [360, 303], [284, 318]] },
];

function insidePoly(poly, x, y) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundRect({ x, y, w, h, r }, px, py) {
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return px >= x && px <= x + w && py >= y && py <= y + h && (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

function coverage(shape, px, py) {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      if (shape.poly ? insidePoly(shape.poly, x, y) : insideRoundRect(shape.roundRect, x, y)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function render() {
  const rgba = new Float64Array(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const o = (py * SIZE + px) * 4;
      for (const shape of shapes) {
        const a = coverage(shape, px, py);
        if (a === 0) continue;
        // Source-over compositing with straight alpha.
        const outA = a + rgba[o + 3] * (1 - a);
        for (let c = 0; c < 3; c++) {
          rgba[o + c] = (shape.color[c] * a + rgba[o + c] * rgba[o + 3] * (1 - a)) / outA;
        }
        rgba[o + 3] = outA;
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(rgba) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let i = 0; i < SIZE * 4; i++) {
      const value = i % 4 === 3 ? rgba[y * SIZE * 4 + i] * 255 : rgba[y * SIZE * 4 + i];
      raw[y * (SIZE * 4 + 1) + 1 + i] = Math.round(Math.min(255, Math.max(0, value)));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function toSvg() {
  const fill = (color) => `#${color.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const body = shapes.map((shape) => {
    if (shape.roundRect) {
      const { x, y, w, h, r } = shape.roundRect;
      return `  <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill(shape.color)}"/>`;
    }
    return `  <polygon points="${shape.poly.map((p) => p.join(',')).join(' ')}" fill="${fill(shape.color)}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">\n${body.join('\n')}\n</svg>\n`;
}

const here = import.meta.dirname;
writeFileSync(path.join(here, 'icon.png'), encodePng(render()));
writeFileSync(path.join(here, 'icon.svg'), toSvg());
