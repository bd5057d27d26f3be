import { ValidationPipe } from '@nestjs/common';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { ValidationError } from '../errors/validation.error';

/**
 * The global validation pipe: unknown properties are refused, payloads are transformed into their DTO classes,
 * and every failed constraint is listed in one 400 message ("text should not be empty; limit must not be
 * greater than 100").
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors: ClassValidatorError[]) =>
        new ValidationError(`Invalid request: ${describeValidationErrors(errors).join('; ')}.`),
    });
  }
}

/** Flattens class-validator's tree into messages that name the full property path ("evidence.0.url must be a URL"). */
export function describeValidationErrors(errors: ClassValidatorError[], parentPath = ''): string[] {
  const messages: string[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      messages.push(
        message.startsWith(error.property) ? path + message.slice(error.property.length) : message,
      );
    }
    if (error.children?.length) messages.push(...describeValidationErrors(error.children, path));
  }
  return messages.length ? messages : ['the body does not match the expected shape'];
}
