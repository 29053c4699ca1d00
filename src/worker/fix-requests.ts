/**
 * The engine requests of the quick fixes and the API-version conversion: each answers with plain data (titles
 * and text edits; migrated files and notes), computed on the text the request carries.
 */
import { findQuickFixes, migrateSources } from '../engine'
import { PROTOCOL_VERSION, type MigratedResponse, type MigrateRequest, type QuickFixesRequest, type QuickFixesResponse } from './protocol'

export function answerQuickFixes(request: QuickFixesRequest): QuickFixesResponse {
  return { v: PROTOCOL_VERSION, type: 'quick-fixes', id: request.id, fixes: findQuickFixes(request.files, request.options ?? {}, request.target) }
}

export function answerMigrate(request: MigrateRequest): MigratedResponse {
  return { v: PROTOCOL_VERSION, type: 'migrated', id: request.id, result: migrateSources(request.files) }
}
