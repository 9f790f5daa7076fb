/** The part of autocannon 9's programmatic API the participation benchmark uses (the package ships no types). */
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		timeout?: number;
	}
	interface Result {
		requests: { average: number; total: number };
		latency: { p50: number; p99: number; max: number; average: number };
		throughput: { average: number };
		errors: number;
		timeouts: number;
		non2xx: number;
		duration: number;
	}
	interface Instance extends EventEmitter, PromiseLike<Result> {
		stop(): void;
	}
	function autocannon(options: Options): Instance;
	export default autocannon;
}
