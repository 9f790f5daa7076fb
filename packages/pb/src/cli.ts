#!/usr/bin/env node
/** vocea-pb: count, check and convert participatory-budgeting elections (Pabulib files). */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { count, outcomeJson, RULES, type CountOptions, type Rule } from './count.ts';
import { buildElection, formatMoney, parseElection, tallies, type Election } from './election.ts';
import { fromJson, toJson } from './json.ts';
import { PabulibError, readPabulib, writePabulib } from './pabulib.ts';
import { parseTieBreak } from './tiebreak.ts';

const HELP = `vocea-pb — participatory-budgeting counting engine (Pabulib in and out, exact arithmetic)

Usage:
  vocea-pb count FILE.pb --rule RULE [options]   count an election and print the funded projects
  vocea-pb check FILE.pb                          validate a file; print a summary (or the first error)
  vocea-pb convert IN OUT                         Pabulib <-> JSON (by extension: .pb / .json; "-" = stdout)
  vocea-pb --help

Rules (--rule):
  greedy              by votes (score for cumulative/ordinal), skip projects that do not fit
  greedy-no-skip      stop at the first project that does not fit
  greedy-threshold    greedy among projects with score >= --threshold (default META min_project_score_threshold)
  greedy-poznan       no-skip, then the next project if the budget left covers >= 80 % of its cost
  greedy-utilitarian  pabutools' greedy: satisfaction per unit of cost
  mes                 Method of Equal Shares
  mes-add1            MES, raising the endowment one unit at a time (see --add1-stop)
  mes-add1u           mes-add1, then fill up by votes
  mes-greedy          MES, then utilitarian greedy completion (pabutools)
  phragmen            sequential Phragmén (pabutools semantics; approval ballots)
  max-welfare         maximum utilitarian welfare (exact knapsack)

Options:
  --utility cost|cardinality    utilities for approval ballots (default cost); points are used otherwise
  --tie-break T                 lexicographic | min-cost-max-votes | file-order | seed:N
                                (default: file-order for city greedy rules, min-cost-max-votes for mes-add1/add1u,
                                lexicographic otherwise)
  --add1-stop exhaustive|budget stop at the first exhaustive outcome (default) or keep going while within budget
  --add1-start exact|integral   first endowment B/n or floor(B/n) (default by flavour)
  --flavour equalshares|pabutools   reference semantics for MES details (see README)
  --comparison                  compare with greedy-by-votes and keep it if more voters prefer it
  --threshold N                 minimum score for greedy-threshold
  --json                        print one JSON object with explanations
  --no-explain                  skip explanations (faster)

Exit codes: 0 ok, 1 invalid input (file, line and reason on stderr), 2 usage error.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { pos: string[]; flags: Map<string, string | true> } {
	const pos: string[] = [];
	const flags = new Map<string, string | true>();
	const boolean = new Set(['json', 'comparison', 'help', 'no-explain']);
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '-h') flags.set('help', true);
		else if (a.startsWith('--')) {
			const eq = a.indexOf('=');
			const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
			if (boolean.has(name)) flags.set(name, true);
			else {
				const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
				if (v === undefined) throw new UsageError(`--${name} needs a value`);
				flags.set(name, v);
			}
		} else pos.push(a);
	}
	return { pos, flags };
}

function load(path: string): Election {
	const text = readFileSync(path, 'utf8');
	if (path.endsWith('.json')) return buildElection(fromJson(JSON.parse(text)), { file: basename(path) });
	return parseElection(text, { file: basename(path) });
}

function oneOf<T extends string>(name: string, v: string | true | undefined, allowed: readonly T[]): T | undefined {
	if (v === undefined) return undefined;
	if (v === true || !allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
	return v as T;
}

function main(argv: string[]): number {
	const { pos, flags } = parseArgs(argv);
	const cmd = pos[0];
	if (flags.has('help') || cmd === undefined || cmd === 'help') {
		process.stdout.write(HELP + '\n');
		return cmd === undefined && !flags.has('help') ? 2 : 0;
	}
	if (cmd === 'count') {
		if (!pos[1]) throw new UsageError('count needs FILE');
		const rule = oneOf('rule', flags.get('rule'), RULES);
		if (!rule) throw new UsageError(`count needs --rule (${RULES.join(', ')})`);
		const tb = flags.get('tie-break');
		const thr = flags.get('threshold');
		const opts: CountOptions = {
			rule: rule as Rule,
			utility: oneOf('utility', flags.get('utility'), ['cost', 'cardinality'] as const),
			tieBreak: tb === undefined ? undefined : tb === true ? undefined : parseTieBreak(tb),
			add1Stop: oneOf('add1-stop', flags.get('add1-stop'), ['exhaustive', 'budget'] as const),
			add1Start: oneOf('add1-start', flags.get('add1-start'), ['exact', 'integral'] as const),
			flavour: oneOf('flavour', flags.get('flavour'), ['equalshares', 'pabutools'] as const),
			comparison: flags.has('comparison'),
			threshold: thr === undefined || thr === true ? undefined : Number(thr),
			explain: !flags.has('no-explain')
		};
		if (opts.threshold !== undefined && !Number.isFinite(opts.threshold))
			throw new UsageError('--threshold must be a number');
		const e = load(pos[1]);
		const o = count(e, opts);
		if (flags.has('json')) process.stdout.write(JSON.stringify(outcomeJson(o)) + '\n');
		else {
			process.stdout.write(
				`rule: ${o.rule} (${Object.entries(o.params)
					.map(([k, v]) => `${k}=${v}`)
					.join(', ')})\n`
			);
			process.stdout.write(`budget: ${o.budget}\nfunded (${o.selected.length}), in order:\n`);
			const byId = new Map(e.projects.map((p) => [p.id, p]));
			for (const id of o.selected)
				process.stdout.write(`  ${id}\t${formatMoney((byId.get(id) as { cost: bigint }).cost, e.scale)}\n`);
			process.stdout.write(`total cost: ${o.totalCost}\n`);
		}
		return 0;
	}
	if (cmd === 'check') {
		if (!pos[1]) throw new UsageError('check needs FILE');
		const e = load(pos[1]);
		const { votes } = tallies(e);
		const summary = {
			file: basename(pos[1]),
			vote_type: e.voteType,
			budget: formatMoney(e.budget, e.scale),
			projects: e.projects.length,
			voters: e.numVoters,
			empty_ballots: Array.from({ length: e.numVoters }, (_, v) => e.ballotStart[v + 1] - e.ballotStart[v]).filter(
				(l) => l === 0
			).length,
			projects_without_votes: e.projects.filter((p) => votes[p.index] === 0).map((p) => p.id),
			warnings: e.warnings
		};
		if (flags.has('json')) process.stdout.write(JSON.stringify(summary) + '\n');
		else {
			process.stdout.write(
				`ok: ${summary.file}: ${summary.vote_type}, ${summary.projects} projects, ${summary.voters} voters, budget ${summary.budget}\n`
			);
			for (const w of e.warnings) process.stdout.write(`warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}\n`);
		}
		return 0;
	}
	if (cmd === 'convert') {
		const [, input, output] = pos;
		if (!input || !output) throw new UsageError('convert needs IN and OUT');
		const text = readFileSync(input, 'utf8');
		const raw = input.endsWith('.json') ? fromJson(JSON.parse(text)) : readPabulib(text, basename(input));
		buildElection(raw, { file: basename(input) }); // validate
		const toJsonOut = output === '-' ? !input.endsWith('.json') : output.endsWith('.json');
		const out = toJsonOut ? JSON.stringify(toJson(raw)) + '\n' : writePabulib(raw);
		if (output === '-') process.stdout.write(out);
		else writeFileSync(output, out);
		return 0;
	}
	throw new UsageError(`unknown command "${cmd}" (count, check, convert, --help)`);
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (err) {
	if (err instanceof UsageError) {
		process.stderr.write(`vocea-pb: ${err.message}\nTry: vocea-pb --help\n`);
		process.exitCode = 2;
	} else if (err instanceof PabulibError) {
		process.stderr.write(`vocea-pb: invalid file: ${err.message}\n`);
		process.exitCode = 1;
	} else if (err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ENOENT') {
		process.stderr.write(`vocea-pb: ${(err as Error).message}\n`);
		process.exitCode = 1;
	} else {
		process.stderr.write(`vocea-pb: ${(err as Error).message}\n`);
		process.exitCode = 1;
	}
}
