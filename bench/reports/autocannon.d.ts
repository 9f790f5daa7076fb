/** The parts of autocannon 9's options the reports benchmark adds (requests made per call; see participation's). */
declare module 'autocannon' {
	interface Options {
		requests?: { method?: string; setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }[];
	}
}
