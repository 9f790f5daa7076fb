import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_MAX_SIDE, prepareImage, prepareImages } from './prepare-image.ts';
import {
	PHOTO_GPS,
	asFile,
	elfProgram,
	phonePhoto,
	pngBomb,
	shellScript,
	svgWithScript,
	truncatedJpeg,
	windowsProgram
} from './test-fixtures.ts';

const refused = (key: string, field = 'photos') => ({ ok: false, errors: { [field]: key } });

describe('preparing an uploaded image', () => {
	it('reads the GPS position, then removes every metadata block, upright and re-encoded', async () => {
		const original = await phonePhoto();
		expect(original.includes(Buffer.from('PhoneMaker'))).toBe(true);
		const r = await prepareImage(asFile(original, 'IMG_2041.jpg', 'image/jpeg'), { field: 'photos' });
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.value).toMatchObject({
			mimeType: 'image/jpeg',
			ext: 'jpg',
			width: 30,
			height: 40,
			originalName: 'IMG_2041.jpg'
		});
		expect(r.value.gps).toEqual({ lat: PHOTO_GPS.lat, lng: 21.2258333 });
		expect(r.value.size).toBe(r.value.bytes.byteLength);
		const cleaned = Buffer.from(r.value.bytes);
		const after = await sharp(cleaned).metadata();
		expect([after.exif, after.xmp, after.icc, after.iptc, after.orientation, after.comments]).toEqual(
			Array(6).fill(undefined)
		);
		expect(cleaned.includes(Buffer.from('PhoneMaker'))).toBe(false);
		expect(cleaned.includes(Buffer.from('GPS'))).toBe(false);
		expect(cleaned.includes(Buffer.from('Exif'))).toBe(false);
	});

	it('reads the position from PNG and WebP photos too, and strips it there as well', async () => {
		const gps = {
			GPSLatitudeRef: 'N',
			GPSLatitude: '45/1 45/1 0/1',
			GPSLongitudeRef: 'E',
			GPSLongitude: '21/1 15/1 0/1'
		};
		const base = () =>
			sharp({ create: { width: 16, height: 12, channels: 3, background: '#357' } }).withExif({ IFD3: gps });
		for (const bytes of [await base().png().toBuffer(), await base().webp().toBuffer()]) {
			const r = await prepareImage(asFile(bytes, 'x.jpg'));
			if (!r.ok) throw new Error(JSON.stringify(r.errors));
			expect(r.value.gps).toEqual({ lat: 45.75, lng: 21.25 });
			expect((await sharp(r.value.bytes).metadata()).exif).toBeUndefined();
		}
	});

	it('has no position for a photo without GPS', async () => {
		const r = await prepareImage(asFile(await phonePhoto(10, 10, false), 'a.jpg'));
		expect(r.ok && 'gps' in r.value).toBe(false);
	});

	it('takes the type from the content: a PNG named .jpg is a PNG', async () => {
		const png = await sharp({ create: { width: 12, height: 9, channels: 4, background: '#00f8' } })
			.png()
			.toBuffer();
		const r = await prepareImage(asFile(png, 'photo.jpg', 'image/jpeg'));
		expect(r.ok && [r.value.mimeType, r.value.ext, r.value.width, r.value.height]).toEqual(['image/png', 'png', 12, 9]);
	});

	it('shrinks large images to the longest side limit', async () => {
		const big = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#fff' } })
			.jpeg()
			.toBuffer();
		const r = await prepareImage(asFile(big, 'big.jpg'));
		expect(r.ok && [r.value.width, r.value.height]).toEqual([IMAGE_MAX_SIDE, IMAGE_MAX_SIDE / 2]);
	});

	it('refuses programs renamed as photos', async () => {
		for (const program of [elfProgram(), windowsProgram(), shellScript()])
			expect(await prepareImage(asFile(program, 'IMG_0001.jpg', 'image/jpeg'), { field: 'photos' })).toEqual(
				refused('files_error_executable')
			);
	});

	it('refuses SVG, with a script or without', async () => {
		expect(await prepareImage(asFile(svgWithScript(), 'photo.jpg'), { field: 'photos' })).toEqual(
			refused('files_error_svg')
		);
		const plain = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';
		expect(await prepareImage(asFile(plain, 'drawing.svg', 'image/svg+xml'), { field: 'photos' })).toEqual(
			refused('files_error_svg')
		);
	});

	it('refuses a decompression bomb from its header, before decoding a pixel', async () => {
		const bomb = pngBomb(20000);
		// A small file that would unpack into 400 megapixels.
		expect(bomb.length).toBeLessThan(100_000);
		expect(await prepareImage(asFile(bomb, 'map.png'), { field: 'photos' })).toEqual(
			refused('files_error_image_too_many_pixels')
		);
		// Its pixel data is not even valid: only the header was read, or it would be "unreadable".
		expect(await prepareImage(asFile(pngBomb(20000, true), 'map.png'), { field: 'photos' })).toEqual(
			refused('files_error_image_too_many_pixels')
		);
		// 64 megapixels: under libvips' own default limit, so only our header check refuses it.
		expect(await prepareImage(asFile(pngBomb(8000), 'map.png'), { field: 'photos' })).toEqual(
			refused('files_error_image_too_many_pixels')
		);
		// The same construction at a sane size is a normal image.
		const small = await prepareImage(asFile(pngBomb(300), 'map.png'));
		expect(small.ok && [small.value.width, small.value.height]).toEqual([300, 300]);
	});

	it('refuses a truncated JPEG and other damaged images', async () => {
		expect(await prepareImage(asFile(await truncatedJpeg(), 'cut.jpg'), { field: 'photos' })).toEqual(
			refused('files_error_image_truncated')
		);
		const png = await sharp({
			create: {
				width: 50,
				height: 50,
				channels: 3,
				background: '#000',
				noise: { type: 'gaussian', mean: 90, sigma: 30 }
			}
		})
			.png()
			.toBuffer();
		const damaged = Buffer.from(png);
		damaged.fill(0x41, 60, 200);
		expect(await prepareImage(asFile(damaged, 'damaged.png'), { field: 'photos' })).toEqual(
			refused('files_error_image_unreadable')
		);
	});

	it('refuses other files, empty and too large ones', async () => {
		expect(await prepareImage(asFile('%PDF-1.4\n%%EOF\n', 'scan.jpg'))).toEqual(
			refused('files_error_image_type', 'file')
		);
		expect(await prepareImage(asFile('just text', 'a.png'))).toEqual(refused('files_error_image_type', 'file'));
		expect(await prepareImage(asFile(new Uint8Array(), ''))).toEqual(refused('files_error_required', 'file'));
		expect(await prepareImage(null)).toEqual(refused('files_error_required', 'file'));
		expect(await prepareImage(asFile(await phonePhoto(), 'a.jpg'), { maxBytes: 100 })).toEqual(
			refused('files_error_too_large', 'file')
		);
	});

	it('keeps only the first frame of an animation unless asked to keep it', async () => {
		const frame = (background: string) =>
			sharp({ create: { width: 10, height: 8, channels: 3, background } })
				.png()
				.toBuffer();
		const gif = await sharp([await frame('#f00'), await frame('#0f0'), await frame('#00f')], {
			join: { animated: true }
		})
			.gif()
			.toBuffer();
		for (const [keepAnimation, pages] of [
			[false, 1],
			[true, 3]
		] as const) {
			const r = await prepareImage(asFile(gif, 'a.gif'), { keepAnimation });
			if (!r.ok) throw new Error(JSON.stringify(r.errors));
			expect([r.value.width, r.value.height]).toEqual([10, 8]);
			expect((await sharp(r.value.bytes).metadata()).pages).toBe(pages);
		}
	});

	it('prepares the photos of a form, skipping empty entries, within a count', async () => {
		const photo = asFile(await phonePhoto(), 'a.jpg');
		const empty = asFile(new Uint8Array(), '');
		const r = await prepareImages([photo, empty, photo, 'x'], { field: 'photos', max: 3 });
		expect(r.ok && r.value.length).toBe(2);
		expect(await prepareImages([photo, photo], { field: 'photos', max: 1 })).toEqual(refused('files_error_too_many'));
		expect(await prepareImages([photo, asFile(svgWithScript(), 'b.jpg')], { field: 'photos' })).toEqual(
			refused('files_error_svg')
		);
	});
});
