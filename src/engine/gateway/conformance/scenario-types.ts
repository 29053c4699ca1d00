/**
 * The shape of the Gateway API conformance suite's expectations as data (kubernetes-sigs/gateway-api v1.6.1,
 * conformance/tests/*.go), so `conformance.test.ts` can run each against the engine. Field names follow the
 * suite's own types (conformance/utils/http/http.go `ExpectedResponse`, `Request`, `ExpectedRequest`, `Response`;
 * conformance/utils/roundtripper/roundtripper.go `RedirectRequest`; conformance/utils/kubernetes/helpers.go for
 * the status assertions) so a row reads like the Go literal it was transcribed from. Which upstream tests are run
 * and which are not, and why: docs/gateway-api.md#conformance.
 */

/** A Kubernetes object by `namespace/name`. */
export type ObjectKeyText = string

/**
 * A condition as the suite asserts it (helpers.go `findConditionInList`): `status` or `reason` left out matches
 * any value.
 */
export interface ExpectedCondition {
  readonly type: string
  readonly status?: 'True' | 'False'
  readonly reason?: string
}

/** One listener of `GatewayStatusMustHaveListeners` (helpers.go `gatewayListenersMatch`). */
export interface ExpectedListener {
  readonly name: string
  /** `SupportedKinds`: `[]` or `['HTTPRoute']` (the suite accepts more kinds than listed, but none when empty). */
  readonly supportedKinds: readonly string[]
  readonly attachedRoutes: number
  readonly conditions: readonly ExpectedCondition[]
}

/** A status assertion of the suite (helpers.go), by the helper it was transcribed from. */
export type StatusCheck =
  /**
   * `GatewayAndHTTPRoutesMustBeAccepted`: each route has a parent status naming the Gateway with Accepted=True
   * (reason Accepted), and every listener of the Gateway has ResolvedRefs, Accepted and Programmed True.
   * (`listeners` only name the ones `NewGatewayRef` was given: the suite then expects one such parent per name.)
   */
  | { readonly kind: 'gateway-and-routes-accepted'; readonly gateway: ObjectKeyText; readonly routes: readonly ObjectKeyText[] }
  /** `HTTPRouteMustHaveCondition` (and its wrappers `HTTPRouteMustHaveResolvedRefsConditionsTrue`, …). */
  | { readonly kind: 'route-condition'; readonly route: ObjectKeyText; readonly gateway: ObjectKeyText; readonly condition: ExpectedCondition }
  /** `HTTPRouteMustHaveParents`: every expected parent is among the route's parent statuses, conditions included. */
  | { readonly kind: 'route-parents'; readonly route: ObjectKeyText; readonly parents: readonly { readonly gateway: ObjectKeyText; readonly conditions: readonly ExpectedCondition[] }[] }
  /** `HTTPRouteMustHaveNoAcceptedParents`: no parent status, or exactly one with Accepted=False. */
  | { readonly kind: 'route-no-accepted-parents'; readonly route: ObjectKeyText }
  /** `GatewayMustHaveZeroRoutes`: no listener status, or exactly one with 0 attached routes. */
  | { readonly kind: 'gateway-zero-routes'; readonly gateway: ObjectKeyText }
  /** `GatewayStatusMustHaveListeners`: exactly these listeners, each with these kinds, count and conditions. */
  | { readonly kind: 'gateway-listeners'; readonly gateway: ObjectKeyText; readonly listeners: readonly ExpectedListener[] }
  /** `GatewayMustHaveCondition`. */
  | { readonly kind: 'gateway-condition'; readonly gateway: ObjectKeyText; readonly condition: ExpectedCondition }
  /**
   * `NamespacesMustBeReady`: every Gateway of these namespaces is Accepted and Programmed (any reason), except
   * those annotated `gateway-api/skip-this-for-readiness: "true"`. (Its pod readiness half has no counterpart:
   * the studio assumes a Deployment's pods ready.)
   */
  | { readonly kind: 'namespaces-ready'; readonly namespaces: readonly string[] }
  /** `GWCMustHaveAcceptedConditionTrue` (the suite's Setup): the GatewayClass is Accepted. */
  | { readonly kind: 'gateway-class-accepted'; readonly gatewayClass: string }

/** http.go `Request` (the request made). */
export interface ConformanceRequest {
  /** The Host header; absent: the request goes to the Gateway's address. */
  readonly host?: string
  /** Default GET. */
  readonly method?: string
  /** Path and query. */
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
}

