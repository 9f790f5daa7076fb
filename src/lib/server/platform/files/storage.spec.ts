import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localStorage, s3Storage } from './storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'vocea-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = async (s: ReadableStream<Uint8Array>) => new Response(s).text();

describe('local storage', () => {
	it('writes, reads and deletes files under its folder only', async () => {
		const storage = localStorage(dir);
		await storage.put('2026/05/a.txt', new TextEncoder().encode('salut'), 'text/plain');
		const got = (await storage.get('2026/05/a.txt'))!;
		expect(got.size).toBe(5);
		expect(await text(got.body)).toBe('salut');
		await storage.delete('2026/05/a.txt');
		expect(await storage.get('2026/05/a.txt')).toBeNull();
		await expect(storage.put('../escape.txt', new Uint8Array(), 'text/plain')).rejects.toThrow(/invalid key/);
	});
});

describe('S3-compatible storage', () => {
	it('puts, gets and deletes objects in the bucket, and answers null for a missing key', async () => {
		const sent: { name: string; input: Record<string, unknown> }[] = [];
		const objects = new Map<string, Uint8Array>();
		const client = {
			async send(command: unknown) {
				const c = command as { constructor: { name: string }; input: Record<string, unknown> };
				sent.push({ name: c.constructor.name, input: c.input });
				const key = c.input.Key as string;
				if (c.constructor.name === 'PutObjectCommand') objects.set(key, c.input.Body as Uint8Array);
				if (c.constructor.name === 'DeleteObjectCommand') objects.delete(key);
				if (c.constructor.name === 'GetObjectCommand') {
					const body = objects.get(key);
					if (!body) throw Object.assign(new Error('missing'), { name: 'NoSuchKey' });
					return {
						Body: { transformToWebStream: () => new Response(new Uint8Array(body)).body! },
						ContentLength: body.length
					};
				}
				return {};
			}
		};
		const storage = await s3Storage(
			{
				bucket: 'vocea-files',
				region: 'eu-central-1',
				endpoint: undefined,
				accessKeyId: undefined,
				secretAccessKey: undefined
			},
			client
		);
		await storage.put('2026/05/b.pdf', new TextEncoder().encode('%PDF'), 'application/pdf');
		expect(sent[0]).toMatchObject({
			name: 'PutObjectCommand',
			input: { Bucket: 'vocea-files', Key: '2026/05/b.pdf', ContentType: 'application/pdf' }
		});
		const got = (await storage.get('2026/05/b.pdf'))!;
		expect([got.size, await text(got.body)]).toEqual([4, '%PDF']);
		await storage.delete('2026/05/b.pdf');
		expect(await storage.get('2026/05/b.pdf')).toBeNull();
	});

	it('needs a bucket', async () => {
		await expect(
			s3Storage({
				bucket: undefined,
				region: 'x',
				endpoint: undefined,
				accessKeyId: undefined,
				secretAccessKey: undefined
			})
		).rejects.toThrow(/S3_BUCKET/);
	});
});
