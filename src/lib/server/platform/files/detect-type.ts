/**
 * What an uploaded file really is, judged by its content (magic bytes), never by its name or the browser's claim:
 * a PDF renamed `photo.jpg` is a PDF. Plain text (CSV, TXT) has no magic bytes, so it is recognised by the
 * absence of binary content plus its extension.
 */
import { fileTypeFromBuffer } from 'file-type';

export type FileKind = 'image' | 'document';

export interface AllowedType {
	ext: string;
	mime: string;
	kind: FileKind;
}

export const allowedTypes: AllowedType[] = [
	{ ext: 'jpg', mime: 'image/jpeg', kind: 'image' },
	{ ext: 'png', mime: 'image/png', kind: 'image' },
	{ ext: 'webp', mime: 'image/webp', kind: 'image' },
	{ ext: 'gif', mime: 'image/gif', kind: 'image' },
	{ ext: 'pdf', mime: 'application/pdf', kind: 'document' },
	{ ext: 'odt', mime: 'application/vnd.oasis.opendocument.text', kind: 'document' },
	{ ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet', kind: 'document' },
	{ ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document' },
	{ ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document' },
	{ ext: 'csv', mime: 'text/csv', kind: 'document' },
	{ ext: 'txt', mime: 'text/plain', kind: 'document' }
];

/** True when the sample looks like text: no NUL bytes and no control characters other than whitespace. */
export function looksLikeText(bytes: Uint8Array): boolean {
	const sample = bytes.subarray(0, 64 * 1024);
	for (const b of sample) {
		if (b === 0) return false;
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
	}
	return sample.length > 0;
}

const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? '';

/** What file-type calls programs and installers: refused everywhere, with a message that says so. */
const executableExts = new Set([
	'exe',
	'elf',
	'macho',
	'class',
	'dex',
	'wasm',
	'msi',
	'cab',
	'deb',
	'rpm',
	'apk',
	'lnk',
	'swf'
]);

/** True for a program whatever its name: a binary executable (ELF, PE/MZ, Mach-O, …) or a script with a `#!` line. */
export async function isExecutable(bytes: Uint8Array): Promise<boolean> {
	if (bytes[0] === 0x23 && bytes[1] === 0x21) return true;
	// Plain text is no binary program, even when it starts with "MZ" (a CSV column) as DOS/Windows executables do.
	if (looksLikeText(bytes)) return false;
	if (bytes[0] === 0x4d && bytes[1] === 0x5a) return true;
	const found = await fileTypeFromBuffer(bytes);
	return Boolean(found && executableExts.has(found.ext));
}

/**
 * True when the content is an SVG drawing (XML that can carry scripts and external references): text whose first
 * element, after any XML declaration, comments and doctype, is `<svg`.
 */
export function looksLikeSvg(bytes: Uint8Array): boolean {
	const head = new TextDecoder('utf-8', { fatal: false })
		.decode(bytes.subarray(0, 64 * 1024))
		.replace(/^\uFEFF/, '')
		.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
		.trimStart();
	return /^<(?:[a-z][\w.-]*:)?svg[\s>/]/i.test(head);
}

/** The allowed type of the content, or null when it is none of them. */
export async function detectType(bytes: Uint8Array, fileName: string): Promise<AllowedType | null> {
	const found = await fileTypeFromBuffer(bytes);
	if (found) return allowedTypes.find((t) => t.mime === found.mime) ?? null;
	if (!looksLikeText(bytes)) return null;
	const ext = extensionOf(fileName);
	return allowedTypes.find((t) => t.ext === (ext === 'csv' ? 'csv' : 'txt')) ?? null;
}

/** A safe download name: no path, no control characters, the extension of what the file really is. */
export function downloadName(originalName: string, ext: string): string {
	const base =
		originalName
			.split(/[\\/]/)
			.pop()!
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f"]/g, '')
			.replace(/\.[^.]*$/, '')
			.trim()
			.slice(0, 150) || 'file';
	return `${base}.${ext}`;
}
