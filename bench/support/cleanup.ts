/** Cleanup steps of a benchmark run, undone in reverse order at the end (also after a failure). */
export type CleanupStep = () => void | Promise<void>;

export class Cleanups {
	private steps: CleanupStep[] = [];

	add(step: CleanupStep) {
		this.steps.push(step);
	}

	async run() {
		for (const step of this.steps.reverse()) {
			try {
				await step();
			} catch (err) {
				console.warn('cleanup step failed:', err);
			}
		}
		this.steps = [];
	}
}
