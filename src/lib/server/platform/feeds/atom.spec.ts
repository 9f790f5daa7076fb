import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, escapeXml } from './atom.ts';

const parse = (xml: string) =>
	new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		isArray: (n) => n === 'entry' || n === 'link'
	}).parse(xml);

const base = {
	id: 'https://vocea.example/processes/buget',
	title: 'Bugetare participativă 2027',
	selfUrl: 'https://vocea.example/feeds/processes/buget.atom',
	alternateUrl: 'https://vocea.example/processes/buget'
};

describe('atomFeed', () => {
	it('produces a well-formed Atom 1.0 document with the required elements, newest entry first', () => {
		const xml = atomFeed({
			...base,
			language: 'ro',
			entries: [
				{
					id: 'urn:vocea:news:1',
					title: 'Prima',
					updated: new Date('2027-01-01T10:00:00Z'),
					url: 'https://vocea.example/a'
				},
				{
					id: 'urn:vocea:news:2',
					title: 'A doua',
					updated: new Date('2027-02-01T10:00:00Z'),
					url: 'https://vocea.example/b',
					summary: 'Rezumat',
					author: 'Primăria Timișoara',
					category: 'news'
				}
			]
		});
		expect(XMLValidator.validate(xml)).toBe(true);
		const { feed } = parse(xml);
		expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed['@xml:lang']).toBe('ro');
		expect(feed.id).toBe(base.id);
		expect(feed.updated).toBe('2027-02-01T10:00:00.000Z');
		expect(feed.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['self', 'alternate']);
		expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['urn:vocea:news:2', 'urn:vocea:news:1']);
		expect(feed.entry[0].author.name).toBe('Primăria Timișoara');
		// An entry without its own author inherits the feed's, so every entry has one (RFC 4287 §4.1.2).
		expect(feed.entry[1].author.name).toBe(base.title);
		expect(feed.entry[0].summary['#text']).toBe('Rezumat');
	});

	it('escapes markup, quotes and ampersands in text, attributes and HTML content, and drops invalid control characters', () => {
		const hostile = `Tom & "Jerry" <script>alert('x')</script>\u0001`;
		const xml = atomFeed({
			...base,
			title: hostile,
			entries: [
				{
					id: 'urn:vocea:news:3',
					title: hostile,
					updated: new Date('2027-03-01T00:00:00Z'),
					url: 'https://vocea.example/x?a=1&b="2"',
					contentHtml: '<p>Strada <strong>Mărășești</strong> &amp; Piața Victoriei</p>'
				}
			]
		});
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).not.toContain('<script>');
		const { feed } = new XMLParser({
			ignoreAttributes: false,
			attributeNamePrefix: '@',
			processEntities: true,
			htmlEntities: false
		}).parse(xml);
		expect(feed.title['#text']).toBe(`Tom & "Jerry" <script>alert('x')</script>`);
		expect(feed.entry.link['@href']).toBe('https://vocea.example/x?a=1&b="2"');
		expect(feed.entry.content['#text']).toBe('<p>Strada <strong>Mărășești</strong> &amp; Piața Victoriei</p>');
	});

	it('is valid with no entries and a fixed date', () => {
		const xml = atomFeed({ ...base, entries: [] });
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(parse(xml).feed.updated).toBe('1970-01-01T00:00:00.000Z');
	});

	it('escapeXml leaves plain Romanian text alone', () => {
		expect(escapeXml('Cetățeni din Fabric și Iosefin')).toBe('Cetățeni din Fabric și Iosefin');
	});
});
