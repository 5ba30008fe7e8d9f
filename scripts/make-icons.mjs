// Draws the toolbar icon (a chip seen through a lens) at each size the
// manifest asks for. Run by hand when the design changes; the PNGs are
// committed so a build needs nothing but npm packages.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, paint) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function paint(u, v) {
  const cx = 0.42,
    cy = 0.42,
    R = 0.34;
  const d = Math.hypot(u - cx, v - cy);
  // Handle of the lens.
  const t = Math.max(0, Math.min(1, ((u - 0.64) * Math.SQRT1_2 + (v - 0.64) * Math.SQRT1_2) / 0.3));
  const hx = 0.64 + t * 0.3 * Math.SQRT1_2,
    hy = 0.64 + t * 0.3 * Math.SQRT1_2;
  if (Math.hypot(u - hx, v - hy) < 0.075) return [40, 44, 52, 1];
  if (d > R && d < R + 0.07) return [40, 44, 52, 1];
  if (d <= R) {
    // A chip with pins inside the lens.
    const inChip = Math.abs(u - cx) < 0.15 && Math.abs(v - cy) < 0.15;
    const pin =
      (Math.abs(u - cx) < 0.2 && Math.abs(v - cy) < 0.12 && Math.floor((v - cy + 0.12) / 0.06) % 2 === 0) ||
      (Math.abs(v - cy) < 0.2 && Math.abs(u - cx) < 0.12 && Math.floor((u - cx + 0.12) / 0.06) % 2 === 0);
    if (inChip) return [255, 176, 0, 1];
    if (pin) return [214, 140, 0, 1];
    return [222, 238, 255, 1];
  }
  return [0, 0, 0, 0];
}

// The same icon in greys, lighter, for tabs where ChipLens is paused or off.
function grey(u, v) {
  const [r, g, b, a] = paint(u, v);
  const y = Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const light = Math.round(y + (255 - y) * 0.35);
  return [light, light, light, a * 0.8];
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size, paint));
for (const size of [16, 32]) writeFileSync(`public/icons/icon-grey-${size}.png`, png(size, grey));
console.log('icons written to public/icons');
