import { ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '../errors/validation.error';

/** `@Param('id', new UuidParamPipe('id'))`: 400 with a clear message when a path id is not a UUID. */
export class UuidParamPipe extends ParseUUIDPipe {
  constructor(name = 'id') {
    super({
      exceptionFactory: () =>
        new ValidationError(`${name} must be a UUID (e.g. 3f0e2b1c-8a4d-4c1e-9f3a-2b6d7e8f9a0b).`),
    });
  }
}
