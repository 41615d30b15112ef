#!/usr/bin/env node
// Draws the add-in's ribbon and catalog icons into assets/ (`node scripts/make-icons.js`): a green rounded square
// with a white check mark. Drawn from geometry rather than kept as hand-made art so every size stays crisp (each
// size is rendered on its own pixel grid, with the stroke widened at 16 px so the mark still reads there) and so
// the PNGs can be rebuilt byte for byte. Plain JS on purpose: Node 20 runs it without a TypeScript step.
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

/** The sizes the manifest references: 16/32/80 for the ribbon, 32/64 for IconUrl/HighResolutionIconUrl. */
const SIZES = [16, 32, 64, 80];
const GREEN = [0x10, 0x7c, 0x41]; // Excel's green, so the mark sits naturally on the Home tab
const WHITE = [0xff, 0xff, 0xff];
/** Sub-pixel samples per axis: 4×4 gives smooth anti-aliased edges without a graphics library. */
const SAMPLES = 4;

/** Inside a square of side `size` with corners rounded by `r` (pixel units, origin top-left)? */
function inRoundedSquare(x, y, size, r) {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && y >= 0 && x <= size && y <= size;
}

/** Distance from point p to segment a–b. */
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function drawIcon(size) {
  const png = new PNG({ width: size, height: size });
  const radius = size * 0.2;
  // The check's three points as fractions of the side, so every size has the same shape.
  const pts = [
    [0.24, 0.53],
    [0.43, 0.71],
    [0.77, 0.31],
  ].map(([x, y]) => [x * size, y * size]);
  // At least 2 px wide: a thinner stroke blurs into the green at 16 px.
  const half = Math.max(size * 0.065, 1.0);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES;
          const py = y + (sy + 0.5) / SAMPLES;
          if (!inRoundedSquare(px, py, size, radius)) continue;
          inside++;
          const d = Math.min(
            distToSegment(px, py, pts[0][0], pts[0][1], pts[1][0], pts[1][1]),
            distToSegment(px, py, pts[1][0], pts[1][1], pts[2][0], pts[2][1]),
          );
          if (d <= half) mark++;
        }
      }
      const i = (y * size + x) * 4;
      const t = inside === 0 ? 0 : mark / inside;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(GREEN[c] * (1 - t) + WHITE[c] * t);
      png.data[i + 3] = Math.round((255 * inside) / (SAMPLES * SAMPLES));
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function main() {
  const dir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, SIZES };
