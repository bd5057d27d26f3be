import { Module } from '@nestjs/common';
import { SessionController } from './session.controller';
import { WebAppRoutes } from './web-app-routes';

/** The web app for fact-checkers and editors, served by the API at /app (built by `npm run build:web`). */
@Module({
  controllers: [SessionController],
  providers: [WebAppRoutes],
})
export class WebAppModule {}
