import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { gpsFromExif } from './exif-gps.ts';
import { PHOTO_GPS, phonePhoto } from './test-fixtures.ts';

const exifOf = async (bytes: Buffer) => (await sharp(bytes).metadata()).exif!;

async function withGps(IFD3: Record<string, string>) {
	return exifOf(
		await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
			.jpeg()
			.withExif({ IFD0: { Make: 'X' }, IFD3 })
			.toBuffer()
	);
}

describe('GPS position from EXIF', () => {
	it('reads degrees, minutes and seconds with their references', async () => {
		expect(gpsFromExif(await exifOf(await phonePhoto()))).toEqual({ lat: PHOTO_GPS.lat, lng: 21.2258333 });
		expect(
			gpsFromExif(
				await withGps({
					GPSLatitudeRef: 'S',
					GPSLatitude: '33/1 52/1 0/1',
					GPSLongitudeRef: 'W',
					GPSLongitude: '70/1 30/1 0/1'
				})
			)
		).toEqual({ lat: -33.8666667, lng: -70.5 });
	});

	it('gives nothing without a position, with a void fix, 0/0 or broken numbers', async () => {
		expect(gpsFromExif(await exifOf(await phonePhoto(10, 10, false)))).toBeUndefined();
		const position = {
			GPSLatitudeRef: 'N',
			GPSLatitude: '45/1 0/1 0/1',
			GPSLongitudeRef: 'E',
			GPSLongitude: '21/1 0/1 0/1'
		};
		expect(gpsFromExif(await withGps(position))).toEqual({ lat: 45, lng: 21 });
		expect(gpsFromExif(await withGps({ ...position, GPSStatus: 'V' }))).toBeUndefined();
		expect(
			gpsFromExif(await withGps({ ...position, GPSLatitude: '0/1 0/1 0/1', GPSLongitude: '0/1 0/1 0/1' }))
		).toBeUndefined();
		expect(gpsFromExif(await withGps({ ...position, GPSLatitude: '45/0 0/1 0/1' }))).toBeUndefined();
		expect(gpsFromExif(await withGps({ ...position, GPSLatitude: '95/1 0/1 0/1' }))).toBeUndefined();
	});

	it('never throws on garbage or cut-off blocks', async () => {
		const exif = await exifOf(await phonePhoto());
		for (let cut = 0; cut < exif.length; cut += 7) expect(() => gpsFromExif(exif.subarray(0, cut))).not.toThrow();
		expect(gpsFromExif(new Uint8Array([1, 2, 3]))).toBeUndefined();
		expect(gpsFromExif(new TextEncoder().encode('Exif\0\0MM\0*\xff\xff\xff\xff'))).toBeUndefined();
	});
});
