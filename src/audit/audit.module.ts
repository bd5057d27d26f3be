import { Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';

/** The audit trail: who changed what, before and after. */
@Module({
  providers: [AuditLogRepository],
  exports: [AuditLogRepository],
})
export class AuditModule {}
