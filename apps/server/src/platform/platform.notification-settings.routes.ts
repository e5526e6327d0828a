import { notificationSettingsContracts } from '@fazhi/core/notifications/notification-settings.contract';
import { type AppDeps, actorOf, type ZApp } from './kernel/context.ts';
import { implementAll } from './kernel/contract-route.ts';
import {
  createChannel,
  deleteChannel,
  listChannels,
  listDeliveries,
  myPreferences,
  savePreferences,
} from './platform.notification-settings.service.ts';

/** A user's notification preferences; the office's push channels per unit and their delivery log. */
export function notificationSettingsRoutes(app: ZApp, deps: AppDeps) {
  const { db } = deps;
  implementAll(app, notificationSettingsContracts, {
    myPreferences: (request) => myPreferences(db, actorOf(request).user),
    savePreferences: (request) => savePreferences(db, actorOf(request).user, request.body.items),
    listChannels: (request) => listChannels(db, actorOf(request).user),
    createChannel: (request) => createChannel(db, actorOf(request), request.body),
    deleteChannel: (request) => deleteChannel(db, actorOf(request), request.params.id),
    listDeliveries: (request) => listDeliveries(db, actorOf(request).user, request.query),
  });
}
