/**
 * Reads the GPS position from a raw EXIF block (as sharp's `metadata().exif` gives it, for JPEG, PNG and WebP):
 * a small TIFF reader for IFD0 → GPS IFD → latitude/longitude and their N/S, E/W references. It never throws on
 * hostile input: every offset is bounds-checked and anything odd means "no position".
 */

export interface GpsPosition {
	lat: number;
	lng: number;
}

const GPS_IFD_POINTER = 0x8825;
const TAG = { latRef: 1, lat: 2, lngRef: 3, lng: 4, status: 9 } as const;
const TYPE_ASCII = 2;
const TYPE_RATIONAL = 5;
/** Bytes per value of each TIFF type (values of 4 bytes or less sit in the entry itself). */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };

export function gpsFromExif(exif: Uint8Array): GpsPosition | undefined {
	try {
		return read(exif);
	} catch {
		return undefined;
	}
}

function read(exif: Uint8Array): GpsPosition | undefined {
	// sharp's block starts with the APP1 identifier "Exif\0\0"; a bare TIFF header is accepted too.
	let base = 0;
	if (exif.length >= 6 && String.fromCharCode(...exif.subarray(0, 4)) === 'Exif') base = 6;
	const view = new DataView(exif.buffer, exif.byteOffset, exif.byteLength);
	if (view.byteLength < base + 8) return undefined;
	const order = view.getUint16(base);
	const little = order === 0x4949;
	if (!little && order !== 0x4d4d) return undefined;
	const u16 = (at: number) => view.getUint16(base + at, little);
	const u32 = (at: number) => view.getUint32(base + at, little);
	const inBounds = (at: number, len: number) => at >= 0 && base + at + len <= view.byteLength;
	if (u16(2) !== 42) return undefined;

	/** The entries of the IFD at `offset`: tag → { type, count, value offset (or inline position) }. */
	const entries = (offset: number) => {
		const out = new Map<number, { type: number; count: number; at: number }>();
		if (!inBounds(offset, 2)) return out;
		const n = u16(offset);
		if (n > 1000 || !inBounds(offset + 2, n * 12)) return out;
		for (let i = 0; i < n; i++) {
			const e = offset + 2 + i * 12;
			const type = u16(e + 2);
			const count = u32(e + 4);
			const size = (TYPE_SIZE[type] ?? 1) * count;
			out.set(u16(e), { type, count, at: size <= 4 ? e + 8 : u32(e + 8) });
		}
		return out;
	};

	const ifd0 = entries(u32(4));
	const pointer = ifd0.get(GPS_IFD_POINTER);
	if (!pointer) return undefined;
	const gps = entries(u32(pointer.at));

	const ascii = (tag: number) => {
		const e = gps.get(tag);
		if (!e || e.type !== TYPE_ASCII || !inBounds(e.at, 1)) return undefined;
		return String.fromCharCode(view.getUint8(base + e.at)).toUpperCase();
	};
	const degrees = (tag: number) => {
		const e = gps.get(tag);
		if (!e || e.type !== TYPE_RATIONAL || e.count !== 3 || !inBounds(e.at, 24)) return undefined;
		const [d, m, s] = [0, 1, 2].map((i) => {
			const den = u32(e.at + i * 8 + 4);
			return den === 0 ? NaN : u32(e.at + i * 8) / den;
		});
		const value = d + m / 60 + s / 3600;
		return Number.isFinite(value) ? value : undefined;
	};

	// "V" = the receiver had no fix: the numbers are stale or zero.
	if (ascii(TAG.status) === 'V') return undefined;
	const latRef = ascii(TAG.latRef);
	const lngRef = ascii(TAG.lngRef);
	let lat = degrees(TAG.lat);
	let lng = degrees(TAG.lng);
	if (lat === undefined || lng === undefined || !latRef || !lngRef) return undefined;
	if (latRef === 'S') lat = -lat;
	else if (latRef !== 'N') return undefined;
	if (lngRef === 'W') lng = -lng;
	else if (lngRef !== 'E') return undefined;
	if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
	// Some cameras write 0/0 when they have no position.
	if (lat === 0 && lng === 0) return undefined;
	return { lat: round(lat), lng: round(lng) };
}

/** Seven decimals ≈ 1 cm: all a phone's GPS can tell. */
const round = (x: number) => Math.round(x * 1e7) / 1e7;
