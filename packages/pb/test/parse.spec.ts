import { describe, expect, it } from 'vitest';
import { parseElection, tallies } from '../src/election.ts';
import { PabulibError, readPabulib, writePabulib } from '../src/pabulib.ts';
import { fromJson, toJson } from '../src/json.ts';
import { hasData, pbFiles, readText } from './data.ts';

const strip = (f: ReturnType<typeof readPabulib>) => ({
	...f,
	projects: { ...f.projects, lines: [] },
	votes: { ...f.votes, lines: [] }
});

/** Files whose own votes / score columns differ from a re-count of their VOTES, and why. */
const KNOWN_COLUMN_DIFFERENCES: Record<string, string> = {
	'pabulib_files/Netherlands_Amsterdam_604.pb':
		'one vote lists projects twice; the file counts them twice, we count once',
	'pabulib_files/Poland_Czestochowa_2020.pb':
		'one vote lists project 579 four times; the file counts it each time, we count once',
	'pabulib_files/Switzerland_Zurich_S5R.pb': 'ordinal score column uses a different scoring than positional (L - rank)',
	'pabulib_files/US_Stanford_Dataset_Merced_Peoples_Budget_Ballot_2019_vote_rankings.pb':
		'ordinal score column uses a different scoring',
	'pabutools_tests/poland_warszawa_2017_goclaw.pb': 'approval file whose score column is an unrelated evaluation score'
};

describe.skipIf(!hasData)('golden: every Pabulib file in ../shared/data/pabulib', () => {
	const files = pbFiles();
	it('has the 78 files', () => expect(files.length).toBe(78));
	for (const f of files) {
		it(`parses ${f.name} with correct counts, and write → parse is identity`, () => {
			const text = readText(f.path);
			const e = parseElection(text, { file: f.name });
			const np = e.meta.get('num_projects');
			const nv = e.meta.get('num_votes');
			if (np) expect(e.projects.length).toBe(Number(np));
			if (nv) expect(e.numVoters).toBe(Number(nv));
			const { votes, scores } = tallies(e);
			const cols = e.file.projects.columns;
			const vi = cols.indexOf('votes');
			const si = cols.indexOf('score');
			let differs = false;
			e.file.projects.rows.forEach((r, i) => {
				if (vi >= 0 && r[vi] !== null && Number(r[vi]) !== votes[i]) differs = true;
				if (si >= 0 && r[si] !== null && Number(r[si]) !== scores[i]) differs = true;
			});
			expect(differs).toBe(f.name in KNOWN_COLUMN_DIFFERENCES);
			const raw = readPabulib(text);
			const again = readPabulib(writePabulib(raw));
			expect(strip(again)).toEqual(strip(raw));
			if (text.length < 500_000) expect(strip(fromJson(JSON.parse(JSON.stringify(toJson(raw)))))).toEqual(strip(raw));
		}, 60_000);
	}
});

describe('parser quirks', () => {
	const base = (meta: string, projects: string, votes: string, nl = '\n') =>
		[
			'META',
			'key;value',
			'budget;100',
			'vote_type;approval',
			...meta.split('|').filter(Boolean),
			'PROJECTS',
			...projects.split('|'),
			'VOTES',
			...votes.split('|')
		].join(nl);
	it('CRLF, missing final newline, trailing ;', () => {
		const e = parseElection(base('', 'project_id;cost;name|1;50;A;|2;60;B', 'voter_id;vote|1;1,2;|2;2', '\r\n'));
		expect(e.projects.map((p) => p.cost)).toEqual([50n, 60n]);
		expect(e.numVoters).toBe(2);
	});
	it('None is null, quoted fields with "" and ;, unbalanced quote kept literally', () => {
		const f = readPabulib(
			base('comment;None', 'project_id;cost;name|1;50;"a ""b"";c"|2;60;say "hi', 'voter_id;vote|1;1')
		);
		expect(f.meta.find(([k]) => k === 'comment')?.[1]).toBeNull();
		expect(f.projects.rows[0][2]).toBe('a "b";c');
		expect(f.projects.rows[1][2]).toBe('say "hi');
		expect(readPabulib(writePabulib(f)).projects.rows).toEqual(f.projects.rows);
	});
	it('decimal budget and costs are exact; string ids; zero cost; duplicate ids in a vote counted once', () => {
		const e = parseElection(
			[
				'META',
				'key;value',
				'budget;969245.38',
				'PROJECTS',
				'project_id;cost',
				'BO.OM.97/24;0.1',
				'B;0',
				'VOTES',
				'voter_id;vote',
				'1;BO.OM.97/24,BO.OM.97/24,B'
			].join('\n')
		);
		expect(e.scale).toBe(100n);
		expect(e.budget).toBe(96924538n);
		expect(e.projects[0].cost).toBe(10n);
		expect(tallies(e).votes[0]).toBe(1);
		expect(e.warnings[0].message).toMatch(/counted once/);
	});
	it('old files without key;value header', () => {
		const e = parseElection(
			['META', 'budget;10', 'PROJECTS', 'project_id;cost', '1;5', 'VOTES', 'voter_id;vote', '1;1'].join('\n')
		);
		expect(e.file.metaHeader).toBe(false);
		expect(e.budget).toBe(10n);
	});
	it.each([
		[
			'unknown project',
			base('', 'project_id;cost|1;5', 'voter_id;vote|1;2'),
			/x.pb:10: vote names unknown project "2"/
		],
		['bad cost', base('', 'project_id;cost|1;abc', 'voter_id;vote|1;1'), /:7: project cost "abc"/],
		['wrong cell count', base('', 'project_id;cost|1;5;x;y', 'voter_id;vote|1;1'), /:7: PROJECTS row has 4 cells/],
		['duplicate project', base('', 'project_id;cost|1;5|1;6', 'voter_id;vote|1;1'), /:8: project_id "1" appears twice/],
		['duplicate voter', base('', 'project_id;cost|1;5', 'voter_id;vote|1;1|1;1'), /:11: voter_id "1" appears twice/],
		[
			'unclosed quote',
			base('', 'project_id;cost;name|1;5;"abc', 'voter_id;vote|1;1'),
			/:7: a quoted cell is never closed/
		],
		['missing section', 'META\nkey;value\nbudget;1\nPROJECTS\nproject_id;cost\n1;1\n', /missing section VOTES/],
		[
			'points mismatch',
			base('', 'project_id;cost|1;5', 'voter_id;vote;points|1;1;1,2').replace('approval', 'cumulative'),
			/points lists 2/
		]
	])('rejects %s with file, line and reason', (_n, text, re) => {
		expect(() => parseElection(text, { file: 'x.pb' })).toThrow(PabulibError);
		expect(() => parseElection(text, { file: 'x.pb' })).toThrow(re);
	});
});