/** http.go `ExpectedRequest`: what the backend must receive; absent, the backend must receive the request made. */
export interface ExpectedBackendRequest {
  readonly host?: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly absentHeaders?: readonly string[]
}

/** http.go `Response`: `statusCodes` default [200]. */
export interface ExpectedClientResponse {
  readonly statusCodes?: readonly number[]
  readonly headers?: Readonly<Record<string, string>>
  readonly absentHeaders?: readonly string[]
}

/** roundtripper.go `RedirectRequest`: an empty field takes http.go `setRedirectRequestDefaults`' default. */
export interface ExpectedRedirect {
  readonly scheme?: string
  readonly host?: string
  readonly port?: string
  readonly path?: string
}

/** One `http.ExpectedResponse` of a test, with where it was sent. */
export interface RequestCase {
  /** The case's place in the upstream test: its index in `testCases`, prefixed by the subtest when there are several. */
  readonly case: string
  /** The Gateway the suite sends it to (`gwAddr`). */
  readonly gateway: ObjectKeyText
  /** Default http; https for `tls.MakeTLSRequestAndExpectEventuallyConsistentResponse`. */
  readonly scheme?: 'http' | 'https'
  /** The port of `gwAddr`: the Gateway's first listener, or the listener `NewGatewayRef` named. Default 80 / 443. */
  readonly port?: number
  /**
   * `ServerName`: the TLS server name (SNI) of an HTTPS request, when the test sets one apart from the Host
   * (tls.MakeTLSRequestAndExpectEventuallyConsistentResponse's `serverName`); default the Host's name.
   */
  readonly serverName?: string
  readonly request: ConformanceRequest
  readonly expectedRequest?: ExpectedBackendRequest
  /** `BackendSetResponseHeaders`: what the echo backend answers with (it reads them from `X-Echo-Set-Header`). */
  readonly backendSetResponseHeaders?: Readonly<Record<string, string>>
  readonly response?: ExpectedClientResponse
  readonly redirectRequest?: ExpectedRedirect
  /** `Backend`: the answering pod's name starts with it (a Deployment's pods are named after it). */
  readonly backend?: string
  readonly namespace?: string
  /** `MirroredTo`: the Services the request is copied to (the suite reads their logs; here, the engine's answer). */
  readonly mirroredTo?: readonly { readonly name: string; readonly namespace: string }[]
}

/**
 * A test that measures a distribution (HTTPRouteWeight) or repeats one request (backend-weight header checks):
 * only the part that needs no statistics is run — every answer comes from one of `backends`, and, with
 * `headerNamesBackend`, the request the backend receives carries that header naming the backend it reached.
 */
export interface RepeatedCase {
  readonly case: string
  readonly gateway: ObjectKeyText
  readonly request: ConformanceRequest
  readonly samples: number
  readonly backends: readonly string[]
  readonly namespace: string
  readonly headerNamesBackend?: string
}

/** A change the test makes to the applied manifests before its later assertions. */
export type ManifestEdit =
  | { readonly kind: 'delete'; readonly object: { readonly kind: string; readonly namespace: string; readonly name: string } }
  | { readonly kind: 'add-listener'; readonly gateway: ObjectKeyText; readonly listener: Readonly<Record<string, unknown>> }
  | { readonly kind: 'keep-listeners'; readonly gateway: ObjectKeyText; readonly names: readonly string[] }

/** One stage of a test: the manifests as they stand then, and what the test asserts. */
export interface ScenarioPhase {
  readonly title: string
  /** Applied to the test's manifests, in order, before this phase's assertions (and kept for later phases). */
  readonly edits?: readonly ManifestEdit[]
  readonly checks: readonly StatusCheck[]
  readonly requests: readonly RequestCase[]
  readonly repeated?: readonly RepeatedCase[]
}

/** One upstream conformance test. */
export interface ConformanceScenario {
  /** The test's `ShortName`. */
  readonly shortName: string
  /** Its file under conformance/tests/ at v1.6.1. */
  readonly source: string
  /** Its `Manifests` (fixture files under ./fixtures), applied after the base manifests. */
  readonly manifests: readonly string[]
  readonly phases: readonly ScenarioPhase[]
  /** What of the upstream test is not run here, and why (cases needing a live data plane). */
  readonly notRun?: string
}
