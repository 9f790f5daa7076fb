/**
 * The election model: projects with exact costs, a budget, and ballots in a compact form, built from a Pabulib file
 * with validation. Money is kept as integers in units of `1 / scale` (scale = 10^d, d = the most decimals used by
 * the budget or a cost), so every sum and comparison of money is exact.
 */
import { PabulibError, readPabulib, type PabulibFile } from './pabulib.ts';

export type VoteType = 'approval' | 'choose-1' | 'ordinal' | 'cumulative' | 'scoring';
const VOTE_TYPES: ReadonlySet<string> = new Set(['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring']);

export interface Project {
	id: string;
	/** Cost in units of 1/scale. */
	cost: bigint;
	/** Position in the file (0-based). */
	index: number;
}

export interface Election {
	file: PabulibFile;
	voteType: VoteType;
	/** Money unit: amounts are integers of 1/scale. */
	scale: bigint;
	budget: bigint;
	projects: Project[];
	/** project id -> index */
	projectIndex: Map<string, number>;
	/** Number of ballots (voters). */
	numVoters: number;
	/** Ballots in CSR form: ballot v lists ballotProjects[ballotStart[v] .. ballotStart[v+1]) (in ballot order, no repeats). */
	ballotStart: Int32Array;
	ballotProjects: Int32Array;
	/** Points per entry for cumulative / scoring ballots, rank-derived scores for ordinal, 1 for approval. */
	ballotPoints: Int32Array;
	/** Non-fatal observations (e.g. a project listed twice in one vote, counted once). */
	warnings: { line?: number; message: string }[];
	/** META as a map (first occurrence wins). */
	meta: Map<string, string | null>;
}

const DECIMAL = /^\s*(\d+)(?:\.(\d*))?\s*$/;

function decimals(s: string): number {
	const m = DECIMAL.exec(s);
	return m && m[2] ? m[2].replace(/0+$/, '').length : 0;
}

/** Parses a non-negative decimal string into an integer of 1/10^scaleDigits. */
export function parseDecimal(s: string, scaleDigits: number): bigint {
	const m = DECIMAL.exec(s);
	if (!m) throw new Error(`not a non-negative decimal number: "${s}"`);
	const frac = (m[2] ?? '').replace(/0+$/, '');
	if (frac.length > scaleDigits) throw new Error(`too many decimals in "${s}"`);
	return BigInt(m[1]) * 10n ** BigInt(scaleDigits) + BigInt(frac + '0'.repeat(scaleDigits - frac.length) || '0');
}

/** Formats an integer amount of 1/scale as an exact decimal string (trailing zeros dropped). */
export function formatMoney(value: bigint, scale: bigint): string {
	const neg = value < 0n;
	const v = neg ? -value : value;
	const whole = v / scale;
	const frac = v % scale;
	let s = whole.toString();
	if (frac !== 0n) {
		const digits = scale.toString().length - 1;
		s += '.' + frac.toString().padStart(digits, '0').replace(/0+$/, '');
	}
	return neg ? '-' + s : s;
}

function col(columns: string[], name: string): number {
	return columns.indexOf(name);
}

export interface ParseOptions {
	/** File name used in error messages. */
	file?: string;
}

/** Parses and validates a Pabulib file. Throws {@link PabulibError} (file, line, reason) on anything broken. */
export function parseElection(text: string, options: ParseOptions = {}): Election {
	return buildElection(readPabulib(text, options.file), options);
}

