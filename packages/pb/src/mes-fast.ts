import type { MesInput, MesRun } from './mes-types.ts';
import type { Rat } from './rational.ts';
import { mesRunNaive } from './mes-naive.ts';
export function mesRunFast(inp: MesInput, endowment: Rat): MesRun {
	return mesRunNaive(inp, endowment);
}
