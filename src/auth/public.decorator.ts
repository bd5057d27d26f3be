import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'claimtrail:isPublic';

/** Marks a controller or route as reachable without an API key (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