/** Validates a raw Pabulib structure and builds the election model. */
export function buildElection(file: PabulibFile, options: ParseOptions = {}): Election {
	const fname = options.file;
	const fail = (reason: string, line?: number): never => {
		throw new PabulibError(reason, line, fname);
	};
	const meta = new Map<string, string | null>();
	for (const [k, v] of file.meta) if (!meta.has(k)) meta.set(k, v);
	const warnings: { line?: number; message: string }[] = [];

	const voteTypeRaw = (meta.get('vote_type') ?? 'approval').trim().toLowerCase();
	if (!VOTE_TYPES.has(voteTypeRaw)) fail(`unknown vote_type "${voteTypeRaw}"`);
	const voteType = voteTypeRaw as VoteType;

	const budgetRaw = meta.get('budget');
	if (budgetRaw === undefined || budgetRaw === null) fail('META has no budget');
	if (!DECIMAL.test(budgetRaw as string)) fail(`META budget "${budgetRaw}" is not a non-negative number`);

	const pc = file.projects.columns;
	const idCol = col(pc, 'project_id');
	const costCol = col(pc, 'cost');
	if (idCol < 0) fail('PROJECTS has no project_id column');
	if (costCol < 0) fail('PROJECTS has no cost column');

	let scaleDigits = decimals(budgetRaw as string);
	for (let r = 0; r < file.projects.rows.length; r++) {
		const c = file.projects.rows[r][costCol];
		if (c === null || !DECIMAL.test(c))
			fail(`project cost "${c ?? 'None'}" is not a non-negative number`, file.projects.lines[r]);
		scaleDigits = Math.max(scaleDigits, decimals(c as string));
	}
	const scale = 10n ** BigInt(scaleDigits);
	const budget = parseDecimal(budgetRaw as string, scaleDigits);

	const projects: Project[] = [];
	const projectIndex = new Map<string, number>();
	for (let r = 0; r < file.projects.rows.length; r++) {
		const row = file.projects.rows[r];
		const id = row[idCol]?.trim() ?? '';
		if (id === '') fail('a project has an empty project_id', file.projects.lines[r]);
		if (projectIndex.has(id)) fail(`project_id "${id}" appears twice`, file.projects.lines[r]);
		projectIndex.set(id, projects.length);
		projects.push({ id, cost: parseDecimal(row[costCol] as string, scaleDigits), index: projects.length });
	}

	const vc = file.votes.columns;
	const voteCol = col(vc, 'vote');
	const voterCol = col(vc, 'voter_id');
	const pointsCol = col(vc, 'points');
	if (voteCol < 0) fail('VOTES has no vote column');
	const usesPoints = voteType === 'cumulative' || voteType === 'scoring';
	if (usesPoints && pointsCol < 0) fail(`vote_type ${voteType} needs a points column in VOTES`);

	const nv = file.votes.rows.length;
	const ballotStart = new Int32Array(nv + 1);
	let cap = Math.max(16, nv * 4);
	let ballotProjects = new Int32Array(cap);
	let ballotPoints = new Int32Array(cap);
	let len = 0;
	const seenVoters = voterCol >= 0 ? new Set<string>() : null;
	const mark = new Int32Array(projects.length).fill(-1);
	let maxLen = 0;
	let dupVotes = 0;
	let firstDupLine = 0;
	for (let v = 0; v < nv; v++) {
		const row = file.votes.rows[v];
		const line = file.votes.lines[v];
		ballotStart[v] = len;
		if (seenVoters) {
			const vid = row[voterCol] ?? '';
			if (seenVoters.has(vid)) fail(`voter_id "${vid}" appears twice`, line);
			seenVoters.add(vid);
		}
		const voteStr = row[voteCol];
		if (voteStr === null || voteStr.trim() === '') continue; // empty ballot
		const ids = voteStr.split(',');
		let pts: string[] | null = null;
		if (usesPoints) {
			const p = row[pointsCol];
			pts = p === null ? [] : p.split(',');
			if (pts.length !== ids.length)
				fail(`vote lists ${ids.length} projects but points lists ${pts.length} values`, line);
		}
		let dup = false;
		for (let k = 0; k < ids.length; k++) {
			const id = ids[k].trim();
			if (id === '') fail('empty project id in vote', line);
			const p = projectIndex.get(id);
			if (p === undefined) fail(`vote names unknown project "${id}"`, line);
			if (mark[p as number] === v) {
				dup = true;
				continue; // counted once
			}
			mark[p as number] = v;
			let point = 1;
			if (pts) {
				const s = pts[k].trim();
				if (!/^\d+$/.test(s)) fail(`points value "${s}" is not a non-negative integer`, line);
				point = Number(s);
				if (!Number.isSafeInteger(point) || point > 0x7fffffff) fail(`points value "${s}" is too large`, line);
			}
			if (len === cap) {
				cap *= 2;
				const a = new Int32Array(cap);
				a.set(ballotProjects);
				ballotProjects = a;
				const b = new Int32Array(cap);
				b.set(ballotPoints);
				ballotPoints = b;
			}
			ballotProjects[len] = p as number;
			ballotPoints[len] = point;
			len++;
		}
		if (dup) {
			dupVotes++;
			if (firstDupLine === 0) firstDupLine = line;
		}
		maxLen = Math.max(maxLen, len - ballotStart[v]);
	}
	ballotStart[nv] = len;
	if (dupVotes > 0)
		warnings.push({
			line: firstDupLine,
			message: `${dupVotes} vote(s) list a project more than once; each project is counted once per vote`
		});

	if (voteType === 'ordinal') {
		// Borda-style: with ballots of at most L entries, position k (0-based) scores L - k.
		const ml = meta.get('max_length');
		const L = ml && /^\d+$/.test(ml.trim()) ? Math.max(Number(ml.trim()), maxLen) : maxLen;
		for (let v = 0; v < nv; v++)
			for (let k = ballotStart[v]; k < ballotStart[v + 1]; k++) ballotPoints[k] = L - (k - ballotStart[v]);
	}

	const election: Election = {
		file,
		voteType,
		scale,
		budget,
		projects,
		projectIndex,
		numVoters: nv,
		ballotStart,
		ballotProjects: ballotProjects.slice(0, len),
		ballotPoints: ballotPoints.slice(0, len),
		warnings,
		meta
	};
	const np = meta.get('num_projects');
	if (np && /^\d+$/.test(np.trim()) && Number(np) !== projects.length)
		warnings.push({ message: `META num_projects is ${np} but PROJECTS lists ${projects.length}` });
	const nvs = meta.get('num_votes');
	if (nvs && /^\d+$/.test(nvs.trim()) && Number(nvs) !== nv)
		warnings.push({ message: `META num_votes is ${nvs} but VOTES lists ${nv}` });
	return election;
}

