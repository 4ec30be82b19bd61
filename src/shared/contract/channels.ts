/**
 * The channel map: every request's channel, what it takes and answers, the method each shell's
 * {@link Api} gives it, and the events channel.
 */
import type { ClientCancelRequest, ClientRunRequest, ClientRunStarted } from '../client-types'
import type {
  ExcludedPortsReport,
  ExcludedPortsRequest,
  FreePortAnswer,
  FreePortRequest,
  LocalhostReport,
  LocalhostRequest,
  WhoHoldsReport,
  WhoHoldsRequest,
} from '../diagnostics-types'
import type { HttpAnalysis } from '../http-types'
import type { Result } from '../result'
import type { AppSettings, LoadedSettings, SettingsPatch } from '../settings'
import type { ListenerSnapshot } from './domain'
import type { EventBatch, Snapshot } from './events'
import type {
  AddListenerRequest,
  AnalyzeBytesRequest,
  CapturedBytes,
  CloseAllRequest,
  CloseConnectionRequest,
  ConversationChunks,
  EmptyRequest,
  HttpRequest,
  ListenerIdRequest,
  ReadBytesRequest,
  ReadChunksRequest,
  SearchRequest,
  SearchResult,
  SendRequest,
  StopListenerRequest,
  UpdateListenerRequest,
} from './requests'

/** Every request: its channel, what it takes and what it answers. */
export interface RequestMap {
  'listener:add': { request: AddListenerRequest; response: ListenerSnapshot }
  'listener:update': { request: UpdateListenerRequest; response: ListenerSnapshot }
  /** Stop (closing its connections), apply the settings and start again, in one go. */
  'listener:set-up': { request: UpdateListenerRequest; response: ListenerSnapshot }
  'listener:start': { request: ListenerIdRequest; response: ListenerSnapshot }
  'listener:stop': { request: StopListenerRequest; response: ListenerSnapshot }
  'listener:remove': { request: ListenerIdRequest; response: null }
  'engine:snapshot': { request: EmptyRequest; response: Snapshot }
  'connection:close': { request: CloseConnectionRequest; response: null }
  'connections:close-all': { request: CloseAllRequest; response: { closed: number } }
  'connection:send': { request: SendRequest; response: { bytes: number } }
  'connection:read': { request: ReadBytesRequest; response: CapturedBytes }
  'connection:chunks': { request: ReadChunksRequest; response: ConversationChunks }
  'connection:search': { request: SearchRequest; response: SearchResult }
  'connection:http': { request: HttpRequest; response: HttpAnalysis }
  'http:analyze': { request: AnalyzeBytesRequest; response: HttpAnalysis }
  'settings:get': { request: EmptyRequest; response: LoadedSettings }
  'settings:set': { request: SettingsPatch; response: AppSettings }
  'client:run': { request: ClientRunRequest; response: ClientRunStarted }
  'client:cancel': { request: ClientCancelRequest; response: null }
  'diagnostics:who-holds': { request: WhoHoldsRequest; response: WhoHoldsReport }
  'diagnostics:excluded-ports': { request: ExcludedPortsRequest; response: ExcludedPortsReport }
  'diagnostics:localhost': { request: LocalhostRequest; response: LocalhostReport }
  'diagnostics:free-port': { request: FreePortRequest; response: FreePortAnswer }
}

export type Channel = keyof RequestMap
export type RequestOf<C extends Channel> = RequestMap[C]['request']
export type ResponseOf<C extends Channel> = RequestMap[C]['response']

/** The preload's / client's method for each channel. */
export const METHOD_OF = {
  'listener:add': 'addListener',
  'listener:update': 'updateListener',
  'listener:set-up': 'setUpListener',
  'listener:start': 'startListener',
  'listener:stop': 'stopListener',
  'listener:remove': 'removeListener',
  'engine:snapshot': 'snapshot',
  'connection:close': 'closeConnection',
  'connections:close-all': 'closeAllConnections',
  'connection:send': 'send',
  'connection:read': 'readBytes',
  'connection:chunks': 'readChunks',
  'connection:search': 'search',
  'connection:http': 'analyzeHttp',
  'http:analyze': 'analyzeBytes',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
  'client:run': 'runClientPlan',
  'client:cancel': 'cancelClientPlan',
  'diagnostics:who-holds': 'whoHolds',
  'diagnostics:excluded-ports': 'excludedPorts',
  'diagnostics:localhost': 'checkLocalhost',
  'diagnostics:free-port': 'findFreePort',
} as const satisfies Record<Channel, string>

export const CHANNELS = Object.keys(METHOD_OF) as Channel[]

/** The IPC channel that carries event batches main → renderer. */
export const EVENTS_CHANNEL = 'engine:events'

export type Api = {
  [C in Channel as (typeof METHOD_OF)[C]]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & {
  /** Calls back with every event batch; returns the unsubscribe. */
  onEvents(listener: (batch: EventBatch) => void): () => void
}
