/** The input of the role commands: which person, which platform role. */
import { z } from 'zod';
import { platformRoles } from '../actors/actor.ts';

export const RoleInput = z.object({ userId: z.string().min(1), role: z.enum(platformRoles, 'admin_role_invalid') });