/** Per-project approval counts (number of ballots listing the project) and scores (sum of points). */
export function tallies(e: Election): { votes: Int32Array; scores: Float64Array } {
	const votes = new Int32Array(e.projects.length);
	const scores = new Float64Array(e.projects.length);
	for (let k = 0; k < e.ballotProjects.length; k++) {
		votes[e.ballotProjects[k]]++;
		scores[e.ballotProjects[k]] += e.ballotPoints[k];
	}
	return { votes, scores };
}

/** Identical ballots merged: group g has `weight[g]` voters and entries start[g]..start[g+1]. */
export interface Profile {
	numGroups: number;
	weight: Int32Array;
	start: Int32Array;
	projects: Int32Array;
	points: Int32Array;
	/** For each voter, its group. */
	groupOf: Int32Array;
}

/** Merges identical ballots (same projects with the same points, in any order; rank order matters for ordinal). */
export function multiProfile(e: Election): Profile {
	const keyToGroup = new Map<string, number>();
	const groupOf = new Int32Array(e.numVoters);
	const firstVoter: number[] = [];
	const weights: number[] = [];
	const ordered = e.voteType === 'ordinal';
	for (let v = 0; v < e.numVoters; v++) {
		const a = e.ballotStart[v];
		const b = e.ballotStart[v + 1];
		const parts: number[] = [];
		for (let k = a; k < b; k++) parts.push(e.ballotProjects[k], e.ballotPoints[k]);
		let key: string;
		if (ordered || b - a < 2) key = parts.join(',');
		else {
			const pairs: [number, number][] = [];
			for (let k = a; k < b; k++) pairs.push([e.ballotProjects[k], e.ballotPoints[k]]);
			pairs.sort((x, y) => x[0] - y[0]);
			key = pairs.map((p) => `${p[0]}:${p[1]}`).join(',');
		}
		let g = keyToGroup.get(key);
		if (g === undefined) {
			g = firstVoter.length;
			keyToGroup.set(key, g);
			firstVoter.push(v);
			weights.push(0);
		}
		weights[g]++;
		groupOf[v] = g;
	}
	const ng = firstVoter.length;
	const start = new Int32Array(ng + 1);
	let total = 0;
	for (let g = 0; g < ng; g++) {
		start[g] = total;
		total += e.ballotStart[firstVoter[g] + 1] - e.ballotStart[firstVoter[g]];
	}
	start[ng] = total;
	const projects = new Int32Array(total);
	const points = new Int32Array(total);
	for (let g = 0; g < ng; g++) {
		const v = firstVoter[g];
		let o = start[g];
		for (let k = e.ballotStart[v]; k < e.ballotStart[v + 1]; k++, o++) {
			projects[o] = e.ballotProjects[k];
			points[o] = e.ballotPoints[k];
		}
	}
	return { numGroups: ng, weight: Int32Array.from(weights), start, projects, points, groupOf };
}
